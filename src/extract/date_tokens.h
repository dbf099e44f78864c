// Token tests shared by the date scanners (date_numeric.cc, date_relative.cc, date_compose.cc):
// digit runs, years, days, month names, separators. Tested through date_compose_test.cc and extract_test.cc.
#pragma once

#include <cstddef>
#include <string_view>

#include "extract/mentions.h"
#include "extract/tokens.h"

namespace corroborate::extract {

size_t Len(const Tokens& t, size_t i);
// The value of a digit run of at most four digits at i, else -1.
int IntOf(const Tokens& t, size_t i);
bool IsDash(const Tokens& t, size_t i);
bool IsSep(const Tokens& t, size_t i);  // a dash, slash or full stop between date parts
bool LowerIs(const Tokens& t, size_t i, std::string_view s);
// A token that ends the number it follows: the next token is not glued letters or more digits.
bool Clean(const Tokens& t, size_t j);
// A four-digit year 1000..2999 at i.
bool YearAt(const Tokens& t, size_t i, int& y);
// A day of the month at i: "28", "28th", "1st", "first", "twenty-second". Sets `next`.
bool DayAt(const Tokens& t, size_t i, int& day, size_t& next, bool& ordinal);
// A month name at i ("January", "Jan", "Jan.", "sept"); `next` after it (and its full stop).
bool MonthAt(const Tokens& t, size_t i, int& month, size_t& next);
bool IsWeekday(const Tokens& t, size_t i);
// Words before a bare month name that make it one ("in May", "last March", "since June").
bool MonthContextBefore(const Tokens& t, size_t i);
DateGrain UnitGrain(const Tokens& t, size_t i, bool& ok);
int TwoDigitYear(int yy, int pub_year);
// A year written in words at i: "nineteen seventy-eight", "seventeen hundred thirty three",
// "two thousand and five", "one thousand seven hundred and eighty nine". Sets `next`.
bool WordYearAt(const Tokens& t, size_t i, int& y, size_t& next);

}  // namespace corroborate::extract
