// Proleptic Gregorian calendar arithmetic for date resolution: days since 1970-01-01, weekdays,
// month lengths, ISO weeks, and reading an ISO 8601 publication date. Tested in civil_date_test.cc.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace corroborate::extract {

struct Civil {
  int year = 0;
  int month = 0;  // 1..12
  int day = 0;    // 1..31
};

bool IsLeapYear(int y);
int DaysInMonth(int y, int m);              // 0 for a month outside 1..12
bool IsValidDate(int y, int m, int d);
int64_t DaysFromCivil(int y, int m, int d);  // days since 1970-01-01
Civil CivilFromDays(int64_t days);
int IsoWeekday(int64_t days);                // 1 = Monday .. 7 = Sunday
// The ISO week (year, week) holding `days`.
void IsoWeek(int64_t days, int& iso_year, int& week);

// "2026-01-30", "2026-01-30T08:00:00Z", "2026-01-30 08:00": the calendar date; nullopt otherwise.
std::optional<Civil> ParseIsoDate(std::string_view s);

}  // namespace corroborate::extract
