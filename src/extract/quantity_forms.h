// Smaller quantity forms the scanner in quantities.cc consults around an amount: web addresses
// (whose digits are not quantities), a percent written before its number ("per cent of 210"),
// ratios read as fractions ("one out of three", "2000 over 3"), and "one" used as a pronoun
// ("which one"). Tested in extract_test.cc.
#pragma once

#include <cstddef>

#include "extract/number_parser.h"
#include "extract/tokens.h"

namespace corroborate::extract {

// The token after a web address starting at i ("https://…", "www.…"), or 0 when none starts there.
size_t WebAddressEnd(const Tokens& t, size_t i);

// Whether token i lies inside a web address that starts earlier in the same unspaced run.
bool InWebAddress(const Tokens& t, size_t i);

// A percentage named before its number at i: "per cent of twenty-two", "percents of 210" where no
// number precedes and nothing follows the number. Sets `value` and the end token.
bool PercentBefore(const Tokens& t, size_t i, double& value, size_t& end);

// A ratio after the plain number `num`: "out of" a larger-or-equal number ("two out of five hundred"),
// or "over" a number that ends the phrase ("one over three", "2000 over 3"). Sets `value` and `end`.
bool RatioAfter(const Tokens& t, const NumberMatch& num, double& value, size_t& end);

// Whether a lone "one" at i is the pronoun of "this one", "which one", "the one".
bool PronounOne(const Tokens& t, const NumberMatch& num);

}  // namespace corroborate::extract
