// UTF-8 helpers shared by every stage: decoding one code point, repairing invalid bytes,
// and converting byte offsets to the code-point offsets the contract prints. Tested in utf8_test.cc.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace corroborate::utf8 {

inline constexpr char32_t kReplacement = 0xFFFD;

// Decodes the code point starting at s[pos]. Sets `length` to the bytes consumed (at least 1);
// returns kReplacement for an invalid, overlong, surrogate or truncated sequence (consuming one byte).
char32_t Decode(std::string_view s, size_t pos, size_t& length);

// Appends the UTF-8 encoding of `cp` (kReplacement for values that are not scalar values).
void Append(std::string& out, char32_t cp);

// True when `s` is entirely valid UTF-8.
bool IsValid(std::string_view s);

// Returns `s` with every invalid sequence replaced by U+FFFD; NUL bytes are dropped as well,
// since no article text legitimately holds them.
std::string Repair(std::string_view s);

// The end of the run of ASCII bytes other than NUL (0x01-0x7F) that starts at s[pos]: the bytes
// every check here may pass over untouched. Eight bytes at a time.
size_t AsciiRunEnd(std::string_view s, size_t pos);

// Number of code points in s[0, byte_offset).
size_t CodePointCount(std::string_view s, size_t byte_offset);

// True for ASCII and Unicode whitespace we treat as breakable space (incl. NBSP, U+2000..U+200A, U+3000).
bool IsSpace(char32_t cp);

}  // namespace corroborate::utf8
