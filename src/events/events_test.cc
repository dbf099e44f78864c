// Tests of the events stage on sentences we wrote: triggers, roles, status, merging in one article.
#include <gtest/gtest.h>

#include "clean/cleaner.h"
#include "events/extract_events.h"
#include "events/lexicon.h"
#include "extract/extract.h"
#include "text/segment.h"

namespace corroborate {
namespace {

Article MakeArticle(const std::string& text, const std::string& published = "2025-06-12") {
  Article a;
  a.id = "t";
  a.published = published;
  a.text = text;
  a.paragraphs = FindParagraphs(a.text);
  a.sentences = FindSentences(a.text, a.paragraphs);
  return a;
}

std::vector<Event> Events(const Article& a) { return ExtractEvents(a, ExtractMentions(a)); }

const Event* FindType(const std::vector<Event>& evs, EventType t, size_t nth = 0) {
  for (const Event& e : evs) {
    if (e.type == t && nth-- == 0) return &e;
  }
  return nullptr;
}

std::string RoleText(const Event& e, const char* role) {
  const RoleValue* v = e.Find(role);
  return v ? v->text : "";
}
double RoleNumber(const Event& e, const char* role) {
  const RoleValue* v = e.Find(role);
  return v ? v->quantity.value : -1;
}

TEST(EventLexicon, MatchesLongestPhrase) {
  const auto& lex = events::EventLexicon::Get();
  std::vector<std::string_view> w = {"in", "advanced", "talks", "to", "invest"};
  size_t len = 0;
  const events::StatusEntry* s = lex.MatchStatus(w, 1, &len);
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->status, EventStatus::kInTalks);
  EXPECT_EQ(s->stage, TalkStage::kAdvanced);
  EXPECT_EQ(len, 2u);
  const events::TriggerEntry* t = lex.MatchTrigger(w, 4, &len);
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->type, EventType::kInvestment);
}

TEST(ExtractEvents, InvestmentWithHedgedStage) {
  Article a = MakeArticle("Globex Corp is in preliminary talks to invest up to $2 billion in Initech, people familiar with the matter said.");
  auto evs = Events(a);
  const Event* e = FindType(evs, EventType::kInvestment);
  ASSERT_NE(e, nullptr);
  EXPECT_TRUE(SameParty(RoleText(*e, "investor"), "Globex Corp"));
  EXPECT_EQ(RoleText(*e, "investee"), "Initech");
  EXPECT_DOUBLE_EQ(RoleNumber(*e, "amount"), 2e9);
  EXPECT_EQ(e->status, EventStatus::kInTalks);
  EXPECT_EQ(e->stage, TalkStage::kPreliminary);
}

TEST(ExtractEvents, LayoffsAnnouncedAndCumulativeKeptApart) {
  Article a = MakeArticle(
      "Globex Corp confirmed it would eliminate about 2,000 jobs. "
      "The cuts follow 1,500 layoffs in March, bringing total job reductions to roughly 3,500.");
  auto evs = Events(a);
  int single = 0, cumulative = 0;
  for (const Event& e : evs) {
    if (e.type != EventType::kLayoffs) continue;
    EXPECT_TRUE(SameParty(RoleText(e, "company"), "Globex Corp"));
    if (e.cumulative) {
      ++cumulative;
      EXPECT_DOUBLE_EQ(RoleNumber(e, "count"), 3500);
    } else {
      ++single;
    }
  }
  EXPECT_EQ(single, 2);  // 2,000 and 1,500
  EXPECT_EQ(cumulative, 1);
  const Event* first = FindType(evs, EventType::kLayoffs);
  ASSERT_NE(first, nullptr);
  EXPECT_DOUBLE_EQ(RoleNumber(*first, "count"), 2000);
  EXPECT_EQ(first->status, EventStatus::kAnnounced);
}

TEST(ExtractEvents, StandInsResolveToTheOrganisationBefore) {
  Article a = MakeArticle(
      "Globex Corp is chasing a large capital raise. Reuters reported that the company is seeking as much as "
      "$400 million in fresh funding, which could value it at up to $3 billion.");
  auto evs = Events(a);
  const Event* r = FindType(evs, EventType::kFundingRound);
  ASSERT_NE(r, nullptr);
  EXPECT_TRUE(SameParty(RoleText(*r, "company"), "Globex Corp"));
  EXPECT_DOUBLE_EQ(RoleNumber(*r, "amount"), 4e8);
  EXPECT_DOUBLE_EQ(RoleNumber(*r, "valuation"), 3e9);
  EXPECT_EQ(FindType(evs, EventType::kValuation), nullptr);  // a hoped-for value is the round's
}

TEST(ExtractEvents, ConditionalHedgeIsNotAStatus) {
  Article a = MakeArticle("If completed, the investment by Globex Corp in Initech would be its largest.");
  auto evs = Events(a);
  const Event* e = FindType(evs, EventType::kInvestment);
  ASSERT_NE(e, nullptr);
  EXPECT_NE(e->status, EventStatus::kCompleted);
}

