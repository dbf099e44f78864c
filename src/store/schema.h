// The store's SQLite schema and its migrations: PRAGMA user_version is the number of migrations a
// file has had, and opening a store applies the missing ones in order, each in its own transaction.
// Tested in store_test.cc (from an empty file, and from every earlier version).
//
//   Status s = Migrate(db);                 // to kSchemaVersion
//   Status s = MigrateTo(db, 1);            // tests: stop at an earlier version
#pragma once

#include "store/db.h"

namespace corroborate::store {

// Written as PRAGMA application_id so a file that is some other SQLite database is refused.
constexpr int32_t kApplicationId = 0x43525242;  // "CRRB"

extern const int kSchemaVersion;

Status Migrate(Db& db);
Status MigrateTo(Db& db, int version);
Result<int> SchemaVersion(Db& db);

}  // namespace corroborate::store
