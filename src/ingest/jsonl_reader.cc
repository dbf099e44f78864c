// JSON Lines reading with simdjson's error-code API (see jsonl_reader.h). Tested in
// jsonl_reader_test.cc and tests/robust.
#include "ingest/jsonl_reader.h"

#include <simdjson.h>

#include <string_view>

#include "core/utf8.h"

namespace corroborate {

namespace {

bool IsBlank(std::string_view s) {
  return s.find_first_not_of(" \t\r\f\v") == std::string_view::npos;
}

// Turns one parsed line into a document, or says why it cannot be one.
Result<RawDocument> DocumentFromJson(simdjson::dom::element root) {
  simdjson::dom::object obj;
  if (root.get_object().get(obj) != simdjson::SUCCESS) return InvalidInput("line is not a JSON object");
  RawDocument doc;
  bool has_text = false;
  bool has_html = false;
  std::string text, html;
  for (simdjson::dom::key_value_pair field : obj) {
    std::string* target = nullptr;
    bool* flag = nullptr;
    const std::string_view key = field.key;
    if (key == "id") target = &doc.id;
    else if (key == "url") target = &doc.url;
    else if (key == "outlet") target = &doc.outlet;
    else if (key == "published") target = &doc.published;
    else if (key == "title") target = &doc.title;
    else if (key == "author") target = &doc.author;
    else if (key == "text") target = &text, flag = &has_text;
    else if (key == "html") target = &html, flag = &has_html;
    if (target == nullptr || field.value.is_null()) continue;  // other fields belong to the producer
    std::string_view value;
    if (field.value.get_string().get(value) != simdjson::SUCCESS) {
      return InvalidInput("field \"" + std::string(key) + "\" is not a string");
    }
    // simdjson has validated the UTF-8; Repair drops the NULs an escaped \u0000 can produce.
    *target = utf8::Repair(value);
    if (flag) *flag = true;
  }
  if (has_text) {
    doc.body = std::move(text);
    doc.kind = ContentKind::kText;
  } else if (has_html) {
    doc.body = std::move(html);
    doc.kind = ContentKind::kHtml;
  } else {
    return InvalidInput("object has neither \"text\" nor \"html\"");
  }
  return doc;
}

std::string ParseErrorReason(simdjson::error_code err, const ReadLimits& limits) {
  switch (err) {
    case simdjson::DEPTH_ERROR:
      return "JSON nests deeper than " + std::to_string(limits.max_nesting) + " levels";
    case simdjson::UTF8_ERROR:
      return "line is not valid UTF-8";
    case simdjson::CAPACITY:
    case simdjson::MEMALLOC:
      return "line too large to parse";
    default:
      return std::string("not valid JSON: ") + simdjson::error_message(err);
  }
}

}  // namespace

void ReadJsonLines(BufferedReader& in, const std::string& path, const ReadLimits& limits,
                   const DocumentCallback& on_document, const ProblemCallback& on_problem) {
  simdjson::dom::parser parser;
  if (parser.allocate(1 << 16, limits.max_nesting) != simdjson::SUCCESS) {
    on_problem({path, 0, "cannot start the JSON parser"});
    return;
  }
  std::string line;
  std::string padded;  // reused: simdjson reads up to SIMDJSON_PADDING bytes past the end
  size_t line_no = 0;
  while (true) {
    Result<LineStatus> r = in.ReadLine(line, limits.max_line_bytes);
    if (!r.ok()) {
      on_problem({path, line_no + 1, r.status().message()});
      return;
    }
    if (*r == LineStatus::kEnd) return;
    ++line_no;
    if (*r == LineStatus::kTooLong) {
      on_problem({path, line_no, "line longer than " + std::to_string(limits.max_line_bytes >> 20) + " MB"});
      continue;
    }
    std::string_view view = line;
    if (line_no == 1 && view.starts_with("\xEF\xBB\xBF")) view.remove_prefix(3);
    if (!view.empty() && view.back() == '\r') view.remove_suffix(1);
    if (IsBlank(view)) continue;
    padded.assign(view);
    padded.append(simdjson::SIMDJSON_PADDING, '\0');
    simdjson::dom::element root;
    const simdjson::error_code err = parser.parse(padded.data(), view.size(), false).get(root);
    if (err != simdjson::SUCCESS) {
      on_problem({path, line_no, ParseErrorReason(err, limits)});
      continue;
    }
    Result<RawDocument> doc = DocumentFromJson(root);
    if (!doc.ok()) {
      on_problem({path, line_no, doc.status().message()});
      continue;
    }
    doc->source = path;
    doc->line = line_no;
    if (doc->id.empty()) doc->id = path + "#" + std::to_string(line_no);
    on_document(doc.take());
  }
}

}  // namespace corroborate
