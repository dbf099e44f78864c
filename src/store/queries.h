// The store's read side: the HTTP API's five queries over one read connection, each returning the
// reply as ready JSON (shapes in store.h). Tested in store_test.cc.
#pragma once

#include <chrono>
#include <string>

#include "store/db.h"
#include "store/store.h"

namespace corroborate::store {

Result<std::string> QueryStories(Db& db, const StoryQuery& q);
Result<std::string> QueryStory(Db& db, const std::string& story_id);
Result<std::string> QueryArticle(Db& db, const std::string& article_id);
Result<std::string> QueryEvents(Db& db, const EventQuery& q);
// Plain words and "phrases" only (search_query.h); stopped with kLimitExceeded after `time_limit`.
Result<std::string> QuerySearch(Db& db, const SearchQuery& q, std::chrono::milliseconds time_limit);

}  // namespace corroborate::store
