// A cleaned article: its main text once, its metadata, the map back to the raw input, and the
// paragraph and sentence boundaries later stages work in. Made by clean/cleaner.h.
#pragma once

#include <string>
#include <vector>

#include "text/offset_map.h"
#include "text/span.h"

namespace corroborate {

struct Article {
  std::string id;
  std::string source;        // input path, for messages
  std::string url;
  std::string title;
  std::string author;
  std::string author_role;   // from a byline such as "By NAME | ROLE"
  std::string outlet;
  std::string published;     // ISO 8601 date or date-time; empty when unknown

  std::string text;          // NFC, valid UTF-8; paragraphs separated by newlines
  OffsetMap raw_map;         // byte offset in `text` → byte offset in the RawDocument body
  std::vector<Span> paragraphs;
  std::vector<Span> sentences;
};

}  // namespace corroborate
