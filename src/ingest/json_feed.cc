// The JSON Feed scanner (see json_feed.h). Tested in feed_reader_test.cc.
#include "ingest/json_feed.h"

#include <simdjson.h>

#include "core/utf8.h"
#include "ingest/xml_text.h"

namespace corroborate {
namespace {

std::string Field(simdjson::dom::object o, const char* key) {
  std::string_view s;
  if (o[key].get(s) == simdjson::SUCCESS) return std::string(s);
  return "";
}

std::string AuthorName(simdjson::dom::object item) {
  simdjson::dom::array authors;
  if (item["authors"].get(authors) == simdjson::SUCCESS) {
    for (simdjson::dom::element a : authors) {
      simdjson::dom::object o;
      if (a.get(o) == simdjson::SUCCESS) return Field(o, "name");
    }
  }
  simdjson::dom::object author;
  if (item["author"].get(author) == simdjson::SUCCESS) return Field(author, "name");
  return "";
}

// Builds one item's document; false when the text is not a JSON object.
bool BuildItem(simdjson::dom::parser& parser, const std::string& json, RawDocument& doc) {
  simdjson::dom::object item;
  if (parser.parse(json).get(item) != simdjson::SUCCESS) return false;
  simdjson::dom::element id;
  if (item["id"].get(id) == simdjson::SUCCESS) {
    std::string_view s;
    if (id.get(s) == simdjson::SUCCESS) {
      doc.id = std::string(s);
    } else if (id.is_number()) {
      doc.id = simdjson::minify(id);
    }
  }
  doc.url = Field(item, "url");
  if (doc.url.empty()) doc.url = Field(item, "external_url");
  if (doc.id.empty()) doc.id = doc.url;
  doc.title = CollapseSpace(Field(item, "title"));
  doc.author = CollapseSpace(AuthorName(item));
  doc.published = Field(item, "date_published");
  if (doc.published.empty()) doc.published = Field(item, "date_modified");
  if (std::string html = Field(item, "content_html"); !html.empty()) {
    doc.body = std::move(html);
    doc.kind = ContentKind::kHtml;
  } else {
    doc.body = Field(item, "content_text");
    if (doc.body.empty()) doc.body = Field(item, "summary");
    doc.kind = ContentKind::kText;
  }
  for (std::string* s : {&doc.id, &doc.url, &doc.title, &doc.author, &doc.published, &doc.body}) *s = utf8::Repair(*s);
  return true;
}

// Walks JSON bytes one at a time, tracking strings and nesting, and hands out the top level's
// "title" value and each element of its "items" array as text.
class Scanner {
 public:
  Scanner(const std::string& path, const ReadLimits& limits, const DocumentCallback& on_document,
          const ProblemCallback& on_problem)
      : path_(path), limits_(limits), on_document_(on_document), on_problem_(on_problem) {}

  void Feed(std::string_view bytes) {
    for (char c : bytes) Step(c);
  }

  void Finish() {
    if (!saw_items_) {
      on_problem_({path_, 0, depth_ == 0 && !started_ ? "not a JSON Feed: empty" : "not a JSON Feed: no \"items\" array"});
    } else if (depth_ != 0) {
      on_problem_({path_, 0, "JSON Feed ends early; the " + std::to_string(count_) + " items before the break were read"});
    }
  }

 private:
  void Step(char c) {
    started_ = true;
    if (capture_) {
      if (item_.size() < limits_.max_document_bytes) {
        item_.push_back(c);
      } else {
        too_long_ = true;
      }
    }
    if (in_string_) {
      if (escape_ || c == '\\') {
        escape_ = !escape_ && c == '\\';
        if (key_text_ && token_.size() < 4096) token_.push_back(c);
        return;
      }
      if (c != '"') {
        if (key_text_ && token_.size() < 4096) token_.push_back(c);
        return;
      }
      in_string_ = false;
      if (depth_ == 1 && key_text_) {
        key_text_ = false;
        if (expect_key_) {
          key_ = token_;
        } else if (key_ == "title" && outlet_.empty()) {
          outlet_ = CollapseSpace(utf8::Repair(Unescape("\"" + token_ + "\"")));
        }
      }
      return;
    }
    switch (c) {
      case '"':
        in_string_ = true;
        if (depth_ == 1) {
          key_text_ = true;
          token_.clear();
        }
        break;
      case '{':
      case '[':
        if (depth_ == 1 && !expect_key_ && key_ == "items" && c == '[') in_items_ = saw_items_ = true;
        if (depth_ == 2 && in_items_) StartItem(c);
        ++depth_;
        if (depth_ == 1) expect_key_ = true;
        break;
      case '}':
      case ']':
        if (depth_ > 0) --depth_;
        if (depth_ == 2 && capture_) EndItem();
        if (depth_ == 1) in_items_ = false;
        break;
      case ':':
        if (depth_ == 1) expect_key_ = false;
        break;
      case ',':
        if (depth_ == 1) expect_key_ = true;
        break;
      default:
        break;
    }
  }

  void StartItem(char c) {
    ++position_;
    capture_ = true;
    too_long_ = false;
    item_.assign(1, c);
  }

  void EndItem() {
    capture_ = false;
    if (count_ >= limits_.max_feed_items) return;
    if (too_long_) {
      on_problem_({path_, position_, "item larger than " + std::to_string(limits_.max_document_bytes >> 20) + " MB"});
      return;
    }
    RawDocument doc;
    if (item_[0] != '{' || !BuildItem(parser_, item_, doc)) {
      on_problem_({path_, position_, "item is not a JSON object"});
      return;
    }
    ++count_;
    doc.source = path_;
    doc.line = position_;
    doc.outlet = outlet_;
    if (doc.id.empty()) doc.id = path_ + "#" + std::to_string(position_);
    on_document_(std::move(doc));
    if (count_ == limits_.max_feed_items) {
      on_problem_({path_, 0, "more than " + std::to_string(limits_.max_feed_items) + " items; the rest were skipped"});
    }
  }

  std::string Unescape(const std::string& quoted) {
    std::string_view s;
    if (parser_.parse(quoted).get(s) != simdjson::SUCCESS) return "";
    return std::string(s);
  }

  const std::string& path_;
  const ReadLimits& limits_;
  const DocumentCallback& on_document_;
  const ProblemCallback& on_problem_;
  simdjson::dom::parser parser_;
  int depth_ = 0;
  bool in_string_ = false, escape_ = false, key_text_ = false, expect_key_ = false;
  bool in_items_ = false, saw_items_ = false, capture_ = false, too_long_ = false;
  bool started_ = false;
  std::string token_, key_, outlet_, item_;
  size_t position_ = 0;  // objects and arrays met in "items", 1-based
  size_t count_ = 0;
};

}  // namespace

void ReadJsonFeed(const std::function<int(char*, size_t)>& read, const std::string& path, const ReadLimits& limits,
                  const DocumentCallback& on_document, const ProblemCallback& on_problem) {
  Scanner scanner(path, limits, on_document, on_problem);
  char buf[64 * 1024];
  while (true) {
    const int n = read(buf, sizeof buf);
    if (n <= 0) break;
    scanner.Feed(std::string_view(buf, static_cast<size_t>(n)));
  }
  scanner.Finish();
}

}  // namespace corroborate
