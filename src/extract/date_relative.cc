// Dates relative to the publication date (see dates.h): "Wednesday", "two days ago", "next
// week", "earlier this month", "late 2024". Tested in extract_test.cc and date_compose_test.cc.
#include "extract/dates.h"

#include <algorithm>
#include <cstdlib>
#include <string_view>

#include "extract/date_tokens.h"
#include "extract/number_parser.h"
#include "extract/quantity_forms.h"

namespace corroborate::extract {

bool DateScanner::Relative(DateMention& d) const {
  d.relative = true;
  return resolver_.has_value();
}

// Whether the sentence before token i speaks of the future ("will report", "is expected to").
bool DateScanner::FutureCue(const Tokens& t, size_t i) const {
  size_t k = i;
  for (int n = 0; n < 12 && k > 0; ++n) {
    if (t.items[k].break_before) break;
    --k;
    const Token& x = t.items[k];
    if (x.lex.cat != Cat::kWord) continue;
    switch (x.lex.value) {
      case W_WILL: case W_SHALL: case W_LL: case W_UPCOMING: case W_DUE: case W_SCHEDULED:
      case W_PLANS: case W_GOING:
        return true;
      case W_EXPECTED:
        return t.IsWord(k + 1, W_TO);
      default:
        break;
    }
  }
  return false;
}

// "two days ago", "1 month, 21 days ago", "a year ago", "two weeks from now", "3 days later".
bool DateScanner::Ago(const Tokens& t, size_t i, DateMention& d, size_t& end) const {
  int64_t offs[4] = {0, 0, 0, 0};  // days, weeks, months, years
  size_t j = i;
  bool any = false;
  for (int part = 0; part < 3; ++part) {
    double n = 0;
    size_t k = j;
    if (t.IsWord(k, W_A) || t.IsWord(k, W_AN)) {
      n = 1;
      ++k;
    } else {
      NumberMatch m;
      if (!ParseNumber(t, k, false, m) || !m.representable || m.fraction || m.ordinal || m.value < 0 ||
          m.value > 10000 || m.value != static_cast<int64_t>(m.value))
        break;
      n = m.value;
      k = m.end;
    }
    bool ok = false;
    DateGrain g = UnitGrain(t, k, ok);
    if (!ok || g == DateGrain::kQuarter) break;
    int slot = g == DateGrain::kDay ? 0 : g == DateGrain::kWeek ? 1 : g == DateGrain::kMonth ? 2 : 3;
    offs[slot] += static_cast<int64_t>(n);
    j = k + 1;
    any = true;
    if (t.Is(j, ',') || t.IsWord(j, W_AND)) {
      size_t save = j;
      ++j;
      if (!(t.IsDigits(j) || (j < t.size() && (t.items[j].lex.cat == Cat::kUnit || t.items[j].lex.cat == Cat::kTens)))) {
        j = save;
        break;
      }
    }
  }
  if (!any) return false;
  int sign = 0;
  size_t e = j;
  if (t.IsWord(j, W_AGO)) {
    sign = -1;
    e = j + 1;
  } else if (t.IsWord(j, W_LATER)) {
    sign = 1;
    e = j + 1;
  } else if (t.IsWord(j, W_FROM) && (t.IsWord(j + 1, W_NOW) || t.IsWord(j + 1, W_TODAY))) {
    sign = 1;
    e = j + 2;
  } else if (t.IsWord(j, W_BEFORE) && t.IsWord(j + 1, W_TODAY)) {
    sign = -1;
    e = j + 2;
  } else if (t.IsWord(j, W_AFTER) && t.IsWord(j + 1, W_TODAY)) {
    sign = 1;
    e = j + 2;
  } else if (t.IsWord(j, W_FROM) || t.IsWord(j, W_AFTER) || t.IsWord(j, W_BEFORE)) {
    // "three weeks from tomorrow", "3 days after January 12th", "2 weeks before May 13 1999": a
    // shift from another day (read without this rule, so the nesting stays one deep).
    DateMention base;
    size_t be = 0;
    if (j + 1 >= t.size() || (!t.IsDigits(j + 1) && t.items[j + 1].lex.cat == Cat::kNone)) return false;
    bool ok = MonthLed(t, j + 1, base, be) || WeekdayLed(t, j + 1, base, be) || RelativeWord(t, j + 1, base, be) ||
              (t.IsDigits(j + 1) && [&] { bool sk = false; return DigitsLed(t, j + 1, base, be, sk); }());
    if (!ok || base.grain != DateGrain::kDay || (base.relative && !resolver_) || base.year == 0) return false;
    sign = t.IsWord(j, W_BEFORE) ? -1 : 1;
    end = be;
    d.relative = base.relative;
    int64_t months = sign * (offs[2] + 12 * offs[3]);
    int64_t total = static_cast<int64_t>(base.year) * 12 + (base.month - 1) + months;
    Civil c;
    c.year = static_cast<int>(total / 12);
    c.month = static_cast<int>(total % 12) + 1;
    c.day = std::min(base.day, DaysInMonth(c.year, c.month));
    SetDay(d, DaysFromCivil(c.year, c.month, c.day) + sign * (offs[0] + 7 * offs[1]));
    return c.year >= 1 && c.year <= 9999;
  } else {
    return false;
  }
  end = e;
  if (!Relative(d)) return true;
  Civil base = resolver_->Shift(sign * (offs[2] + 12 * offs[3]), DateGrain::kMonth);
  int64_t days = DaysFromCivil(base.year, base.month, base.day) + sign * (offs[0] + 7 * offs[1]);
  SetDay(d, days);
  return true;
}

bool DateScanner::RelativeWord(const Tokens& t, size_t i, DateMention& d, size_t& end) const {
  if (i >= t.size() || t.items[i].lex.cat != Cat::kWord) return false;
  const int w = t.items[i].lex.value;
  if (!RelativeLead(w)) return false;
  if (w == W_TODAY || w == W_TONIGHT || w == W_YESTERDAY || w == W_TOMORROW) {
    end = i + 1;
    if (!Relative(d)) return true;
    resolver_->Period(DateGrain::kDay, w == W_YESTERDAY ? -1 : w == W_TOMORROW ? 1 : 0, d);
    return true;
  }
  if (w == W_DAY && ((t.IsWord(i + 1, W_BEFORE) && t.IsWord(i + 2, W_YESTERDAY)) ||
                     (t.IsWord(i + 1, W_AFTER) && t.IsWord(i + 2, W_TOMORROW)))) {
    end = i + 3;
    if (!Relative(d)) return true;
    resolver_->Period(DateGrain::kDay, t.IsWord(i + 1, W_BEFORE) ? -2 : 2, d);
    return true;
  }
  // "the week after next", "the year after the next"
  if ((w == W_WEEK || w == W_MONTH || w == W_YEAR) && !t.items[i].lex.plural && t.IsWord(i + 1, W_AFTER)) {
    size_t k = t.IsWord(i + 2, W_THE) ? i + 3 : i + 2;
    if (t.IsWord(k, W_NEXT)) {
      bool ok = false;
      DateGrain g = UnitGrain(t, i, ok);
      end = k + 1;
      if (!Relative(d)) return true;
      resolver_->Period(g, 2, d);
      return true;
    }
  }
  int offset = 0;
  switch (w) {
    case W_LAST: case W_PREVIOUS: case W_PAST: offset = -1; break;
    case W_NEXT: case W_COMING: case W_FOLLOWING: case W_UPCOMING: offset = 1; break;
    case W_THIS: case W_CURRENT: offset = 0; break;
    default: return false;
  }
  size_t k = i + 1;
  bool ok = false;
  DateGrain g = UnitGrain(t, k, ok);
  if (ok && !t.items[k].lex.plural) {
    if ((w == W_PAST || w == W_PREVIOUS) && g == DateGrain::kDay) return false;
    end = k + 1;
    if (!Relative(d)) return true;
    resolver_->Period(g, offset, d);
    return true;
  }
  if (t.IsWord(k, W_WEEKEND)) {
    end = k + 1;
    if (!Relative(d)) return true;
    resolver_->Period(DateGrain::kWeek, offset, d);
    return true;
  }
  if (IsWeekday(t, k) && (w == W_LAST || w == W_NEXT || w == W_THIS || w == W_COMING || w == W_PREVIOUS ||
                          w == W_FOLLOWING || w == W_UPCOMING)) {
    end = k + 1;
    if (!Relative(d)) return true;
    SetDay(d, resolver_->WeekdayInWeek(t.items[k].lex.value, offset));
    return true;
  }
  return false;
}

bool DateScanner::WeekdayLed(const Tokens& t, size_t i, DateMention& d, size_t& end) const {
  if (!IsWeekday(t, i)) return false;
  const Token& tok = t.items[i];
  size_t p = i + 1;
  // "Wed." takes its dot; a full name does not ("on Tuesday." ends a sentence).
  bool dotted = tok.lex.abbrev && t.Is(p, '.') && t.Glued(p);
  if (dotted) ++p;
  if (tok.lex.abbrev && !dotted && !(i > 0 && t.IsWord(i - 1, W_ON)) && !t.Is(p, ',') &&
      !(t.IsDigits(p) && t.Glued(p + 1) && LowerIs(t, p + 1, "th")))
    return false;
  size_t r = p;
  if (t.Is(r, ',')) ++r;
  // An absolute date after the weekday: "Wednesday, Jan. 28, 2026", "Friday 7/6", "Wed, 22 of Jan".
  DateMention inner;
  size_t e = 0;
  bool skip = false;
  if (MonthLed(t, r, inner, e) && inner.grain == DateGrain::kDay) {
    d = inner;
    end = e;
    return true;
  }
  if (t.IsDigits(r) && DigitsLed(t, r, inner, e, skip) && inner.grain == DateGrain::kDay) {
    d = inner;
    end = e;
    return true;
  }
  // "Wednesday the 31st", "Friday the fifteen", "Mon 13th": the nearest such day on that weekday.
  if (WeekdayWithDay(t, r, tok.lex.value, inner, e)) {
    d = inner;
    end = e;
    return true;
  }
  // "Friday the 22nd": a day of this or last month.
  if (t.IsWord(r, W_THE) && t.IsDigits(r + 1) && DigitsLed(t, r + 1, inner, e, skip) && inner.grain == DateGrain::kDay) {
    d = inner;
    end = e;
    return true;
  }
  // "Friday next week", "Sunday of next week"
  size_t k = p;
  if (t.IsWord(k, W_OF)) ++k;
  if ((t.IsWord(k, W_NEXT) || t.IsWord(k, W_LAST) || t.IsWord(k, W_THIS)) && t.IsWord(k + 1, W_WEEK)) {
    end = k + 2;
    if (!Relative(d)) return true;
    SetDay(d, resolver_->WeekdayInWeek(tok.lex.value, t.IsWord(k, W_NEXT) ? 1 : t.IsWord(k, W_LAST) ? -1 : 0));
    return true;
  }
  end = dotted ? p : i + 1;
  if (!Relative(d)) return true;
  SetDay(d, resolver_->Weekday(tok.lex.value, FutureCue(t, i)));
  return true;
}

// "late 2024", "mid-2025", "early next year", "earlier this month", "mid March", "late last week".
bool DateScanner::Modified(const Tokens& t, size_t i, DateMention& d, size_t& end) const {
  if (i >= t.size() || t.items[i].lex.cat != Cat::kWord) return false;
  const int w = t.items[i].lex.value;
  if (!ModifierLead(w)) return false;
  size_t k = i + 1;
  if (IsDash(t, k) && t.Glued(k)) ++k;
  if (t.IsWord(k, W_IN)) ++k;
  DateMention inner;
  size_t e = 0;
  bool skip = false;
  bool found = false;
  if (w == W_EARLIER || w == W_LATER) {
    found = RelativeWord(t, k, inner, e);
  } else {
    int y = 0;
    if (YearAt(t, k, y)) {
      inner.year = y;
      inner.grain = DateGrain::kYear;
      e = k + 1;
      found = true;
    } else {
      found = MonthLed(t, k, inner, e) || RelativeWord(t, k, inner, e) || (t.IsDigits(k) && DigitsLed(t, k, inner, e, skip));
    }
  }
  if (!found) return false;
  d = inner;
  end = e;
  return true;
}

}  // namespace corroborate::extract
