// Finds dates at one token position: absolute ("Jan. 28, 2026", "2026-01-30", "30 January 2026"),
// partial ("October 2025", "2024", "Q3 2025", "late 2024", "mid-2025") and relative to the
// publication date ("Wednesday", "last October", "in November", "next week", "earlier this month",
// "two days ago"). Durations ("over three years", "90 days") are not dates. Relative dates need a
// publication date; without one they are consumed and left out. Tested in extract_test.cc and
// date_compose_test.cc.
//
//   DateScanner s(ParseIsoDate("2026-01-30"));
//   Tokens t; Tokenize("Globex said on Wednesday", t);
//   DateMention d; size_t end;
//   s.Scan(t, 3, d, end);   // kFound: 2026-01-28, grain day, relative
#pragma once

#include <cstddef>
#include <optional>

#include "extract/civil_date.h"
#include "extract/date_resolver.h"
#include "extract/mentions.h"
#include "extract/quantities.h"
#include "extract/tokens.h"

namespace corroborate::extract {

class DateScanner {
 public:
  explicit DateScanner(std::optional<Civil> published);

  ScanResult Scan(const Tokens& t, size_t i, DateMention& d, size_t& end) const;

 private:
  bool Relative(DateMention& d) const;  // false when there is no publication date to resolve against
  bool FutureCue(const Tokens& t, size_t i) const;
  bool DigitsLed(const Tokens& t, size_t i, DateMention& d, size_t& end, bool& skip) const;
  bool MonthLed(const Tokens& t, size_t i, DateMention& d, size_t& end) const;
  bool WeekdayLed(const Tokens& t, size_t i, DateMention& d, size_t& end) const;
  bool RelativeWord(const Tokens& t, size_t i, DateMention& d, size_t& end) const;
  bool Modified(const Tokens& t, size_t i, DateMention& d, size_t& end) const;
  // The words RelativeWord and Modified can begin with: asked before either is called, since most
  // function words begin neither, and each checks them first too.
  static bool RelativeLead(int w) {
    return w == W_TODAY || w == W_TONIGHT || w == W_YESTERDAY || w == W_TOMORROW || w == W_DAY || w == W_WEEK ||
           w == W_MONTH || w == W_YEAR || w == W_LAST || w == W_PREVIOUS || w == W_PAST || w == W_NEXT ||
           w == W_COMING || w == W_FOLLOWING || w == W_UPCOMING || w == W_THIS || w == W_CURRENT;
  }
  static bool ModifierLead(int w) {
    return w == W_EARLY || w == W_LATE || w == W_MID || w == W_EARLIER || w == W_LATER;
  }
  bool Quarter(const Tokens& t, size_t i, DateMention& d, size_t& end) const;
  bool Ago(const Tokens& t, size_t i, DateMention& d, size_t& end) const;
  bool OrdinalWordLed(const Tokens& t, size_t i, DateMention& d, size_t& end) const;
  // Finishes a day and month read from token `i`: a year at `y0` makes the date absolute (an
  // impossible day with a year is consumed and left out when `keep_impossible`, else refused);
  // without one, the month ends before `after` and the year comes from the publication date.
  bool DayMonthYear(const Tokens& t, size_t i, int m, int dd, size_t after, size_t y0, bool keep_impossible,
                    DateMention& d, size_t& end) const;
  // One date at i without the compositions below; `skip` when i starts a non-date to step over.
  bool ScanOne(const Tokens& t, size_t i, DateMention& d, size_t& end, bool& skip) const;

  // date_compose.cc: dates built of parts.
  // "the first Friday of next month", "the last week of July", "third week of 2015",
  // "the 9th month of next year", "20th of next month".
  bool NthLed(const Tokens& t, size_t i, DateMention& d, size_t& end) const;
  // After a date read from `start` to `end`: a year ("June of 1992"), a quarter ("2019 Q1"), a
  // weekday in a named week ("next week Friday"), and the far end of a range ("Oct. 2 to October
  // 22", "November 19-20"), which widens the span; the value stays the range's start.
  void Extend(const Tokens& t, size_t start, DateMention& d, size_t& end) const;
  void ExtendParts(const Tokens& t, size_t start, DateMention& d, size_t& end) const;
  void ExtendRange(const Tokens& t, size_t start, DateMention& d, size_t& end) const;
  // "the week of April 10th", "the week commencing February 4": that day's ISO week.
  bool WeekOf(const Tokens& t, size_t i, DateMention& d, size_t& end) const;
  // "Wednesday the 31st", "Mon 13th": the nearest month in which that day falls on that weekday.
  bool WeekdayWithDay(const Tokens& t, size_t i, int weekday, DateMention& d, size_t& end) const;
  // "in three weeks", "in a week" where the sentence speaks of the future.
  bool InUnits(const Tokens& t, size_t i, DateMention& d, size_t& end) const;
  // A month expression: "July", "Jan 2015", "this month", "next month". Sets year and month.
  bool MonthExpr(const Tokens& t, size_t i, int& year, int& month, size_t& end) const;
  // A year expression: "2015", "two thousand and twenty", "this year", "next year", "last year".
  bool YearExpr(const Tokens& t, size_t i, int& year, size_t& end) const;

  std::optional<DateResolver> resolver_;
};

}  // namespace corroborate::extract
