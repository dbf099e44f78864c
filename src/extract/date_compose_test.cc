// Tests for the dates built of parts (date_compose.cc) and the written forms of date_numeric.cc,
// through ExtractMentions. Published dates are chosen so each expected value can be worked out by hand:
// 2026-01-30 is a Friday in ISO week 5.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extract/extract.h"

namespace corroborate {
namespace {

std::vector<std::string> Dates(const std::string& text, const std::string& published = "2026-01-30") {
  Article a;
  a.text = text;
  a.published = published;
  std::vector<std::string> out;
  for (const DateMention& d : ExtractMentions(a).dates) out.push_back(DateValue(d));
  return out;
}

using V = std::vector<std::string>;

TEST(DateParts, OrdinalPeriodsOf) {
  // February 2026 opens on a Sunday, so its first Friday is the 6th.
  EXPECT_EQ(Dates("We meet the first Friday of next month."), V{"2026-02-06"});
  // The last Thursday of July 2025 is the 31st, in ISO week 31.
  EXPECT_EQ(Dates("It shut the last week of July 2025."), V{"2025-W31"});
  EXPECT_EQ(Dates("Sales rose in the first week of 2015."), V{"2015-W01"});
  EXPECT_EQ(Dates("The ninth month of 2021 was dry."), V{"2021-09"});
  // February 2026 has four Sundays: no fifth one, and nothing else read from the phrase.
  EXPECT_TRUE(Dates("It fell on the fifth Sunday of February 2026.").empty());
}

TEST(DateParts, WeekdaysInAWeekAndWithTheirDay) {
  EXPECT_EQ(Dates("It will launch next week Friday."), V{"2026-02-06"});
  EXPECT_EQ(Dates("They met Friday of last week."), V{"2026-01-23"});
  // Jan 31 2026 is a Saturday; Dec 31 2025 is the nearest 31st that is a Wednesday.
  EXPECT_EQ(Dates("It happened on Wednesday the 31st."), V{"2025-12-31"});
  EXPECT_EQ(Dates("Apple announced on Tuesday the first generation of chips."), V{"2026-01-27"});
}

TEST(DateParts, YearsAndQuartersCompleteADate) {
  EXPECT_EQ(Dates("She was born in June of 1992."), V{"1992-06"});
  EXPECT_EQ(Dates("It opened July 4th of 1995."), V{"1995-07-04"});
  EXPECT_EQ(Dates("Profit fell in 2019 Q1 and Q3-2024."), (V{"2019-Q1", "2024-Q3"}));
  // A year's final quarter is its fourth; without its year it may be a fiscal year's, and only
  // the year after it would be read.
  EXPECT_EQ(Dates("The charge cuts its profit in the final quarter of 2017."), V{"2017-Q4"});
  EXPECT_TRUE(Dates("The charge cuts its profit in the final quarter.").empty());
  EXPECT_EQ(Dates("It began in October two thousand and five."), V{"2005-10"});
  EXPECT_EQ(Dates("The ship sailed on 6 April seventeen hundred thirty three."), V{"1733-04-06"});
}

TEST(DateParts, RangesAreOneMentionValuedAtTheirStart) {
  EXPECT_EQ(Dates("The fair runs Oct. 2 to October 22, 2025."), V{"2025-10-02"});
  EXPECT_EQ(Dates("It ran November 19-20."), V{"2025-11-19"});
  EXPECT_EQ(Dates("It lasted from January to April 2015."), V{"2015-01"});
  // Two bare years keep a value each, as news annotation gives them.
  EXPECT_EQ(Dates("Deliveries run from 2009 to 2011."), (V{"2009", "2011"}));
}

TEST(DateParts, ShiftsAndFutureSpans) {
  EXPECT_EQ(Dates("It opens three weeks from tomorrow."), V{"2026-02-21"});
  EXPECT_EQ(Dates("The plant will open in two weeks."), V{"2026-02-13"});
  EXPECT_TRUE(Dates("Shares had their best run in two weeks.").empty());
  EXPECT_EQ(Dates("It ended 3 days after January 12, 2026."), V{"2026-01-15"});
}

TEST(DateParts, WrittenForms) {
  EXPECT_EQ(Dates("It happened in Dec-2018 and on Oct/2."), (V{"2018-12", "2025-10-02"}));
  EXPECT_EQ(Dates("Filed 08/12,2015 and 20161016."), (V{"2015-08-12", "2016-10-16"}));
  EXPECT_EQ(Dates("Dated 16. Nov. 2016."), V{"2016-11-16"});
  // The week holding Monday 10 April 2023 is ISO week 15.
  EXPECT_EQ(Dates("We are free the week of April 10th, 2023."), V{"2023-W15"});
  EXPECT_EQ(Dates("April of 87"), V{"1987-04"});  // two-digit years pivot at 69 (POSIX)
}

TEST(DateParts, NotDates) {
  EXPECT_TRUE(Dates("This may or may not be right, and we may not update it.").empty());
  EXPECT_TRUE(Dates("The code is 123-12-1234 and 133-03-03-2020.").empty());
  EXPECT_TRUE(Dates("On Sunday 31 people were hurt.").size() == 1);  // the weekday alone
  EXPECT_TRUE(Dates("It fell on the 31st of this month.", "2025-11-10").empty());  // November has 30
}

}  // namespace
}  // namespace corroborate
