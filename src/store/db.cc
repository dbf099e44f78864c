// Opening a Db on the engine its location names (see db.h). Tested in store_test.cc.
#include "store/db.h"

#include "store/pg_db.h"
#include "store/sqlite_db.h"

namespace corroborate::store {

bool Db::IsPostgresUrl(std::string_view location) {
  return location.starts_with("postgresql://") || location.starts_with("postgres://");
}

Result<Db> Db::Open(const std::string& location, bool read_only, int busy_timeout_ms) {
  if (IsPostgresUrl(location)) return OpenPostgres(location, read_only, busy_timeout_ms);
  return OpenSqlite(location, read_only, busy_timeout_ms);
}

}  // namespace corroborate::store
