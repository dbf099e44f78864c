// A pretty-printed single article made into one JSON line (article_body.h).
#include "serve/article_body.h"

#include <simdjson.h>

#include <string_view>

namespace corroborate::serve {

std::string ArticleBodyAsJsonLines(std::string body) {
  std::string_view text = body;
  size_t start = text.find_first_not_of(" \t\r\n");
  if (start == std::string_view::npos || text[start] != '{') return body;
  size_t first_newline = text.find('\n', start);
  if (first_newline == std::string_view::npos) return body;
  // A first line that is already a whole object is JSON Lines; no need to try the whole body.
  std::string_view first_line = text.substr(start, first_newline - start);
  size_t last = first_line.find_last_not_of(" \t\r");
  if (last != std::string_view::npos && first_line[last] == '}') return body;

  simdjson::dom::parser parser;
  simdjson::dom::element root;
  if (parser.parse(body).get(root) != simdjson::SUCCESS || !root.is_object()) return body;
  std::string minified(body.size(), '\0');
  size_t length = 0;
  if (simdjson::minify(body.data(), body.size(), minified.data(), length) != simdjson::SUCCESS) return body;
  minified.resize(length);
  return minified;
}

}  // namespace corroborate::serve
