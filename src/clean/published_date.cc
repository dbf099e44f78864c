// Publication-date normalisation (see published_date.h). Tested in published_date_test.cc.
#include "clean/published_date.h"

#include <array>
#include <cctype>
#include <cstdio>
#include <optional>

namespace corroborate {

namespace {

struct Tokenizer {
  std::string_view s;
  size_t pos = 0;

  void SkipSeparators() {
    while (pos < s.size() && (std::isspace(static_cast<unsigned char>(s[pos])) || s[pos] == ',' || s[pos] == '.')) ++pos;
  }
  // Reads min..max digits; unless `digits_may_follow`, a number longer than max is no match.
  std::optional<int> Number(size_t min_digits, size_t max_digits, bool digits_may_follow = false) {
    size_t start = pos;
    int v = 0;
    while (pos < s.size() && std::isdigit(static_cast<unsigned char>(s[pos])) && pos - start < max_digits) {
      v = v * 10 + (s[pos] - '0');
      ++pos;
    }
    if (pos - start < min_digits ||
        (!digits_may_follow && pos < s.size() && std::isdigit(static_cast<unsigned char>(s[pos])))) {
      pos = start;
      return std::nullopt;
    }
    return v;
  }
  std::string_view Word() {
    size_t start = pos;
    while (pos < s.size() && std::isalpha(static_cast<unsigned char>(s[pos]))) ++pos;
    return s.substr(start, pos - start);
  }
  bool Accept(char c) {
    if (pos < s.size() && s[pos] == c) {
      ++pos;
      return true;
    }
    return false;
  }
};

int MonthFromName(std::string_view w) {
  static constexpr std::array<std::string_view, 12> kMonths = {
      "january", "february", "march", "april", "may", "june",
      "july", "august", "september", "october", "november", "december"};
  if (w.size() < 3) return 0;
  std::string lower;
  for (char c : w) lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  for (size_t i = 0; i < kMonths.size(); ++i) {
    if (lower.size() <= kMonths[i].size() && kMonths[i].substr(0, lower.size()) == lower) {
      // "Sept" is the one four-letter abbreviation in use; otherwise three letters or the full name.
      if (lower.size() == 3 || lower == kMonths[i] || lower == "sept") return static_cast<int>(i) + 1;
    }
  }
  return 0;
}

bool ValidDate(int y, int m, int d) {
  static constexpr std::array<int, 12> kDays = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 || d > kDays[m - 1]) return false;
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return !(m == 2 && d == 29 && !leap);
}

std::string FormatDate(int y, int m, int d) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

// Reads "hh:mm[:ss[.fff]]" and an optional zone ("Z", "+hh:mm", "+hhmm", "GMT", "UTC");
// returns "Thh:mm:ss" plus the zone in ISO form, or "" when no time follows.
std::string ReadTime(Tokenizer& t) {
  size_t save = t.pos;
  t.Accept(',');  // "4 November 2025, 10:20 GMT"
  t.Accept('T') || t.Accept(' ');
  while (t.pos < t.s.size() && t.s[t.pos] == ' ') ++t.pos;
  auto h = t.Number(1, 2);
  if (!h || !t.Accept(':')) { t.pos = save; return ""; }
  auto mi = t.Number(2, 2);
  if (!mi || *h > 23 || *mi > 59) { t.pos = save; return ""; }
  int sec = 0;
  if (t.Accept(':')) {
    auto s = t.Number(2, 2);
    if (!s || *s > 60) { t.pos = save; return ""; }
    sec = *s;
    if (t.Accept('.')) t.Number(1, 9);
  }
  char buf[40];
  std::snprintf(buf, sizeof buf, "T%02d:%02d:%02d", *h, *mi, std::min(sec, 59));
  std::string out = buf;
  while (t.pos < t.s.size() && t.s[t.pos] == ' ') ++t.pos;
  if (t.Accept('Z')) return out + "Z";
  if (t.pos < t.s.size() && (t.s[t.pos] == '+' || t.s[t.pos] == '-')) {
    const char sign = t.s[t.pos++];
    auto zh = t.Number(2, 2, /*digits_may_follow=*/true);  // "+0530"
    t.Accept(':');
    auto zm = t.Number(2, 2);
    if (zh && *zh <= 14) {
      std::snprintf(buf, sizeof buf, "%c%02d:%02d", sign, *zh, zm ? *zm : 0);
      return out + buf;
    }
    return out;
  }
  std::string_view zone = t.Word();
  if (zone == "GMT" || zone == "UTC" || zone == "UT") return out + "Z";
  return out;
}

// The date (and time) read must be all there is: "2026-01-30 and more" is prose, not a date.
std::string Complete(const Tokenizer& t, std::string value) {
  for (size_t i = t.pos; i < t.s.size(); ++i) {
    if (!std::isspace(static_cast<unsigned char>(t.s[i]))) return "";
  }
  return value;
}

}  // namespace

