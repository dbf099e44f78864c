// Normalises a publication date as pages and feeds state it ("2026-01-30T10:00:00Z",
// "Fri, 30 Jan 2026 10:00:00 GMT", "January 30, 2026", "30 January 2026", "2026/01/30") to
// ISO 8601: a date, or a date-time with its offset when the time is given. Tested in published_date_test.cc.
#pragma once

#include <string>
#include <string_view>

namespace corroborate {

// Returns "" when `raw` holds no recognisable date.
std::string NormalizePublishedDate(std::string_view raw);

// The first date inside a short visible dateline ("Published 4 November 2025, 10:20 GMT",
// "Updated: Jan. 5, 2024"), normalised as above; "" when there is none. Lines over 200 bytes are
// not datelines and give "".
std::string FindDateInLine(std::string_view line);

}  // namespace corroborate
