// Tests that the attribution checks (attribution.cc) read the speakers extraction resolved: a
// person quoted only through "Mr. Roe" or "she" counts as quoted, and a quote is not pinned on a
// name that merely stands near it. Articles are our own, extracted as the pipeline does.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extract/extract.h"
#include "reconcile/story_report.h"

namespace corroborate {
namespace {

struct Story {
  std::vector<Article> articles;
  std::vector<Mentions> mentions;
  std::vector<std::vector<Event>> events;
  void Add(const std::string& outlet, const std::string& text) {
    Article a;
    a.id = outlet;
    a.outlet = outlet;
    a.text = text;
    articles.push_back(a);
  }
  std::vector<AttributionIssue> Check() {
    mentions.clear();
    events.assign(articles.size(), {});
    for (Article& a : articles) mentions.push_back(ExtractMentions(a));
    std::vector<StoryArticle> in;
    for (size_t i = 0; i < articles.size(); ++i) in.push_back({&articles[i], &mentions[i], &events[i], articles[i].outlet, ""});
    return CheckAttributions(in);
  }
};

bool Flagged(const std::vector<AttributionIssue>& issues, const std::string& kind, const std::string& name) {
  for (const AttributionIssue& i : issues)
    for (const std::string& p : i.people)
      if (i.kind == kind && p == name) return true;
  return false;
}

TEST(Attribution, SpeakerQuotedThroughSurnameOrPronounCounts) {
  // Each outlet quotes one person through a title and surname or a pronoun only; nobody else
  // names them, so both are uncorroborated speakers.
  Story s;
  s.Add("Harbour Wire", "Tom Keller, an analyst at Westbury Partners, followed the deal.\n"
                        "\"It is a risky bet for a small firm,\" Mr. Keller said.\n");
  s.Add("Daily Ledger", "Laura Bennett runs the Orvane plant.\n"
                        "\"We will keep every job here,\" she said on Monday.\n");
  std::vector<AttributionIssue> issues = s.Check();
  EXPECT_TRUE(Flagged(issues, "uncorroborated_speaker", "Tom Keller"));
  EXPECT_TRUE(Flagged(issues, "uncorroborated_speaker", "Laura Bennett"));
}

TEST(Attribution, ANameNearAQuoteIsNotItsSpeaker) {
  // Tom Keller is only mentioned inside the sentence that attributes the quote to Laura Bennett;
  // he is not quoted, so he is never an uncorroborated speaker. She is named the same way by
  // both outlets: not flagged either.
  Story s;
  s.Add("Harbour Wire", "Laura Bennett, chief executive of Orvane, met Tom Keller on Monday.\n"
                        "\"We will keep every job here,\" she said after meeting Tom Keller.\n");
  s.Add("Daily Ledger", "Orvane chief executive Laura Bennett said the plant would stay open.\n");
  std::vector<AttributionIssue> issues = s.Check();
  EXPECT_FALSE(Flagged(issues, "uncorroborated_speaker", "Tom Keller"));
  EXPECT_FALSE(Flagged(issues, "uncorroborated_speaker", "Laura Bennett"));
  EXPECT_FALSE(Flagged(issues, "affiliation_variant", "Laura Bennett"));
}

}  // namespace
}  // namespace corroborate
