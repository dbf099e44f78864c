// Name tokenizer (see entities_tokens.h). Linear: each byte is looked at a bounded number of times.
// Tested in entities_test.cc.
#include "extract/entities_tokens.h"

#include "core/utf8.h"

namespace corroborate::extract {
namespace {

bool IsAsciiUpper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
bool IsAsciiLower(unsigned char c) { return c >= 'a' && c <= 'z'; }
bool IsDigit(unsigned char c) { return c >= '0' && c <= '9'; }

// Letters beyond ASCII, roughly: everything from Latin-1 letters up that is not punctuation,
// a symbol or space. Good enough to keep "Zürich" and "Müller" whole.
bool IsWideLetter(char32_t cp) {
  if (cp < 0xC0) return false;
  if (cp == 0xD7 || cp == 0xF7) return false;
  if (cp >= 0x2000 && cp <= 0x2BFF) return false;  // punctuation, symbols, arrows
  if (cp >= 0x3000 && cp <= 0x303F) return false;
  if (cp >= 0xFE30 && cp <= 0xFE6F) return false;
  if (cp >= 0xFF00 && cp <= 0xFF20) return false;
  if (cp == 0xFFFD) return false;
  return !utf8::IsSpace(cp);
}

bool IsWideUpper(char32_t cp) {
  return (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) || (cp >= 0x391 && cp <= 0x3A9) || (cp >= 0x410 && cp <= 0x42F);
}

}  // namespace

bool IsQuoteMark(char32_t cp) {
  return cp == '"' || cp == 0x201C || cp == 0x201D || cp == 0x201E || cp == 0xAB || cp == 0xBB;
}

bool IsDash(char32_t cp) { return cp == 0x2013 || cp == 0x2014 || cp == 0x2015; }

void TokenizeNames(std::string_view text, const std::vector<Span>& sentences, NTokens& out) {
  out.text = text;
  out.items.clear();
  out.items.reserve(text.size() / 5 + 8);
  const size_t n = text.size();
  size_t next_sentence = 0;  // index into sentences
  bool space = false, newline = true;
  size_t i = 0;
  // Inlined: it runs for every token, and a call per token was a visible share of the scan.
  auto push = [&](NToken t) __attribute__((always_inline)) {
    t.space_before = space;
    t.newline_before = newline;
    bool starts = newline;
    while (next_sentence < sentences.size() && sentences[next_sentence].start <= t.start) {
      starts = true;
      ++next_sentence;
    }
    t.sentence_start = starts;
    space = newline = false;
    out.items.push_back(t);
  };
  while (i < n) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    size_t len = 1;
    char32_t cp = c < 0x80 ? c : utf8::Decode(text, i, len);
    if (cp == '\n') {
      newline = space = true;
      i += len;
      continue;
    }
    if (cp < 0x20 || cp == ' ' || (cp >= 0x80 && utf8::IsSpace(cp))) {  // ASCII spaces are all < 0x20
      space = true;
      i += len;
      continue;
    }
    bool letter = IsAsciiUpper(c) || IsAsciiLower(c) || IsWideLetter(cp);
    if (letter || IsDigit(c)) {
      // A word: letters and digits, joined across ".", "-", "&", "'" when a letter or digit follows
      // ("U.S", "Wal-Mart", "AT&T", "O'Leary"), except the possessive "'s".
      NToken t;
      t.start = static_cast<uint32_t>(i);
      bool any_letter = false, any_lower = false, any_upper = false, first = true;
      bool first_upper = false, first_lower = false, second_upper = false;
      int letters = 0;
      size_t j = i;
      while (j < n) {
        unsigned char d = static_cast<unsigned char>(text[j]);
        if (letters >= 2 && IsAsciiLower(d)) {
          // The rest of a word past its second letter is mostly lower-case ASCII, which changes
          // nothing below but the letter count: skip the run at once.
          size_t k = j + 1;
          while (k < n && IsAsciiLower(static_cast<unsigned char>(text[k]))) ++k;
          letters += static_cast<int>(k - j);
          any_lower = true;
          j = k;
          continue;
        }
        size_t l = 1;
        char32_t q = d < 0x80 ? d : utf8::Decode(text, j, l);
        bool up = IsAsciiUpper(d) || (d >= 0x80 && IsWideUpper(q));
        bool lo = IsAsciiLower(d) || (d >= 0x80 && !up && IsWideLetter(q));
        if (up || lo || IsDigit(d)) {
          if (up || lo) {
            any_letter = true;
            ++letters;
            if (first) { first_upper = up; first_lower = lo; }
            else if (letters == 2 && up) second_upper = true;
          }
          any_lower |= lo;
          any_upper |= up;
          first = false;
          j += l;
          continue;
        }
        // Joiners: only between two word characters.
        bool joiner = d == '.' || d == '-' || d == '&' || d == '\'' || q == 0x2019;
        if (!joiner || j + l >= n) break;
        unsigned char e = static_cast<unsigned char>(text[j + l]);
        size_t l2 = 1;
        char32_t r = e < 0x80 ? e : utf8::Decode(text, j + l, l2);
        bool next_word = IsAsciiUpper(e) || IsAsciiLower(e) || IsDigit(e) || IsWideLetter(r);
        if (!next_word) break;
        if ((d == '\'' || q == 0x2019) && (e == 's' || e == 'S')) {
          size_t k = j + l + 1;  // "'s" followed by a non-letter is the possessive
          if (k >= n || !(IsAsciiLower(static_cast<unsigned char>(text[k])) ||
                          IsAsciiUpper(static_cast<unsigned char>(text[k])))) break;
        }
        if (d == '.' && !(IsAsciiUpper(e) || IsAsciiLower(e))) break;  // "3.5" stays a number below
        j += l;
      }
      // "U.S." keeps its final full stop when it is an initialism (single letters between stops).
      if (j < n && text[j] == '.' && j >= i + 3 && text[j - 2] == '.') ++j;
      t.end = static_cast<uint32_t>(j);
      t.kind = any_letter ? NKind::kWord : NKind::kNumber;
      t.lower_initial = first_lower;
      t.cap = first_upper || (first_lower && second_upper);
      t.upper = any_upper && !any_lower && letters >= 2;
      push(t);
      i = j;
      continue;
    }
    // Possessive: "'s" or "’s" right after a word, or a lone "'" after a word ending in s.
    if ((cp == '\'' || cp == 0x2019) && !out.items.empty() && !space) {
      size_t k = i + len;
      if (k < n && (text[k] == 's' || text[k] == 'S') &&
          (k + 1 >= n || !(IsAsciiLower(static_cast<unsigned char>(text[k + 1])) ||
                           IsAsciiUpper(static_cast<unsigned char>(text[k + 1]))))) {
        NToken t;
        t.start = static_cast<uint32_t>(i);
        t.end = static_cast<uint32_t>(k + 1);
        t.kind = NKind::kPunct;
        t.possessive = true;
        t.cp = '\'';
        push(t);
        i = k + 1;
        continue;
      }
    }
    NToken t;
    t.start = static_cast<uint32_t>(i);
    t.end = static_cast<uint32_t>(i + len);
    t.kind = NKind::kPunct;
    t.cp = cp;
    push(t);
    i += len;
  }
}

}  // namespace corroborate::extract
