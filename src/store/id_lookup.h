// Many articles' ids looked up in one statement: on PostgreSQL each statement whose rows are read
// is a round trip to the server, and ingest looks every article's id up (before analysing it and
// again under the write lock). Tested in id_lookup_test.cc on both engines.
//
//   Result<StoredIds> found = LookUpIds(db, {"a1", "a2"});
//   if (found.ok() && found->count("a1")) use((*found)["a1"].rowid);
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "store/db.h"

namespace corroborate::store {

// An article row as its id finds it.
struct StoredId {
  int64_t rowid = 0;
  std::string raw_hash;  // of the raw input of its current version
};
using StoredIds = std::unordered_map<std::string, StoredId>;

// The stored row of each of `ids` that the articles table holds (absent ids have no entry).
Result<StoredIds> LookUpIds(Db& db, const std::vector<std::string>& ids);

}  // namespace corroborate::store
