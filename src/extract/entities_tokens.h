// Splits cleaned text into the tokens the entity, people and quote scanners walk: words (keeping
// "U.S.", "Globex.com", "Wal-Mart", "AT&T", "O'Leary" whole, splitting the possessive "'s"),
// numbers, and single punctuation marks, each with its byte span and the facts the scanners test
// (capitalised, all capitals, first word of a sentence). One linear pass. Tested in entities_test.cc.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "text/span.h"

namespace corroborate::extract {

enum class NKind : uint8_t { kWord, kNumber, kPunct };

struct NToken {
  uint32_t start = 0;
  uint32_t end = 0;
  NKind kind = NKind::kWord;
  bool cap = false;          // starts with a capital, or a lower-case letter then a capital ("iPhone")
  bool upper = false;        // two or more letters, all capitals ("GLBX", "U.S.")
  bool lower_initial = false;  // starts with a lower-case letter
  bool space_before = false;
  bool newline_before = false;
  bool sentence_start = false;  // first token of a sentence or paragraph
  bool possessive = false;   // the "'s" / "’s" / lone "'" after a name
  char32_t cp = 0;           // the character of a kPunct token (quotes, dashes, brackets...)
};

struct NTokens {
  std::string_view text;
  std::vector<NToken> items;
  std::string_view Text(size_t i) const { return text.substr(items[i].start, items[i].end - items[i].start); }
  size_t size() const { return items.size(); }
  bool IsPunct(size_t i, char32_t c) const {
    return i < items.size() && items[i].kind == NKind::kPunct && items[i].cp == c;
  }
};

// `sentences` are the article's sentence spans (may be empty: then only paragraph starts count).
// `text` must outlive the result; `out` is reused.
void TokenizeNames(std::string_view text, const std::vector<Span>& sentences, NTokens& out);

// True for the quotation marks we pair: " “ ” „ « » (single quotes are left to apostrophes).
bool IsQuoteMark(char32_t cp);
bool IsDash(char32_t cp);  // – — ― and the ASCII "--" stand-in is not a token

}  // namespace corroborate::extract
