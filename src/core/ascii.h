// ASCII-only case folding, character classes and trimming for protocol text (HTTP and WARC
// headers, tag and attribute names) and for hot loops over text, where Unicode rules do not apply.
// The classes equal <cctype>'s in the "C" locale (which the program never changes) but are inline:
// <cctype>'s are calls, one per byte. Tested in core_test.cc.
#pragma once

#include <algorithm>
#include <string>
#include <string_view>

namespace corroborate::ascii {

inline bool IsSpace(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
inline bool IsDigit(unsigned char c) { return c >= '0' && c <= '9'; }
inline bool IsAlpha(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
inline char ToLower(unsigned char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c); }

inline std::string Lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : static_cast<char>(c); });
  return out;
}

// Without leading blanks and tabs, and trailing blanks, tabs and carriage returns (a header line).
inline std::string_view TrimHeader(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

}  // namespace corroborate::ascii
