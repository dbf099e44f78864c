// Pairs quotation marks into quotations over the name tokens (entities_tokens.h): double marks
// (" “ ” „ « », and '' or `` written as two characters) and single ones (‘ ’ ' `), each open mark
// with its closing mark. Marks of the other family inside a quotation are nested quotes and stay
// part of it. A quotation may run over several paragraphs: when the next paragraph opens with a
// mark again (the English convention) or when the next mark of its family closes without
// opening (texts that drop the marks at paragraph breaks), up to kMaxQuoteParagraphs; otherwise
// an open mark left at a paragraph's end is dropped as unbalanced. A straight single mark is a
// quote only when its closing mark follows in the paragraph; apostrophes, possessives ("the
// workers' union") and contractions are not marks. One pass over the marks. Tested in
// quote_marks_test.cc.
//
//   std::vector<QuoteSpan> spans;
//   FindQuoteSpans(tokens, spans);   // tokens[spans[0].b .. spans[0].e) are the quoted words
#pragma once

#include <cstdint>
#include <vector>

#include "extract/entities_tokens.h"

namespace corroborate::extract {

constexpr uint32_t kMaxQuoteParagraphs = 6;  // paragraphs one quotation may run over

struct QuoteSpan {
  uint32_t open = 0;   // first token of the opening mark
  uint32_t b = 0;      // the quoted tokens [b, e), marks excluded
  uint32_t e = 0;
  uint32_t after = 0;  // first token after the closing mark
  bool single = false;  // quoted with single marks (‘ ’ or ')
};

// Appends the quotations of `tokens` to `out` (cleared first), in text order, not overlapping.
void FindQuoteSpans(const NTokens& tokens, std::vector<QuoteSpan>& out);

}  // namespace corroborate::extract
