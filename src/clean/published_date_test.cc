// Tests for publication-date normalisation.
#include <gtest/gtest.h>

#include "clean/published_date.h"

namespace corroborate {
namespace {

TEST(PublishedDate, ReadsTheFormsPagesAndFeedsUse) {
  EXPECT_EQ(NormalizePublishedDate("2026-01-30"), "2026-01-30");
  EXPECT_EQ(NormalizePublishedDate(" 2026/1/30 "), "2026-01-30");
  EXPECT_EQ(NormalizePublishedDate("2026-01-30T10:05:00Z"), "2026-01-30T10:05:00Z");
  EXPECT_EQ(NormalizePublishedDate("2026-01-30T10:05:00.123+0530"), "2026-01-30T10:05:00+05:30");
  EXPECT_EQ(NormalizePublishedDate("Fri, 30 Jan 2026 10:05:00 GMT"), "2026-01-30T10:05:00Z");
  EXPECT_EQ(NormalizePublishedDate("January 30, 2026"), "2026-01-30");
  EXPECT_EQ(NormalizePublishedDate("Jan. 30, 2026"), "2026-01-30");
  EXPECT_EQ(NormalizePublishedDate("30 January 2026"), "2026-01-30");
  EXPECT_EQ(NormalizePublishedDate("Sept 3, 2025"), "2025-09-03");
}

TEST(PublishedDate, RefusesWhatIsNotADate) {
  EXPECT_EQ(NormalizePublishedDate(""), "");
  EXPECT_EQ(NormalizePublishedDate("yesterday"), "");
  EXPECT_EQ(NormalizePublishedDate("2026-02-30"), "");     // February has no 30th
  EXPECT_EQ(NormalizePublishedDate("2025-02-29"), "");     // 2025 is not a leap year
  EXPECT_EQ(NormalizePublishedDate("2024-02-29"), "2024-02-29");
  EXPECT_EQ(NormalizePublishedDate("2026-01-30 and then"), "");  // prose after the date
  EXPECT_EQ(NormalizePublishedDate("99999999999999999999-01-01"), "");
}

TEST(PublishedDate, FindsTheDateInAVisibleDateline) {
  EXPECT_EQ(FindDateInLine("Published 4 November 2025, 10:20 GMT"), "2025-11-04T10:20:00Z");
  EXPECT_EQ(FindDateInLine("Updated: Jan. 5, 2024"), "2024-01-05");
  EXPECT_EQ(FindDateInLine("By Jane Roe | March 3, 2023 | 4 min read"), "2023-03-03");
  EXPECT_EQ(FindDateInLine("Read more about the 2023 season"), "");
}

}  // namespace
}  // namespace corroborate
