// Money, percentages, counts and plain numbers at one token position: the currency before or after
// the amount, the unit, ranges ("between 10 and 20 percent", "$1-2bn"), the qualifier in front
// ("up to", "about", "more than") and the counted noun ("12,500 jobs"). Tested in quantities_test.cc.
//
//   Tokens t; Tokenize("up to $40 billion", t);
//   Quantity q; size_t end;
//   if (ScanQuantity(t, 2, q, end) == ScanResult::kFound) { /* money 5e10 USD, up_to */ }
#pragma once

#include <cstddef>

#include "extract/mentions.h"
#include "extract/tokens.h"

namespace corroborate::extract {

enum class ScanResult {
  kNone,   // nothing starts here
  kSkip,   // something number-like that is not a quantity (a code, a time, an unrepresentable
           // value, an ordinal): continue after `end` without a mention
  kFound,  // `q` is filled; continue after `end`
};

ScanResult ScanQuantity(const Tokens& t, size_t i, Quantity& q, size_t& end);

}  // namespace corroborate::extract
