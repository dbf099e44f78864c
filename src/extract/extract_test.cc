// Tests for extract.h through its public interface: money, percent, counts, qualifiers, ranges,
// dates and their resolution against the publication date, and bad input.
#include "extract/extract.h"

#include <gtest/gtest.h>

#include <string>

namespace corroborate {
namespace {

Mentions Extract(const std::string& text, const std::string& published = "2026-01-30") {
  Article a;
  a.text = text;
  a.published = published;
  return ExtractMentions(a);
}

std::string Slice(const std::string& text, uint32_t s, uint32_t e) { return text.substr(s, e - s); }

TEST(Extract, MoneyKeepsMagnitudeAndCurrency) {
  std::string s = "It may invest up to $40 billion, US$1.2tn, USD34.6 million, 200 euros or 10 Swiss francs.";
  Mentions m = Extract(s);
  ASSERT_EQ(m.quantities.size(), 5u);
  EXPECT_EQ(m.quantities[0].kind, QuantityKind::kMoney);
  EXPECT_DOUBLE_EQ(m.quantities[0].value, 4e10);
  EXPECT_STREQ(m.quantities[0].currency, "USD");
  EXPECT_EQ(m.quantities[0].qualifier, Qualifier::kUpTo);
  EXPECT_DOUBLE_EQ(m.quantities[1].value, 1.2e12);
  EXPECT_DOUBLE_EQ(m.quantities[2].value, 34.6e6);
  EXPECT_STREQ(m.quantities[2].currency, "USD");
  EXPECT_STREQ(m.quantities[3].currency, "EUR");
  EXPECT_STREQ(m.quantities[4].currency, "CHF");
  EXPECT_EQ(Slice(s, m.quantities[4].start, m.quantities[4].end), "10 Swiss francs");
}

TEST(Extract, CentsAreHundredths) {
  Mentions m = Extract("The stock rose 34 cents.");
  ASSERT_EQ(m.quantities.size(), 1u);
  EXPECT_DOUBLE_EQ(m.quantities[0].value, 0.34);
}

TEST(Extract, PercentAndQualifiers) {
  Mentions m = Extract("Shares fell 2.1% after a 10 percent gain and roughly 5 per cent more than expected.");
  ASSERT_EQ(m.quantities.size(), 3u);
  for (const Quantity& q : m.quantities) EXPECT_EQ(q.kind, QuantityKind::kPercent);
  EXPECT_DOUBLE_EQ(m.quantities[0].value, 2.1);
  EXPECT_DOUBLE_EQ(m.quantities[1].value, 10);
  EXPECT_EQ(m.quantities[2].qualifier, Qualifier::kAbout);
}

TEST(Extract, CountsWithNoun) {
  std::string s = "It will cut about 9,000 corporate staff and more than 300 stores.";
  Mentions m = Extract(s);
  ASSERT_EQ(m.quantities.size(), 2u);
  EXPECT_EQ(m.quantities[0].kind, QuantityKind::kCount);
  EXPECT_DOUBLE_EQ(m.quantities[0].value, 9000);
  EXPECT_EQ(m.quantities[0].qualifier, Qualifier::kAbout);
  EXPECT_EQ(Slice(s, m.quantities[0].noun_start, m.quantities[0].noun_end), "staff");
  EXPECT_EQ(m.quantities[1].qualifier, Qualifier::kMoreThan);
}

TEST(Extract, Ranges) {
  Mentions m = Extract("Between 10 and 20 percent, or $1-2 billion.");
  ASSERT_EQ(m.quantities.size(), 2u);
  EXPECT_EQ(m.quantities[0].qualifier, Qualifier::kRange);
  EXPECT_EQ(m.quantities[0].kind, QuantityKind::kPercent);
  EXPECT_DOUBLE_EQ(m.quantities[0].value, 10);
  EXPECT_DOUBLE_EQ(m.quantities[0].value_max, 20);
  EXPECT_DOUBLE_EQ(m.quantities[1].value, 1e9);
  EXPECT_DOUBLE_EQ(m.quantities[1].value_max, 2e9);
}

TEST(Extract, AbsoluteDates) {
  Mentions m = Extract("On Jan. 28, 2026, and 2026-01-30, 30 January 2026, October 2025 and Q3 2025.");
  ASSERT_EQ(m.dates.size(), 5u);
  EXPECT_EQ(DateValue(m.dates[0]), "2026-01-28");
  EXPECT_EQ(DateValue(m.dates[1]), "2026-01-30");
  EXPECT_EQ(DateValue(m.dates[2]), "2026-01-30");
  EXPECT_EQ(DateValue(m.dates[3]), "2025-10");
  EXPECT_EQ(m.dates[3].grain, DateGrain::kMonth);
  EXPECT_EQ(DateValue(m.dates[4]), "2025-Q3");
  EXPECT_TRUE(m.quantities.empty());  // the digits of dates are not numbers
}

TEST(Extract, RelativeDatesFollowNewsConventions) {
  // 2026-01-30 is a Friday: "Wednesday" is two days before; "in October" the last past October.
  Mentions m = Extract("On Wednesday it said that in October, by late 2024 and last October things began.");
  ASSERT_EQ(m.dates.size(), 4u);
  EXPECT_EQ(DateValue(m.dates[0]), "2026-01-28");
  EXPECT_TRUE(m.dates[0].relative);
  EXPECT_EQ(DateValue(m.dates[1]), "2025-10");
  EXPECT_EQ(DateValue(m.dates[2]), "2024");
  EXPECT_EQ(DateValue(m.dates[3]), "2025-10");
}

TEST(Extract, FutureTenseAndPeriods) {
  // Published Friday 2026-01-30 (ISO week 5): next week is week 6; "will ... Monday" is 2026-02-02.
  Mentions m = Extract("It will report on Monday. Two days ago, earlier this month, next week.");
  ASSERT_EQ(m.dates.size(), 4u);
  EXPECT_EQ(DateValue(m.dates[0]), "2026-02-02");
  EXPECT_EQ(DateValue(m.dates[1]), "2026-01-28");
  EXPECT_EQ(DateValue(m.dates[2]), "2026-01");
  EXPECT_EQ(DateValue(m.dates[3]), "2026-W06");
}

TEST(Extract, DurationsAreNotDates) {
  Mentions m = Extract("Shares rose over three years and the deal runs 90 days.");
  EXPECT_TRUE(m.dates.empty());
}

TEST(Extract, NoPublicationDateLeavesRelativeDatesOut) {
  Mentions m = Extract("On Wednesday, in 2024.", "");
  ASSERT_EQ(m.dates.size(), 1u);
  EXPECT_EQ(DateValue(m.dates[0]), "2024");
}

TEST(Extract, BadInputNeverCrashesOrWraps) {
  EXPECT_TRUE(Extract(std::string(400, '7')).quantities.empty());
  EXPECT_TRUE(Extract("February 30, 2025").dates.empty());
  EXPECT_TRUE(Extract("$5 trillion trillion trillion").quantities.size() <= 2);
  for (const Quantity& q : Extract("$9999999999999999999999 and 1e999").quantities) EXPECT_LT(q.value, 1e19);
  std::string digits;
  for (int i = 0; i < 20000; ++i) digits += static_cast<char>('0' + i % 10);
  Extract(digits);
  Extract("\xD0\x9C\xD0\xB8\xD1\x80 5 \xE4\xB8\x87 $ \xE2\x82\xAC 12 \xF0\x9F\x98\x80 3.4.5.6 --- ,,, 1,2,3");
}

double Only(const Mentions& m, QuantityKind kind) {
  EXPECT_EQ(m.quantities.size(), 1u);
  if (m.quantities.size() != 1) return -1;
  EXPECT_EQ(m.quantities[0].kind, kind);
  return m.quantities[0].value;
}

TEST(Extract, RatiosAndPronouns) {
  EXPECT_DOUBLE_EQ(Only(Extract("One out of three voters stayed home."), QuantityKind::kNumber), 1.0 / 3);
  EXPECT_EQ(Extract("She scored twelve out of ten.").quantities.size(), 2u);  // no share above one
  Mentions m = Extract("The answer is 2000 over 3.");
  EXPECT_DOUBLE_EQ(Only(m, QuantityKind::kNumber), 2000.0 / 3);
  EXPECT_TRUE(m.dates.empty());
  m = Extract("In 2019 over 300 people died.");
  ASSERT_EQ(m.quantities.size(), 1u);
  EXPECT_EQ(m.quantities[0].qualifier, Qualifier::kMoreThan);
  EXPECT_EQ(m.dates.size(), 1u);
  EXPECT_TRUE(Extract("Which one do you prefer? That one.").quantities.empty());
  EXPECT_EQ(Extract("Only one of them came.").quantities.size(), 1u);
}

TEST(Extract, PercentBeforeItsNumber) {
  EXPECT_DOUBLE_EQ(Only(Extract("It was per cent of 210."), QuantityKind::kPercent), 210);
  EXPECT_EQ(Extract("Five per cent of 210 people.").quantities.size(), 2u);  // 5% and a count
}

TEST(Extract, AddressesAndCodes) {
  EXPECT_TRUE(Extract("See https://example.com/search?q=30%25%2020% for more.").quantities.empty());
  Mentions m = Extract("Archive: www.example.com/2018-09-23-page");
  ASSERT_EQ(m.dates.size(), 1u);
  EXPECT_EQ(DateValue(m.dates[0]), "2018-09-23");
  m = Extract("Call +1-222-3333 now.");
  for (const Quantity& q : m.quantities) EXPECT_NE(q.qualifier, Qualifier::kRange);
}

TEST(Extract, MoneyUnitsAfterAHyphenAndRepeatedSigns) {
  EXPECT_DOUBLE_EQ(Only(Extract("It paid a 12-cent dividend."), QuantityKind::kMoney), 0.12);
  Mentions m = Extract("Prices: 10 $ 30 $");
  ASSERT_EQ(m.quantities.size(), 2u);
  EXPECT_DOUBLE_EQ(m.quantities[1].value, 30);
}

}  // namespace
}  // namespace corroborate
