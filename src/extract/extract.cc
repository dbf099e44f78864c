// The extract stage (see extract.h): one left-to-right pass over the tokens, where a date claims its
// tokens before a quantity may (so "January 28, 2026" is not three numbers). Tested in extract_test.cc.
#include "extract/extract.h"

#include "extract/civil_date.h"
#include "extract/dates.h"
#include "extract/quantities.h"
#include "extract/tokens.h"

namespace corroborate {
namespace {
// Tokens a thread keeps room for between articles: a long article (some 10,000 words) fits.
constexpr size_t kKeptTokens = 1u << 16;
}  // namespace

void ReextractQuantitiesAndDates(const Article& article, Mentions& out) {
  using namespace extract;
  out.quantities.clear();
  out.dates.clear();
  thread_local Tokens tokens;  // reused between articles: no allocation per token
  Tokenize(article.text, tokens);
  const DateScanner dates(ParseIsoDate(article.published));
  const size_t n = tokens.size();
  size_t i = 0;
  // Scanners may look back before token i (a currency glued to the digits: "USD115"), where the
  // previous mention may already have taken that token (".08USD115"); mentions never overlap, so
  // such a find is dropped.
  uint32_t taken = 0;
  DateMention d;  // both scanners reset their result before they fill it: no fresh one per token
  Quantity q;
  while (i < n) {
    size_t end = 0;
    ScanResult r = dates.Scan(tokens, i, d, end);
    if (r != ScanResult::kNone && end > i) {
      if (r == ScanResult::kFound && d.start >= taken) {
        out.dates.push_back(d);
        taken = d.end;
      }
      i = end;
      continue;
    }
    r = ScanQuantity(tokens, i, q, end);
    if (r != ScanResult::kNone && end > i) {
      if (r == ScanResult::kFound && q.start >= taken) {
        out.quantities.push_back(q);
        taken = q.end;
      }
      i = end;
      continue;
    }
    ++i;
  }
  tokens.text = {};
  // The reuse is for the stream of ordinary articles: a vector grown for an outsized one (a 16 MB
  // text has millions of tokens, 28 bytes each) is given back, or every thread that ever met one
  // would keep that much for the rest of the run.
  if (tokens.items.capacity() > kKeptTokens) std::vector<Token>().swap(tokens.items);
}

Mentions ExtractMentions(const Article& article) {
  Mentions out;
  ReextractQuantitiesAndDates(article, out);
  out.entities = ExtractEntities(article);
  return out;
}

}  // namespace corroborate
