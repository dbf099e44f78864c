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


namespace {

// The speaker the article's only (or `k`-th) quotation gets.
std::string SpeakerOf(const std::string& text, size_t k = 0) {
  EntityMentions em = ExtractFrom(text);
  return k < em.quotes.size() ? em.quotes[k].speaker_name : "<no quote " + std::to_string(k) + ">";
}

TEST(QuoteForms, NameSaidBeforeTheQuote) {
  EXPECT_EQ(SpeakerOf("Laura Bennett said: \u201CThe new line will be ready by spring.\u201D"), "Laura Bennett");
  EXPECT_EQ(SpeakerOf("Laura Bennett said in an interview, \"The new line will be ready by spring.\""), "Laura Bennett");
}

TEST(QuoteForms, SaidNameWithATitle) {
  // "Sen." and "Gov." are titles, not parts of the name.
  EXPECT_EQ(SpeakerOf("\"We will hold hearings on the merger,\" said Sen. Mara Quill."), "Mara Quill");
  EXPECT_EQ(SpeakerOf("\"The budget is balanced this year,\" Gov. Dale Romero said."), "Dale Romero");
}

TEST(QuoteForms, AppositionBetweenNameAndVerb) {
  EXPECT_EQ(SpeakerOf("\"The vote was never close,\" Mara Quill, a Vermont Democrat, said on Tuesday."), "Mara Quill");
  EXPECT_EQ(SpeakerOf("\"The vote was never close,\" Rep. Tom Keller (R-Ohio) said."), "Tom Keller");
  EXPECT_EQ(SpeakerOf("Rep. Tom Keller, R-Ohio, said the bill was \"a gift to the largest banks.\""), "Tom Keller");
}

TEST(QuoteForms, RoleBeforeTheName) {
  EXPECT_EQ(SpeakerOf("\"Demand is back,\" said Orvane chief financial officer Helen Park."), "Helen Park");
  EXPECT_EQ(SpeakerOf("\"Demand is back,\" said Orvane's president and chief executive, Helen Park."), "Helen Park");
}

TEST(QuoteForms, ToldWroteAndInterviewObjectsAreNotSpeakers) {
  // The listener, the platform and the interviewer are not who spoke.
  EXPECT_EQ(SpeakerOf("\"Prices will fall next year,\" Tom Keller told Reuters."), "Tom Keller");
  EXPECT_EQ(SpeakerOf("Tom Keller wrote on Twitter: \"Prices will fall next year.\""), "Tom Keller");
  EXPECT_EQ(SpeakerOf("In an interview with Reuters, Tom Keller said \"prices will fall next year.\""), "Tom Keller");
  EXPECT_EQ(SpeakerOf("Tom Keller told reporters that \"prices will fall next year.\""), "Tom Keller");
}

TEST(QuoteForms, PartialQuoteInsideASentence) {
  EXPECT_EQ(SpeakerOf("Laura Bennett called the plan \"a costly mistake for everyone\" and left."), "Laura Bennett");
  EXPECT_EQ(SpeakerOf("The plan was praised by Laura Bennett as \"a model for the region.\""), "Laura Bennett");
  EXPECT_EQ(SpeakerOf("The harbour is the \"busiest it has been in years,\" said Tom Keller."), "Tom Keller");
}

TEST(QuoteForms, AccordingToAndQuotedAsSaying) {
  EXPECT_EQ(SpeakerOf("\"The mine will close in June,\" according to Helen Park."), "Helen Park");
  EXPECT_EQ(SpeakerOf("The Daily Ledger quoted Helen Park as saying \"the mine will close in June.\""), "Helen Park");
}

TEST(QuoteForms, ParticipleTakesTheClauseSubject) {
  EXPECT_EQ(SpeakerOf("Laura Bennett defended the merger with Orvane, saying \"it will save both firms.\""), "Laura Bennett");
}

TEST(QuoteForms, TheNextSentenceIsNotAnAttribution) {
  // The quotation ends its sentence; the next one reports someone else's words about another thing.
  EntityMentions em = ExtractFrom("Laura Bennett spoke first. \"The line will be ready by spring.\" Tom Keller said "
                                  "on Monday that the budget was final.");
  ASSERT_EQ(em.quotes.size(), 1u);
  EXPECT_NE(em.quotes[0].speaker_name, "Tom Keller");
}

TEST(QuoteForms, ParagraphsThatContinueOneSpeaker) {
  // The speaker is named in the first paragraph only; the next paragraphs are quotations alone.
  std::string s = "\"We expect a much stronger year,\" said Laura Bennett, chief executive of Globex.\n"
                  "\"Orders doubled in the spring.\"\n"
                  "\"And the new plant is ahead of plan.\"\n";
  EntityMentions em = ExtractFrom(s);
  ASSERT_EQ(em.quotes.size(), 3u);
  for (const QuoteMention& q : em.quotes) EXPECT_EQ(q.speaker_name, "Laura Bennett");
}

TEST(QuoteForms, ShortQuoteNeedsASpeakerOfItsOwn) {
  // Three words with a speaker are a quotation; three words without one are not, nor is a title.
  EXPECT_EQ(SpeakerOf("Tom Keller said the harbour was \"never this quiet\" before."), "Tom Keller");
  EXPECT_TRUE(ExtractFrom("The harbour was \"never this quiet\" before the storm.").quotes.empty());
  EXPECT_TRUE(ExtractFrom("Her album \"Songs of the Harbour Town\" sold well.").quotes.empty());
}

}  // namespace
}  // namespace corroborate
