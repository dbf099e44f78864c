// The store's read side for live use: the change log the event stream follows, an article's
// versions, and a story's corrections (shapes in store.h). Tested in live_store_test.cc and tests/watch.
#pragma once

#include <string>
#include <vector>

#include "store/db.h"
#include "store/store.h"

namespace corroborate::store {

Result<std::vector<Change>> QueryChangesSince(Db& db, int64_t after, size_t max);
Result<int64_t> QueryLatestChange(Db& db);
Result<std::string> QueryArticleVersions(Db& db, const std::string& article_id);
Result<std::string> QueryStoryCorrections(Db& db, const std::string& story_id);

}  // namespace corroborate::store
