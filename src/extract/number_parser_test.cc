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
  EXPECT_DOUBLE_EQ(Parse("12,500").value, 12500);
  EXPECT_DOUBLE_EQ(Parse("412.7").value, 412.7);
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
  EXPECT_DOUBLE_EQ(Parse("seventeen thousand").value, 17000);
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

TEST(NumberParser, FiguresReadOnInSmallerParts) {
  EXPECT_DOUBLE_EQ(Parse("4 thousand 3 hundred and 21").value, 4321);
  EXPECT_DOUBLE_EQ(Parse("6 crore and two hundred").value, 60000200);
  EXPECT_DOUBLE_EQ(Parse("3 hundred and 2 hundred").value, 300);  // two amounts, not 500
  EXPECT_DOUBLE_EQ(Parse("4 thousand 3 hundred and 0").value, 4300);
  EXPECT_DOUBLE_EQ(Parse("3 million and a half").value, 3.5e6);
  EXPECT_DOUBLE_EQ(Parse("7 billion and a quarter").value, 7.25e9);
}

TEST(NumberParser, MixedNumbersAndScales) {
  EXPECT_DOUBLE_EQ(Parse("one and a half million").value, 1.5e6);
  EXPECT_DOUBLE_EQ(Parse("one billion and a quarter million").value, 1000250000);
  EXPECT_DOUBLE_EQ(Parse("two and fifty-four hundredths").value, 2.54);
  EXPECT_DOUBLE_EQ(Parse("two hundred and fifty-four hundredths").value, 200.54);
  EXPECT_DOUBLE_EQ(Parse("two thirds of a million").value, 2e6 / 3);
}

TEST(NumberParser, CompoundDenominators) {
  EXPECT_DOUBLE_EQ(Parse("three twenty-firsts").value, 3.0 / 21);
  EXPECT_DOUBLE_EQ(Parse("one twenty-fifth").value, 1.0 / 25);
  EXPECT_DOUBLE_EQ(Parse("a forty-second").value, 1.0 / 42);
  EXPECT_DOUBLE_EQ(Parse("one one hundred fifth").value, 1.0 / 105);
  EXPECT_DOUBLE_EQ(Parse("one hundred thirty-fifths").value, 100.0 / 35);  // tens join the ordinal
  EXPECT_DOUBLE_EQ(Parse("one hundred and thirty fifths").value, 26);      // "and" ties them to 100
  EXPECT_DOUBLE_EQ(Parse("eighty - five hundred fifths").value, 1700);
  EXPECT_DOUBLE_EQ(Parse("a trillionth").value, 1e-12);
  EXPECT_DOUBLE_EQ(Parse("a hundred trillionths").value, 1e-10);
  EXPECT_FALSE(Parse("two millionth").fraction);  // a rank, not two millionths
}

TEST(NumberParser, SymbolsPowersAndSeparators) {
  EXPECT_DOUBLE_EQ(Parse("\xC2\xBE").value, 0.75);          // ¾
  EXPECT_DOUBLE_EQ(Parse("2\xC2\xBD").value, 2.5);          // 2½
  EXPECT_DOUBLE_EQ(Parse("\xE2\x85\x94").value, 2.0 / 3);   // ⅔
  EXPECT_DOUBLE_EQ(Parse("1.1^2").value, 1.1 * 1.1);
  EXPECT_DOUBLE_EQ(Parse("4^-1").value, 0.25);
  EXPECT_DOUBLE_EQ(Parse("6.5x10^-3").value, 0.0065);
  EXPECT_FALSE(Parse("7^999").representable);  // beyond any news figure: left out, never infinite
  EXPECT_DOUBLE_EQ(Parse("1,674.5 G").value, 1.6745e12);
  EXPECT_DOUBLE_EQ(Parse("2.5M").value, 2.5e6);
  EXPECT_DOUBLE_EQ(Parse("5,00").value, 5);
  EXPECT_DOUBLE_EQ(Parse("1.234,56").value, 1234.56);
  EXPECT_DOUBLE_EQ(Parse("1,234").value, 1234);  // three digits after a comma: thousands
}

TEST(NumberParser, ChainsOfPartsStayLinear) {
  // Each part is read once: a long run of "4 thousand 3 hundred and" must not re-read what follows.
  std::string s;
  for (int i = 0; i < 3000; ++i) s += "4 thousand 3 hundred and ";
  NumberMatch m = Parse(s);
  EXPECT_DOUBLE_EQ(m.value, 4300);
  EXPECT_EQ(m.end, 4u);  // "4 thousand 3 hundred"; the next "4 thousand" is larger than a hundred
}

}  // namespace
}  // namespace corroborate::extract
