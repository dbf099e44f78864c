// The body of POST /api/articles as the store reads it (JSON Lines). Tested in article_body_test.cc.
//
//   std::string lines = ArticleBodyAsJsonLines(request.body);
#pragma once

#include <string>

namespace corroborate::serve {

// JSON Lines wants each article on one line, but a client sending one article may well pretty-print
// it over several. Such a body (one JSON object, nothing after it) comes back on one line; any other
// body, JSON Lines included, comes back unchanged, so its line numbers still name its lines.
std::string ArticleBodyAsJsonLines(std::string body);

}  // namespace corroborate::serve
