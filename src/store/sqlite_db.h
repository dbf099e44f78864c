// The SQLite backend of the store's Db (db.h): a connection to one file and its prepared
// statements, over SQLite's C API. Tested in store_test.cc.
#pragma once

#include <string>
#include <string_view>

#include "store/db.h"

struct sqlite3;

namespace corroborate::store {

// Opens the SQLite file at `path`. A writable connection switches the file to WAL (readers never
// wait for the writer, nor it for them).
Result<Db> OpenSqlite(const std::string& path, bool read_only, int busy_timeout_ms);

// The error of SQLite's last call on `db`, as a Status naming `what`: kInvalidInput for SQL or FTS
// query syntax, kLimitExceeded for a statement stopped by a TimeLimit, kIoError otherwise.
Status SqliteError(sqlite3* db, std::string_view what);

}  // namespace corroborate::store
