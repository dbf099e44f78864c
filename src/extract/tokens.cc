// The tokenizer (see tokens.h). Tested in tokens_test.cc.
#include "extract/tokens.h"

#include <cstdint>
#include <cstring>

#include "core/utf8.h"
#include "extract/number_parser.h"

namespace corroborate::extract {
namespace {

bool IsAsciiLetter(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

// Non-ASCII characters that stand alone as tokens: currency signs, dashes, quotes, fractions,
// per-mille. Every other non-ASCII character (letters of any script) belongs to a word.
bool IsSymbol(char32_t cp) {
  return (cp >= 0xA2 && cp <= 0xA5) || cp == 0xA7 || cp == 0xA9 || cp == 0xAB || cp == 0xBB ||
         (cp >= 0xBC && cp <= 0xBE) || cp == 0x192 || cp == 0xE3F || cp == 0x17DB ||
         (cp >= 0x2010 && cp <= 0x205E) || (cp >= 0x20A0 && cp <= 0x20CF) ||
         (cp >= 0x2150 && cp <= 0x215F) || (cp >= 0x2200 && cp <= 0x22FF) ||
         (cp >= 0xFE50 && cp <= 0xFE6F) || (cp >= 0xFF01 && cp <= 0xFF0F) || (cp >= 0xFFE0 && cp <= 0xFFE6);
}

}  // namespace

void Tokenize(std::string_view text, Tokens& out) {
  out.text = text;
  out.items.clear();
  out.items.reserve(text.size() / 4 + 8);
  bool space = false, brk = true;
  size_t i = 0;
  const size_t n = text.size();
  // Inlined: it runs for every token, and a call per token was a visible share of the scan.
  auto push = [&](Token t) __attribute__((always_inline)) {
    t.space_before = space;
    t.break_before = brk;
    space = brk = false;
    out.items.push_back(t);
  };
  while (i < n) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
        space = true;
        ++i;
      } else if (c == '\n') {
        space = brk = true;
        ++i;
      } else if (c >= '0' && c <= '9') {
        size_t j = i;
        while (j < n && text[j] >= '0' && text[j] <= '9') ++j;
        Token t;
        t.start = static_cast<uint32_t>(i);
        t.end = static_cast<uint32_t>(j);
        t.kind = TokKind::kDigits;
        push(t);
        i = j;
      } else if (IsAsciiLetter(c)) {
        size_t j = i;
        bool all_upper = true, ascii = true;
        while (j < n) {
          unsigned char d = static_cast<unsigned char>(text[j]);
          if (IsAsciiLetter(d)) {
            all_upper &= (d <= 'Z');
            ++j;
          } else if (d >= 0x80) {
            size_t len = 1;
            char32_t cp = utf8::Decode(text, j, len);
            if (utf8::IsSpace(cp) || IsSymbol(cp)) break;
            ascii = false;
            j += len;
          } else {
            break;
          }
        }
        Token t;
        t.start = static_cast<uint32_t>(i);
        t.end = static_cast<uint32_t>(j);
        t.kind = TokKind::kWord;
        t.upper = all_upper;
        t.capitalized = c <= 'Z';
        if (ascii && j - i < 32) {
          // The lexicon's words are letters only, so or-ing 0x20 in lower-cases them; eight bytes
          // at a time where the text has them (buf holds 32).
          char buf[32];
          const size_t len = j - i;
          size_t k = 0;
          if (n - i >= 32) {
            for (; k < len; k += 8) {
              uint64_t x;
              std::memcpy(&x, text.data() + i + k, 8);
              x |= 0x2020202020202020ull;
              std::memcpy(buf + k, &x, 8);
            }
          } else {
            for (; k < len; ++k) buf[k] = static_cast<char>(text[i + k] | 0x20);
          }
          t.lex = LookUp(std::string_view(buf, len));
        }
        push(t);
        i = j;
      } else {
        Token t;
        t.start = static_cast<uint32_t>(i);
        t.end = static_cast<uint32_t>(i + 1);
        t.kind = TokKind::kPunct;
        t.cp = c;
        bool ends_sentence = (c == '!' || c == '?' || c == ';');
        push(t);
        // A full stop ends a sentence unless it closes an abbreviation such as "Jan." or "U.S.";
        // the scanners only need a rough boundary for tense cues.
        if (ends_sentence) brk = true;
        if (c == '.' && out.items.size() >= 2) {
          const Token& prev = out.items[out.items.size() - 2];
          if (!(prev.kind == TokKind::kWord && prev.end - prev.start <= 4)) brk = true;
        }
        ++i;
      }
      continue;
    }
    size_t len = 1;
    char32_t cp = utf8::Decode(text, i, len);
    if (utf8::IsSpace(cp)) {
      space = true;
      i += len;
      continue;
    }
    if (IsSymbol(cp)) {
      Token t;
      t.start = static_cast<uint32_t>(i);
      t.end = static_cast<uint32_t>(i + len);
      t.kind = TokKind::kSymbol;
      t.cp = cp;
      push(t);
      i += len;
      continue;
    }
    // A word in another script (or starting with a non-ASCII letter).
    size_t j = i + len;
    while (j < n) {
      unsigned char d = static_cast<unsigned char>(text[j]);
      if (d < 0x80) {
        if (!IsAsciiLetter(d)) break;
        ++j;
        continue;
      }
      size_t l2 = 1;
      char32_t cp2 = utf8::Decode(text, j, l2);
      if (utf8::IsSpace(cp2) || IsSymbol(cp2)) break;
      j += l2;
    }
    Token t;
    t.start = static_cast<uint32_t>(i);
    t.end = static_cast<uint32_t>(j);
    t.kind = TokKind::kWord;
    push(t);
    i = j;
  }
  MarkNumberStarts(out);
}

}  // namespace corroborate::extract
