// ASCII-only case folding, character classes and trimming for protocol text (HTTP and WARC
// headers, tag and attribute names) and for hot loops over text, where Unicode rules do not apply.
// The classes equal <cctype>'s in the "C" locale (which the program never changes) but are inline:
// <cctype>'s are calls, one per byte. Tested in core_test.cc.
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace corroborate::ascii {

inline bool IsSpace(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
inline bool IsDigit(unsigned char c) { return c >= '0' && c <= '9'; }
inline bool IsAlpha(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
inline char ToLower(unsigned char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c); }

// Eight bytes lower-cased at once: each byte from 'A' to 'Z' gains 0x20, every other byte (digits,
// punctuation, UTF-8 bytes of other letters) is kept.
inline uint64_t LowerEight(uint64_t x) {
  constexpr uint64_t kOnes = 0x0101010101010101ull;
  constexpr uint64_t kHigh = 0x8080808080808080ull;
  const uint64_t seven = x & ~kHigh;                    // each byte's low seven bits: no carries below
  const uint64_t from_a = seven + kOnes * (0x80 - 'A');  // high bit: the byte is 'A' or above
  const uint64_t past_z = seven + kOnes * (0x80 - 'Z' - 1);
  const uint64_t upper = from_a & ~past_z & ~x & kHigh;  // and not above 'Z', and ASCII
  return x | (upper >> 2);
}

// Writes `n` bytes of `src` lower-cased to `dst`, eight at a time. `slack`: how many bytes past
// `n` may be read from `src` and written to `dst` (then overwritten by the caller or unused);
// with 7 or more every byte goes in a group of eight.
inline void LowerInto(const char* src, size_t n, char* dst, size_t slack) {
  size_t i = 0;
  const size_t whole = slack >= 7 ? n : n & ~size_t{7};
  for (; i < whole; i += 8) {
    uint64_t x;
    std::memcpy(&x, src + i, 8);
    x = LowerEight(x);
    std::memcpy(dst + i, &x, 8);
  }
  for (; i < n; ++i) dst[i] = ToLower(static_cast<unsigned char>(src[i]));
}

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
