// Dates built of parts (see dates.h, the date_compose.cc section): ordinal-led periods, a year,
// quarter or weekday completing a date, and ranges. Tested in extract_test.cc (DateParts*).
#include <string_view>

#include "extract/date_tokens.h"
#include "extract/dates.h"
#include "extract/number_parser.h"

namespace corroborate::extract {
namespace {

// The Monday of ISO week `week` of ISO year `year`, in days since 1970-01-01.
int64_t MondayOfIsoWeek(int year, int week) {
  int64_t jan4 = DaysFromCivil(year, 1, 4);
  return jan4 - (IsoWeekday(jan4) - 1) + 7LL * (week - 1);
}

// The number of ISO weeks in `year` (52 or 53): the week of 28 December.
int IsoWeeksIn(int year) {
  int y = 0, w = 0;
  IsoWeek(DaysFromCivil(year, 12, 28), y, w);
  return w;
}

// The day of the n-th (n >= 1) or last (n == -1) weekday `wd` in a month; 0 when there is none.
int NthWeekday(int year, int month, int wd, int n) {
  int len = DaysInMonth(year, month);
  if (len == 0) return 0;
  if (n == -1) {
    int last = IsoWeekday(DaysFromCivil(year, month, len));
    return len - (last - wd + 7) % 7;
  }
  int first = IsoWeekday(DaysFromCivil(year, month, 1));
  int day = 1 + (wd - first + 7) % 7 + 7 * (n - 1);
  return day <= len ? day : 0;
}

// An impossible date ("the fifth Sunday" of a month with four): consumed, and left out (year 0).
bool Impossible(DateMention& d) {
  d = DateMention{};
  d.grain = DateGrain::kDay;
  return true;
}

void SetWeek(DateMention& d, int64_t days) {
  d = DateMention{d.start, d.end};
  d.grain = DateGrain::kWeek;
  IsoWeek(days, d.year, d.week);
}

// An ordinal rank at i: "first", "3rd", "twenty-second", or "last" (-1). Sets `next`.
bool RankAt(const Tokens& t, size_t i, int& n, size_t& next) {
  if (t.IsWord(i, W_LAST)) {
    n = -1;
    next = i + 1;
    return true;
  }
  bool ordinal = false;
  if (!DayAt(t, i, n, next, ordinal) || !ordinal) return false;
  return true;
}

// A preposition joining a part to the period it belongs to: "of", "in".
bool OfOrIn(const Tokens& t, size_t i) { return t.IsWord(i, W_OF) || t.IsWord(i, W_IN); }

// Words that relate a unit to the publication date: this/next/last...; the offset in `off`.
bool RelativeOffset(const Tokens& t, size_t i, int& off) {
  if (i >= t.size() || t.items[i].lex.cat != Cat::kWord) return false;
  switch (t.items[i].lex.value) {
    case W_THIS: case W_CURRENT: off = 0; return true;
    case W_NEXT: case W_COMING: case W_FOLLOWING: case W_UPCOMING: off = 1; return true;
    case W_LAST: case W_PREVIOUS: case W_PAST: off = -1; return true;
    default: return false;
  }
}

// A bare day number after a date part, ending its phrase or followed by punctuation: "19", "20th".
bool BareDay(const Tokens& t, size_t i, int& day, size_t& next) {
  bool ordinal = false;
  if (!t.IsDigits(i) || !DayAt(t, i, day, next, ordinal)) return false;
  return true;
}

}  // namespace

bool DateScanner::YearExpr(const Tokens& t, size_t i, int& year, size_t& end) const {
  if (YearAt(t, i, year)) {
    end = i + 1;
    return true;
  }
  if (WordYearAt(t, i, year, end)) return true;
  int off = 0;
  if (resolver_ && RelativeOffset(t, i, off) && t.IsWord(i + 1, W_YEAR) && !t.items[i + 1].lex.plural) {
    year = resolver_->published().year + off;
    end = i + 2;
    return true;
  }
  return false;
}

bool DateScanner::MonthExpr(const Tokens& t, size_t i, int& year, int& month, size_t& end) const {
  size_t k = i;
  if (t.IsWord(k, W_THE)) ++k;
  size_t after = 0;
  if (MonthAt(t, k, month, after)) {
    size_t r = t.Is(after, ',') ? after + 1 : after;
    if (YearAt(t, r, year)) {
      end = r + 1;
      return true;
    }
    if (!resolver_) return false;
    year = resolver_->YearOfMonth(month, 0, FutureCue(t, i));
    end = after;
    return true;
  }
  int off = 0;
  if (resolver_ && RelativeOffset(t, k, off) && t.IsWord(k + 1, W_MONTH) && !t.items[k + 1].lex.plural) {
    Civil c = resolver_->Shift(off, DateGrain::kMonth);
    year = c.year;
    month = c.month;
    end = k + 2;
    return true;
  }
  return false;
}

bool DateScanner::NthLed(const Tokens& t, size_t i, DateMention& d, size_t& end) const {
  size_t k = t.IsWord(i, W_THE) ? i + 1 : i;
  int n = 0;
  size_t p = 0;
  if (!RankAt(t, k, n, p)) return false;
  // "the first Friday of next month", "last Monday in May"
  if (IsWeekday(t, p) && OfOrIn(t, p + 1) && n >= -1 && n <= 5) {
    int y = 0, m = 0;
    size_t e = 0;
    if (!MonthExpr(t, p + 2, y, m, e)) return false;
    int day = NthWeekday(y, m, t.items[p].lex.value, n);
    end = e;
    if (day == 0) return Impossible(d);
    SetDay(d, Civil{y, m, day});
    return true;
  }
  // "second Sunday" alone, ending its phrase: in the publication's month.
  if (IsWeekday(t, p) && n >= 1 && n <= 5 && resolver_ && (p + 1 >= t.size() || t.items[p + 1].kind == TokKind::kPunct)) {
    const Civil pub = resolver_->published();
    int day = NthWeekday(pub.year, pub.month, t.items[p].lex.value, n);
    end = p + 1;
    if (day == 0) return Impossible(d);
    SetDay(d, Civil{pub.year, pub.month, day});
    d.relative = true;
    return true;
  }
  // "the third week of July", "first week of 2015", "last week of this month": the ISO week that
  // holds the month's n-th Thursday, or week n of the ISO year.
  if (t.IsWord(p, W_WEEK) && !t.items[p].lex.plural && OfOrIn(t, p + 1) && n >= -1 && n <= 53 && n != 0) {
    int y = 0, m = 0;
    size_t e = 0;
    if (MonthExpr(t, p + 2, y, m, e) && n <= 5) {
      int thursday = NthWeekday(y, m, 4, n);
      if (thursday == 0) return false;
      SetWeek(d, DaysFromCivil(y, m, thursday));
      end = e;
      return true;
    }
    if (YearExpr(t, p + 2, y, e)) {
      int w = n == -1 ? IsoWeeksIn(y) : n;
      if (w > IsoWeeksIn(y)) return false;
      d.grain = DateGrain::kWeek;
      d.year = y;
      d.week = w;
      end = e;
      return true;
    }
    return false;
  }
  // "the third week next year"
  if (t.IsWord(p, W_WEEK) && !t.items[p].lex.plural && n >= 1 && n <= 53) {
    int y = 0, off = 0;
    size_t e = 0;
    if (RelativeOffset(t, p + 1, off) && YearExpr(t, p + 1, y, e) && n <= IsoWeeksIn(y)) {
      d.grain = DateGrain::kWeek;
      d.year = y;
      d.week = n;
      d.relative = true;
      end = e;
      return true;
    }
  }
  // "the 9th month of next year"
  if (t.IsWord(p, W_MONTH) && !t.items[p].lex.plural && OfOrIn(t, p + 1) && n >= 1 && n <= 12) {
    int y = 0;
    size_t e = 0;
    if (!YearExpr(t, p + 2, y, e)) return false;
    d.grain = DateGrain::kMonth;
    d.year = y;
    d.month = n;
    end = e;
    return true;
  }
  // "20th of next month", "the twenty-third day of September", "the 15th day of this month"
  size_t q = p;
  if (t.IsWord(q, W_DAY) && !t.items[q].lex.plural) ++q;
  if (t.IsWord(q, W_OF) && n >= 1 && n <= 31) {
    int y = 0, m = 0;
    size_t e = 0;
    size_t first = q + 1;
    if (t.IsWord(first, W_THE) && t.IsWord(first + 1, W_MONTH) && resolver_) {
      y = resolver_->published().year;  // "of the month": the current one
      m = resolver_->published().month;
      e = first + 2;
    } else if (!MonthExpr(t, first, y, m, e)) {
      return false;
    }
    end = e;
    if (!IsValidDate(y, m, n)) return Impossible(d);  // "31st of this month" in November
    SetDay(d, Civil{y, m, n});
    d.relative = resolver_.has_value() && !YearAt(t, e - 1, y);  // resolved unless a year was written
    end = e;
    return true;
  }
  // "for the 27", "on the second": a day of the month alone, where the phrase ends.
  if (k > i && i > 0 && n >= 1 && n <= 31 && resolver_ && (p >= t.size() || t.items[p].kind == TokKind::kPunct) &&
      (t.IsWord(i - 1, W_FOR) || t.IsWord(i - 1, W_ON) || t.IsWord(i - 1, W_BY) || t.IsWord(i - 1, W_UNTIL) ||
       t.IsWord(i - 1, W_SINCE))) {
    const Civil pub = resolver_->published();
    int64_t total = static_cast<int64_t>(pub.year) * 12 + (pub.month - 1);
    bool future = FutureCue(t, i);
    if (!future && n > pub.day) --total;
    if (future && n < pub.day) ++total;
    int y = static_cast<int>(total / 12), m = static_cast<int>(total % 12) + 1;
    end = p;
    if (!IsValidDate(y, m, n)) return Impossible(d);
    SetDay(d, Civil{y, m, n});
    d.relative = true;
    return true;
  }
  return false;
}

bool DateScanner::WeekOf(const Tokens& t, size_t i, DateMention& d, size_t& end) const {
  // "the week of April 10th", "the week of the 18th", "the week commencing February 4", "w/c Feb 4":
  // the ISO week holding that day.
  size_t k = t.IsWord(i, W_THE) ? i + 1 : i;
  size_t r = 0;
  if (t.IsWord(k, W_WEEK) && !t.items[k].lex.plural) {
    r = k + 1;
    if (t.IsWord(r, W_OF) || LowerIs(t, r, "commencing") || LowerIs(t, r, "starting") || t.IsWord(r, W_BEGINNING)) ++r;
    else return false;
    if (t.IsWord(r, W_ON)) ++r;
  } else if (LowerIs(t, k, "w") && t.Is(k + 1, '/') && t.Glued(k + 1) && LowerIs(t, k + 2, "c") && t.Glued(k + 2)) {
    r = k + 3;
  } else {
    return false;
  }
  DateMention day;
  size_t e = 0;
  bool skip = false;
  if (t.IsWord(r, W_THE) && t.IsDigits(r + 1)) {
    if (!NthLed(t, r, day, e) && !(t.IsDigits(r + 1) && DigitsLed(t, r + 1, day, e, skip))) return false;
  } else if (r >= t.size() || !(t.items[r].lex.cat == Cat::kMonth || t.IsDigits(r)) || !ScanOne(t, r, day, e, skip)) {
    return false;
  }
  if (day.grain != DateGrain::kDay || day.year == 0) return false;
  bool rel = day.relative;
  SetWeek(d, DaysFromCivil(day.year, day.month, day.day));
  d.relative = rel;
  end = e;
  return true;
}

bool DateScanner::WeekdayWithDay(const Tokens& t, size_t i, int weekday, DateMention& d, size_t& end) const {
  size_t k = i;
  bool the = t.IsWord(k, W_THE);
  if (the) ++k;
  int day = 0;
  size_t next = 0;
  bool ordinal = false;
  if (!DayAt(t, k, day, next, ordinal)) {
    // "the fifteen", "the thirty first" in cardinal words
    NumberMatch m;
    if (!the || !ParseNumber(t, k, false, m) || !m.words || m.fraction || m.value < 1 || m.value > 31 ||
        m.value != static_cast<int>(m.value))
      return false;
    day = static_cast<int>(m.value);
    next = m.end;
    ordinal = true;
  }
  // A bare number must end the phrase ("on Sunday 31!"), not count something ("Sunday 31 people"),
  // and "Tuesday the first generation" is a rank.
  if (!the && !ordinal && next < t.size() && !(t.items[next].kind == TokKind::kPunct)) return false;
  if (next < t.size() && t.items[next].kind == TokKind::kWord && t.items[next].lex.cat == Cat::kNone) return false;
  if (next < t.size() && t.items[next].lex.cat == Cat::kMonth) return false;  // a full date: elsewhere
  if (!resolver_) {
    d.relative = true;
    end = next;
    return true;
  }
  const Civil p = resolver_->published();
  // The nearest month, looking back and forward alternately, where that day is that weekday.
  for (int step = 0; step <= 12; ++step) {
    int off = (step % 2 == 1) ? -(step + 1) / 2 : step / 2;
    int64_t total = static_cast<int64_t>(p.year) * 12 + (p.month - 1) + off;
    int y = static_cast<int>(total / 12), m = static_cast<int>(total % 12) + 1;
    if (!IsValidDate(y, m, day) || IsoWeekday(DaysFromCivil(y, m, day)) != weekday) continue;
    SetDay(d, Civil{y, m, day});
    d.relative = true;
    end = next;
    return true;
  }
  return false;
}

bool DateScanner::InUnits(const Tokens& t, size_t i, DateMention& d, size_t& end) const {
  if (!t.IsWord(i, W_IN) || !resolver_) return false;
  size_t k = i + 1;
  double n = 0;
  if (t.IsWord(k, W_A) || t.IsWord(k, W_AN)) {
    n = 1;
    ++k;
  } else {
    NumberMatch m;
    if (!ParseNumber(t, k, false, m) || !m.representable || m.fraction || m.ordinal || m.value < 1 ||
        m.value > 1000 || m.value != static_cast<int>(m.value))
      return false;
    n = m.value;
    k = m.end;
  }
  bool ok = false;
  DateGrain g = UnitGrain(t, k, ok);
  if (!ok || g == DateGrain::kQuarter || t.items[k].lex.plural != (n != 1)) return false;
  // "the best in three years" looks back over a span; only a sentence about the future names a date.
  if (!FutureCue(t, i)) return false;
  int64_t amount = static_cast<int64_t>(n);
  SetDay(d, resolver_->Shift(amount, g));
  d.relative = true;
  end = k + 1;
  return true;
}

void DateScanner::Extend(const Tokens& t, size_t start, DateMention& d, size_t& end) const {
  ExtendParts(t, start, d, end);
  ExtendRange(t, start, d, end);
}

void DateScanner::ExtendParts(const Tokens& t, size_t start, DateMention& d, size_t& end) const {
  const Token& first = t.items[start];
  for (int round = 0; round < 3; ++round) {
    size_t k = end;
    // A year completing a day or month named without one: "June of 1992", "28 June in 2020",
    // "April of 87", "October two thousand and five".
    const Token& last = t.items[end - 1];
    const bool suffix = end >= 2 && t.IsDigits(end - 2) && t.Glued(end - 1) &&
                        (LowerIs(t, end - 1, "st") || LowerIs(t, end - 1, "nd") || LowerIs(t, end - 1, "rd") ||
                         LowerIs(t, end - 1, "th"));
    const bool ends_in_day_or_month = suffix || last.kind == TokKind::kDigits || last.lex.cat == Cat::kMonth ||
                                      last.lex.cat == Cat::kOrdinal || last.lex.cat == Cat::kUnit ||
                                      last.lex.cat == Cat::kTens || (last.cp == '.' && end >= 2 &&
                                                                     t.items[end - 2].lex.cat == Cat::kMonth);
    if (d.relative && ends_in_day_or_month && (d.grain == DateGrain::kDay || d.grain == DateGrain::kMonth)) {
      size_t r = (t.Is(k, ',') || OfOrIn(t, k)) ? k + 1 : k;
      int y = 0;
      size_t e = 0;
      bool found = false;
      if (YearAt(t, r, y)) {
        found = r > k;  // "June 1992" is read by MonthLed; here only with "of", "in" or a comma
        e = r + 1;
      } else if (WordYearAt(t, r, y, e)) {
        found = true;
      } else if (t.IsWord(k, W_OF) && t.IsDigits(r) && Len(t, r) == 2 && Clean(t, r + 1)) {
        y = TwoDigitYear(IntOf(t, r), 0);
        e = r + 1;
        found = true;
      }
      if (found && (d.grain == DateGrain::kMonth || IsValidDate(y, d.month, d.day))) {
        d.year = y;
        d.relative = false;
        end = e;
        continue;
      }
    }
    // A month named alone, then "next year": "June next year".
    int off = 0;
    if (d.relative && d.grain == DateGrain::kMonth && first.lex.cat == Cat::kMonth && resolver_ &&
        RelativeOffset(t, k, off) && t.IsWord(k + 1, W_YEAR) && !t.items[k + 1].lex.plural) {
      d.year = resolver_->published().year + off;
      end = k + 2;
      continue;
    }
    // A quarter of a year: "2019 Q1", "2019-Q1", "2016 the third quarter", "next year's third quarter".
    if (d.grain == DateGrain::kYear) {
      size_t r = k;
      if ((IsDash(t, r) && t.Glued(r)) || t.IsWord(r, W_THE)) ++r;
      if (t.Is(r, '\'') && LowerIs(t, r + 1, "s")) r += 2;
      DateMention q;
      size_t e = 0;
      if (r < t.size() && Quarter(t, r, q, e) && q.relative) {
        d.grain = DateGrain::kQuarter;
        d.quarter = q.quarter;
        end = e;
        continue;
      }
    }
    // A quarter named without its year, then the year: "Q1-2019", "the third quarter this year".
    if (d.grain == DateGrain::kQuarter && d.relative) {
      size_t r = IsDash(t, k) && t.Glued(k) ? k + 1 : (t.IsWord(k, W_OF) ? k + 1 : k);
      int y = 0;
      size_t e = 0;
      if (YearExpr(t, r, y, e)) {
        d.year = y;
        d.relative = t.items[r].kind != TokKind::kDigits;
        end = e;
        continue;
      }
    }
    // A weekday in a named week: "next week Friday", "this week on Saturday", "previous week - Monday".
    if (d.grain == DateGrain::kWeek && d.relative && d.week > 0) {
      size_t r = k;
      if (t.IsWord(r, W_ON) || t.Is(r, ',') || IsDash(t, r)) ++r;
      if (IsWeekday(t, r)) {
        SetDay(d, MondayOfIsoWeek(d.year, d.week) + t.items[r].lex.value - 1);
        d.relative = true;
        end = r + 1;
        continue;
      }
    }
    // A weekday followed by the date it falls on: "this Friday 5/12", "this Friday-Jun-15",
    // "this friday (jun-15)".
    if (d.grain == DateGrain::kDay && d.relative && end > start && IsWeekday(t, end - 1)) {
      size_t r = k;
      bool paren = t.Is(r, '(');
      if (paren || IsDash(t, r) || t.Is(r, ',')) ++r;
      DateMention inner;
      size_t e = 0;
      bool skip = false;
      if (r < t.size() && (t.items[r].lex.cat == Cat::kMonth || t.IsDigits(r)) && ScanOne(t, r, inner, e, skip) &&
          inner.grain == DateGrain::kDay) {
        if (paren && t.Is(e, ')')) ++e;
        DateMention keep = d;
        d = inner;
        d.start = keep.start;
        end = e;
        continue;
      }
    }
    break;
  }
}

void DateScanner::ExtendRange(const Tokens& t, size_t start, DateMention& d, size_t& end) const {
  const Token& first = t.items[start];
  const bool day_or_month_led = first.kind == TokKind::kDigits || first.lex.cat == Cat::kMonth ||
                                first.lex.cat == Cat::kOrdinal || first.lex.cat == Cat::kUnit ||
                                first.lex.cat == Cat::kTens;
  // The far end of a range: "Oct. 2 to October 22", "November 19-20", "between 2015 and May 2018",
  // "today till tomorrow", "Jan-Feb 2017". Two bare years ("from 2009 to 2011") stay two dates,
  // as news annotation (TimeML) gives each its own value.
  size_t c = end;
  bool between = start > 0 && t.IsWord(start - 1, W_BETWEEN);
  bool dash = IsDash(t, c);
  if (!(t.IsWord(c, W_TO) || t.IsWord(c, W_THROUGH) || t.IsWord(c, W_UNTIL) || dash ||
        (between && t.IsWord(c, W_AND))))
    return;
  size_t r = c + 1;
  if (t.IsWord(r, W_THE) && t.IsDigits(r + 1)) ++r;
  DateMention second;
  size_t e = 0;
  int day = 0;
  if (d.grain == DateGrain::kDay && d.day > 0 && BareDay(t, r, day, e) && day > d.day &&
      !(e < t.size() && t.items[e].lex.cat == Cat::kMonth) && IsValidDate(d.year, d.month, day)) {
    end = e;  // "November 19-20", "the 15th through the 19th"
    return;
  }
  bool skip = false;
  if (r >= t.size() || !ScanOne(t, r, second, e, skip)) return;
  ExtendParts(t, r, second, e);  // "2017-Q1 to 2018-Q1"
  size_t mid = e;
  // The second end may carry the year both ends share: "Jan-Feb 2017", "from January to April 2015".
  if (second.relative && second.grain == DateGrain::kMonth && t.items[r].lex.cat == Cat::kMonth) {
    size_t rr = t.Is(mid, ',') ? mid + 1 : mid;
    int y = 0;
    if (YearAt(t, rr, y)) {
      second.year = y;
      second.relative = false;
      mid = rr + 1;
    }
  }
  if (d.grain == DateGrain::kYear && second.grain == DateGrain::kYear && !d.relative && !second.relative) return;
  if (d.relative && !second.relative && day_or_month_led && (d.grain == DateGrain::kMonth || d.grain == DateGrain::kDay)) {
    d.year = second.month > 0 && d.month > second.month ? second.year - 1 : second.year;
    if (d.grain == DateGrain::kDay && !IsValidDate(d.year, d.month, d.day)) return;
    d.relative = false;
  }
  end = mid;
}

}  // namespace corroborate::extract
