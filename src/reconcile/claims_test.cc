// Tests of facts per value (issue #14) on claims we build by hand: who states each value, the
// merged value and qualifier, independent origins, and conflicts only between comparable claims
// whose figures cannot both hold.
#include <gtest/gtest.h>

#include "reconcile/story_report.h"

namespace corroborate {
namespace {

RoleValue Org(const std::string& name) {
  RoleValue v;
  v.kind = RoleValue::Kind::kEntity;
  v.text = name;
  return v;
}
RoleValue Figure(double n, QuantityKind kind, Qualifier q = Qualifier::kExact) {
  RoleValue v;
  v.kind = RoleValue::Kind::kQuantity;
  v.quantity.kind = kind;
  v.quantity.value = n;
  v.quantity.qualifier = q;
  if (kind == QuantityKind::kMoney) std::copy_n("USD", 4, v.quantity.currency);
  return v;
}
RoleValue Month(int y, int m) {
  RoleValue v;
  v.kind = RoleValue::Kind::kDate;
  v.date.year = y;
  v.date.month = m;
  v.date.grain = DateGrain::kMonth;
  v.text = std::to_string(y) + "-" + (m < 10 ? "0" : "") + std::to_string(m);
  return v;
}
RoleValue Quarter(int y, int q) {
  RoleValue v;
  v.kind = RoleValue::Kind::kDate;
  v.date.year = y;
  v.date.quarter = q;
  v.date.grain = DateGrain::kQuarter;
  v.text = std::to_string(y) + "-Q" + std::to_string(q);
  return v;
}
RoleValue Year(int y) {
  RoleValue v;
  v.kind = RoleValue::Kind::kDate;
  v.date.year = y;
  v.date.grain = DateGrain::kYear;
  v.text = std::to_string(y);
  return v;
}

Event Investment(const RoleValue* amount, Citation cited = {}) {
  Event e;
  e.type = EventType::kInvestment;
  e.status = EventStatus::kInTalks;
  e.Set("investor", Org("Globex"));
  e.Set("investee", Org("Initech"));
  if (amount != nullptr) {
    RoleValue a = *amount;
    a.cited = cited;
    e.Set("amount", a);
  }
  e.cited = cited;
  return e;
}

struct Story {
  std::vector<Article> articles;
  std::vector<Mentions> mentions;
  std::vector<std::vector<Event>> events;
  std::vector<std::string> outlets, reprints;
  void Add(const std::string& id, const std::string& outlet, std::vector<Event> evs, const std::string& reprint = "") {
    Article a;
    a.id = id;
    a.outlet = outlet;
    articles.push_back(a);
    mentions.emplace_back();
    events.push_back(std::move(evs));
    outlets.push_back(outlet);
    reprints.push_back(reprint);
  }
  StoryReport Reconcile() {
    std::vector<StoryArticle> in;
    for (size_t i = 0; i < articles.size(); ++i) in.push_back({&articles[i], &mentions[i], &events[i], outlets[i], reprints[i]});
    return ReconcileStory(in);
  }
};

TEST(Claims, AValuesSourcesAreTheArticlesThatStateIt) {
  // Three outlets state the investment; two give its amount, one the month of the talks.
  RoleValue fifty = Figure(50e9, QuantityKind::kMoney, Qualifier::kUpTo);
  Event dated = Investment(nullptr);
  dated.Set("date", Month(2025, 10));
  Story s;
  s.Add("a", "Harbour Wire", {Investment(&fifty)});
  s.Add("b", "Portside News", {Investment(&fifty)});
  s.Add("c", "Markets Daily", {dated});
  StoryReport r = s.Reconcile();
  ASSERT_EQ(r.events.size(), 1u);
  const StoryEvent& e = r.events[0];
  EXPECT_EQ(e.sources, (std::vector<std::string>{"a", "b", "c"}));
  ASSERT_NE(e.Support("amount"), nullptr);
  EXPECT_EQ(e.Support("amount")->sources, (std::vector<std::string>{"a", "b"}));
  ASSERT_NE(e.Support("date"), nullptr);
  EXPECT_EQ(e.Support("date")->sources, std::vector<std::string>{"c"});
  EXPECT_EQ(e.Support("date")->independent, 1u);
  EXPECT_EQ(e.Support("investor")->sources.size(), 3u);
}

TEST(Claims, TheMergedValueIsWhatMostStateWithTheQualifierMostUse) {
  // Three bodies say "up to $50 billion", one says "$50 billion": the value is stated by all four
  // (the figures agree) and its qualifier is the one three of them use; each claim keeps its own.
  RoleValue up_to = Figure(50e9, QuantityKind::kMoney, Qualifier::kUpTo);
  RoleValue plain = Figure(50e9, QuantityKind::kMoney);
  Story s;
  s.Add("a", "A", {Investment(&plain)});
  s.Add("b", "B", {Investment(&up_to)});
  s.Add("c", "C", {Investment(&up_to)});
  s.Add("d", "D", {Investment(&up_to)});
  StoryReport r = s.Reconcile();
  ASSERT_EQ(r.events.size(), 1u);
  const RoleValue* amount = r.events[0].event.Find("amount");
  ASSERT_NE(amount, nullptr);
  EXPECT_EQ(amount->quantity.qualifier, Qualifier::kUpTo);
  const RoleSupport* sup = r.events[0].Support("amount");
  ASSERT_NE(sup, nullptr);
  ASSERT_EQ(sup->claims.size(), 4u);
  EXPECT_EQ(sup->claims[0].article, "a");
  EXPECT_EQ(sup->claims[0].value.quantity.qualifier, Qualifier::kExact);
  EXPECT_TRUE(r.conflicts.empty());
}

TEST(Claims, EveryStatementOfAnArticleIsAClaimWithItsOwnCitation) {
  // One article states the amount twice, once citing a news organisation: two claims, one source.
  RoleValue lead = Figure(100e9, QuantityKind::kMoney);
  lead.span = Span{0, 12};
  RoleValue body = Figure(100e9, QuantityKind::kMoney, Qualifier::kUpTo);
  body.span = Span{40, 58};
  body.cited = Citation{"Bloomberg", true};
  lead.Restate(body);
  Story s;
  s.Add("a", "A", {Investment(&lead)});
  s.articles[0].text = std::string(80, 'x');
  StoryReport r = s.Reconcile();
  const RoleSupport* sup = r.events[0].Support("amount");
  ASSERT_NE(sup, nullptr);
  EXPECT_EQ(sup->sources, std::vector<std::string>{"a"});
  ASSERT_EQ(sup->claims.size(), 2u);
  EXPECT_EQ(sup->claims[1].value.cited.origin, "Bloomberg");
  EXPECT_EQ(sup->claims[1].text.size(), 18u);  // the words at its own span
}

TEST(Claims, IndependentSourcesCountOriginsNotArticles) {
  RoleValue two = Figure(2e9, QuantityKind::kMoney);
  Story s;
  s.Add("a", "Harbour Wire", {Investment(&two)});
  s.Add("b", "Coastal Times", {Investment(&two)}, /*reprint of*/ "a");
  s.Add("c", "Portside News", {Investment(&two, Citation{"Bloomberg", true})});
  s.Add("d", "Markets Daily", {Investment(&two, Citation{"Bloomberg", true})});
  // Citing another outlet of the story names it, though no list knows it as a news organisation.
  s.Add("e", "Business Brief", {Investment(&two, Citation{"Harbour Wire", false})});
  s.Add("f", "Valley Post", {Investment(&two, Citation{"people familiar with the matter", false})});
  StoryReport r = s.Reconcile();
  ASSERT_EQ(r.events.size(), 1u);
  EXPECT_EQ(r.events[0].sources.size(), 6u);
  EXPECT_EQ(r.events[0].origins, (std::vector<std::string>{"Harbour Wire", "Bloomberg", "Valley Post"}));
  EXPECT_EQ(r.events[0].outlets, 6u);
}

// The conflicts on `role` of a two-article story whose claims are `a` and `b` (set on one event).
std::vector<Conflict> ConflictsOf(const std::string& role, RoleValue a, RoleValue b, RoleValue* period_a = nullptr,
                                  RoleValue* period_b = nullptr) {
  auto earnings = [&](const RoleValue& v, const RoleValue* period) {
    Event e;
    e.type = EventType::kEarnings;
    e.Set("company", Org("Globex"));
    e.Set(role, v);
    if (period != nullptr) e.Set("period", *period);
    return e;
  };
  Story s;
  s.Add("a", "A", {earnings(a, period_a)});
  s.Add("b", "B", {earnings(b, period_b)});
  return s.Reconcile().conflicts;
}

TEST(Claims, ConflictsOnlyWhereFiguresCannotBothHold) {
  auto money = [](double v, Qualifier q = Qualifier::kExact) { return Figure(v, QuantityKind::kMoney, q); };
  // An estimate of $1.9 billion (1.8 to 2.0) cannot be $2.07 billion: a conflict.
  EXPECT_EQ(ConflictsOf("profit", money(1.9e9, Qualifier::kAbout), money(2.07e9)).size(), 1u);
  // "about $5 billion" and "$4.9 billion" agree within the rounding the qualifier allows.
  EXPECT_TRUE(ConflictsOf("profit", money(5e9, Qualifier::kAbout), money(4.9e9)).empty());
  // "up to $50 billion" allows $40 billion.
  EXPECT_TRUE(ConflictsOf("revenue", money(50e9, Qualifier::kUpTo), money(40e9)).empty());
  // A fall and a rise of one percent cannot both hold.
  EXPECT_EQ(ConflictsOf("change", Figure(-1, QuantityKind::kPercent), Figure(1, QuantityKind::kPercent)).size(), 1u);
}

TEST(Claims, NoConflictBetweenDifferentMeasuresOrPeriods) {
  // A percentage against a sum of money measure different things.
  EXPECT_TRUE(ConflictsOf("change", Figure(-2, QuantityKind::kPercent), Figure(-3e9, QuantityKind::kMoney)).empty());
  // A quarter's profit against the year's.
  RoleValue q4 = Quarter(2025, 4), year = Year(2024);
  EXPECT_TRUE(ConflictsOf("profit", Figure(1e9, QuantityKind::kMoney), Figure(3e9, QuantityKind::kMoney), &q4, &year).empty());
  // A quarter's profit against the profit of the year that holds it: still two measures.
  RoleValue y2025 = Year(2025);
  EXPECT_TRUE(ConflictsOf("profit", Figure(1e9, QuantityKind::kMoney), Figure(3e9, QuantityKind::kMoney), &q4, &y2025).empty());
  // The same quarter: a conflict.
  RoleValue q4b = Quarter(2025, 4);
  EXPECT_EQ(ConflictsOf("profit", Figure(1e9, QuantityKind::kMoney), Figure(3e9, QuantityKind::kMoney), &q4, &q4b).size(), 1u);
}

}  // namespace
}  // namespace corroborate
