// Date resolution (see date_resolver.h). Tested in date_resolver_test.cc.
#include "extract/date_resolver.h"

#include <algorithm>

namespace corroborate::extract {

DateResolver::DateResolver(Civil published)
    : pub_(published), pub_days_(DaysFromCivil(published.year, published.month, published.day)) {}

int DateResolver::YearOfMonth(int m, int d, bool future) const {
  int y = pub_.year;
  bool after = m > pub_.month || (m == pub_.month && d > pub_.day);
  bool before = m < pub_.month || (m == pub_.month && d != 0 && d < pub_.day);
  if (!future && after) --y;
  if (future && before) ++y;
  // "February 29" without a year: the nearest leap year in that direction.
  if (m == 2 && d == 29) {
    for (int k = 0; k < 8 && !IsLeapYear(y); ++k) y += future ? 1 : -1;
  }
  return y;
}

int64_t DateResolver::Weekday(int wd, bool future) const {
  int today = IsoWeekday(pub_days_);
  if (future) return pub_days_ + ((wd - today + 7) % 7);
  return pub_days_ - ((today - wd + 7) % 7);
}

int64_t DateResolver::WeekdayInWeek(int wd, int week_offset) const {
  int today = IsoWeekday(pub_days_);
  return pub_days_ - (today - 1) + 7LL * week_offset + (wd - 1);
}

Civil DateResolver::Shift(int64_t n, DateGrain unit) const {
  switch (unit) {
    case DateGrain::kDay:
      return CivilFromDays(pub_days_ + n);
    case DateGrain::kWeek:
      return CivilFromDays(pub_days_ + 7 * n);
    default: {
      int64_t months = unit == DateGrain::kYear ? 12 * n : unit == DateGrain::kQuarter ? 3 * n : n;
      int64_t total = static_cast<int64_t>(pub_.year) * 12 + (pub_.month - 1) + months;
      Civil c;
      c.year = static_cast<int>(total / 12);
      c.month = static_cast<int>(total % 12) + 1;
      c.day = std::min(pub_.day, DaysInMonth(c.year, c.month));
      return c;
    }
  }
}

void DateResolver::Period(DateGrain grain, int offset, DateMention& d) const {
  d.grain = grain;
  d.relative = true;
  switch (grain) {
    case DateGrain::kDay:
      SetDay(d, pub_days_ + offset);
      break;
    case DateGrain::kWeek:
      IsoWeek(pub_days_ + 7LL * offset, d.year, d.week);
      break;
    case DateGrain::kMonth: {
      Civil c = Shift(offset, DateGrain::kMonth);
      d.year = c.year;
      d.month = c.month;
      break;
    }
    case DateGrain::kQuarter: {
      int64_t q = static_cast<int64_t>(pub_.year) * 4 + (pub_.month - 1) / 3 + offset;
      d.year = static_cast<int>(q / 4);
      d.quarter = static_cast<int>(q % 4) + 1;
      break;
    }
    case DateGrain::kYear:
      d.year = pub_.year + offset;
      break;
  }
}

void SetDay(DateMention& d, int64_t days) { SetDay(d, CivilFromDays(days)); }

void SetDay(DateMention& d, Civil c) {
  d.grain = DateGrain::kDay;
  d.year = c.year;
  d.month = c.month;
  d.day = c.day;
}

}  // namespace corroborate::extract
