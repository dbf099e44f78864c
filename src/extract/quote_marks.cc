// Quotation marks paired into quotations (see quote_marks.h). Tested in quote_marks_test.cc.
#include "extract/quote_marks.h"

#include <string_view>

namespace corroborate::extract {
namespace {

struct Mark {
  uint32_t tok = 0;   // first token
  uint32_t len = 1;   // tokens it takes: 2 for '' and ``
  uint32_t para = 0;  // paragraph number
  bool single = false;
  bool can_open = false;
  bool can_close = false;
  bool para_start = false;  // first token of its paragraph
};

bool IsLowerAscii(char c) { return c >= 'a' && c <= 'z'; }

// Words that follow an apostrophe written apart from its word ("I' m", "don' t"), as some
// re-tokenised texts have them.
bool ContractionTail(std::string_view w) {
  return w == "m" || w == "s" || w == "t" || w == "re" || w == "ve" || w == "ll" || w == "d";
}

class MarkReader {
 public:
  explicit MarkReader(const NTokens& t) : t_(t), n_(static_cast<uint32_t>(t.size())) {}

  void Read(std::vector<Mark>& marks) {
    uint32_t para = 0;
    for (uint32_t i = 0; i < n_; ++i) {
      const NToken& tk = t_.items[i];
      if (i > 0 && tk.newline_before) ++para;
      if (tk.kind != NKind::kPunct || tk.possessive) continue;
      const char32_t c = tk.cp;
      Mark m;
      m.tok = i;
      m.para = para;
      m.para_start = i == 0 || tk.newline_before;
      const bool pair = (c == '\'' || c == '`') && i + 1 < n_ && t_.IsPunct(i + 1, c) && !t_.items[i + 1].space_before &&
                        !t_.items[i + 1].newline_before;
      if (pair) {  // '' and `` stand for a double mark
        m.len = 2;
        Flanks(m);
        if (c == '`') m.can_close = false;
        marks.push_back(m);
        ++i;
        continue;
      }
      if (c == '"') {
        Flanks(m);
      } else if (c == 0x201C || c == 0x201E || c == 0xAB) {
        m.can_open = true;
      } else if (c == 0x201D || c == 0xBB) {
        m.can_close = true;
      } else if (c == 0x2018 || c == '`') {
        m.single = true;
        m.can_open = true;
      } else if (c == 0x2019 || c == '\'') {
        m.single = true;
        Flanks(m);
        if (c == 0x2019) m.can_open = false;  // a right mark opens nothing: it is "’90s"
        if (m.can_open && !(i + 1 < n_ && t_.items[i + 1].kind != NKind::kPunct)) m.can_open = false;
        if (m.can_close && Apostrophe(i)) m.can_close = false;
        if (!m.can_open && !m.can_close) continue;
      } else {
        continue;
      }
      marks.push_back(m);
    }
  }

 private:
  // A straight mark opens when no space follows it and closes when none precedes it; with spaces
  // on both sides (or neither) it could be either.
  // Punctuation after a mark counts as a space after it (", \"." closes), an opening bracket or
  // dash before it as a space before it; a line's end never opens, a line's start never closes.
  void Flanks(Mark& m) const {
    const uint32_t end = m.tok + m.len;
    const bool line_start = m.tok == 0 || t_.items[m.tok].newline_before;
    const bool line_end = end >= n_ || t_.items[end].newline_before;
    const bool space_before = line_start || t_.items[m.tok].space_before || Opening(m.tok - 1);
    const bool space_after = line_end || t_.items[end].space_before || Closing(end);
    m.can_open = !space_after;
    m.can_close = !space_before;
    if (m.can_open == m.can_close) m.can_open = m.can_close = true;
    if (line_end) m.can_open = false;
    if (line_start) m.can_close = false;
  }
  bool Opening(uint32_t i) const {
    const NToken& t = t_.items[i];
    return t.kind == NKind::kPunct && (t.cp == '(' || t.cp == '[' || IsDash(t.cp));
  }
  bool Closing(uint32_t i) const {
    const NToken& t = t_.items[i];
    if (t.kind != NKind::kPunct || t.possessive) return false;
    const char32_t c = t.cp;
    return c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == ')' || c == ']';
  }

