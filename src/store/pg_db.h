// The PostgreSQL backend of the store's Db (db.h), over libpq: a connection given by a URL
// ("postgresql://user@host:port/db", or with ?host=/socket/dir for a unix socket) and its
// statements. The store's SQL uses ?1, ?2 … as SQLite does; they are sent as $1, $2 …. Each
// statement is prepared once per connection (the store runs the same few hundred again and again)
// and results come back in binary, so integers and bytes need no parsing. Tested in db_test.cc and
// by the whole store suite (store_test etc., run on both engines).
#pragma once

#include <string>
#include <string_view>

#include "store/db.h"

namespace corroborate::store {

// Connects to the database at `url`. A read-only connection refuses writes. `busy_timeout_ms`
// bounds the wait for another writer's lock (lock_timeout).
Result<Db> OpenPostgres(const std::string& url, bool read_only, int busy_timeout_ms);

// `sql` with each ?N outside quotes and comments written $N, and the highest N in `params`.
std::string PostgresParameters(std::string_view sql, int& params);

// The URL without its password, for messages.
std::string RedactedUrl(std::string_view url);

}  // namespace corroborate::store
