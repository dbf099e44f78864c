// The date scanner (see dates.h). Tested in dates_test.cc.
#include "extract/dates.h"

#include <cstdlib>
#include <string_view>

#include "extract/number_parser.h"
#include "extract/quantity_forms.h"

namespace corroborate::extract {
namespace {

size_t Len(const Tokens& t, size_t i) { return t.items[i].end - t.items[i].start; }

int IntOf(const Tokens& t, size_t i) {
  if (!t.IsDigits(i) || Len(t, i) > 4) return -1;
  int v = 0;
  for (char c : t.Text(i)) v = v * 10 + (c - '0');
  return v;
}

bool IsDash(const Tokens& t, size_t i) {
  return t.Is(i, '-') || t.Is(i, 0x2013) || t.Is(i, 0x2014) || t.Is(i, 0x2010) || t.Is(i, 0x2011);
}

bool IsSep(const Tokens& t, size_t i) { return IsDash(t, i) || t.Is(i, '/') || t.Is(i, '.'); }

bool LowerIs(const Tokens& t, size_t i, std::string_view s) {
  if (i >= t.size() || t.items[i].kind != TokKind::kWord) return false;
  std::string_view w = t.Text(i);
  if (w.size() != s.size()) return false;
  for (size_t k = 0; k < s.size(); ++k)
    if ((w[k] | 0x20) != s[k]) return false;
  return true;
}

// A token that ends the number it follows: the next token is not glued letters or more digits.
bool Clean(const Tokens& t, size_t j) {
  if (j >= t.size()) return true;
  if (!t.Glued(j)) return true;
  const Token& k = t.items[j];
  if (k.kind == TokKind::kWord || k.kind == TokKind::kDigits) return false;
  if ((k.cp == '.' || k.cp == ',' || k.cp == '/' || k.cp == '-' || k.cp == ':') && t.IsDigits(j + 1) && t.Glued(j + 1))
    return false;
  return true;
}

// A four-digit year 1000..2999 at i.
bool YearAt(const Tokens& t, size_t i, int& y) {
  if (!t.IsDigits(i) || Len(t, i) != 4) return false;
  y = IntOf(t, i);
  return y >= 1000 && y <= 2999 && Clean(t, i + 1);
}

// A day of the month at i: "28", "28th", "1st", "first", "twenty-second". Sets `next`.
bool DayAt(const Tokens& t, size_t i, int& day, size_t& next, bool& ordinal) {
  ordinal = false;
  if (t.IsDigits(i) && Len(t, i) <= 2) {
    day = IntOf(t, i);
    next = i + 1;
    if (t.Glued(next) && (LowerIs(t, next, "st") || LowerIs(t, next, "nd") || LowerIs(t, next, "rd") ||
                          LowerIs(t, next, "th"))) {
      ordinal = true;
      ++next;
    }
    if (!Clean(t, next)) return false;
    return day >= 1 && day <= 31;
  }
  if (i >= t.size()) return false;
  const Lexeme& l = t.items[i].lex;
  if (l.cat == Cat::kOrdinal && !l.plural && l.value <= 31) {
    day = l.value;
    next = i + 1;
    ordinal = true;
    return true;
  }
  if (l.cat == Cat::kTens && (l.value == 20 || l.value == 30)) {
    size_t k = i + 1;
    if (IsDash(t, k)) ++k;
    if (k < t.size() && t.items[k].lex.cat == Cat::kOrdinal && !t.items[k].lex.plural && t.items[k].lex.value < 10) {
      day = l.value + t.items[k].lex.value;
      next = k + 1;
      ordinal = true;
      return day <= 31;
    }
  }
  return false;
}

// A month name at i ("January", "Jan", "Jan.", "sept"); `next` after it (and its full stop).
bool MonthAt(const Tokens& t, size_t i, int& month, size_t& next) {
  if (i >= t.size() || t.items[i].lex.cat != Cat::kMonth) return false;
  month = t.items[i].lex.value;
  next = i + 1;
  if (t.items[i].lex.abbrev && t.Is(next, '.') && t.Glued(next)) ++next;
  return true;
}

bool IsWeekday(const Tokens& t, size_t i) { return i < t.size() && t.items[i].lex.cat == Cat::kWeekday; }

// Words before a bare month name that make it one ("in May", "last March", "since June").
bool MonthContextBefore(const Tokens& t, size_t i) {
  if (i == 0) return false;
  const Token& p = t.items[i - 1];
  if (p.lex.cat != Cat::kWord) return false;
  switch (p.lex.value) {
    case W_IN: case W_OF: case W_SINCE: case W_UNTIL: case W_BY: case W_FROM: case W_DURING:
    case W_LAST: case W_NEXT: case W_THIS: case W_EARLY: case W_LATE: case W_MID: case W_BEFORE:
    case W_AFTER: case W_THROUGH: case W_TO: case W_PAST: case W_COMING: case W_BETWEEN: case W_AND:
      return true;
    default:
      return false;
  }
}

DateGrain UnitGrain(const Tokens& t, size_t i, bool& ok) {
  ok = true;
  if (t.IsWord(i, W_DAY)) return DateGrain::kDay;
  if (t.IsWord(i, W_WEEK)) return DateGrain::kWeek;
  if (t.IsWord(i, W_MONTH)) return DateGrain::kMonth;
  if (t.IsWord(i, W_YEAR)) return DateGrain::kYear;
  if (i < t.size() && t.items[i].lex.cat == Cat::kDenom && t.items[i].lex.value == 4) return DateGrain::kQuarter;
  ok = false;
  return DateGrain::kDay;
}

int TwoDigitYear(int yy, int pub_year) {
  int century = (pub_year > 0 ? pub_year : 2000) / 100 * 100;
  int y = century + yy;
  if (pub_year > 0 && y > pub_year + 10) y -= 100;
  return y;
}

}  // namespace

DateScanner::DateScanner(std::optional<Civil> published) {
  if (published) resolver_.emplace(*published);
}

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

bool DateScanner::MonthLed(const Tokens& t, size_t i, DateMention& d, size_t& end) const {
  int m = 0;
  size_t p = 0;
  if (!MonthAt(t, i, m, p)) return false;
  const Token& tok = t.items[i];
  int day = 0, year = 0;
  size_t q = 0;
  bool ord = false;
  size_t dp = p;
  if (IsDash(t, dp) && t.Glued(dp)) ++dp;  // "nov-28"
  if (DayAt(t, dp, day, q, ord) && !(t.Is(q, ':'))) {
    size_t r = q;
    if (t.Is(r, ',')) ++r;
    if (YearAt(t, r, year)) {
      // "February 30, 2025" names no day: consumed and left out (year 0 marks it), not read as 2025.
      d.year = IsValidDate(year, m, day) ? year : 0;
      d.month = m;
      d.day = day;
      d.grain = DateGrain::kDay;
      end = r + 1;
      return true;
    }
    // "Jan. 28": a day without a year.
    d.grain = DateGrain::kDay;
    d.month = m;
    d.day = day;
    if (!Relative(d)) {
      end = q;
      return true;
    }
    d.year = resolver_->YearOfMonth(m, day, FutureCue(t, i));
    if (!IsValidDate(d.year, m, day)) return false;
    end = q;
    return true;
  }
  size_t r = p;
  if (t.Is(r, ',')) ++r;
  if (YearAt(t, r, year)) {
    d.year = year;
    d.month = m;
    d.grain = DateGrain::kMonth;
    end = r + 1;
    return true;
  }
  if (t.IsDigits(r) && Len(t, r) == 2 && IntOf(t, r) > 31 && Clean(t, r + 1)) {  // "August 99"
    d.year = TwoDigitYear(IntOf(t, r), resolver_ ? resolver_->published().year : 0);
    d.month = m;
    d.grain = DateGrain::kMonth;
    end = r + 1;
    return true;
  }
  // A month alone: the words "may" and "march" and the abbreviations need a preposition before.
  bool ambiguous = tok.lex.abbrev || m == 5 || (m == 3 && !tok.capitalized);
  if (ambiguous && !MonthContextBefore(t, i) && !(tok.lex.abbrev && p > i + 1)) return false;
  if (m == 5 && tok.capitalized && !MonthContextBefore(t, i)) return false;
  d.month = m;
  d.grain = DateGrain::kMonth;
  end = p;
  if (!Relative(d)) return true;
  if (i > 0 && t.IsWord(i - 1, W_LAST)) d.year = resolver_->published().year - 1;
  else if (i > 0 && t.IsWord(i - 1, W_NEXT)) d.year = resolver_->published().year + 1;
  else if (i > 0 && t.IsWord(i - 1, W_THIS)) d.year = resolver_->published().year;
  else d.year = resolver_->YearOfMonth(m, 0, FutureCue(t, i));
  return true;
}

bool DateScanner::Quarter(const Tokens& t, size_t i, DateMention& d, size_t& end) const {
  int q = 0;
  size_t p = 0;
  if (LowerIs(t, i, "q") && t.IsDigits(i + 1) && t.Glued(i + 1) && Len(t, i + 1) == 1) {
    q = IntOf(t, i + 1);
    p = i + 2;
    if (!Clean(t, p)) return false;
  } else if (i < t.size() && t.items[i].lex.cat == Cat::kOrdinal && !t.items[i].lex.plural &&
             t.items[i].lex.value <= 4) {
    size_t k = i + 1;
    if (IsDash(t, k)) ++k;
    if (!(k < t.size() && t.items[k].lex.cat == Cat::kDenom && t.items[k].lex.value == 4 && !t.items[k].lex.plural))
      return false;
    q = t.items[i].lex.value;
    p = k + 1;
  } else {
    return false;
  }
  if (q < 1 || q > 4) return false;
  size_t r = p;
  if (t.IsWord(r, W_OF) || t.Is(r, ',')) ++r;
  int year = 0;
  d.grain = DateGrain::kQuarter;
  d.quarter = q;
  if (YearAt(t, r, year)) {
    d.year = year;
    end = r + 1;
    return true;
  }
  if (t.Is(p, '\'') && t.IsDigits(p + 1) && Len(t, p + 1) == 2) {  // "Q3 '25"
    d.year = TwoDigitYear(IntOf(t, p + 1), resolver_ ? resolver_->published().year : 0);
    end = p + 2;
    return true;
  }
  end = p;
  if (!Relative(d)) return true;
  int pub_q = (resolver_->published().month - 1) / 3 + 1;
  bool future = FutureCue(t, i);
  d.year = resolver_->published().year;
  if (!future && q > pub_q) --d.year;
  if (future && q < pub_q) ++d.year;
  return true;
}

bool DateScanner::DigitsLed(const Tokens& t, size_t i, DateMention& d, size_t& end, bool& skip) const {
  skip = false;
  if (!t.IsDigits(i)) return false;
  // Not inside a larger number ("1,2024", "3.2015") or glued to letters ("A2024").
  if (i > 0 && t.Glued(i) && (t.items[i - 1].kind == TokKind::kWord ||
                              ((t.Is(i - 1, '.') || t.Is(i - 1, ',')) && i > 1 && t.IsDigits(i - 2) && t.Glued(i - 1))))
    return false;
  if (i > 0 && t.Glued(i) && (t.Is(i - 1, '$') || t.items[i - 1].kind == TokKind::kSymbol || t.Is(i - 1, '#')))
    return false;
  // The last group of a hyphenated code ("138-2010-2015", "123-12-1234"), not a date.
  if (i >= 4 && t.Glued(i) && IsDash(t, i - 1) && t.IsDigits(i - 2) && t.Glued(i - 1) && IsDash(t, i - 3) &&
      t.Glued(i - 2) && t.IsDigits(i - 4) && t.Glued(i - 3))
    return false;
  const size_t len = Len(t, i);
  const int v = IntOf(t, i);
  const int pub_year = resolver_ ? resolver_->published().year : 0;
  if (len == 4) {
    int y = v;
    if (y < 1000 || y > 2999) return false;
    // "2026-01-30", "2015/08/12", "2015.5.13", "2019/sep/01", "2015-3", "2016 / 11"
    size_t s1 = i + 1;
    if (IsSep(t, s1)) {
      int m = 0;
      size_t after_m = 0;
      bool glued = t.Glued(s1) && t.Glued(s1 + 1);
      if (t.IsDigits(s1 + 1) && Len(t, s1 + 1) <= 2) {
        m = IntOf(t, s1 + 1);
        after_m = s1 + 2;
      } else if (glued && MonthAt(t, s1 + 1, m, after_m)) {
      }
      if (m >= 1 && m <= 12) {
        size_t s2 = after_m;
        if (IsSep(t, s2) && t.IsDigits(s2 + 1) && Len(t, s2 + 1) <= 2 && Clean(t, s2 + 2)) {
          int dd = IntOf(t, s2 + 1);
          if (IsValidDate(y, m, dd)) {
            d.year = y;
            d.month = m;
            d.day = dd;
            d.grain = DateGrain::kDay;
            end = s2 + 2;
            return true;
          }
          return false;
        }
        if (!t.Is(s1, '.') && Clean(t, after_m) && !IsSep(t, after_m)) {
          d.year = y;
          d.month = m;
          d.grain = DateGrain::kMonth;
          end = after_m;
          return true;
        }
      }
    }
    if (!Clean(t, i + 1)) return false;
    // "2016 November", "2016, nov"
    size_t r = i + 1;
    if (t.Is(r, ',')) ++r;
    int m = 0;
    size_t after = 0;
    if (MonthAt(t, r, m, after)) {
      int dd = 0;
      size_t q = 0;
      bool ord = false;
      if (!DayAt(t, after, dd, q, ord)) {
        d.year = y;
        d.month = m;
        d.grain = DateGrain::kMonth;
        end = after;
        return true;
      }
    }
    // A year alone, unless it is an amount: "2024%", "2000 jobs", "2000 over 3", "1990s" (a decade:
    // left out).
    if (t.Is(i + 1, '%') || ScaleOf(t, i + 1, false) > 0) return false;
    if (t.IsWord(i + 1, W_OVER) || t.IsWord(i + 1, W_OUT)) {
      NumberMatch nm;
      double ratio = 0;
      size_t re = 0;
      if (ParseNumber(t, i, false, nm) && RatioAfter(t, nm, ratio, re)) return false;
    }
    if (t.Glued(i + 1) && (LowerIs(t, i + 1, "s"))) {
      skip = true;
      end = i + 2;
      return false;
    }
    if (t.Is(i + 1, '\'') && LowerIs(t, i + 2, "s")) {
      skip = true;
      end = i + 3;
      return false;
    }
    if (i + 1 < t.size() && t.items[i + 1].kind == TokKind::kWord && t.items[i + 1].lex.cat == Cat::kNone &&
        !t.items[i + 1].capitalized && !t.items[i + 1].break_before) {
      std::string_view w = t.Text(i + 1);
      if (w.size() > 3 && w.back() == 's') return false;  // "2000 employees"
    }
    if (y < 1900 || y > 2100) {
      if (!(i > 0 && (t.IsWord(i - 1, W_IN) || t.IsWord(i - 1, W_SINCE) || t.IsWord(i - 1, W_YEAR)))) return false;
    }
    d.year = y;
    d.grain = DateGrain::kYear;
    end = i + 1;
    return true;
  }
  if (len > 2) return false;
  // "02/22/2016", "21/04/16", "13.5.2015", "4/22", "3/2015", "11 / 2016"
  size_t s1 = i + 1;
  if (IsSep(t, s1) && t.IsDigits(s1 + 1)) {
    bool dot = t.Is(s1, '.');
    int b = IntOf(t, s1 + 1);
    size_t lb = Len(t, s1 + 1);
    size_t s2 = s1 + 2;
    bool spaced = !t.Glued(s1) || !t.Glued(s1 + 1);
    if (lb == 4 && !dot && Clean(t, s2) && !IsSep(t, s2) && v >= 1 && v <= 12) {  // "3/2015"
      d.year = b;
      d.month = v;
      d.grain = DateGrain::kMonth;
      end = s2;
      return true;
    }
    if (lb <= 2 && !spaced && t.Is(s2, t.items[s1].cp) && t.Glued(s2) && t.IsDigits(s2 + 1) && t.Glued(s2 + 1) &&
        (Len(t, s2 + 1) == 2 || Len(t, s2 + 1) == 4) && Clean(t, s2 + 2)) {
      int c = IntOf(t, s2 + 1);
      int y = Len(t, s2 + 1) == 2 ? TwoDigitYear(c, pub_year) : c;
      int m = v, dd = b;
      if (v > 12 || dot) {  // day first: "21/04/16", "13.5.2015"
        m = b;
        dd = v;
      }
      if (dot && Len(t, s2 + 1) != 4) return false;
      if (!IsValidDate(y, m, dd)) return false;
      d.year = y;
      d.month = m;
      d.day = dd;
      d.grain = DateGrain::kDay;
      end = s2 + 2;
      return true;
    }
    if (lb <= 2 && t.Is(s1, '/') && !spaced && Clean(t, s2) && !IsSep(t, s2)) {
      // "4/22", "7/6" without a year; "3/4" with a small denominator is a fraction.
      if (v < b && b <= 16) return false;
      int m = v, dd = b;
      if (v > 12) {
        m = b;
        dd = v;
      }
      if (m < 1 || m > 12 || dd < 1 || dd > 31) return false;
      d.month = m;
      d.day = dd;
      d.grain = DateGrain::kDay;
      end = s2;
      if (!Relative(d)) return true;
      d.year = resolver_->YearOfMonth(m, dd, FutureCue(t, i));
      return IsValidDate(d.year, m, dd);
    }
  }
  // "30 January 2026", "1st jan", "28-nov", "22april", "4th of July"
  int dd = 0;
  size_t q = 0;
  bool ord = false;
  if (DayAt(t, i, dd, q, ord) || (t.Glued(i + 1) && t.items[i + 1].lex.cat == Cat::kMonth && (dd = v, q = i + 1, v >= 1 && v <= 31))) {
    size_t r = q;
    if (IsDash(t, r) && t.Glued(r)) ++r;
    if (t.IsWord(r, W_OF)) ++r;
    int m = 0;
    size_t after = 0;
    if (MonthAt(t, r, m, after)) {
      size_t y0 = after;
      if (t.Is(y0, ',')) ++y0;
      int y = 0;
      if (YearAt(t, y0, y)) {
        d.year = IsValidDate(y, m, dd) ? y : 0;
        d.month = m;
        d.day = dd;
        d.grain = DateGrain::kDay;
        end = y0 + 1;
        return true;
      }
      d.month = m;
      d.day = dd;
      d.grain = DateGrain::kDay;
      end = after;
      if (!Relative(d)) return true;
      d.year = resolver_->YearOfMonth(m, dd, FutureCue(t, i));
      return IsValidDate(d.year, m, dd);
    }
    // "the 27th", "on the 21st": a day of the current (or last) month.
    if (ord && t.IsDigits(i) && i > 0 && (t.IsWord(i - 1, W_THE) || t.IsWord(i - 1, W_ON)) &&
        !(q < t.size() && t.items[q].kind == TokKind::kWord && !t.items[q].break_before &&
          t.items[q].lex.cat == Cat::kNone)) {
      d.day = dd;
      d.grain = DateGrain::kDay;
      end = q;
      if (!Relative(d)) return true;
      Civil p = resolver_->published();
      int y = p.year, m2 = p.month;
      bool future = FutureCue(t, i);
      if (!future && dd > p.day) {
        if (--m2 == 0) { m2 = 12; --y; }
      } else if (future && dd < p.day) {
        if (++m2 == 13) { m2 = 1; ++y; }
      }
      if (!IsValidDate(y, m2, dd)) return false;
      d.year = y;
      d.month = m2;
      return true;
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
  int offset = 0;
  switch (w) {
    case W_LAST: case W_PREVIOUS: case W_PAST: offset = -1; break;
    case W_NEXT: case W_COMING: offset = 1; break;
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
  if (IsWeekday(t, k) && (w == W_LAST || w == W_NEXT || w == W_THIS || w == W_COMING)) {
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
  bool dotted = t.Is(p, '.') && t.Glued(p);
  if (dotted) ++p;
  if (tok.lex.abbrev && !dotted && !(i > 0 && t.IsWord(i - 1, W_ON)) && !t.Is(p, ',')) return false;
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
  if (w != W_EARLY && w != W_LATE && w != W_MID && w != W_EARLIER && w != W_LATER) return false;
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

bool DateScanner::OrdinalWordLed(const Tokens& t, size_t i, DateMention& d, size_t& end) const {
  int dd = 0;
  size_t q = 0;
  bool ord = false;
  if (t.IsDigits(i) || !DayAt(t, i, dd, q, ord)) return false;
  if (!t.IsWord(q, W_OF)) return false;
  int m = 0;
  size_t after = 0;
  if (!MonthAt(t, q + 1, m, after)) return false;
  size_t y0 = after;
  if (t.Is(y0, ',')) ++y0;
  int y = 0;
  if (YearAt(t, y0, y)) {
    if (!IsValidDate(y, m, dd)) return false;
    d.year = y;
    d.month = m;
    d.day = dd;
    d.grain = DateGrain::kDay;
    end = y0 + 1;
    return true;
  }
  d.month = m;
  d.day = dd;
  d.grain = DateGrain::kDay;
  end = after;
  if (!Relative(d)) return true;
  d.year = resolver_->YearOfMonth(m, dd, FutureCue(t, i));
  return IsValidDate(d.year, m, dd);
}

ScanResult DateScanner::Scan(const Tokens& t, size_t i, DateMention& d, size_t& end) const {
  const Token& tok = t.items[i];
  // Cheap rejection: most tokens cannot start a date.
  bool candidate = tok.kind == TokKind::kDigits || tok.lex.cat == Cat::kMonth || tok.lex.cat == Cat::kWeekday ||
                   tok.lex.cat == Cat::kOrdinal || tok.lex.cat == Cat::kUnit || tok.lex.cat == Cat::kTens ||
                   tok.lex.cat == Cat::kWord || (tok.kind == TokKind::kWord && t.Text(i).size() == 1);
  if (!candidate) return ScanResult::kNone;
  d = DateMention{};
  bool ok = false, skip = false;
  if (tok.kind == TokKind::kDigits) {
    ok = DigitsLed(t, i, d, end, skip) || (d = DateMention{}, Ago(t, i, d, end));
    if (!ok && skip) return ScanResult::kSkip;
  } else if (tok.lex.cat == Cat::kMonth) {
    ok = MonthLed(t, i, d, end);
  } else if (tok.lex.cat == Cat::kWeekday) {
    ok = WeekdayLed(t, i, d, end);
  } else if (tok.lex.cat == Cat::kOrdinal) {
    ok = Quarter(t, i, d, end) || (d = DateMention{}, OrdinalWordLed(t, i, d, end));
  } else if (tok.lex.cat == Cat::kUnit || tok.lex.cat == Cat::kTens) {
    ok = OrdinalWordLed(t, i, d, end) || (d = DateMention{}, Ago(t, i, d, end));
  } else if (tok.lex.cat == Cat::kWord) {
    ok = RelativeWord(t, i, d, end) || (d = DateMention{}, Modified(t, i, d, end)) ||
         ((tok.lex.value == W_A || tok.lex.value == W_AN) && (d = DateMention{}, Ago(t, i, d, end)));
  } else {
    ok = Quarter(t, i, d, end);
  }
  if (!ok) return ScanResult::kNone;
  if (d.year == 0 && d.grain == DateGrain::kDay && !d.relative) return ScanResult::kSkip;  // an impossible date
  d.start = t.items[i].start;
  d.end = t.items[end - 1].end;
  // A relative date without a publication date to resolve it against is left out.
  if (d.relative && !resolver_) return ScanResult::kSkip;
  return ScanResult::kFound;
}

}  // namespace corroborate::extract
