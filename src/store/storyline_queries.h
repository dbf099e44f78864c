// The store's reads of storylines and of why articles and stories are where they are: the HTTP
// API's storyline list and timeline, a story's explanations, and where a merged story or storyline
// went. Each returns ready JSON (shapes in store.h). Tested in store_test.cc and
// tests/serve/api_test.py.
#pragma once

#include <cstdint>
#include <string>

#include "store/db.h"
#include "store/store.h"

namespace corroborate::store {

Result<std::string> QueryStorylines(Db& db, const StorylineQuery& q);
Result<std::string> QueryStoryline(Db& db, const std::string& storyline_id);
Result<std::string> QueryStoryWhy(Db& db, const std::string& story_id);

// The story (or storyline) a merged one went into, following merges up to the one that stands; 0
// when `id` was never merged. `storylines` picks the kind.
Result<int64_t> MergedInto(Db& db, int64_t id, bool storylines);

}  // namespace corroborate::store
