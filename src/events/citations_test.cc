// Tests of cited origins (citations.h) and news organisation names (news_outlets.h), on sentences
// we wrote about invented companies: each attribution form the issue names, its scope, and what is
// no attribution.
#include <gtest/gtest.h>

#include "events/citations.h"
#include "events/extract_events.h"
#include "events/news_outlets.h"
#include "extract/extract.h"
#include "text/segment.h"

namespace corroborate {
namespace {

Article MakeArticle(const std::string& text) {
  Article a;
  a.id = "t";
  a.published = "2025-06-12";
  a.text = text;
  a.paragraphs = FindParagraphs(a.text);
  a.sentences = FindSentences(a.text, a.paragraphs);
  return a;
}

// The citation of each sentence of `text`.
std::vector<Citation> Cite(const std::string& text) {
  Article a = MakeArticle(text);
  Mentions m = ExtractMentions(a);
  events::ArticleWords w = events::BuildWords(a, m);
  return events::SentenceCitations(a, m, w);
}

// The cited origin of the first event's `role`, or "(none)" when there is no such event or role.
std::string CitedFor(const std::string& text, EventType type, const char* role) {
  Article a = MakeArticle(text);
  for (const Event& e : ExtractEvents(a, ExtractMentions(a))) {
    if (e.type != type) continue;
    const RoleValue* v = e.Find(role);
    return v ? v->cited.origin : "(none)";
  }
  return "(none)";
}

TEST(NewsOutletName, NamesEachOrganisationOneWay) {
  // The list's names, our aliases, a leading "the", any case, and web addresses all lead to one name.
  EXPECT_EQ(NewsOutletName("Wall Street Journal"), "The Wall Street Journal");
  EXPECT_EQ(NewsOutletName("the wall street journal"), "The Wall Street Journal");
  EXPECT_EQ(NewsOutletName("WSJ"), "The Wall Street Journal");
  EXPECT_EQ(NewsOutletName("https://www.wsj.com/articles/some-story"), "The Wall Street Journal");
  EXPECT_EQ(NewsOutletName("Bloomberg News"), "Bloomberg");
  EXPECT_EQ(NewsOutletName("money.cnn.com"), "CNN");  // a subdomain of a listed domain
  EXPECT_EQ(NewsOutletName("The Associated Press"), "Associated Press");
  // Organisations that are no news publishers, and unknown names, are none.
  EXPECT_EQ(NewsOutletName("Globex"), "");
  EXPECT_EQ(NewsOutletName("example.org"), "");
}

TEST(Citations, NamedNewsOrganisations) {
  EXPECT_EQ(CitedFor("Globex is in talks to invest up to $2 billion in Initech, according to Bloomberg.",
                     EventType::kInvestment, "amount"),
            "Bloomberg");
  EXPECT_EQ(CitedFor("The Wall Street Journal reported that Globex plans to invest $2 billion in Initech.",
                     EventType::kInvestment, "amount"),
            "The Wall Street Journal");
  EXPECT_EQ(CitedFor("Globex is in talks to invest $2 billion in Initech, two people briefed on the plans told Reuters.",
                     EventType::kInvestment, "amount"),
            "Reuters");  // the news organisation, not its unnamed sources
  EXPECT_EQ(CitedFor("Globex will invest $2 billion in Initech, WSJ reported on Tuesday.", EventType::kInvestment,
                     "amount"),
            "The Wall Street Journal");
}

TEST(Citations, UnnamedSourcesSpokespeopleAndFilings) {
  EXPECT_EQ(CitedFor("Globex is in talks to invest $2 billion in Initech, people familiar with the matter said.",
                     EventType::kInvestment, "amount"),
            "people familiar with the matter");
  EXPECT_EQ(CitedFor("Globex is in talks to invest $2 billion in Initech, sources said.", EventType::kInvestment,
                     "amount"),
            "sources");
  EXPECT_EQ(CitedFor("Globex will invest $2 billion in Initech, a spokesperson said.", EventType::kInvestment,
                     "amount"),
            "a spokesperson");
  EXPECT_EQ(CitedFor("Globex agreed to invest $2 billion in Initech, it said in a regulatory filing.",
                     EventType::kInvestment, "amount"),
            "a regulatory filing");
}

TEST(Citations, ScopeIsTheSentenceAndWhatCarriesItOn) {
  std::vector<Citation> c = Cite(
      "Globex plans to raise $3 billion, Bloomberg reported. "
      "The company also wants a new chief executive. "
      "The money would fund two factories, the report added.");
  ASSERT_EQ(c.size(), 3u);
  EXPECT_EQ(c[0].origin, "Bloomberg");
  EXPECT_TRUE(c[0].news_outlet);
  EXPECT_EQ(c[1].origin, "");           // a sentence that does not carry the attribution on cites nobody
  EXPECT_EQ(c[2].origin, "Bloomberg");  // "the report added" carries it on
}

TEST(Citations, BackReferencesGoToAnEarlierCitationOfTheirKind) {
  std::vector<Citation> c = Cite(
      "Globex is close to a deal for Initech, people familiar with the matter said. "
      "Its chairman, Ada Moss, said the talks were friendly. "
      "Globex would pay about $4 billion, the people said.");
  ASSERT_EQ(c.size(), 3u);
  EXPECT_EQ(c[1].origin, "Ada Moss");
  // "the people" are the unnamed people of the first sentence, not the chairman quoted since.
  EXPECT_EQ(c[2].origin, "people familiar with the matter");
}

TEST(Citations, RumoursCiteNobodyAndTellersAreSources) {
  std::vector<Citation> c = Cite(
      "Globex is said to be considering a bid for Initech. "
      "Globex is reportedly weighing a sale of its cloud unit. "
      "Globex told employees it would close the plant.");
  ASSERT_EQ(c.size(), 3u);
  EXPECT_EQ(c[0].origin, "");  // "is said to": the subject is not the source
  EXPECT_EQ(c[1].origin, "");  // "reportedly" names no one
  // "told employees": the audience is no source; the teller is, the company speaking for itself.
  EXPECT_EQ(c[2].origin, "Globex");
  EXPECT_FALSE(c[2].news_outlet);
}

TEST(Citations, QuotationsDoNotCite) {
  // The words inside a quotation are the speaker's: "the report said" within them cites nothing.
  std::vector<Citation> c = Cite("Globex chief Ada Moss said: \"We read what the report said and disagree.\"");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].origin, "Ada Moss");  // the sentence cites its speaker, not "the report"
}

}  // namespace
}  // namespace corroborate
