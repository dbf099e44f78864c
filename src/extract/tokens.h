// Splits cleaned article text into the tokens the quantity and date scanners walk: words, digit runs,
// punctuation and symbols, each with its byte span, whether space precedes it, and its lexicon entry.
// One linear pass, no allocation per token beyond the vector. Tested in tokens_test.cc.
//
//   Tokens t = Tokenize("Up to $50bn on Jan. 28");
//   // t.items: "Up" "to" "$" "50" "bn" "on" "Jan" "." "28"
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "extract/lexicon.h"

namespace corroborate::extract {

enum class TokKind : uint8_t { kWord, kDigits, kPunct, kSymbol };

struct Token {
  uint32_t start = 0;
  uint32_t end = 0;
  TokKind kind = TokKind::kWord;
  bool space_before = false;    // whitespace between the previous token and this one
  bool break_before = false;    // a newline or sentence end (. ! ? ;) since the previous word
  bool upper = false;           // a word written in capitals only ("USD")
  bool capitalized = false;     // a word whose first letter is a capital
  char32_t cp = 0;              // the character of a kPunct/kSymbol token
  Lexeme lex;                   // for words
  // A number can begin here (see StartsNumber): asked of every token several times over by the
  // quantity scanner, so worked out once.
  bool starts_number = false;
};

struct Tokens {
  std::string_view text;
  std::vector<Token> items;

  std::string_view Text(size_t i) const { return text.substr(items[i].start, items[i].end - items[i].start); }
  size_t size() const { return items.size(); }
  // True when token i exists and is the punctuation or symbol character c.
  bool Is(size_t i, char32_t c) const {
    return i < items.size() && (items[i].kind == TokKind::kPunct || items[i].kind == TokKind::kSymbol) &&
           items[i].cp == c;
  }
  bool IsWord(size_t i, W w) const {
    return i < items.size() && items[i].lex.cat == Cat::kWord && items[i].lex.value == w;
  }
  bool IsDigits(size_t i) const { return i < items.size() && items[i].kind == TokKind::kDigits; }
  bool Glued(size_t i) const { return i < items.size() && !items[i].space_before; }  // no space before i
};

// `text` must outlive the result. Reuses `out`'s storage.
void Tokenize(std::string_view text, Tokens& out);

}  // namespace corroborate::extract
