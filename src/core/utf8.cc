// UTF-8 decoding and repair (see utf8.h). Tested in utf8_test.cc.
#include "core/utf8.h"

#include <cstdint>
#include <cstring>

namespace corroborate::utf8 {

char32_t Decode(std::string_view s, size_t pos, size_t& length) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data()) + pos;
  const size_t left = s.size() - pos;
  length = 1;
  const unsigned char b0 = p[0];
  if (b0 < 0x80) return b0;
  int need;
  char32_t cp;
  char32_t min;
  if ((b0 & 0xE0) == 0xC0) { need = 1; cp = b0 & 0x1F; min = 0x80; }
  else if ((b0 & 0xF0) == 0xE0) { need = 2; cp = b0 & 0x0F; min = 0x800; }
  else if ((b0 & 0xF8) == 0xF0) { need = 3; cp = b0 & 0x07; min = 0x10000; }
  else return kReplacement;
  if (left < static_cast<size_t>(need) + 1) return kReplacement;
  for (int i = 1; i <= need; ++i) {
    if ((p[i] & 0xC0) != 0x80) return kReplacement;
    cp = (cp << 6) | (p[i] & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return kReplacement;
  length = need + 1;
  return cp;
}

void Append(std::string& out, char32_t cp) {
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = kReplacement;
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

bool IsValid(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    if (static_cast<unsigned char>(s[i]) < 0x80) { ++i; continue; }
    size_t len;
    if (Decode(s, i, len) == kReplacement && len == 1) return false;
    i += len;
  }
  return true;
}

size_t AsciiRunEnd(std::string_view s, size_t pos) {
  constexpr uint64_t kOnes = 0x0101010101010101ull, kHighBits = 0x8080808080808080ull;
  while (pos + 8 <= s.size()) {
    uint64_t x;
    std::memcpy(&x, s.data() + pos, 8);
    // A byte with its high bit set, or a zero byte (the classic has-zero-byte test), ends the run.
    if ((x & kHighBits) != 0 || ((x - kOnes) & ~x & kHighBits) != 0) break;
    pos += 8;
  }
  while (pos < s.size() && static_cast<unsigned char>(s[pos]) - 1u < 0x7Fu) ++pos;  // 0x01-0x7F
  return pos;
}

std::string Repair(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  size_t run = 0;  // start of the pending run of good bytes, copied in one append
  while (i < s.size()) {
    i = AsciiRunEnd(s, i);
    if (i == s.size()) break;
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x01 && c < 0x80) {
      ++i;
      continue;
    }
    if (c == 0) {
      out.append(s.substr(run, i - run));
      run = ++i;
      continue;
    }
    size_t len;
    if (Decode(s, i, len) == kReplacement && len == 1) {
      out.append(s.substr(run, i - run));
      Append(out, kReplacement);
      run = i + 1;
    }
    i += len;
  }
  out.append(s.substr(run));
  return out;
}

size_t CodePointCount(std::string_view s, size_t byte_offset) {
  if (byte_offset > s.size()) byte_offset = s.size();
  // Valid UTF-8 has one byte per code point that is not a continuation byte (10xxxxxx): count the
  // bytes and subtract the continuation bytes, eight at a time. In each byte of `x & ~(x << 1)`,
  // bit 7 is set exactly when bit 7 is set and bit 6 is clear (the shift never carries into bit 7).
  constexpr uint64_t kHighBits = 0x8080808080808080ull;
  size_t continuation = 0;
  size_t i = 0;
  for (; i + 8 <= byte_offset; i += 8) {
    uint64_t x;
    std::memcpy(&x, s.data() + i, 8);
    // Each byte of `marks` is 0 or 1; the multiplication sums them into the top byte (at most 8,
    // so no carry crosses bytes), cheaper than a popcount without the POPCNT instruction.
    const uint64_t marks = (x & ~(x << 1) & kHighBits) >> 7;
    continuation += static_cast<size_t>((marks * 0x0101010101010101ull) >> 56);
  }
  for (; i < byte_offset; ++i) continuation += (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80;
  return byte_offset - continuation;
}

bool IsSpace(char32_t cp) {
  switch (cp) {
    case ' ': case '\t': case '\n': case '\r': case '\f': case '\v':
    case 0x85: case 0xA0: case 0x1680: case 0x2028: case 0x2029: case 0x202F: case 0x205F: case 0x3000:
      return true;
    default:
      return cp >= 0x2000 && cp <= 0x200A;
  }
}

}  // namespace corroborate::utf8