std::string NormalizePublishedDate(std::string_view raw) {
  Tokenizer t{raw};
  t.SkipSeparators();
  // A leading weekday name ("Fri, 30 Jan 2026").
  {
    size_t save = t.pos;
    std::string_view w = t.Word();
    if (w.empty() || MonthFromName(w) != 0) t.pos = save;
    t.SkipSeparators();
  }
  const size_t start = t.pos;
  // ISO "2026-01-30", also with "/" or "." between the parts.
  if (auto y = t.Number(4, 4)) {
    const char sep = t.pos < raw.size() ? raw[t.pos] : '\0';
    if ((sep == '-' || sep == '/' || sep == '.') && t.Accept(sep)) {
      auto m = t.Number(1, 2);
      if (m && t.Accept(sep)) {
        auto d = t.Number(1, 2);
        if (d && ValidDate(*y, *m, *d)) { std::string v = FormatDate(*y, *m, *d) + ReadTime(t); return Complete(t, std::move(v)); }
      }
    }
    t.pos = start;
  }
  // "30 January 2026" / "30 Jan 2026 10:00:00 GMT".
  if (auto d = t.Number(1, 2)) {
    t.SkipSeparators();
    const int m = MonthFromName(t.Word());
    t.SkipSeparators();
    auto y = t.Number(4, 4);
    if (m && y && ValidDate(*y, m, *d)) { std::string v = FormatDate(*y, m, *d) + ReadTime(t); return Complete(t, std::move(v)); }
    t.pos = start;
  }
  // "January 30, 2026" / "Jan. 30, 2026".
  if (const int m = MonthFromName(t.Word())) {
    t.SkipSeparators();
    auto d = t.Number(1, 2);
    t.SkipSeparators();
    auto y = t.Number(4, 4);
    if (d && y && ValidDate(*y, m, *d)) { std::string v = FormatDate(*y, m, *d) + ReadTime(t); return Complete(t, std::move(v)); }
  }
  return "";
}

std::string FindDateInLine(std::string_view line) {
  if (line.size() > 200) return "";
  // Try each word start, with the longest run of up to six words that reads as a date whole; commas
  // and a trailing time are part of the forms NormalizePublishedDate reads.
  for (size_t start = 0; start < line.size(); ++start) {
    if (start > 0 && !std::isspace(static_cast<unsigned char>(line[start - 1]))) continue;
    if (std::isspace(static_cast<unsigned char>(line[start]))) continue;
    std::string best;
    size_t end = start;
    for (int words = 0; words < 6 && end < line.size(); ++words) {
      while (end < line.size() && !std::isspace(static_cast<unsigned char>(line[end]))) ++end;
      std::string_view candidate = line.substr(start, end - start);
      while (!candidate.empty() && (candidate.back() == ',' || candidate.back() == '|')) candidate.remove_suffix(1);
      std::string date = NormalizePublishedDate(candidate);
      if (!date.empty()) best = std::move(date);
      while (end < line.size() && std::isspace(static_cast<unsigned char>(line[end]))) ++end;
    }
    if (!best.empty()) return best;
  }
  return "";
}

}  // namespace corroborate
