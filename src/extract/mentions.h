// Mentions found in a cleaned article: quantities (money, percentages, counts, numbers) and dates,
// as ../shared/spec/CONTRACT.md prints them. Offsets are bytes in Article::text; the command line
// converts them to code points.
#pragma once

namespace corroborate {}  // namespace corroborate
