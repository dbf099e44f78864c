// Tests of the frames that read a clause's grammar (frame_context.h, syntax.h), one per kind of
// error issue #20 found on real news, on sentences we wrote about invented companies: parties from
// grammatical roles, figures with their unit and sign, statuses from the verb group, relative
// clauses, possessives, and the new event types. Each expectation follows from the sentence's
// grammar, as the comment beside it says.
#include <gtest/gtest.h>

#include <algorithm>

#include "events/extract_events.h"
#include "extract/extract.h"
#include "text/segment.h"

namespace corroborate {
namespace {

std::vector<Event> EventsOf(const std::string& text, const std::string& title = "") {
  Article a;
  a.id = "t";
  a.title = title;
  a.published = "2025-06-12";  // a Thursday
  a.text = text;
  a.paragraphs = FindParagraphs(a.text);
  a.sentences = FindSentences(a.text, a.paragraphs);
  return ExtractEvents(a, ExtractMentions(a));
}

const Event* OfType(const std::vector<Event>& evs, EventType t) {
  for (const Event& e : evs) {
    if (e.type == t) return &e;
  }
  return nullptr;
}

std::string Text(const Event& e, const char* role) {
  const RoleValue* v = e.Find(role);
  return v ? v->text : "(none)";
}

double Number(const Event& e, const char* role) {
  const RoleValue* v = e.Find(role);
  return v && v->kind == RoleValue::Kind::kQuantity ? v->quantity.value : -1e18;
}

TEST(Frames, PartiesComeFromGrammaticalRolesNotTheNearestName) {
  // The appositive names another company; the subject of "won" is the one before it.
  auto evs = EventsOf("Northwind Avionics, a supplier to Globex Corp, won a $40 million order from the Ruritanian "
                      "Air Force for 12 radar units.");
  const Event* c = OfType(evs, EventType::kContract);
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(Text(*c, "seller"), "Northwind Avionics");
  EXPECT_EQ(Text(*c, "buyer"), "Ruritanian Air Force");
  EXPECT_EQ(Number(*c, "amount"), 40e6);
  EXPECT_EQ(Text(*c, "subject"), "12 radar units");
}

TEST(Frames, GoodsAreAContractACompanyAnAcquisition) {
  const Event* c = nullptr;
  auto goods = EventsOf("Meridian Airways has purchased 20 new Brightwing jets from Vantor Aerospace.");
  c = OfType(goods, EventType::kContract);
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(Text(*c, "buyer"), "Meridian Airways");
  EXPECT_EQ(Text(*c, "seller"), "Vantor Aerospace");
  EXPECT_EQ(OfType(goods, EventType::kAcquisition), nullptr);
  auto company = EventsOf("Meridian Airways has purchased the regional carrier Northwind Air for $300 million.");
  const Event* a = OfType(company, EventType::kAcquisition);
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(Text(*a, "acquirer"), "Meridian Airways");
  EXPECT_EQ(Text(*a, "target"), "Northwind Air");  // the description before the name is no stand-in
  EXPECT_EQ(Number(*a, "amount"), 300e6);
}

TEST(Frames, ARelativeClauseKeepsTheTargetAndTheAcquirerApart) {
  // "Y, which was acquired by X": the relative pronoun's antecedent is the passive's subject.
  auto evs = EventsOf("The chips come from Vantor Sensors, which was acquired by Halden Industries in 2019.");
  const Event* a = OfType(evs, EventType::kAcquisition);
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(Text(*a, "target"), "Vantor Sensors");
  EXPECT_EQ(Text(*a, "acquirer"), "Halden Industries");
  EXPECT_EQ(Text(*a, "date"), "2019");
  EXPECT_EQ(a->status, EventStatus::kCompleted);
}

TEST(Frames, TheStatusIsTheVerbGroups) {
  struct Case {
    const char* text;
    EventStatus want;
  } cases[] = {
      {"Halden Industries plans to acquire Vantor Sensors.", EventStatus::kPlanned},
      {"Halden Industries has agreed to acquire Vantor Sensors.", EventStatus::kAgreed},
      {"Halden Industries acquired Vantor Sensors last year.", EventStatus::kCompleted},
      {"Halden Industries is in advanced talks to acquire Vantor Sensors.", EventStatus::kInTalks},
      {"Halden Industries will acquire Vantor Sensors.", EventStatus::kAnnounced},
  };
  for (const Case& c : cases) {
    auto evs = EventsOf(c.text);
    const Event* a = OfType(evs, EventType::kAcquisition);
    ASSERT_NE(a, nullptr) << c.text;
    EXPECT_EQ(a->status, c.want) << c.text;
  }
  // A denied verb group states no event.
  EXPECT_EQ(OfType(EventsOf("Halden Industries did not acquire Vantor Sensors."), EventType::kAcquisition), nullptr);
}

TEST(Frames, APriceMoveKeepsItsSignAndUnit) {
  // A fall is negative; cents moved by are a change in money, the level reached after "to" the price;
  // the time of day is no figure at all.
  auto evs = EventsOf("Shares of Vantor Sensors fell 12 cents to $41.20 by 3:30 p.m. in New York.");
  const Event* m = OfType(evs, EventType::kStockMove);
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(Text(*m, "company"), "Vantor Sensors");
  EXPECT_DOUBLE_EQ(Number(*m, "change_amount"), -0.12);
  EXPECT_DOUBLE_EQ(Number(*m, "price"), 41.2);
  EXPECT_EQ(m->Find("change"), nullptr);
  auto pct = EventsOf("Halden Industries shares slid 4.5 percent on Thursday.");
  const Event* p = OfType(pct, EventType::kStockMove);
  ASSERT_NE(p, nullptr);
  EXPECT_DOUBLE_EQ(Number(*p, "change"), -4.5);
  EXPECT_EQ(Text(*p, "date"), "2025-06-12");
}

TEST(Frames, ADollarAfterAPossessiveIsADollar) {
  Article a;
  a.id = "t";
  a.text = "The company's $70 offer values the group at $4 billion.";
  a.paragraphs = FindParagraphs(a.text);
  a.sentences = FindSentences(a.text, a.paragraphs);
  Mentions m = ExtractMentions(a);
  ASSERT_FALSE(m.quantities.empty());
  EXPECT_EQ(std::string(m.quantities[0].currency), "USD");
  EXPECT_EQ(m.quantities[0].value, 70);
}

TEST(Frames, NamesAreNotMangled) {
  // A place word before a one-word short form makes a name of its own, not the longer name the
  // short form abbreviates elsewhere; a name is not written into itself.
  auto evs = EventsOf("Meridian Air ordered ten jets last month. Korean Air also bought 20 Skylark jets from Vantor "
                      "Aerospace.");
  bool korean = false;
  for (const Event& e : evs) korean |= e.type == EventType::kContract && Text(e, "buyer") == "Korean Air";
  EXPECT_TRUE(korean);
  auto legal = EventsOf("The Beatles' label Apple Corps has filed a lawsuit against Halden Industries.");
  const Event* l = OfType(legal, EventType::kLegal);
  ASSERT_NE(l, nullptr);
  EXPECT_EQ(Text(*l, "company"), "Halden Industries");
  EXPECT_EQ(Text(*l, "counterparty").find("Apple Corps Apple Corps"), std::string::npos);
}

TEST(Frames, WordsThatNameNoEventAbstain) {
  // A modifier noun, a noun sense of a verb trigger, a figure with no party: no events.
  EXPECT_EQ(OfType(EventsOf("Analysts at the investment bank Halden Partners were cautious."), EventType::kInvestment),
            nullptr);
  EXPECT_EQ(OfType(EventsOf("The jets have a catalogue value of $3.5 billion."), EventType::kValuation), nullptr);
  EXPECT_EQ(OfType(EventsOf("It will cost $250 with a two-year service contract."), EventType::kContract), nullptr);
}

TEST(Frames, LegalEvents) {
  const Event* l = nullptr;
  auto sued = EventsOf("Vantor Sensors sued Halden Industries over a patent.");
  l = OfType(sued, EventType::kLegal);
  ASSERT_NE(l, nullptr);
  EXPECT_EQ(Text(*l, "company"), "Halden Industries");  // the one sued, an organisation
  EXPECT_EQ(Text(*l, "counterparty"), "Vantor Sensors");
  EXPECT_EQ(Text(*l, "kind"), "lawsuit");
  EXPECT_EQ(l->status, EventStatus::kCompleted);
  auto fined = EventsOf("Halden Industries was fined $12 million by the Ruritanian Competition Authority.");
  l = OfType(fined, EventType::kLegal);
  ASSERT_NE(l, nullptr);
  EXPECT_EQ(Text(*l, "kind"), "fine");
  EXPECT_EQ(Text(*l, "company"), "Halden Industries");
  EXPECT_EQ(Number(*l, "amount"), 12e6);
  // An investigation needs whom it investigates.
  EXPECT_EQ(OfType(EventsOf("The Ruritanian Safety Board is probing two incidents."), EventType::kLegal), nullptr);
}

TEST(Frames, ExecutiveChanges) {
  auto gone = EventsOf("Ada Moss, founder of Halden Industries, has chosen to step down as chief executive.");
  const Event* x = OfType(gone, EventType::kExecutiveChange);
  ASSERT_NE(x, nullptr);
  EXPECT_EQ(Text(*x, "person"), "Ada Moss");
  EXPECT_EQ(Text(*x, "direction"), "departed");
  EXPECT_EQ(Text(*x, "position"), "chief executive");
  auto named = EventsOf("Halden Industries named Omar Reyes chief financial officer on Thursday.");
  x = OfType(named, EventType::kExecutiveChange);
  ASSERT_NE(x, nullptr);
  EXPECT_EQ(Text(*x, "person"), "Omar Reyes");
  EXPECT_EQ(Text(*x, "company"), "Halden Industries");
  EXPECT_EQ(Text(*x, "direction"), "appointed");
}

TEST(Frames, EarningsClosuresBankruptciesFinancing) {
  auto loss = EventsOf("Halden Industries posted a net loss of $45 million for the second quarter of 2025.");
  const Event* e = OfType(loss, EventType::kEarnings);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(Number(*e, "profit"), -45e6);  // a loss is a negative profit
  EXPECT_EQ(Text(*e, "period"), "2025-Q2");
  auto plant = EventsOf("Halden Industries will close its Ostrava plant next year.");
  e = OfType(plant, EventType::kClosure);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(Text(*e, "company"), "Halden Industries");
  EXPECT_EQ(OfType(EventsOf("Halden Industries shares closed at $12.40."), EventType::kClosure), nullptr);
  auto ch11 = EventsOf("Vantor Sensors filed for bankruptcy protection on Thursday.");
  e = OfType(ch11, EventType::kBankruptcy);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(Text(*e, "company"), "Vantor Sensors");
  auto loan = EventsOf("The Ruritanian Treasury will lend Vantor Sensors $200 million.");
  e = OfType(loan, EventType::kFinancing);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(Text(*e, "borrower"), "Vantor Sensors");
  EXPECT_EQ(Text(*e, "lender"), "Ruritanian Treasury");
  EXPECT_EQ(Number(*e, "amount"), 200e6);
}

TEST(Frames, ARaisedOfferKeepsItsEarlierValue) {
  // "raised its offer ... to $82 a share from $75": the per-share price is the new one, the old
  // one is kept as earlier; raising an offer raises no money (no funding round).
  auto evs = EventsOf("Halden Industries raised its offer for Vantor Sensors to $82 a share from $75 on Monday.");
  const Event* a = OfType(evs, EventType::kAcquisition);
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(Text(*a, "acquirer"), "Halden Industries");
  EXPECT_EQ(Text(*a, "target"), "Vantor Sensors");
  EXPECT_EQ(Number(*a, "price_per_share"), 82);
  ASSERT_EQ(a->Find("price_per_share")->earlier.size(), 1u);
  EXPECT_EQ(a->Find("price_per_share")->earlier[0].quantity.value, 75);
  EXPECT_EQ(a->Find("amount"), nullptr);  // a price a share is no total
  EXPECT_EQ(OfType(evs, EventType::kFundingRound), nullptr);
}

TEST(Frames, CoordinatedBuyersAreOneContractEach) {
  auto orders = EventsOf("Vantor Aerospace announced 35 new orders from Meridian Airways and Northwind Air.");
  std::vector<std::string> buyers;
  for (const Event& e : orders) {
    if (e.type == EventType::kContract) buyers.push_back(Text(e, "buyer"));
  }
  std::sort(buyers.begin(), buyers.end());
  EXPECT_EQ(buyers, (std::vector<std::string>{"Meridian Airways", "Northwind Air"}));
}

// A contract's seller may be left to the goods: the maker a model's name begins with, or the
// maker of a model in data/product_makers.tsv (a public list of aircraft models; the buyers here
// are invented). A model's name is never the seller itself.
TEST(Frames, TheMakerOfTheGoodsSellsThem) {
  auto named = EventsOf("Meridian Airways will purchase 30 Vantor 310 jets.");
  const Event* c = OfType(named, EventType::kContract);
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(Text(*c, "buyer"), "Meridian Airways");
  EXPECT_EQ(Text(*c, "seller"), "Vantor");  // "Vantor 310" is Vantor's model
  // The list says who makes the Dreamliner.
  auto listed = EventsOf("Meridian Airways also bought 20 Dreamliners earlier this month.");
  c = OfType(listed, EventType::kContract);
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(Text(*c, "seller"), "Boeing");
}

// "bought six of these aeroplanes", "have ordered 55": goods that name no model, in an article
// whose headline names one listed maker, are that maker's; any other headline, or goods that name
// something the list does not know, leave the seller empty.
TEST(Frames, UnnamedAircraftInAMakersArticleAreItsOwn) {
  const std::string sentence = "Meridian Airways has purchased six of these aeroplanes.";
  auto about_maker = EventsOf(sentence, "Airbus unveils its largest passenger plane");
  const Event* c = OfType(about_maker, EventType::kContract);
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(Text(*c, "buyer"), "Meridian Airways");
  EXPECT_EQ(Text(*c, "seller"), "Airbus");
  auto bare_count = EventsOf("Launch customer Meridian Airways have ordered 55.", "Boeing rolls out its new jet");
  c = OfType(bare_count, EventType::kContract);
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(Text(*c, "seller"), "Boeing");
  auto sum = EventsOf("Meridian Airways has ordered US$ 2 billion in new airliners.", "Boeing secures new orders");
  c = OfType(sum, EventType::kContract);
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(Text(*c, "seller"), "Boeing");
  EXPECT_EQ(Number(*c, "amount"), 2e9);
  for (const auto& [text, title] : std::vector<std::pair<std::string, std::string>>{
           {sentence, "Meridian Airways grows its fleet"},           // no maker in the headline
           {sentence, "Airbus and Boeing report their orders"},      // two makers
           {"Meridian Airways has purchased six delivery trucks.", "Airbus unveils its largest plane"}}) {  // no aircraft
    auto evs = EventsOf(text, title);
    c = OfType(evs, EventType::kContract);
    ASSERT_NE(c, nullptr) << text << " / " << title;
    EXPECT_EQ(Text(*c, "seller"), "(none)") << text << " / " << title;
  }
}

// The stock symbol in brackets after the company is its ticker; a noun of the same move after a
// dash restates it in percent ("slid $1.37 — a drop of over 5%": the fall is 5%, negative). A
// move of the other direction after the dash is not this one.
TEST(Frames, ATickerAndAMoveRestatedAfterADash) {
  auto evs = EventsOf("In late trading, Globex shares (GLBX) slid $1.37 in after-hours trading \u2014 a drop of over 5%.");
  const Event* m = OfType(evs, EventType::kStockMove);
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(Text(*m, "company"), "Globex");
  EXPECT_EQ(Text(*m, "ticker"), "GLBX");
  EXPECT_EQ(Number(*m, "change_amount"), -1.37);
  EXPECT_EQ(Number(*m, "change"), -5);
  auto other = EventsOf("Shares of Initech Corp fell $2 on Monday \u2014 a rise of 3% for its bonds.");
  m = OfType(other, EventType::kStockMove);
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(Text(*m, "ticker"), "(none)");
  EXPECT_EQ(Number(*m, "change"), -1e18);    // a rise restates no fall
}

// "with the Larks' record company, Zeta Records": a possessive's noun that stands for an
// organisation, named by an appositive, is what the preposition governs; a noun that names no
// organisation ("with Globex's approval, ...") makes nothing after the comma a party of it.
TEST(Frames, AnAppositiveAfterAPossessiveNamesTheParty) {
  auto evs = EventsOf("Initech Corp. announced Monday it has settled its long trademark dispute with the Larks' "
                      "record company, Zeta Records.");
  const Event* l = OfType(evs, EventType::kLegal);
  ASSERT_NE(l, nullptr);
  EXPECT_EQ(Text(*l, "company"), "Initech");
  EXPECT_EQ(Text(*l, "counterparty"), "Zeta Records");
  EXPECT_EQ(Text(*l, "kind"), "settlement");
  auto other = EventsOf("Initech settled its trademark dispute with Globex's approval, Zeta Records said on Monday.");
  l = OfType(other, EventType::kLegal);
  if (l != nullptr) EXPECT_NE(Text(*l, "counterparty"), "Zeta Records");
}

// A relative clause is a clause of its own: its date is the one inside it, not the main clause's
// one ("In 1996 he bought Pixel which was acquired by Globex in 2005" dates the second purchase 2005).
TEST(Frames, ARelativeClauseKeepsItsOwnDate) {
  // 1996 and 2005 are six words from "acquired" each way; the main clause's date must not win the tie.
  for (const std::string& text : {std::string("In 1996 he bought Pixel which was acquired by Globex Media Holdings "
                                              "Corp in 2005.")}) {
    auto evs = EventsOf(text);
    const Event* a = nullptr;
    for (const Event& e : evs) {
      if (e.type == EventType::kAcquisition && Text(e, "target") == "Pixel" && Text(e, "acquirer").rfind("Globex", 0) == 0) a = &e;
    }
    ASSERT_NE(a, nullptr) << text;
    EXPECT_EQ(Text(*a, "date"), "2005") << text;
  }
}

// A facility's purpose is what the article calls it, with the modifiers before the noun and the
// figure among them kept whole ("200,000" is one figure); a bare "factory" says nothing of it.
TEST(Frames, AFacilitysPurposeIsItsNounPhrase) {
  auto evs = EventsOf("Earlier this year, Globex Corp opened a 200,000 square foot data center in Ohio.");
  const Event* f = OfType(evs, EventType::kFacility);
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(Text(*f, "purpose"), "200,000 square foot data center");
  auto bare = EventsOf("Globex Corp will open a factory in Ohio next year.");
  f = OfType(bare, EventType::kFacility);
  if (f != nullptr) EXPECT_EQ(Text(*f, "purpose"), "(none)");
}

// Where a company floats: the words after "on" when they name a market; a day after "on" is none.
TEST(Frames, AFlotationsExchange) {
  auto evs = EventsOf("Globex Corp was floated on the London and Oslo stock exchanges in May 2019.");
  const Event* i = OfType(evs, EventType::kIpo);
  ASSERT_NE(i, nullptr);
  EXPECT_EQ(Text(*i, "exchange"), "London and Oslo stock exchanges");
  auto day = EventsOf("Globex Corp was floated on Tuesday after a delay.");
  i = OfType(day, EventType::kIpo);
  if (i != nullptr) EXPECT_EQ(Text(*i, "exchange"), "(none)");
}

// "reported record profits earlier this year" dates the report; "profit of $2 billion in 2024"
// names the period the results cover. The article is published 2025-06-12.
TEST(Frames, EarlierThisYearDatesTheReportNotThePeriod) {
  auto evs = EventsOf("Halden Industries posted a net profit of $45 million earlier this year.");
  const Event* e = OfType(evs, EventType::kEarnings);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(Text(*e, "date"), "2025");
  EXPECT_EQ(Text(*e, "period"), "(none)");
  auto period = EventsOf("Halden Industries posted a net profit of $45 million in 2024.");
  e = OfType(period, EventType::kEarnings);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(Text(*e, "period"), "2024");
  EXPECT_EQ(Text(*e, "date"), "(none)");
}

// "a contract to supply X with GOODS": X is the buyer and the goods follow "with", past a
// bracketed short name of X; a comma before "with" ends the phrase, and what follows is no goods.
TEST(Frames, GoodsSuppliedWithAfterTheBuyer) {
  auto evs = EventsOf("Northwind Avionics has won a $90 million contract to supply the Ruritanian Air Force (RAF) with "
                      "radar units for its transport fleet.");
  const Event* c = OfType(evs, EventType::kContract);
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(Text(*c, "seller"), "Northwind Avionics");
  EXPECT_EQ(Text(*c, "buyer"), "Ruritanian Air Force");
  EXPECT_EQ(Text(*c, "subject"), "radar units");  // "for its transport fleet" opens another role
  auto comma = EventsOf("Northwind Avionics has won a $90 million contract to supply the Ruritanian Air Force, with "
                        "deliveries from 2027.");
  c = OfType(comma, EventType::kContract);
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(Text(*c, "subject"), "(none)");
}

// "X and Y defeated Z to win an order": the rival Z is the object of "defeated", the "to" clause
// is the winners' (subject control, unlike "asked Z to bid"), and one order won together is sold
// by both. "defeated Z for a contract" wins it too; a figure restated in brackets in another
// currency is the same sum, the first is the one stated.
TEST(Frames, BeatingARivalToWinAContract) {
  auto evs = EventsOf("Last month, Halden Marine and Vantor Systems defeated Northwind Yards to win an order for 12 "
                      "frigates from the Ruritanian Navy.");
  const Event* c = OfType(evs, EventType::kContract);
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(Text(*c, "seller"), "Halden Marine, Vantor Systems");
  EXPECT_EQ(Text(*c, "buyer"), "Ruritanian Navy");
  EXPECT_EQ(Text(*c, "subject"), "12 frigates");
  auto for_contract = EventsOf("Halden Marine has defeated Northwind Yards for a US$ 2 billion (GB £1.6 billion) "
                               "contract to supply the Ruritanian Navy with 12 frigates.");
  c = OfType(for_contract, EventType::kContract);
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(Text(*c, "seller"), "Halden Marine");
  EXPECT_EQ(Text(*c, "buyer"), "Ruritanian Navy");
  EXPECT_EQ(Number(*c, "amount"), 2e9);
  EXPECT_EQ(std::string(c->Find("amount")->quantity.currency), "USD");
  EXPECT_EQ(Text(*c, "subject"), "12 frigates");
  EXPECT_EQ(c->status, EventStatus::kCompleted);  // "has defeated ... for": done
  // Orders in the plural may be one each: no joint seller is made of them.
  auto plural = EventsOf("Halden Marine and Vantor Systems won orders from the Ruritanian Navy for 12 frigates.");
  for (const Event& e : plural) {
    if (e.type == EventType::kContract) EXPECT_EQ(Text(e, "seller").find(", "), std::string::npos);
  }
}

// In an object relative clause ("X, which B has licensed from S") the goods are the antecedent of
// the pronoun: what one licenses is named like a company, and is goods after "licensed"; after
// other verbs the antecedent needs a count or a plural, as goods after the verb do.
TEST(Frames, TheGoodsOfAnObjectRelativeClauseAreItsAntecedent) {
  auto evs = EventsOf("The update adds support for Zephyr, which Halden Software has licensed from rival Initech.");
  const Event* c = OfType(evs, EventType::kContract);
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(Text(*c, "buyer"), "Halden Software");
  EXPECT_EQ(Text(*c, "seller"), "Initech");
  EXPECT_EQ(Text(*c, "subject"), "Zephyr");
  auto counted = EventsOf("The first of the 20 jets that Meridian Airways ordered from Vantor Aerospace arrived.");
  c = OfType(counted, EventType::kContract);
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(Text(*c, "buyer"), "Meridian Airways");
  EXPECT_EQ(Text(*c, "subject"), "20 jets");
  // "that" opening what is claimed, and a verb with an object of its own: no relative clause, so
  // no goods (and so no contract: "ordered" there is a command).
  auto content = EventsOf("The evidence matches the prosecutors' claims that Omar Reyes ordered Ada Moss to the roof.");
  EXPECT_EQ(OfType(content, EventType::kContract), nullptr);
}

// A departing person's appositive names the post left ("Ada Moss, formerly a Globex executive
// overseeing sales, is stepping down"): the organisation opening it, or after "of", is the post's
// company. An age is no post, and a post at another company than the one left is not the post left.
TEST(Frames, TheAppositiveOfADepartingPersonIsThePostLeft) {
  auto evs = EventsOf("Ada Moss, formerly a Halden Industries executive overseeing sales in Asia, is stepping down "
                      "from her post.");
  const Event* x = OfType(evs, EventType::kExecutiveChange);
  ASSERT_NE(x, nullptr);
  EXPECT_EQ(Text(*x, "person"), "Ada Moss");
  EXPECT_EQ(Text(*x, "direction"), "departed");
  EXPECT_EQ(Text(*x, "position"), "executive overseeing sales in Asia");
  EXPECT_EQ(Text(*x, "company"), "Halden Industries");
  auto of = EventsOf("Ada Moss, chief operating officer of Halden Industries, resigned on Monday.");
  x = OfType(of, EventType::kExecutiveChange);
  ASSERT_NE(x, nullptr);
  EXPECT_EQ(Text(*x, "position"), "chief operating officer");
  EXPECT_EQ(Text(*x, "company"), "Halden Industries");
  auto age = EventsOf("Halden Industries said that Ada Moss, 52, had left the company.");
  x = OfType(age, EventType::kExecutiveChange);
  if (x != nullptr) EXPECT_EQ(Text(*x, "position"), "(none)");
  auto other = EventsOf("Ada Moss, a former Initech executive, has resigned from Halden Industries.");
  x = OfType(other, EventType::kExecutiveChange);
  if (x != nullptr) EXPECT_EQ(Text(*x, "position"), "(none)");
}

// "Moss's post will be filled by Omar Reyes, the company's head of sales": the post filled is the one
// the article gave Moss, at her company; the appositive after Reyes is his present post.
TEST(Frames, APostFilledIsThePreviousHoldersPost) {
  auto evs = EventsOf("Ada Moss, chief operating officer of Halden Industries, resigned on Monday. Moss's post will "
                      "be filled by Omar Reyes, the company's head of sales.");
  const Event* x = nullptr;
  for (const Event& e : evs) {
    if (e.type == EventType::kExecutiveChange && Text(e, "direction") == "appointed") x = &e;
  }
  ASSERT_NE(x, nullptr);
  EXPECT_EQ(Text(*x, "person"), "Omar Reyes");
  EXPECT_EQ(Text(*x, "position"), "chief operating officer");
  EXPECT_EQ(Text(*x, "company"), "Halden Industries");
  // Without an earlier post of the holder, the appointment names neither post nor company.
  auto alone = EventsOf("Moss's post will be filled by Omar Reyes, the company's head of sales.");
  for (const Event& e : alone) EXPECT_NE(e.type, EventType::kExecutiveChange);
}

// An earnings clause with a quarter and a day: the quarter is the period the results cover, the day
// the one they (or the forecast) were told. The article is published 2025-06-12.
TEST(Frames, AnEarningsClauseGivesItsPeriodAndItsDay) {
  auto evs = EventsOf("Halden Industries said in a June 3 filing it could book a $40 million charge in its "
                      "second-quarter earnings.");
  const Event* e = OfType(evs, EventType::kEarnings);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(Text(*e, "company"), "Halden Industries");
  EXPECT_EQ(Text(*e, "period"), "2025-Q2");
  EXPECT_EQ(Text(*e, "date"), "2025-06-03");
  auto no_day = EventsOf("Halden Industries posted a net loss of $45 million for the second quarter of 2025.");
  e = OfType(no_day, EventType::kEarnings);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(Text(*e, "date"), "(none)");  // no day in the clause, none made up
}

// "N years later" counts from the last date the article told, not from the day it was published
// (2025-06-12 here): the story's own time. Days count from a day; with no date before, the words
// give none.
TEST(Frames, ADateTellingLaterCountsFromTheStorysLastDate) {
  auto years = EventsOf("Halden Industries opened its first plant in 1998. Two years later it acquired Vantor Sensors.");
  const Event* a = OfType(years, EventType::kAcquisition);
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(Text(*a, "target"), "Vantor Sensors");
  EXPECT_EQ(Text(*a, "date"), "2000");
  auto days = EventsOf("Initech rejected the offer on March 3, 2024. Five days later Halden Industries acquired "
                       "Vantor Sensors.");
  a = OfType(days, EventType::kAcquisition);
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(Text(*a, "date"), "2024-03-08");
  auto none = EventsOf("Three days later Halden Industries acquired Vantor Sensors.");
  a = OfType(none, EventType::kAcquisition);
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(Text(*a, "date"), "(none)");
}

// "X stated on Thursday that it had signed a contract": the day before the reporting verb's "that"
// dates the report, and the past perfect puts the signing before it, so Thursday is not the
// contract's day. "The airline signed the agreement in Lisbon on June 9" tells the day of that
// contract: a definite contract noun concluded by its party refers back to it. The article is
// published on Thursday 2025-06-12.
TEST(Frames, TheDayAContractWasSignedNotTheDayItWasReported) {
  const std::string first = "Meridian Airways stated on Thursday that it had signed a contract to purchase 20 "
                            "Skylark jets from Vantor Aerospace.";
  auto evs = EventsOf(first + " The airline signed the agreement in Lisbon on June 9.");
  const Event* c = OfType(evs, EventType::kContract);
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(Text(*c, "buyer"), "Meridian Airways");
  EXPECT_EQ(Text(*c, "date"), "2025-06-09");
  EXPECT_EQ(c->evidence.size(), 2u);  // the sentence that dates it is evidence of it
  auto alone = EventsOf(first);
  c = OfType(alone, EventType::kContract);
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(Text(*c, "date"), "(none)");
  // Without the past perfect the report's day is the event's: "said on Thursday it will buy".
  auto now = EventsOf("Meridian Airways announced on Thursday that it will purchase 20 Skylark jets from Vantor "
                      "Aerospace.");
  c = OfType(now, EventType::kContract);
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(Text(*c, "date"), "2025-06-12");
}

// A partnership's subject is the noun phrase after "for" ("for worldwide marketing and after-sales
// support", a hyphenated "after-" being a modifier, not a preposition); a verb group right after
// "and" shares the subject of the verb group before it ("X has entered ... and have reached a deal
// with Z": X and Z are partners).
TEST(Frames, WhatPartnersDoAndASharedSubject) {
  auto evs = EventsOf("Halden Aero has entered into an agreement with Vantor Systems for worldwide marketing and "
                      "after-sales support for its regional jet, and has reached a deal with state-owned Northwind "
                      "Works for general co-operation.");
  std::vector<std::pair<std::string, std::string>> got;
  for (const Event& e : evs) {
    if (e.type == EventType::kPartnership) got.emplace_back(Text(e, "parties"), Text(e, "subject"));
  }
  std::sort(got.begin(), got.end());
  EXPECT_EQ(got, (std::vector<std::pair<std::string, std::string>>{
                     {"Halden Aero, Northwind Works", "general co-operation"},
                     {"Halden Aero, Vantor Systems", "worldwide marketing and after-sales support"}}));
  // A verb group after "and" without an auxiliary before it takes no subject from afar.
  auto bare = EventsOf("Analysts praised the plan and reached a deal with Northwind Works for general co-operation.");
  EXPECT_EQ(OfType(bare, EventType::kPartnership), nullptr);
}

// "negotiated the purchase of 22 Vantor 310 jets": the goods bought follow "of", and their maker
// sells them. A later "deal between" the same buyer and seller, saying nothing of what they do
// together, is that purchase, not a partnership; a deal with someone else stays one.
TEST(Frames, ThePurchaseOfGoodsAndTheDealThatIsIt) {
  auto evs = EventsOf("Meridian Airways has negotiated the purchase of 22 new Vantor 310 jets. The sale is the result "
                      "of a deal begun between Meridian Airways and Vantor last year.");
  const Event* c = OfType(evs, EventType::kContract);
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(Text(*c, "buyer"), "Meridian Airways");
  EXPECT_EQ(Text(*c, "seller"), "Vantor");
  EXPECT_EQ(Text(*c, "subject"), "22 Vantor 310 jets");
  EXPECT_EQ(OfType(evs, EventType::kPartnership), nullptr);
  auto other = EventsOf("Meridian Airways has negotiated the purchase of 22 new Vantor 310 jets. It also began a deal "
                        "between Meridian Airways and Northwind Travel last year.");
  const Event* p = OfType(other, EventType::kPartnership);
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(Text(*p, "parties"), "Meridian Airways, Northwind Travel");
}

// Verbs of direction coordinated after the first are moves of their own, each with the figures and
// the date up to the next ("tripled in 2021, doubled in 2022 and rose by 12 percent in 2023");
// "up from" restates the same move. The article is published on Thursday 2025-06-12.
TEST(Frames, CoordinatedMovesAreMovesOfTheirOwn) {
  auto evs = EventsOf("Shares of Halden Industries tripled in 2021, doubled in 2022 and rose by 12 percent in 2023.");
  std::vector<std::pair<double, std::string>> got;
  for (const Event& e : evs) {
    if (e.type == EventType::kStockMove) got.emplace_back(Number(e, "change"), Text(e, "period"));
  }
  EXPECT_EQ(got, (std::vector<std::pair<double, std::string>>{{200, "2021"}, {100, "2022"}, {12, "2023"}}));
  auto days = EventsOf("Halden Industries shares fell 3% on Monday and rose 2% on Tuesday.");
  got.clear();
  for (const Event& e : days) {
    if (e.type == EventType::kStockMove) got.emplace_back(Number(e, "change"), Text(e, "date"));
  }
  EXPECT_EQ(got, (std::vector<std::pair<double, std::string>>{{-3, "2025-06-09"}, {2, "2025-06-10"}}));
  auto one = EventsOf("Halden Industries shares rose 5% to $20, up from $18 a year ago.");
  int moves = 0;
  for (const Event& e : one) moves += e.type == EventType::kStockMove;
  EXPECT_EQ(moves, 1);
}

// A facility named with "the" after "at" is the known place where something else happens ("will be
// assembled at the main Halden factory in Lyon"), not news of a facility; "at a facility in Porto"
// and "will open a new factory" are.
TEST(Frames, AFacilityWhereSomethingElseHappensIsNoEvent) {
  auto evs = EventsOf("The first jets will be assembled at the main Halden Aero factory in Lyon, but production of "
                      "the rest will be carried out at a facility in Porto.");
  const Event* f = OfType(evs, EventType::kFacility);
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(Text(*f, "location"), "Porto");
  auto opened = EventsOf("Halden Aero will open a new factory in Lyon next year.");
  f = OfType(opened, EventType::kFacility);
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(Text(*f, "location"), "Lyon");
}

// "net profit has made up $1.14 per share": earnings per share are no total profit; the event keeps
// the figures that are totals.
TEST(Frames, EarningsPerShareAreNoProfit) {
  auto evs = EventsOf("Halden Industries' net profit has made up $1.14 per share, while analysts expected 77 cents.");
  const Event* e = OfType(evs, EventType::kEarnings);
  if (e != nullptr) EXPECT_EQ(e->Find("profit"), nullptr);
  auto total = EventsOf("Halden Industries' net profit was $45 million in 2024.");
  e = OfType(total, EventType::kEarnings);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(Number(*e, "profit"), 45e6);
}

}  // namespace
}  // namespace corroborate
