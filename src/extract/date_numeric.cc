// Written dates (see dates.h): month-led ("Jan. 28, 2026", "October 2025"), digit-led
// ("2026-01-30", "30 January 2026", "2024"), quarters ("Q3 2025") and ordinal words ("the
// twenty-eighth of January"). Tested in extract_test.cc and date_compose_test.cc.
#include "extract/dates.h"

#include <algorithm>
#include <cstdlib>
#include <string_view>

#include "extract/date_tokens.h"
#include "extract/number_parser.h"
#include "extract/quantity_forms.h"

namespace corroborate::extract {

namespace {

// Fills `d` as a day-grain date; year 0 marks a day that does not exist ("February 30").
void SetDay(DateMention& d, int year, int month, int day) {
  d.year = year;
  d.month = month;
  d.day = day;
  d.grain = DateGrain::kDay;
}

}  // namespace

bool DateScanner::MonthLed(const Tokens& t, size_t i, DateMention& d, size_t& end) const {
  int m = 0;
  size_t p = 0;
  if (!MonthAt(t, i, m, p)) return false;
  const Token& tok = t.items[i];
  int day = 0, year = 0;
  size_t q = 0;
  bool ord = false;
  size_t dp = p;
  const bool glued_sep = (IsDash(t, dp) || t.Is(dp, '/')) && t.Glued(dp) && t.Glued(dp + 1);
  if (glued_sep) {
    if (YearAt(t, dp + 1, year)) {  // "Dec-2018", "Dec/2018"
      d.year = year;
      d.month = m;
      d.grain = DateGrain::kMonth;
      end = dp + 2;
      return true;
    }
    ++dp;  // "nov-28", "Oct/2"
  } else if (t.IsWord(dp, W_THE) || (t.Is(dp, ',') && !t.IsDigits(dp + 1) && !YearAt(t, dp + 1, year)) ||
             (t.Is(dp, ',') && t.IsDigits(dp + 1) && Len(t, dp + 1) <= 2 && t.Glued(dp + 2) &&
              t.items[dp + 2].kind == TokKind::kWord)) {
    // "September the twenty-first", "October, 1st": the day must then be an ordinal.
    bool o = false;
    size_t qq = 0;
    int dd = 0;
    if (DayAt(t, dp + 1, dd, qq, o) && o) ++dp;
  }
  bool day_found = DayAt(t, dp, day, q, ord) && !(t.Is(q, ':'));
  if (!day_found && t.IsDigits(dp) && Len(t, dp) <= 2 && IsDash(t, dp + 1) && t.Glued(dp + 1) &&
      t.IsDigits(dp + 2) && Len(t, dp + 2) <= 2) {
    day = IntOf(t, dp);  // "November 19-20": the first day; the range is read on in Extend
    q = dp + 1;
    day_found = day >= 1 && day <= 31;
  }
  if (!day_found && !glued_sep && dp == p && dp < t.size() &&
      (t.items[dp].lex.cat == Cat::kTens || t.items[dp].lex.cat == Cat::kUnit)) {
    // "May twenty nine", "Jan twenty two, 2018": a cardinal day in words, where it ends the phrase
    // or a year follows ("in March two people died" is no date).
    NumberMatch nm;
    int wy = 0;
    size_t we = 0;
    if (ParseNumber(t, dp, false, nm) && nm.words && !nm.fraction && !nm.scaled && nm.value >= 1 &&
        nm.value <= 31 && nm.value == static_cast<int>(nm.value) &&
        (nm.end >= t.size() || (t.items[nm.end].kind == TokKind::kPunct && !IsDash(t, nm.end)) ||
         WordYearAt(t, nm.end, wy, we))) {
      day = static_cast<int>(nm.value);
      q = nm.end;
      day_found = true;
    }
  }
  if (day_found) {
    size_t r = q;
    if (t.Is(r, ',') || (glued_sep && t.Is(r, t.items[p].cp) && t.Glued(r))) ++r;  // "Sep-23-2020"
    if (YearAt(t, r, year)) {
      // "February 30, 2025" names no day: consumed and left out (year 0 marks it), not read as 2025.
      SetDay(d, IsValidDate(year, m, day) ? year : 0, m, day);
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
  // A month alone: the words "may" and "march" and the abbreviations need a preposition before;
  // "this may", "and may", "to march" are verbs.
  bool ambiguous = tok.lex.abbrev || m == 5 || (m == 3 && !tok.capitalized);
  if ((m == 5 || m == 3) && !tok.capitalized && i > 0 &&
      (t.IsWord(i - 1, W_THIS) || t.IsWord(i - 1, W_AND) || t.IsWord(i - 1, W_TO) || t.IsWord(i - 1, W_OR)))
    return false;
  int m2 = 0;
  size_t p2 = 0;
  const bool month_range = IsDash(t, p) && t.Glued(p) && MonthAt(t, p + 1, m2, p2);  // "Jan-Feb 2017"
  if (ambiguous && !MonthContextBefore(t, i) && !(tok.lex.abbrev && p > i + 1) && !month_range) return false;
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
  int q = 0, year0 = 0;
  size_t p = 0;
  if (LowerIs(t, i, "q") && t.IsDigits(i + 1) && t.Glued(i + 1) && Len(t, i + 1) == 1) {
    q = IntOf(t, i + 1);
    p = i + 2;
    if (IsDash(t, p) && t.Glued(p) && t.Glued(p + 1) && YearAt(t, p + 1, year0)) {  // "Q1-2019"
      q = IntOf(t, i + 1);
      if (q < 1 || q > 4) return false;
      d.grain = DateGrain::kQuarter;
      d.quarter = q;
      d.year = year0;
      end = p + 2;
      return true;
    }
    if (!Clean(t, p)) return false;
  } else if (i < t.size() && t.items[i].lex.cat == Cat::kOrdinal && !t.items[i].lex.plural &&
             t.items[i].lex.value <= 4) {
    size_t k = i + 1;
    if (IsDash(t, k)) ++k;
    if (!(k < t.size() && t.items[k].lex.cat == Cat::kDenom && t.items[k].lex.value == 4 && !t.items[k].lex.plural))
      return false;
    q = t.items[i].lex.value;
    p = k + 1;
  } else if (t.IsWord(i, W_FINAL) && i + 1 < t.size() && t.items[i + 1].lex.cat == Cat::kDenom &&
             t.items[i + 1].lex.value == 4 && !t.items[i + 1].lex.plural) {
    // "the final quarter of 2017" is its fourth quarter; only with its year, since a company's
    // final quarter without one may close a fiscal year that is not the calendar's.
    size_t r = i + 2;
    if (t.IsWord(r, W_OF) || t.Is(r, ',')) ++r;
    int year = 0;
    if (!YearAt(t, r, year)) return false;
    q = 4;
    p = i + 2;
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
  // A later group of a hyphenated code ("138-2010-2015", "123-12-1234"), not a date; "2014-2015"
  // (two years) stays a range.
  if (i >= 2 && t.Glued(i) && IsDash(t, i - 1) && t.IsDigits(i - 2) && t.Glued(i - 1) &&
      !(Len(t, i - 2) == 4 && Len(t, i) == 4 && !(i >= 4 && IsDash(t, i - 3) && t.Glued(i - 2) && t.IsDigits(i - 4))))
    return false;
  const size_t len = Len(t, i);
  const int v = IntOf(t, i);
  const int pub_year = resolver_ ? resolver_->published().year : 0;
  if (len == 8 && Clean(t, i + 1)) {
    // "20161016": a compact ISO date, when it names a real day of 1900..2099.
    std::string_view x = t.Text(i);
    int y = (x[0] - '0') * 1000 + (x[1] - '0') * 100 + (x[2] - '0') * 10 + (x[3] - '0');
    int m = (x[4] - '0') * 10 + (x[5] - '0'), dd = (x[6] - '0') * 10 + (x[7] - '0');
    if (y >= 1900 && y <= 2099 && IsValidDate(y, m, dd)) {
      SetDay(d, y, m, dd);
      end = i + 1;
      return true;
    }
    return false;
  }
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
            SetDay(d, y, m, dd);
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
      SetDay(d, y, m, dd);
      end = s2 + 2;
      return true;
    }
    if (lb <= 2 && t.Is(s1, '/') && !spaced && t.Is(s2, ',') && t.Glued(s2) && t.IsDigits(s2 + 1) && t.Glued(s2 + 1) &&
        (Len(t, s2 + 1) == 4 || Len(t, s2 + 1) == 2) && Clean(t, s2 + 2) && v >= 1 && v <= 12) {
      // "08/12,2015", "11/12,16": month, day, then the year after a comma
      int c = IntOf(t, s2 + 1);
      int y = Len(t, s2 + 1) == 2 ? TwoDigitYear(c, pub_year) : c;
      if (!IsValidDate(y, v, b)) return false;
      SetDay(d, y, v, b);
      end = s2 + 2;
      return true;
    }
    if (lb <= 2 && t.Is(s1, '/') && !spaced && Clean(t, s2) && !IsSep(t, s2)) {
      // "4/22", "7/6" without a year; "3/4" with a small denominator is a fraction, unless a
      // weekday names it a day ("Friday 5/12").
      const bool after_weekday = (i >= 1 && IsWeekday(t, i - 1)) ||
                                 (i >= 2 && (IsDash(t, i - 1) || t.Is(i - 1, ',')) && IsWeekday(t, i - 2));
      if (v < b && b <= 16 && !after_weekday) return false;
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
    // "28-nov", "23/Sep/2020", "16. Nov. 2016"
    const bool sep = ((IsDash(t, r) || t.Is(r, '/')) && t.Glued(r) && t.Glued(r + 1)) || (t.Is(r, '.') && t.Glued(r));
    if (sep || (IsDash(t, r) && t.Glued(r))) ++r;
    if (t.IsWord(r, W_OF)) ++r;
    int m = 0;
    size_t after = 0;
    if (MonthAt(t, r, m, after)) {
      size_t y0 = after;
      if (t.Is(y0, ',') || (sep && t.Is(y0, t.items[q].cp) && t.Glued(y0) && !t.Is(y0, '.'))) ++y0;
      return DayMonthYear(t, i, m, dd, after, y0, /*keep_impossible=*/true, d, end);
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
  return DayMonthYear(t, i, m, dd, after, y0, /*keep_impossible=*/false, d, end);
}

bool DateScanner::DayMonthYear(const Tokens& t, size_t i, int m, int dd, size_t after, size_t y0,
                               bool keep_impossible, DateMention& d, size_t& end) const {
  int y = 0;
  if (YearAt(t, y0, y)) {
    const bool valid = IsValidDate(y, m, dd);
    if (!valid && !keep_impossible) return false;
    SetDay(d, valid ? y : 0, m, dd);
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

}  // namespace corroborate::extract
