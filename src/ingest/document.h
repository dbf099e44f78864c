// What ingest hands to clean: one article's raw content plus the metadata its container carried.
// Filled by the readers in this folder (input_reader.h); consumed by clean/cleaner.h.
#pragma once

#include <cstddef>
#include <string>

namespace corroborate {

enum class ContentKind { kText, kHtml };

struct RawDocument {
  std::string id;        // JSON Lines `id`, else PATH, or PATH#N for the N-th record of a container
  std::string source;    // the input path, for error messages ("-" for standard input)
  size_t line = 0;       // 1-based line (JSON Lines) or record number (feeds, WARC); 0 for a whole file
  ContentKind kind = ContentKind::kText;
  std::string body;      // the article as valid UTF-8: plain text or an HTML page, charset already converted

  // Metadata the container states (JSON Lines fields, feed item elements, WARC headers); empty if absent.
  std::string url;
  std::string outlet;
  std::string published;  // as given; clean normalises it to ISO 8601
  std::string title;
  std::string author;
};

}  // namespace corroborate
