// Tests for quotes and their speakers (quotes.cc, through entities.h), on our own sentences;
// and, when ../shared/seeds is present, that every seed quote in 002 and 003 has a speaker.
#include "extract/entities.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace corroborate {
namespace {

EntityMentions ExtractFrom(const std::string& text) {
  Article a;
  a.text = text;
  return ExtractEntities(a);
}

std::string Slice(const std::string& s, const QuoteMention& q) { return s.substr(q.start, q.end - q.start); }

TEST(Quotes, SaidNameAfterTheQuote) {
  std::string s = "\u201CWe expect a much stronger year ahead,\u201D said Laura Bennett, chief executive of Globex Holdings.";
  EntityMentions em = ExtractFrom(s);
  ASSERT_EQ(em.quotes.size(), 1u);
  EXPECT_EQ(Slice(s, em.quotes[0]), "We expect a much stronger year ahead");
  EXPECT_EQ(em.quotes[0].speaker_name, "Laura Bennett");
  EXPECT_EQ(em.quotes[0].speaker_role, "chief executive");
  EXPECT_EQ(em.quotes[0].speaker_org, "Globex");
}

TEST(Quotes, ShortFragmentInReportedSpeechIsAQuote) {
  // Three words are too few for a quote on their own, but here a named person said them.
  std::string s = "The mayor, Tom Keller, said the harbour had \"never been quieter\".";
  EntityMentions em = ExtractFrom(s);
  ASSERT_EQ(em.quotes.size(), 1u);
  EXPECT_EQ(Slice(s, em.quotes[0]), "never been quieter");
  EXPECT_EQ(em.quotes[0].speaker_name, "Tom Keller");
}

TEST(Quotes, ShortScareQuotesAreNot) {
  // No one is said to have said them: a label, not a quote.
  EXPECT_TRUE(ExtractFrom("The firm calls the plan \"lean growth\" in its filings.").quotes.empty());
}

TEST(Quotes, NameSaidAndStraightMarks) {
  std::string s = "\"The numbers do not add up for us,\" Tom Keller said on Monday.";
  EntityMentions em = ExtractFrom(s);
  ASSERT_EQ(em.quotes.size(), 1u);
  EXPECT_EQ(em.quotes[0].speaker_name, "Tom Keller");
}

TEST(Quotes, DashAttributionAfterTheQuote) {
  std::string s = "\u201CThis is a bold and risky bet on the future.\u201D \u2014 Nina Ford, Portfolio Manager at Meridian Capital\n";
  EntityMentions em = ExtractFrom(s);
  ASSERT_EQ(em.quotes.size(), 1u);
  EXPECT_EQ(em.quotes[0].speaker_name, "Nina Ford");
  EXPECT_EQ(em.quotes[0].speaker_role, "Portfolio Manager");
  EXPECT_EQ(em.quotes[0].speaker_org, "Meridian Capital");
}

TEST(Quotes, LabelBeforeTheQuote) {
  std::string s = "Helen Park, Senior Analyst at Westbury Partners: \"The market has already priced this in.\"\n";
  EntityMentions em = ExtractFrom(s);
  ASSERT_EQ(em.quotes.size(), 1u);
  EXPECT_EQ(em.quotes[0].speaker_name, "Helen Park");
  EXPECT_EQ(em.quotes[0].speaker_org, "Westbury Partners");
}

TEST(Quotes, OverSeveralParagraphs) {
  // The first paragraph does not close its quote; the next opens with a mark: one quote.
  std::string s = "Tom Keller said: \u201CWe will open three plants this year.\n\u201CAnd we will hire locally for all of them.\u201D\n";
  EntityMentions em = ExtractFrom(s);
  ASSERT_EQ(em.quotes.size(), 1u);
  EXPECT_NE(Slice(s, em.quotes[0]).find("hire locally"), std::string::npos);
  EXPECT_EQ(em.quotes[0].speaker_name, "Tom Keller");
}

TEST(Quotes, UnbalancedAndScareQuotesAreDropped) {
  std::string s = "It called the plan \"efficiency gains\" and \"a reset.\nThe next line has no closing mark at all\n";
  EntityMentions em = ExtractFrom(s);
  EXPECT_TRUE(em.quotes.empty());
}

TEST(Quotes, EverySeedQuoteHasASpeaker) {
  std::filesystem::path dir = std::filesystem::path(CORROBORATE_SHARED_DIR) / "seeds";
  if (!std::filesystem::exists(dir)) GTEST_SKIP() << "no seeds at " << dir;
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    std::string name = entry.path().filename().string();
    if (name.rfind("002_", 0) != 0 && name.rfind("003_", 0) != 0) continue;
    std::ifstream in(entry.path());
    std::stringstream ss;
    ss << in.rdbuf();
    EntityMentions em = ExtractFrom(ss.str());
    ++files;
    size_t with_speaker = 0, long_quotes = 0;
    for (const QuoteMention& q : em.quotes) {
      if (q.end - q.start < 80) continue;  // the short scare quotes need no speaker
      ++long_quotes;
      with_speaker += !q.speaker_name.empty() && !q.speaker_role.empty();
    }
    EXPECT_GE(long_quotes, 4u) << name;
    EXPECT_EQ(with_speaker, long_quotes) << name;
  }
  EXPECT_EQ(files, 2);
}

}  // namespace
TEST(Quotes, WhatAnOrganisationDescribedAsIsItsQuote) {
  // A fragment the company is said to have described its plan with belongs to the company.
  EntityMentions em = ExtractFrom(
      "Orvane Corp. cut 300 jobs in a plan Orvane described as a way to \"move faster and spend less.\"");
  ASSERT_EQ(em.quotes.size(), 1u);
  EXPECT_EQ(em.quotes[0].speaker_name, "Orvane");
}

}  // namespace corroborate
