// Tests for scraped plain-text cleaning and debris recognition. The articles are our own.
#include <gtest/gtest.h>

#include "clean/boilerplate.h"
#include "clean/plain_text.h"

namespace corroborate {
namespace {

std::string CleanText(std::string_view raw) { return std::move(CleanPlainText(raw).text).Finish().text; }

TEST(Boilerplate, RecognisesWidgetsCreditsAndRemnants) {
  const BoilerplateLines& b = BoilerplateLines::Default();
  EXPECT_TRUE(b.IsDebris("Share:"));
  EXPECT_TRUE(b.IsDebris("Next Story"));
  EXPECT_TRUE(b.IsDebris("This Post Has 12 Comments"));
  EXPECT_TRUE(b.IsDebris("Leave a Reply"));
  EXPECT_TRUE(b.IsDebris("X"));
  EXPECT_TRUE(b.IsDebris("harbour-view.jpg)"));
  EXPECT_TRUE(b.IsDebris("Photo: Wire Agency"));
  EXPECT_TRUE(b.IsDebris("Photo by Jane Roe"));
  EXPECT_FALSE(b.IsDebris("Photos of the new plant circulated on Monday."));
  EXPECT_FALSE(b.IsDebris("Share prices rose 3% on Tuesday."));
  EXPECT_TRUE(b.IsDebris("f"));  // an icon's letter left behind by a share bar
}

TEST(PlainText, ReadsHeadlineBylineAndDropsDebris) {
  const std::string raw =
      "Orchard Robotics Raises Funds for Picking Machines\n"
      "\n"
      "Orchard Robotics Raises Funds for Picking Machines\n"
      "X\n"
      "By Jane Q. Roe | Agriculture Correspondent\n"
      "\n"
      "Orchard Robotics said on Monday it had raised new money.\n"
      "The company plans to hire engineers.\n"
      "\n"
      "Share:\n"
      "This Post Has 0 Comments\n"
      "Leave a Reply\n";
  PlainTextResult r = CleanPlainText(raw);
  EXPECT_EQ(r.title, "Orchard Robotics Raises Funds for Picking Machines");
  EXPECT_EQ(r.author, "Jane Q. Roe");
  EXPECT_EQ(r.author_role, "Agriculture Correspondent");
  auto out = std::move(r.text).Finish();
  // The headline stays once as the first paragraph; its repetition, the icon, the byline and the
  // widgets are gone.
  EXPECT_EQ(out.text,
            "Orchard Robotics Raises Funds for Picking Machines\n\n"
            "Orchard Robotics said on Monday it had raised new money.\n"
            "The company plans to hire engineers.");
  EXPECT_EQ(out.map.ToRaw(out.text.find("The company")), raw.find("The company"));
}

TEST(PlainText, ReadsLeadingDateField) {
  const std::string raw = " date 2025-11-04 Harbour Freight agreed to buy two ships.\nIt paid cash.";
  PlainTextResult r = CleanPlainText(raw);
  EXPECT_EQ(r.published, "2025-11-04");
  EXPECT_TRUE(r.title.empty());  // the first line is a sentence, not a headline
  auto out = std::move(r.text).Finish();
  EXPECT_EQ(out.text, "Harbour Freight agreed to buy two ships.\nIt paid cash.");
  EXPECT_EQ(out.map.ToRaw(0), raw.find("Harbour"));
}

TEST(PlainText, ProseStartingWithByIsNotAByline) {
  PlainTextResult r = CleanPlainText("By the end of the year the plant will open.\n");
  EXPECT_TRUE(r.author.empty());
  EXPECT_EQ(std::move(r.text).Finish().text, "By the end of the year the plant will open.");
}

TEST(PlainText, AOneLineTextIsAllArticle) {
  // Alone, "1,234,567" or "Share:" is what the article says; only among other lines is it debris.
  EXPECT_EQ(CleanText("1,234,567"), "1,234,567");
  EXPECT_EQ(CleanText("  Share:\n"), "Share:");
}

TEST(PlainText, KeepsSectionHeadings) {
  EXPECT_EQ(CleanText("Reactions\n\n\"It is a good day,\" said one trader.\n"),
            "Reactions\n\n\"It is a good day,\" said one trader.");
}

}  // namespace
}  // namespace corroborate