  // A right single mark after a word that is not a closing quote: "I' m" with a contraction's
  // tail after it, or the plural possessive "the workers' union" (a word in s, then a lower-case
  // word on the same line).
  bool Apostrophe(uint32_t i) const {
    if (i + 1 >= n_ || t_.items[i + 1].newline_before || t_.items[i + 1].kind != NKind::kWord) return false;
    std::string_view next = t_.Text(i + 1);
    if (ContractionTail(next)) return true;
    if (i == 0 || t_.items[i - 1].kind != NKind::kWord) return false;
    std::string_view prev = t_.Text(i - 1);
    return (prev.back() == 's' || prev.back() == 'S') && IsLowerAscii(next[0]);
  }

  const NTokens& t_;
  const uint32_t n_;
};

}  // namespace

void FindQuoteSpans(const NTokens& tokens, std::vector<QuoteSpan>& out) {
  out.clear();
  thread_local std::vector<Mark> marks;
  marks.clear();
  MarkReader(tokens).Read(marks);
  const size_t m = marks.size();
  // For each mark, the next mark of its own family (or m): what decides an open quotation.
  thread_local std::vector<uint32_t> next_same;
  next_same.assign(m, static_cast<uint32_t>(m));
  uint32_t last_double = static_cast<uint32_t>(m), last_single = static_cast<uint32_t>(m);
  for (size_t k = m; k-- > 0;) {
    uint32_t& last = marks[k].single ? last_single : last_double;
    next_same[k] = last;
    last = static_cast<uint32_t>(k);
  }
  // Whether a quotation opened at mark k has a way to end: its family's next mark closes it in
  // the same paragraph, reopens the next paragraph, or (double marks only) closes without
  // opening within kMaxQuoteParagraphs.
  auto can_end = [&](size_t k) {
    const size_t j = next_same[k];
    if (j >= m) return false;
    const Mark& a = marks[k];
    const Mark& b = marks[j];
    if (b.para == a.para) return b.can_close;
    if (b.para == a.para + 1 && b.para_start && b.can_open) return true;
    return !a.single && b.can_close && !b.can_open && b.para - a.para < kMaxQuoteParagraphs;
  };
  size_t k = 0;
  while (k < m) {
    const Mark& o = marks[k];
    if (!o.can_open || !can_end(k)) {
      ++k;
      continue;
    }
    // Walk the family's marks until one closes; reopening marks at paragraph starts go on.
    size_t j = next_same[k];
    uint32_t para = o.para;
    bool closed = false;
    while (j < m) {
      const Mark& c = marks[j];
      if (c.para != para) {
        if (c.para == para + 1 && c.para_start && c.can_open) {  // the quotation goes on
          para = c.para;
          j = next_same[j];
          continue;
        }
        if (o.single || !c.can_close || c.can_open || c.para - para >= kMaxQuoteParagraphs) break;
      } else if (!c.can_close) {
        j = next_same[j];  // a second opening mark inside: keep the first
        continue;
      }
      closed = true;
      break;
    }
    if (!closed) {
      ++k;
      continue;
    }
    const Mark& c = marks[j];
    QuoteSpan q;
    q.open = o.tok;
    q.b = o.tok + o.len;
    q.e = c.tok;
    q.after = c.tok + c.len;
    q.single = o.single;
    if (q.e > q.b) out.push_back(q);
    // Marks of the other family up to the closing mark are nested inside: skip them.
    k = j + 1;
    while (k < m && marks[k].tok < q.after) ++k;
  }
}

}  // namespace corroborate::extract
