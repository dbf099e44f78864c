// Paragraph and sentence splitting rules (see segment.h). Tested in text_test.cc.
#include "text/segment.h"

#include <algorithm>
#include <array>
#include <string>

#include "core/utf8.h"

namespace corroborate {

namespace {

// Words that end with a period without ending the sentence, compared case-sensitively without
// their final period. Titles, corporate suffixes, month and day abbreviations, and common Latin.
constexpr std::array<std::string_view, 58> kAbbreviations = {
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Sr", "Jr", "St", "Gen", "Col", "Lt", "Capt", "Sgt", "Gov",
    "Sen", "Rep", "Rev", "Hon", "Pres", "Inc", "Corp", "Co", "Ltd", "Bros", "Jan", "Feb", "Mar",
    "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Mon", "Tue", "Tues", "Wed",
    "Thu", "Thurs", "Fri", "Sat", "Sun", "No", "Nos", "vs", "etc", "e.g", "i.e", "approx", "est",
    "Ave", "Blvd", "Mt", "Ft", "Fig"};

bool IsAsciiSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// The word that ends just before text[period] (which is '.').
std::string_view WordBefore(std::string_view text, size_t period, size_t floor) {
  size_t start = period;
  while (start > floor && !IsAsciiSpace(text[start - 1]) && text[start - 1] != '(' &&
         text[start - 1] != '"') {
    --start;
  }
  return text.substr(start, period - start);
}

bool IsAbbreviation(std::string_view word) {
  if (word.empty()) return false;
  // A single capital initial ("P.") or dotted initials ("U.S", "U.K", "a.m").
  if (word.size() == 1 && word[0] >= 'A' && word[0] <= 'Z') return true;
  if (word.size() >= 3 && word[1] == '.') {
    bool dotted = true;
    for (size_t i = 0; i < word.size(); ++i) {
      const bool letter = std::isalpha(static_cast<unsigned char>(word[i]));
      if (i % 2 == 0 ? !letter : word[i] != '.') dotted = false;
    }
    if (dotted) return true;
  }
  return std::find(kAbbreviations.begin(), kAbbreviations.end(), word) != kAbbreviations.end();
}

bool IsClosing(char32_t cp) {
  return cp == '"' || cp == '\'' || cp == ')' || cp == ']' || cp == 0x201D || cp == 0x2019 || cp == 0xBB;
}

bool CanStartSentence(char32_t cp) {
  if (cp < 0x80) return std::isupper(static_cast<int>(cp)) || std::isdigit(static_cast<int>(cp)) ||
                        cp == '"' || cp == '\'' || cp == '(' || cp == '[';
  // Non-ASCII: opening quotes and letters we cannot case-test cheaply are accepted.
  return cp == 0x201C || cp == 0x2018 || cp == 0xAB || cp >= 0xC0;
}

}  // namespace

std::vector<Span> FindParagraphs(std::string_view text) {
  std::vector<Span> out;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && IsAsciiSpace(text[i])) ++i;
    if (i >= text.size()) break;
    size_t end = text.find('\n', i);
    if (end == std::string_view::npos) end = text.size();
    size_t trimmed = end;
    while (trimmed > i && IsAsciiSpace(text[trimmed - 1])) --trimmed;
    out.push_back({static_cast<uint32_t>(i), static_cast<uint32_t>(trimmed)});
    i = end;
  }
  return out;
}

std::vector<Span> FindSentences(std::string_view text, const std::vector<Span>& paragraphs) {
  std::vector<Span> out;
  for (const Span& p : paragraphs) {
    size_t start = p.start;
    size_t i = p.start;
    while (i < p.end) {
      const char c = text[i];
      if (c != '.' && c != '!' && c != '?') {
        ++i;
        continue;
      }
      size_t after = i + 1;
      // Runs of terminal punctuation ("?!", "...") and closing quotes or brackets stay with the sentence.
      while (after < p.end && (text[after] == '.' || text[after] == '!' || text[after] == '?')) ++after;
      while (after < p.end) {
        size_t len;
        const char32_t cp = utf8::Decode(text, after, len);
        if (!IsClosing(cp)) break;
        after += len;
      }
      if (after >= p.end || !IsAsciiSpace(text[after])) {
        i = after;
        continue;
      }
      size_t next = after;
      while (next < p.end && IsAsciiSpace(text[next])) ++next;
      size_t len;
      if (next >= p.end || !CanStartSentence(utf8::Decode(text, next, len)) ||
          (c == '.' && after == i + 1 && IsAbbreviation(WordBefore(text, i, start)))) {
        i = after;
        continue;
      }
      out.push_back({static_cast<uint32_t>(start), static_cast<uint32_t>(after)});
      start = next;
      i = next;
    }
    if (start < p.end) out.push_back({static_cast<uint32_t>(start), p.end});
  }
  return out;
}

}  // namespace corroborate
