// Reads one number starting at a token: digits with separators ("12,500", "412.7", "1 234 567"),
// attached or following scales ("1.2m", "50bn", "3 million"), digit fractions ("3/4", "2 1/4"),
// exponents ("1e10"), and spelled-out numbers ("sixteen thousand", "a dozen", "two thirds",
// "one and a half", "half a million"). Values that a double cannot hold exactly enough (more than
// 17 significant digits, beyond 1e18) are consumed but marked unrepresentable, never wrapped.
// Tested in number_parser_test.cc.
//
//   Tokens t; Tokenize("about $1.2tn", t);
//   NumberMatch m;
//   if (ParseNumber(t, 2, /*money=*/true, m)) { /* m.value == 1.2e12, m.end == 4 */ }
#pragma once

#include <cstddef>

#include "extract/tokens.h"

namespace corroborate::extract {

struct NumberMatch {
  size_t begin = 0;  // tokens [begin, end)
  size_t end = 0;
  double value = 0;
  bool representable = true;  // false: a number was there, but its value cannot be given
  bool words = false;         // spelled out ("sixteen thousand")
  bool scaled = false;        // a scale word or suffix applied ("million", "bn", "k")
  int scale_exp = 0;          // its power of ten for digits ("1.2bn": 9), 0 otherwise
  bool ordinal = false;       // "1st", "twenty-second": a rank, not an amount
  bool fraction = false;      // "3/4", "two thirds"
  bool plain_integer = false; // one run of digits, nothing else ("2024", "28")
  int digits = 0;             // length of that run when plain_integer
  long long integer = 0;      // its value when plain_integer (digits <= 18)
};

// True when a number starts at token i. `money` allows the single-letter scales "m", "b" and "t"
// after an integer ("$5m"), which elsewhere are more often units ("5m" metres).
bool ParseNumber(const Tokens& t, size_t i, bool money, NumberMatch& out);

// True when token i can begin a number (a digit run, ".5", a vulgar fraction, "a"/"an" or a number
// word): Token::starts_number, which Tokenize sets through MarkNumberStarts.
inline bool StartsNumber(const Tokens& t, size_t i) { return i < t.size() && t.items[i].starts_number; }
void MarkNumberStarts(Tokens& t);

// The scale a word token names as a power of ten ("million" 6, "bn" 9), or 0.
int ScaleOf(const Tokens& t, size_t i, bool money);

}  // namespace corroborate::extract
