// Resolves relative and partial dates against an article's publication date with news conventions:
// a weekday, month or day without a year is the latest past one unless the sentence speaks of the
// future; "last October" is the October of the previous year; "next week" the ISO week after the
// publication's. Tested in date_resolver_test.cc.
#pragma once

#include <cstdint>

#include "extract/civil_date.h"
#include "extract/mentions.h"

namespace corroborate::extract {

class DateResolver {
 public:
  explicit DateResolver(Civil published);

  Civil published() const { return pub_; }
  int64_t published_days() const { return pub_days_; }

  // Year of month `m` (with day `d`, 0 for the whole month) named without a year.
  int YearOfMonth(int m, int d, bool future) const;
  // The day of weekday `wd` (1 = Monday) named alone: on or before the publication, or on or after.
  int64_t Weekday(int wd, bool future) const;
  // Weekday `wd` in the ISO week `week_offset` weeks from the publication's ("next Friday": +1).
  int64_t WeekdayInWeek(int wd, int week_offset) const;
  // The date `n` days, weeks, months or years from the publication (negative: before).
  Civil Shift(int64_t n, DateGrain unit) const;

  // Fills a mention for the period `offset` periods from the publication's at `grain` ("last month": -1).
  void Period(DateGrain grain, int offset, DateMention& d) const;

 private:
  Civil pub_;
  int64_t pub_days_;
};

void SetDay(DateMention& d, int64_t days);
void SetDay(DateMention& d, Civil c);

}  // namespace corroborate::extract