TEST(ExtractEvents, QuotedSpeechStatesNoEvents) {
  Article a = MakeArticle("\"Globex will cut 4,000 jobs,\" said one analyst.");
  EXPECT_EQ(FindType(Events(a), EventType::kLayoffs), nullptr);
}

TEST(ExtractEvents, StockMoveFacilityAndCapex) {
  Article a = MakeArticle(
      "Shares in Globex Corp fell 3.5% on Tuesday. "
      "Globex Corp opened a $900 million plant in Ohio last year. "
      "Globex Corp expects capital expenditures to reach about $5 billion in 2026.");
  auto evs = Events(a);
  const Event* s = FindType(evs, EventType::kStockMove);
  ASSERT_NE(s, nullptr);
  EXPECT_DOUBLE_EQ(RoleNumber(*s, "change"), -3.5);
  const Event* f = FindType(evs, EventType::kFacility);
  ASSERT_NE(f, nullptr);
  EXPECT_DOUBLE_EQ(RoleNumber(*f, "amount"), 9e8);
  EXPECT_EQ(RoleText(*f, "location"), "Ohio");
  const Event* c = FindType(evs, EventType::kCapex);
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(RoleText(*c, "period"), "2026");
}

TEST(ValuesAgree, RoundingQualifiersAndPeriods) {
  RoleValue a, b;
  a.kind = b.kind = RoleValue::Kind::kQuantity;
  a.quantity.kind = b.quantity.kind = QuantityKind::kMoney;
  a.quantity.value = 830e9;
  a.quantity.qualifier = Qualifier::kUpTo;
  b.quantity.value = 830e9;
  b.quantity.qualifier = Qualifier::kAbout;
  EXPECT_TRUE(ValuesAgree(a, b));
  b.quantity.value = 1100;
  a.quantity.value = 900;
  EXPECT_FALSE(ValuesAgree(a, b));
  RoleValue d1, d2;
  d1.kind = d2.kind = RoleValue::Kind::kDate;
  d1.date.grain = DateGrain::kYear;
  d1.date.year = 2024;
  d2.date.grain = DateGrain::kMonth;
  d2.date.year = 2025;
  d2.date.month = 10;
  EXPECT_FALSE(ValuesAgree(d1, d2));
  d1.date.year = 2025;
  EXPECT_TRUE(ValuesAgree(d1, d2));
  EXPECT_TRUE(SameParty("Globex Group", "Globex"));
  EXPECT_FALSE(SameParty("Globex", "Initech"));
}

TEST(ExtractEvents, ValuationGoesToTheNearestOffering) {
  Article a = MakeArticle(
      "Globex Corp is raising fresh capital as it prepares for a potential initial public offering that could value the "
      "company at $90 billion.");
  auto evs = Events(a);
  const Event* ipo = FindType(evs, EventType::kIpo);
  ASSERT_NE(ipo, nullptr);
  EXPECT_DOUBLE_EQ(RoleNumber(*ipo, "valuation"), 90e9);
  const Event* round = FindType(evs, EventType::kFundingRound);
  if (round != nullptr) EXPECT_EQ(round->Find("valuation"), nullptr);
}

TEST(ExtractEvents, PercentNearCutsIsAShareMoveNotAJobShare) {
  Article a = MakeArticle(
      "Globex said it would cut 1,200 jobs. The announcement sent Globex shares down 3.5% on the day.");
  auto evs = Events(a);
  const Event* cut = FindType(evs, EventType::kLayoffs);
  ASSERT_NE(cut, nullptr);
  EXPECT_EQ(cut->Find("share"), nullptr);
  const Event* move = FindType(evs, EventType::kStockMove);
  ASSERT_NE(move, nullptr);
  EXPECT_DOUBLE_EQ(RoleNumber(*move, "change"), -3.5);
}

TEST(ExtractEvents, PlaceAdjectivesAndShortFormsAreNotParties) {
  // "Lisbon-based" and "Iberian" describe the group; "Tessel" is short for the full name.
  Article a = MakeArticle(
      "Tessel Freight has agreed to buy Brio Docks for $700 million, bringing four Iberian terminals under the "
      "Lisbon-listed group.\n\nThe Lisbon-based group employs about 6,000 people. It plans to cut up to 300 jobs, "
      "the people said.\n\nShares in Tessel fell 2.5% in Lisbon trading.");
  auto evs = Events(a);
  for (const Event& e : evs) {
    for (const Role& r : e.roles) {
      EXPECT_NE(r.value.text, "Lisbon") << r.name;
      EXPECT_NE(r.value.text, "Iberian") << r.name;
    }
  }
  const Event* cut = FindType(evs, EventType::kLayoffs);
  ASSERT_NE(cut, nullptr);
  EXPECT_EQ(RoleText(*cut, "company"), "Tessel Freight");
  const Event* move = FindType(evs, EventType::kStockMove);
  ASSERT_NE(move, nullptr);
  EXPECT_EQ(RoleText(*move, "company"), "Tessel Freight");
}

