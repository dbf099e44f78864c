// Tests for robots.h: group choice, longest match, wildcards, the end anchor, crawl-delay.
#include "watch/robots.h"

#include <gtest/gtest.h>

namespace corroborate::watch {
namespace {

TEST(RobotsTest, OurGroupWinsOverStarAndLongestRuleDecides) {
  const char* text =
      "# a comment\n"
      "User-agent: *\n"
      "Disallow: /\n"
      "\n"
      "User-agent: OtherBot\n"
      "User-agent: Corroborate/2.0\n"
      "Disallow: /private/\n"
      "Allow: /private/press/\n"
      "Crawl-delay: 2.5\n";
  const RobotsRules r = RobotsRules::Parse(text, "corroborate");
  EXPECT_TRUE(r.Allowed("/news/1"));
  EXPECT_FALSE(r.Allowed("/private/notes"));
  EXPECT_TRUE(r.Allowed("/private/press/release"));  // the longer rule
  EXPECT_DOUBLE_EQ(r.crawl_delay(), 2.5);
  const RobotsRules other = RobotsRules::Parse(text, "somebody");
  EXPECT_FALSE(other.Allowed("/news/1"));  // only the * group applies to it
  EXPECT_TRUE(other.Allowed("/robots.txt"));
}

TEST(RobotsTest, WildcardsAnchorsAndTies) {
  const RobotsRules r = RobotsRules::Parse(
      "user-agent: *\ndisallow: /*.pdf$\ndisallow: /tmp*/x\nallow: /same\ndisallow: /same\ndisallow:\n", "c");
  EXPECT_FALSE(r.Allowed("/files/report.pdf"));
  EXPECT_TRUE(r.Allowed("/files/report.pdf?download=1"));  // "$" anchors the end
  EXPECT_FALSE(r.Allowed("/tmp123/x"));
  EXPECT_TRUE(r.Allowed("/tmp123/y"));
  EXPECT_TRUE(r.Allowed("/same"));  // equal length: allow wins
  EXPECT_TRUE(RobotsPatternMatches("/a*b*c", "/axxbyyc"));
  EXPECT_FALSE(RobotsPatternMatches("/a*b*c$", "/axxbyycd"));
  EXPECT_TRUE(RobotsPatternMatches("*", ""));
}

TEST(RobotsTest, NoGroupsAndFixedOutcomes) {
  EXPECT_TRUE(RobotsRules::Parse("", "c").Allowed("/x"));
  EXPECT_TRUE(RobotsRules::Parse("Disallow: /\n", "c").Allowed("/x"));  // a rule outside any group
  EXPECT_TRUE(RobotsRules::AllowAll().Allowed("/x"));
  EXPECT_FALSE(RobotsRules::DisallowAll().Allowed("/x"));
}

}  // namespace
}  // namespace corroborate::watch
