// Finds dates at one token position: absolute ("Jan. 28, 2026", "2026-01-30", "30 January 2026"),
// partial ("October 2025", "2024", "Q3 2025", "late 2024", "mid-2025") and relative to the
// publication date ("Wednesday", "last October", "in November", "next week", "earlier this month",
// "two days ago"). Durations ("over three years", "90 days") are not dates. Relative dates need a
// publication date; without one they are consumed and left out. Tested in dates_test.cc.
//
//   DateScanner s(ParseIsoDate("2026-01-30"));
//   Tokens t; Tokenize("Amazon said on Wednesday", t);
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
  bool Quarter(const Tokens& t, size_t i, DateMention& d, size_t& end) const;
  bool Ago(const Tokens& t, size_t i, DateMention& d, size_t& end) const;
  bool OrdinalWordLed(const Tokens& t, size_t i, DateMention& d, size_t& end) const;

  std::optional<DateResolver> resolver_;
};

}  // namespace corroborate::extract