TEST(ExtractEvents, ANominalObjectIsNotItsOwnClausesSubject) {
  Article a = MakeArticle(
      "Globex is hedging its bets. The company has also backed Initech, a younger rival. By early 2030, Globex had "
      "invested about $3 billion in the startup and built a $2 billion data centre campus in Ohio.");
  auto evs = Events(a);
  const Event* inv = FindType(evs, EventType::kInvestment);
  ASSERT_NE(inv, nullptr);
  EXPECT_EQ(RoleText(*inv, "investee"), "Initech");
  EXPECT_DOUBLE_EQ(RoleNumber(*inv, "amount"), 3e9);
  const Event* site = FindType(evs, EventType::kFacility);
  ASSERT_NE(site, nullptr);
  ASSERT_NE(site->Find("date"), nullptr);  // the opening date covers both clauses
  EXPECT_EQ(site->Find("date")->text, "2030");
}

TEST(ExtractEvents, ANameModifyingANounIsNoSubject) {
  // "the Zephyr family of models": Zephyr is a product line, the round is Initech Labs'.
  Article a = MakeArticle(
      "Initech Labs develops the Zephyr family of models and recently closed a funding round that valued the "
      "company at roughly $40 billion.");
  auto evs = Events(a);
  const Event* val = FindType(evs, EventType::kValuation);
  ASSERT_NE(val, nullptr);
  EXPECT_EQ(RoleText(*val, "company"), "Initech Labs");
  EXPECT_DOUBLE_EQ(RoleNumber(*val, "amount"), 40e9);
}

TEST(ExtractEvents, ADateBelongsToTheNearerOfTwoCuts) {
  Article a = MakeArticle(
      "Globex Corp said it would cut 3,000 jobs. This latest round of cuts follows layoffs of about 2,000 staff in "
      "March 2025, bringing total job reductions to roughly 5,000.");
  auto evs = Events(a);
  for (const Event& e : evs) {
    if (e.type != EventType::kLayoffs) continue;
    const RoleValue* d = e.Find("date");
    if (RoleNumber(e, "count") == 2000) {
      ASSERT_NE(d, nullptr);
      EXPECT_EQ(d->text, "2025-03");
    } else {
      EXPECT_TRUE(d == nullptr || d->text != "2025-03") << RoleNumber(e, "count");
    }
  }
}

TEST(ExtractEvents, OneSentenceTellsOfOneRound) {
  // The investor of the round is not its company; "which seeks to raise" is the round's verb.
  Article a = MakeArticle(
      "The deal would make Globex Corp the single largest investor in Initech Labs's latest funding round, which "
      "seeks to raise up to $10 billion.");
  auto evs = Events(a);
  const Event* round = FindType(evs, EventType::kFundingRound);
  ASSERT_NE(round, nullptr);
  EXPECT_EQ(RoleText(*round, "company"), "Initech Labs");
  EXPECT_DOUBLE_EQ(RoleNumber(*round, "amount"), 10e9);
  EXPECT_EQ(FindType(evs, EventType::kFundingRound, 1), nullptr);
}

TEST(ExtractEvents, ClausesKeepTheirOwnHedgesDatesAndObjects) {
  Article a = MakeArticle(
      "The talks are striking because Globex Corp has already invested $2 billion in Initech Labs, a startup "
      "founded in 2019. Despite that, Globex Corp has been in discussions with Umbrella Systems about a potential "
      "investment.");
  auto evs = Events(a);
  const Event* done = nullptr;
  const Event* talks = nullptr;
  for (const Event& e : evs) {
    if (e.type != EventType::kInvestment) continue;
    if (RoleText(e, "investee") == "Initech Labs") done = &e;
    if (RoleText(e, "investee") == "Umbrella Systems") talks = &e;
  }
  ASSERT_NE(done, nullptr);
  EXPECT_EQ(done->status, EventStatus::kCompleted);  // "the talks" are another clause's
  EXPECT_EQ(done->Find("date"), nullptr);             // 2019 dates the founding, not the investment
  ASSERT_NE(talks, nullptr);
  EXPECT_TRUE(SameParty(RoleText(*talks, "investor"), "Globex Corp"));
}

TEST(ExtractEvents, ABareNamePastACommaIsNoObject) {
  Article a = MakeArticle(
      "Initech Labs is raising money. If the investment reaches its upper range, Globex Corp could emerge as the "
      "largest backer.");
  for (const Event& e : Events(a)) {
    if (e.type == EventType::kInvestment) EXPECT_NE(RoleText(e, "investee"), "Globex Corp");
  }
}

TEST(ExtractEvents, NounInvestmentsTakeTheirInvesteeThroughIn) {
  Article a = MakeArticle(
      "Globex Corp is in talks to lead Initech Labs's round with a $5 billion investment. The proposed investment "
      "would change the dynamics with rivals Umbrella Systems and Hooli.");
  for (const Event& e : Events(a)) {
    if (e.type != EventType::kInvestment) continue;
    EXPECT_TRUE(SameParty(RoleText(e, "investor"), "Globex Corp")) << RoleText(e, "investor");
    EXPECT_NE(RoleText(e, "investee"), "Umbrella Systems");
  }
}

}  // namespace
}  // namespace corroborate
