// JSON-LD article facts via simdjson's DOM parser (see html_jsonld.h). Tested in
// html_extractor_test.cc.
#include "clean/html_jsonld.h"

#include <simdjson.h>

namespace corroborate::html {

namespace {

using simdjson::dom::element;

std::string_view StringOr(element e, std::string_view fallback = {}) {
  std::string_view s;
  if (e.get_string().get(s) == simdjson::SUCCESS) return s;
  return fallback;
}

// Name of a person or organisation given as "Name", {"name": "Name"} or a list of those.
void Names(element e, std::string& out, int budget = 8) {
  if (budget <= 0) return;
  simdjson::dom::array arr;
  if (e.get_array().get(arr) == simdjson::SUCCESS) {
    for (element x : arr) Names(x, out, budget - 1);
    return;
  }
  std::string_view name = StringOr(e);
  simdjson::dom::object obj;
  if (name.empty() && e.get_object().get(obj) == simdjson::SUCCESS) {
    element n;
    if (obj["name"].get(n) == simdjson::SUCCESS) name = StringOr(n);
  }
  if (name.empty() || name.find("://") != std::string_view::npos) return;
  if (out.find(name) != std::string::npos) return;
  if (!out.empty()) out += ", ";
  out += name;
}

bool IsArticleType(element obj) {
  element t;
  if (obj["@type"].get(t) != simdjson::SUCCESS) return false;
  auto matches = [](std::string_view s) {
    return s.find("Article") != std::string_view::npos || s == "BlogPosting" ||
           s == "Report" || s == "LiveBlogPosting";
  };
  simdjson::dom::array arr;
  if (t.get_array().get(arr) == simdjson::SUCCESS) {
    for (element x : arr) {
      if (matches(StringOr(x))) return true;
    }
    return false;
  }
  return matches(StringOr(t));
}

void Fill(std::string& field, std::string_view value) {
  if (field.empty() && !value.empty()) field = std::string(value);
}

// Visits objects breadth-limited: the top value, arrays of objects and "@graph" lists.
void Visit(element e, JsonLdArticle& out, int depth) {
  if (depth > 4) return;
  simdjson::dom::array arr;
  if (e.get_array().get(arr) == simdjson::SUCCESS) {
    for (element x : arr) Visit(x, out, depth + 1);
    return;
  }
  simdjson::dom::object obj;
  if (e.get_object().get(obj) != simdjson::SUCCESS) return;
  element graph;
  if (obj["@graph"].get(graph) == simdjson::SUCCESS) Visit(graph, out, depth + 1);
  if (!IsArticleType(e)) return;
  element v;
  if (obj["headline"].get(v) == simdjson::SUCCESS) Fill(out.headline, StringOr(v));
  if (obj["datePublished"].get(v) == simdjson::SUCCESS) Fill(out.published, StringOr(v));
  if (obj["articleBody"].get(v) == simdjson::SUCCESS) Fill(out.body, StringOr(v));
  if (out.author.empty() && obj["author"].get(v) == simdjson::SUCCESS) Names(v, out.author);
  if (out.publisher.empty() && obj["publisher"].get(v) == simdjson::SUCCESS) {
    Names(v, out.publisher);
  }
}

}  // namespace

void ReadJsonLd(std::string_view json, JsonLdArticle& out) {
  // The parser is cheap to keep per thread and expensive to make per script.
  thread_local simdjson::dom::parser parser;
  simdjson::padded_string padded(json);
  element root;
  if (parser.parse(padded).get(root) == simdjson::SUCCESS) Visit(root, out, 0);
  // Kept for the next script, not grown to the largest one a thread ever met (a page's script can
  // be megabytes, and the parser holds several times its size).
  if (parser.capacity() > (1u << 20)) parser = simdjson::dom::parser{};
}

}  // namespace corroborate::html
