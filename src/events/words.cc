// Splits an article into words and lays its mentions over them (see words.h). Tested in
// events_test.cc.
#include "events/words.h"

#include <algorithm>

namespace corroborate::events {
namespace {

constexpr bool IsAsciiAlnum(unsigned char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// ASCII bytes that belong to a word: letters, digits, "$", "%" and "&", one table look-up each.
struct WordBytes {
  bool in[128] = {};
  constexpr WordBytes() {
    for (int c = 0; c < 128; ++c) in[c] = IsAsciiAlnum(static_cast<unsigned char>(c)) || c == '$' || c == '%' || c == '&';
  }
};
constexpr WordBytes kWordBytes;
bool IsAsciiWordByte(unsigned char c) { return c < 128 && kWordBytes.in[c]; }

// The length of the UTF-8 punctuation sequence at text[i] that separates words, 0 when none.
// Kind: 1 comma-like, 2 clause-like (dash, semicolon, colon, quotation mark), 3 apostrophe.
size_t Punct(std::string_view t, size_t i, int* kind) {
  unsigned char c = t[i];
  if (c == ',' || c == '(' || c == ')' || c == '[' || c == ']') { *kind = 1; return 1; }
  if (c == ';' || c == ':' || c == '"') { *kind = 2; return 1; }
  if (c == '\'') { *kind = 3; return 1; }
  if (c == 0xE2 && i + 2 < t.size() && static_cast<unsigned char>(t[i + 1]) == 0x80) {
    unsigned char d = t[i + 2];
    if (d == 0x93 || d == 0x94) { *kind = 2; return 3; }              // – —
    if (d == 0x9C || d == 0x9D) { *kind = 2; return 3; }              // “ ”
    if (d == 0x98 || d == 0x99) { *kind = 3; return 3; }              // ‘ ’
  }
  *kind = 0;
  return 0;
}

// An apostrophe that opens a quotation instead ("he said 'we will'"): a space before it and a
// letter right after. Used only for the apostrophe after a word ending in "s".
bool OpensSingleQuote(std::string_view t, size_t i) {
  return i > 0 && t[i - 1] == ' ' && i + 1 < t.size() && IsAsciiAlnum(t[i + 1]);
}

bool IsQuoteMark(std::string_view t, size_t i) {
  if (t[i] == '"') return true;
  return static_cast<unsigned char>(t[i]) == 0xE2 && i + 2 < t.size() && static_cast<unsigned char>(t[i + 1]) == 0x80 &&
         (static_cast<unsigned char>(t[i + 2]) == 0x9C || static_cast<unsigned char>(t[i + 2]) == 0x9D);
}

}  // namespace

ArticleWords BuildWords(const Article& article, const Mentions& mentions) {
  ArticleWords out;
  std::string_view t = article.text;
  // About one word per six bytes of English, but up to one per two in a text of short words and
  // figures; a vector that regrows holds its old and new arrays at once (for a 16 MB text, 200 and
  // 400 MB). A large text gets room for the most words it can hold: a reservation that large is
  // mapped lazily by the allocator, so the part never used costs address space, not memory.
  out.words.reserve(t.size() > (1u << 20) ? t.size() / 2 + 1 : t.size() / 6 + 1);
  bool comma = false, clause = false, quoted = false, dot = false;
  // Words after a dot only, which is a clause mark only where a sentence ends there ("Inc. fell"
  // goes on); decided once sentences are laid over the words.
  std::vector<uint32_t> after_dot;
  size_t i = 0;
  while (i < t.size()) {
    unsigned char c = t[i];
    if (c == ' ') {  // the most common separator: no mark, no punctuation, no word
      ++i;
      continue;
    }
    int kind = 0;
    if (IsQuoteMark(t, i)) quoted = !quoted;
    if (c == '\n') quoted = false;  // an unbalanced quotation mark ends with its paragraph
    size_t plen = Punct(t, i, &kind);
    if (kind == 3) {
      // An apostrophe: "'s" after a word marks it possessive, and so does one after a word ending
      // in "s" ("Airbus' order", "the Beatles ' label"); otherwise it joins nothing.
      size_t j = i + plen;
      if (!out.words.empty() && out.words.back().end == i && j < t.size() && (t[j] == 's' || t[j] == 'S') &&
          (j + 1 >= t.size() || !IsAsciiAlnum(t[j + 1]))) {
        out.words.back().possessive = true;
        i = j + 1;
        continue;
      }
      if (!out.words.empty() && out.words.back().end + 1 >= i && !out.words.back().lower.empty() &&
          out.words.back().lower.back() == 's' && (j >= t.size() || t[j] == ' ') && !OpensSingleQuote(t, i))
        out.words.back().possessive = true;
      i = j;
      continue;
    }
    if (plen > 0) {
      if (kind == 1) comma = true;
      if (kind == 2) clause = true;
      i += plen;
      continue;
    }
    bool word_char = IsAsciiAlnum(c) || c >= 0x80 || c == '$' || c == '%' || c == '&';
    if (!word_char) {
      if (c == '!' || c == '?') clause = true;
      if (c == '.') dot = true;
      ++i;
      continue;
    }
    // The word runs to the first byte that is no word byte; most bytes are ASCII letters and digits,
    // tested first. Of the other bytes, a three-byte dash or quotation mark (Punct) and any ASCII
    // byte but a dot between digits end it ("412.7" and "U.S" stay one word, "12,500" does not, as
    // a comma always separates); other UTF-8 bytes belong to it.
    size_t j = i;
    while (j < t.size()) {
      unsigned char d = t[j];
      if (IsAsciiWordByte(d)) {
        ++j;
        continue;
      }
      if (d >= 0x80) {
        int k = 0;
        if (d == 0xE2 && Punct(t, j, &k) > 0) break;
        ++j;
        continue;
      }
      if (d == '.' && j > i && j + 1 < t.size() && IsDigit(t[j - 1]) && IsDigit(t[j + 1])) {
        ++j;
        continue;
      }
      break;
    }
    Word w;
    w.start = static_cast<uint32_t>(i);
    w.end = static_cast<uint32_t>(j);
    w.lower.assign(t.data() + i, j - i);
    for (size_t k = 0; k < w.lower.size(); ++k) {
      char& d = w.lower[k];
      if (d >= 'A' && d <= 'Z') {
        if (k > 0) w.camel = true;
        d = static_cast<char>(d - 'A' + 'a');
      }
    }
    w.capitalized = c >= 'A' && c <= 'Z';
    w.hyphen_after = j + 1 < t.size() && t[j] == '-' && t[j + 1] >= 'a' && t[j + 1] <= 'z';
    w.comma_before = comma;
    w.clause_before = clause || dot;
    if (dot && !clause) after_dot.push_back(static_cast<uint32_t>(out.words.size()));
    w.in_quote = quoted;
    comma = clause = dot = false;
    out.words.push_back(std::move(w));
    i = j;
  }
  // Lay sentences, paragraphs and mentions over the words: every list is in text order.
  auto lay = [&](auto starts_ends, auto set) {
    size_t m = 0;
    for (size_t w = 0; w < out.words.size(); ++w) {
      while (m < starts_ends.size() && starts_ends[m].second <= out.words[w].start) ++m;
      if (m < starts_ends.size() && starts_ends[m].first < out.words[w].end) set(out.words[w], m);
    }
  };
  auto spans = [](const auto& v) {
    std::vector<std::pair<uint32_t, uint32_t>> s;
    s.reserve(v.size());
    for (const auto& x : v) s.emplace_back(x.start, x.end);
    return s;
  };
  lay(spans(article.sentences), [](Word& w, size_t m) { w.sentence = static_cast<uint32_t>(m); });
  lay(spans(article.paragraphs), [](Word& w, size_t m) { w.paragraph = static_cast<uint32_t>(m); });
  lay(spans(mentions.entities.mentions), [](Word& w, size_t m) { w.entity = static_cast<int32_t>(m); });
  lay(spans(mentions.quantities), [](Word& w, size_t m) { w.quantity = static_cast<int32_t>(m); });
  lay(spans(mentions.dates), [](Word& w, size_t m) { w.date = static_cast<int32_t>(m); });
  lay(spans(mentions.entities.quotes), [](Word& w, size_t) { w.in_quote = true; });
  for (uint32_t k : after_dot) {
    if (k > 0 && out.words[k].sentence == out.words[k - 1].sentence) out.words[k].clause_before = false;
  }
  out.lower.reserve(out.words.size());
  for (const Word& w : out.words) out.lower.emplace_back(w.lower);
  out.sentence_begin.assign(article.sentences.size() + 1, static_cast<uint32_t>(out.words.size()));
  for (size_t w = out.words.size(); w-- > 0;) out.sentence_begin[out.words[w].sentence] = static_cast<uint32_t>(w);
  // Sentences with no words start where the next one does.
  for (size_t s = article.sentences.size(); s-- > 0;) {
    if (out.sentence_begin[s] > out.sentence_begin[s + 1]) out.sentence_begin[s] = out.sentence_begin[s + 1];
  }
  return out;
}

}  // namespace corroborate::events
