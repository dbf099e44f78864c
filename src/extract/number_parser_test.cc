// Tests for number_parser.h: digits, separators, scales, words, fractions, limits.
#include "extract/number_parser.h"

#include <gtest/gtest.h>

#include <string>

namespace corroborate::extract {
namespace {

// Parses the number at the first token of `s`.
NumberMatch Parse(const std::string& s, bool money = false) {
  static Tokens t;
  static std::string keep;
  keep = s;
  Tokenize(keep, t);
  NumberMatch m;
  size_t i = 0;
  while (i < t.size() && !StartsNumber(t, i)) ++i;
  EXPECT_TRUE(ParseNumber(t, i, money, m)) << s;
  return m;
}

TEST(NumberParser, DigitsWithSeparators) {
  EXPECT_DOUBLE_EQ(Parse("16,000").value, 16000);
  EXPECT_DOUBLE_EQ(Parse("239.3").value, 239.3);
  EXPECT_DOUBLE_EQ(Parse("1,234,567.89").value, 1234567.89);
  EXPECT_DOUBLE_EQ(Parse("12,34,567").value, 1234567);     // lakh grouping
  EXPECT_DOUBLE_EQ(Parse("40\xC2\xA0" "000").value, 40000);  // NBSP as separator
  EXPECT_TRUE(Parse("2024").plain_integer);
}

TEST(NumberParser, Scales) {
  EXPECT_DOUBLE_EQ(Parse("1.2m").value, 1.2e6);
  EXPECT_DOUBLE_EQ(Parse("50bn").value, 50e9);
  EXPECT_DOUBLE_EQ(Parse("1.2tn").value, 1.2e12);
  EXPECT_DOUBLE_EQ(Parse("3 million").value, 3e6);
  EXPECT_DOUBLE_EQ(Parse("10k").value, 10000);
  EXPECT_DOUBLE_EQ(Parse("5m", true).value, 5e6);  // money allows a bare "m"
  EXPECT_FALSE(Parse("5m").scaled);                 // elsewhere "5m" may be metres
}

TEST(NumberParser, Words) {
  EXPECT_DOUBLE_EQ(Parse("sixteen thousand").value, 16000);
  EXPECT_DOUBLE_EQ(Parse("a dozen").value, 12);
  EXPECT_DOUBLE_EQ(Parse("half").value, 0.5);
  EXPECT_DOUBLE_EQ(Parse("one hundred and sixty-one").value, 161);
  EXPECT_DOUBLE_EQ(Parse("two hundred and two thousand").value, 202000);
  EXPECT_DOUBLE_EQ(Parse("twenty-one trillion three hundred").value, 21e12 + 300);
  EXPECT_DOUBLE_EQ(Parse("two thirds").value, 2.0 / 3);
  EXPECT_DOUBLE_EQ(Parse("one and a half").value, 1.5);
  EXPECT_DOUBLE_EQ(Parse("half a million").value, 500000);
  EXPECT_DOUBLE_EQ(Parse("a quarter million").value, 250000);
  EXPECT_DOUBLE_EQ(Parse("one million and a half").value, 1.5e6);
  EXPECT_DOUBLE_EQ(Parse("half a dozen").value, 6);
}

TEST(NumberParser, FractionsAndOrdinals) {
  EXPECT_DOUBLE_EQ(Parse("3/4").value, 0.75);
  EXPECT_DOUBLE_EQ(Parse("2 1/4").value, 2.25);
  EXPECT_TRUE(Parse("22nd").ordinal);
  EXPECT_DOUBLE_EQ(Parse("1e10").value, 1e10);
}

TEST(NumberParser, UnrepresentableIsLeftOutNotWrapped) {
  EXPECT_FALSE(Parse(std::string(400, '9')).representable);
  EXPECT_FALSE(Parse("99999999999 trillion").representable);  // 1e23 is past the limit
  EXPECT_FALSE(Parse("123456789012345678901").representable);
  EXPECT_TRUE(Parse("123456789101231").representable);
}

}  // namespace
}  // namespace corroborate::extract
