// Calendar arithmetic (see civil_date.h); the day-count formulas are Howard Hinnant's public-domain
// civil-from-days algorithms. Tested in civil_date_test.cc.
#include "extract/civil_date.h"

namespace corroborate::extract {

bool IsLeapYear(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysInMonth(int y, int m) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12) return 0;
  return m == 2 && IsLeapYear(y) ? 29 : kDays[m - 1];
}

bool IsValidDate(int y, int m, int d) { return y >= 1 && y <= 9999 && d >= 1 && d <= DaysInMonth(y, m); }

int64_t DaysFromCivil(int y, int m, int d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Civil CivilFromDays(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  Civil c;
  c.day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  c.month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  c.year = static_cast<int>(yoe + era * 400 + (c.month <= 2));
  return c;
}

int IsoWeekday(int64_t days) {
  // 1970-01-01 was a Thursday (4).
  int64_t w = (days + 3) % 7;
  if (w < 0) w += 7;
  return static_cast<int>(w) + 1;
}

void IsoWeek(int64_t days, int& iso_year, int& week) {
  const int64_t thursday = days - IsoWeekday(days) + 4;  // the week's Thursday decides its year
  iso_year = CivilFromDays(thursday).year;
  const int64_t jan1 = DaysFromCivil(iso_year, 1, 1);
  week = static_cast<int>((thursday - jan1) / 7 + 1);
}

std::optional<Civil> ParseIsoDate(std::string_view s) {
  auto digits = [&](size_t at, size_t n, int& out) {
    if (at + n > s.size()) return false;
    int v = 0;
    for (size_t k = at; k < at + n; ++k) {
      if (s[k] < '0' || s[k] > '9') return false;
      v = v * 10 + (s[k] - '0');
    }
    out = v;
    return true;
  };
  Civil c;
  if (!digits(0, 4, c.year) || s.size() < 10 || s[4] != '-' || !digits(5, 2, c.month) || s[7] != '-' ||
      !digits(8, 2, c.day))
    return std::nullopt;
  if (s.size() > 10 && s[10] != 'T' && s[10] != ' ' && s[10] != 't') return std::nullopt;
  if (!IsValidDate(c.year, c.month, c.day)) return std::nullopt;
  return c;
}

}  // namespace corroborate::extract
