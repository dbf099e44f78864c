// Tests for resolving speakers (speaker_resolve.h, through entities.h) on our own sentences:
// surnames and titles to full names, pronouns by the sex of given names, roles, descriptions,
// organisations, and the words that name each speaker (speaker_mention).
#include "extract/entities.h"

#include <gtest/gtest.h>

#include <string>

namespace corroborate {
namespace {

EntityMentions ExtractFrom(const std::string& text) {
  Article a;
  a.text = text;
  return ExtractEntities(a);
}

std::string MentionOf(const std::string& text, const QuoteMention& q) {
  return text.substr(q.mention_start, q.mention_end - q.mention_start);
}

TEST(SpeakerResolve, SurnameAndTitleLeadToTheFullName) {
  std::string s = "Wells Harbor chief executive Timothy R. Sloane spoke on Monday.\n"
                  "\"We made mistakes,\" Mr. Sloane said.\n"
                  "\"We are fixing them,\" said Sloane.\n";
  EntityMentions em = ExtractFrom(s);
  ASSERT_EQ(em.quotes.size(), 2u);
  for (const QuoteMention& q : em.quotes) {
    EXPECT_EQ(q.speaker_name, "Timothy R. Sloane");
    EXPECT_EQ(q.speaker_kind, SpeakerKind::kResolved);
    EXPECT_EQ(q.speaker_role, "chief executive");
  }
  EXPECT_EQ(MentionOf(s, em.quotes[0]), "Mr. Sloane");
  EXPECT_EQ(MentionOf(s, em.quotes[1]), "Sloane");
}

TEST(SpeakerResolve, PronounsFollowTheSexOfGivenNames) {
  // Two people, a man and a woman: "she" skips the more recent man, "he" takes him.
  std::string s = "Laura Bennett met Thomas Reed at the plant.\n"
                  "\"The line is ready,\" she said.\n"
                  "\"We start on Monday,\" he said.\n";
  EntityMentions em = ExtractFrom(s);
  ASSERT_EQ(em.quotes.size(), 2u);
  EXPECT_EQ(em.quotes[0].speaker_name, "Laura Bennett");
  EXPECT_EQ(em.quotes[1].speaker_name, "Thomas Reed");
  EXPECT_EQ(MentionOf(s, em.quotes[0]), "she");
}

TEST(SpeakerResolve, PronounPrefersAPersonOfKnownSex) {
  // "Kestrel Vane" says nothing of its bearer's sex (and may be no person); "she" is Laura
  // Bennett, named two sentences before.
  std::string s = "Laura Bennett runs the yard.\n"
                  "Her new ship is called Kestrel Vane.\n"
                  "Kestrel Vane sailed on Monday.\n"
                  "\"It was a perfect launch,\" she said.\n";
  EXPECT_EQ(ExtractFrom(s).quotes.at(0).speaker_name, "Laura Bennett");
}

TEST(SpeakerResolve, PronounPrefersThePersonAReportingVerbFollows) {
  // Both are men; Reed is named first, but Keller is the one said to speak.
  std::string s = "After praising Thomas Reed, Tom Keller said the deal was done.\n"
                  "\"It took a year,\" he said.\n";
  EXPECT_EQ(ExtractFrom(s).quotes.at(0).speaker_name, "Tom Keller");
}

TEST(SpeakerResolve, TitleLeadsToThePersonGivenIt) {
  // "the chairman" is the person the article called chairman, not the latest person named.
  std::string s = "Orvane's chairman, Harold Quint, and its auditor, Nina Ford, met the board.\n"
                  "\"We never comment on pending matters,\" the chairman said.\n";
  EntityMentions em = ExtractFrom(s);
  ASSERT_EQ(em.quotes.size(), 1u);
  EXPECT_EQ(em.quotes[0].speaker_name, "Harold Quint");
  EXPECT_EQ(MentionOf(s, em.quotes[0]), "the chairman");
}

TEST(SpeakerResolve, DescriptionIsANominalSpeaker) {
  std::string s = "\"The plant will stay open,\" a spokeswoman for Orvane Corp. said.";
  EntityMentions em = ExtractFrom(s);
  ASSERT_EQ(em.quotes.size(), 1u);
  EXPECT_EQ(em.quotes[0].speaker_name, "");
  EXPECT_EQ(em.quotes[0].speaker_kind, SpeakerKind::kNominal);
  EXPECT_EQ(em.quotes[0].speaker_role, "spokeswoman");
  EXPECT_EQ(em.quotes[0].speaker_org, "Orvane");
  EXPECT_EQ(MentionOf(s, em.quotes[0]), "a spokeswoman for Orvane Corp");
}

TEST(SpeakerResolve, DescriptionKeepsTheOrganisationItWasIntroducedWith) {
  std::string s = "An Orvane Technologies spokesperson declined to comment on the report.\n"
                  "\"We do not comment on rumors,\" the spokesperson said.\n";
  EntityMentions em = ExtractFrom(s);
  ASSERT_EQ(em.quotes.size(), 1u);
  EXPECT_EQ(em.quotes[0].speaker_kind, SpeakerKind::kNominal);
  EXPECT_EQ(em.quotes[0].speaker_role, "spokesperson");
  EXPECT_EQ(em.quotes[0].speaker_org, "Orvane Technologies");
}

TEST(SpeakerResolve, OrganisationSpeaks) {
  EntityMentions em = ExtractFrom("Orvane Corp. said in a statement that \"no jobs will be lost in the merger.\"");
  ASSERT_EQ(em.quotes.size(), 1u);
  EXPECT_EQ(em.quotes[0].speaker_name, "Orvane");
  EXPECT_EQ(em.quotes[0].speaker_kind, SpeakerKind::kOrganisation);
  EXPECT_GE(em.quotes[0].speaker, 0);
}

TEST(SpeakerResolve, ADescribedPersonIsMoreRecentThanANamedOne) {
  // "he" stands for the man described after Tom Keller was named: no name for him.
  std::string s = "Tom Keller opened the festival.\n"
                  "A man who had hurt his ankle limped past the stage.\n"
                  "\"I work at the hotel,\" he said.\n";
  EntityMentions em = ExtractFrom(s);
  ASSERT_EQ(em.quotes.size(), 1u);
  EXPECT_EQ(em.quotes[0].speaker_name, "");
  EXPECT_EQ(em.quotes[0].speaker_kind, SpeakerKind::kNominal);
  EXPECT_EQ(em.quotes[0].speaker_role, "man");
}

TEST(SpeakerResolve, ASilentDescribedPersonIsNoAntecedent) {
  // The spokeswoman said nothing; "she" is still Laura Bennett.
  std::string s = "Laura Bennett opened the plant.\n"
                  "A spokeswoman for the ministry did not respond to a request for comment.\n"
                  "\"We hired two hundred people,\" she said.\n";
  EntityMentions em = ExtractFrom(s);
  ASSERT_EQ(em.quotes.size(), 1u);
  EXPECT_EQ(em.quotes[0].speaker_name, "Laura Bennett");
}

TEST(SpeakerResolve, SurnameOfANameTheEntityScanTookForAnOrganisation) {
  // "Zorvat" is in no list of given names; the article shortens the name to its last word, as it
  // does people's, so that is who speaks.
  std::string s = "Zorvat Keel bought the rocket maker in 2019.\n"
                  "\"We will fly in June,\" Keel said.\n";
  EntityMentions em = ExtractFrom(s);
  ASSERT_EQ(em.quotes.size(), 1u);
  EXPECT_EQ(em.quotes[0].speaker_name, "Zorvat Keel");
}

TEST(SpeakerResolve, NoSpeakerLeavesTheMentionEmpty) {
  EntityMentions em = ExtractFrom("The report ended with the line \"nothing more can be done here today.\"");
  ASSERT_EQ(em.quotes.size(), 1u);
  EXPECT_EQ(em.quotes[0].speaker_kind, SpeakerKind::kUnknown);
  EXPECT_EQ(em.quotes[0].mention_start, em.quotes[0].mention_end);
}

}  // namespace
}  // namespace corroborate
