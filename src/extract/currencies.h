// The currency names, symbols and ISO 4217 codes of data/currencies.tsv (built from the lists in
// ../shared/gazetteer, see data/SOURCE-currencies.md), matched over a few tokens before or after an
// amount. Tested in money_test.cc.
#pragma once

#include <cstddef>
#include <string>

#include "extract/tokens.h"

namespace corroborate::extract {

struct CurrencyMatch {
  size_t begin = 0;  // tokens [begin, end)
  size_t end = 0;
  char code[4] = {0, 0, 0, 0};  // ISO 4217, empty when the form does not settle it ("francs")
  double divisor = 1;           // 100 for cents, pence
  double multiplier = 1;        // 1e6 for "MEUR", "MUSD"
};

// A currency written just before token `number` ("$", "US$", "c $", "USD", "€"), ending there.
bool CurrencyBefore(const Tokens& t, size_t number, CurrencyMatch& out);
// A currency written exactly over tokens [b, e), just before an amount at e.
bool CurrencyBetween(const Tokens& t, size_t b, size_t e, CurrencyMatch& out);
// A currency written from token `at` on, after an amount ("dollars", "Swiss francs", "yen", "EUR").
bool CurrencyAfter(const Tokens& t, size_t at, CurrencyMatch& out);

}  // namespace corroborate::extract
