// Fuzz target: numbers and money: the number parser at every token, and the extract stage's
// quantity scan over text cleaned as a .txt file is. See docs/RELIABILITY.md.
#include "extract/extract.h"
#include "extract/number_parser.h"
#include "extract/tokens.h"
#include "fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace corroborate;
  std::optional<Article> article = fuzz::CleanedText(fuzz::Bytes(data, size));
  if (!article) return 0;
  article->published.clear();  // no relative dates: what is left for the scan is numbers
  Mentions m;
  ReextractQuantitiesAndDates(*article, m);
  uint32_t last = 0;
  for (const Quantity& q : m.quantities) {
    FUZZ_CHECK(q.start >= last && q.start < q.end && q.end <= article->text.size());
    FUZZ_CHECK(q.value == q.value);  // never NaN
    last = q.end;
  }
  extract::Tokens tokens;
  extract::Tokenize(article->text, tokens);
  for (size_t i = 0; i < tokens.size(); ++i) {
    for (bool money : {false, true}) {
      extract::NumberMatch n;
      if (extract::ParseNumber(tokens, i, money, n)) {
        FUZZ_CHECK(n.begin == i && n.end > i && n.end <= tokens.size());
        FUZZ_CHECK(n.value == n.value);
      }
    }
  }
  return 0;
}
