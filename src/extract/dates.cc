// The date scanner (see dates.h): which form to try at a token, and the order they are tried in.
// The forms are read in date_numeric.cc (written dates) and date_relative.cc (dates relative to
// the publication date). Tested in extract_test.cc and date_compose_test.cc.
#include "extract/dates.h"

#include <algorithm>
#include <cstdlib>
#include <string_view>

#include "extract/date_tokens.h"
#include "extract/number_parser.h"
#include "extract/quantity_forms.h"

namespace corroborate::extract {

DateScanner::DateScanner(std::optional<Civil> published) {
  if (published) resolver_.emplace(*published);
}

bool DateScanner::ScanOne(const Tokens& t, size_t i, DateMention& d, size_t& end, bool& skip) const {
  const Token& tok = t.items[i];
  skip = false;
  // Cheap rejection: most tokens cannot start a date.
  bool candidate = tok.kind == TokKind::kDigits || tok.lex.cat == Cat::kMonth || tok.lex.cat == Cat::kWeekday ||
                   tok.lex.cat == Cat::kOrdinal || tok.lex.cat == Cat::kUnit || tok.lex.cat == Cat::kTens ||
                   tok.lex.cat == Cat::kWord || (tok.kind == TokKind::kWord && t.Text(i).size() == 1);
  if (!candidate) return false;
  d = DateMention{};
  bool ok = false;
  if (tok.kind == TokKind::kDigits) {
    ok = DigitsLed(t, i, d, end, skip) || (d = DateMention{}, Ago(t, i, d, end)) ||
         (!skip && (d = DateMention{}, NthLed(t, i, d, end)));
  } else if (tok.lex.cat == Cat::kMonth) {
    ok = MonthLed(t, i, d, end);
  } else if (tok.lex.cat == Cat::kWeekday) {
    ok = WeekdayLed(t, i, d, end);
  } else if (tok.lex.cat == Cat::kOrdinal) {
    ok = NthLed(t, i, d, end) || (d = DateMention{}, Quarter(t, i, d, end)) ||
         (d = DateMention{}, OrdinalWordLed(t, i, d, end));
  } else if (tok.lex.cat == Cat::kUnit || tok.lex.cat == Cat::kTens) {
    ok = NthLed(t, i, d, end) || (d = DateMention{}, OrdinalWordLed(t, i, d, end)) ||
         (d = DateMention{}, Ago(t, i, d, end));
  } else if (tok.lex.cat == Cat::kWord) {
    const int w = tok.lex.value;
    ok = ((w == W_THE || w == W_LAST) && NthLed(t, i, d, end)) ||
         ((w == W_THE || w == W_WEEK) && (d = DateMention{}, WeekOf(t, i, d, end))) ||
         (RelativeLead(w) && (d = DateMention{}, RelativeWord(t, i, d, end))) ||
         (ModifierLead(w) && (d = DateMention{}, Modified(t, i, d, end))) ||
         ((w == W_A || w == W_AN) && (d = DateMention{}, Ago(t, i, d, end))) ||
         (w == W_IN && (d = DateMention{}, InUnits(t, i, d, end))) ||
         (w == W_FINAL && (d = DateMention{}, Quarter(t, i, d, end)));
  } else {
    ok = Quarter(t, i, d, end) || (d = DateMention{}, WeekOf(t, i, d, end));
  }
  return ok;
}

ScanResult DateScanner::Scan(const Tokens& t, size_t i, DateMention& d, size_t& end) const {
  bool skip = false;
  if (!ScanOne(t, i, d, end, skip)) return skip ? ScanResult::kSkip : ScanResult::kNone;
  Extend(t, i, d, end);
  if (d.year == 0 && d.grain == DateGrain::kDay && !d.relative) return ScanResult::kSkip;  // an impossible date
  d.start = t.items[i].start;
  d.end = t.items[end - 1].end;
  // A relative date without a publication date to resolve it against is left out.
  if (d.relative && !resolver_) return ScanResult::kSkip;
  return ScanResult::kFound;
}

}  // namespace corroborate::extract
