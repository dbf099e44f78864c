// Publication dates inferred from the story for articles that state none: an article that says
// "on Wednesday" of an event another outlet dates to a Wednesday was published on or after that
// day; one that names exact past days, after the latest; otherwise it is dated like the story's
// latest dated article. Tested in reconcile_test.cc.
//
//   std::vector<std::string> dates = InferPublished(articles, MergeClaims(articles));
//   // dates[i]: "2026-01-28", or "" where article i has its own date or nothing can be inferred
#pragma once

#include <string>
#include <vector>

#include "reconcile/story_report.h"

namespace corroborate {

std::vector<std::string> InferPublished(const std::vector<StoryArticle>& articles,
                                        const std::vector<StoryEvent>& events);

}  // namespace corroborate
