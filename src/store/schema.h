// The store's schema and its migrations: the number of migrations a store has had is kept in it
// (SQLite: PRAGMA user_version; PostgreSQL: the store_meta table), and opening a store applies the
// missing ones in order, each in its own write transaction. Each migration is written once per
// engine (schema.cc for SQLite, schema_pg.cc for PostgreSQL), both lists of the same length, so a
// version number means the same tables on both. Tested in schema_test.cc (from an empty store, and
// from every earlier version).
//
//   Status s = Migrate(db);                 // to kSchemaVersion
//   Status s = MigrateTo(db, 1);            // tests: stop at an earlier version
#pragma once

#include <span>

#include "store/db.h"

namespace corroborate::store {

// Written as PRAGMA application_id so a file that is some other SQLite database is refused.
constexpr int32_t kApplicationId = 0x43525242;  // "CRRB"

extern const int kSchemaVersion;

Status Migrate(Db& db);
Status MigrateTo(Db& db, int version);
Result<int> SchemaVersion(Db& db);

// The PostgreSQL side (schema_pg.cc): its migrations, and the version kept in store_meta.
std::span<const char* const> PostgresMigrations();
Result<int> PostgresSchemaVersion(Db& db);
Status PostgresCheckIsStore(Db& db);
Status PostgresSetVersion(Db& db, int version);

}  // namespace corroborate::store
