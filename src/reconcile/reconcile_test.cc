// Tests of the reconcile stage on events and people we build by hand: merging across outlets,
// conflicts and non-conflicts, attribution checks and inferred publication dates.
#include <gtest/gtest.h>

#include "reconcile/published.h"
#include "reconcile/story_report.h"

namespace corroborate {
namespace {

RoleValue Org(const std::string& name) {
  RoleValue v;
  v.kind = RoleValue::Kind::kEntity;
  v.text = name;
  return v;
}
RoleValue Count(double n, Qualifier q = Qualifier::kExact) {
  RoleValue v;
  v.kind = RoleValue::Kind::kQuantity;
  v.quantity.kind = QuantityKind::kCount;
  v.quantity.value = n;
  v.quantity.qualifier = q;
  return v;
}
RoleValue Day(int y, int m, int d) {
  RoleValue v;
  v.kind = RoleValue::Kind::kDate;
  v.date.year = y; v.date.month = m; v.date.day = d;
  v.date.grain = DateGrain::kDay;
  v.text = std::to_string(y) + "-" + (m < 10 ? "0" : "") + std::to_string(m) + "-" + (d < 10 ? "0" : "") + std::to_string(d);
  return v;
}
Event Layoffs(double n, Qualifier q = Qualifier::kExact, bool cumulative = false) {
  Event e;
  e.type = EventType::kLayoffs;
  e.status = EventStatus::kAnnounced;
  e.Set("company", Org("Globex"));
  e.Set("count", Count(n, q));
  e.cumulative = cumulative;
  return e;
}

struct Fixture {
  std::vector<Article> articles;
  std::vector<Mentions> mentions;
  std::vector<std::vector<Event>> events;
  std::vector<StoryArticle> Input() {
    std::vector<StoryArticle> in;
    for (size_t i = 0; i < articles.size(); ++i) in.push_back({&articles[i], &mentions[i], &events[i], articles[i].outlet, ""});
    return in;
  }
  void Add(const std::string& id, std::vector<Event> evs, const std::string& published = "") {
    Article a;
    a.id = id;
    a.outlet = id;
    a.published = published;
    articles.push_back(a);
    mentions.emplace_back();
    events.push_back(std::move(evs));
  }
};

TEST(Reconcile, AgreeingValuesMergeAndDifferentOnesConflict) {
  Fixture f;
  f.Add("a", {Layoffs(900, Qualifier::kAbout)});
  f.Add("b", {Layoffs(900, Qualifier::kUpTo)});
  f.Add("c", {Layoffs(1100)});
  f.articles.reserve(8);
  StoryReport r = ReconcileStory(f.Input());
  ASSERT_EQ(r.events.size(), 1u);
  EXPECT_EQ(r.events[0].sources.size(), 3u);
  ASSERT_EQ(r.conflicts.size(), 1u);
  EXPECT_EQ(r.conflicts[0].role, "count");
  ASSERT_EQ(r.conflicts[0].values.size(), 2u);
  EXPECT_EQ(r.conflicts[0].values[0].sources.size(), 2u);  // about 900 and up to 900 agree
}

TEST(Reconcile, RoundsOneArticleTellsApartAndRunningTotalsNeverConflict) {
  Fixture f;
  f.Add("a", {Layoffs(2000), Layoffs(1500)});
  f.Add("b", {Layoffs(2000), Layoffs(3500, Qualifier::kAbout, true)});
  f.Add("c", {Layoffs(1500)});
  StoryReport r = ReconcileStory(f.Input());
  EXPECT_EQ(r.events.size(), 3u);
  EXPECT_TRUE(r.conflicts.empty());
}

TEST(Reconcile, StageConflictOnlyBetweenIncompatibleStages) {
  Fixture f;
  auto talks = [](TalkStage s) {
    Event e;
    e.type = EventType::kInvestment;
    e.status = EventStatus::kInTalks;
    e.stage = s;
    e.Set("investor", Org("Globex"));
    e.Set("investee", Org("Initech"));
    return e;
  };
  f.Add("a", {talks(TalkStage::kPreliminary)});
  f.Add("b", {talks(TalkStage::kActive)});
  f.Add("c", {talks(TalkStage::kNone)});
  EXPECT_TRUE(ReconcileStory(f.Input()).conflicts.empty());
  f.Add("d", {talks(TalkStage::kAdvanced)});
  StoryReport r = ReconcileStory(f.Input());
  ASSERT_EQ(r.conflicts.size(), 1u);
  EXPECT_EQ(r.conflicts[0].role, "status");
  EXPECT_EQ(r.conflicts[0].values[0].sources, std::vector<std::string>{"a"});
  EXPECT_EQ(r.conflicts[0].values[1].sources, std::vector<std::string>{"d"});
}

TEST(Reconcile, AttributionChecks) {
  Fixture f;
  auto person = [&](size_t art, const std::string& name, const std::string& role, const std::string& org) {
    EntityMentions& em = f.mentions[art].entities;
    Entity e;
    e.type = EntityType::kPerson;
    e.canonical = name;
    e.role = role;
    e.org = org;
    em.entities.push_back(e);
    EntityMention m;
    m.entity = static_cast<uint32_t>(em.entities.size() - 1);
    em.mentions.push_back(m);
    QuoteMention q;
    q.speaker = static_cast<int32_t>(m.entity);
    q.speaker_name = name;
    em.quotes.push_back(q);
  };
  f.Add("a", {});
  f.Add("b", {});
  person(0, "Jane Okoro", "Fund Manager", "Bluewater Capital");
  person(1, "Janet Okoro", "Senior Fund Manager", "Bluewater Capital");
  person(0, "Lee Park", "Analyst", "Delta Bank");
  person(1, "Lee Park", "Professor", "Eastern University");
  person(0, "Sam Ortiz", "chief executive", "Globex");
  person(1, "Sam Ortiz", "CEO", "Globex");
  StoryReport r = ReconcileStory(f.Input());
  int name_variant = 0, affiliation = 0, uncorroborated = 0;
  for (const AttributionIssue& i : r.attribution_issues) {
    if (i.kind == "name_variant") ++name_variant;
    if (i.kind == "affiliation_variant") {
      ++affiliation;
      EXPECT_EQ(i.people, std::vector<std::string>{"Lee Park"});
    }
    if (i.kind == "uncorroborated_speaker") {
      ++uncorroborated;
      EXPECT_NE(i.people[0], "Sam Ortiz");
    }
  }
  EXPECT_EQ(name_variant, 1);
  EXPECT_EQ(affiliation, 1);
  // The two Okoros, each named by one outlet, and Lee Park: the other outlet's Lee Park holds
  // another job, so nobody vouches for either quote.
  EXPECT_EQ(uncorroborated, 3);
}

TEST(Reconcile, PublishedInferredFromAWeekdayOfAnEventAnotherOutletDates) {
  Fixture f;
  Event dated = Layoffs(2000);
  dated.Set("date", Day(2025, 3, 12));  // a Wednesday
  Event weekday = Layoffs(2000);
  RoleValue wd;
  wd.text = "wednesday";
  weekday.Set("weekday", wd);
  f.Add("a", {dated}, "2025-03-14");
  f.Add("b", {weekday});
  std::vector<StoryArticle> in = f.Input();
  std::vector<std::string> p = InferPublished(in, MergeClaims(in));
  EXPECT_EQ(p[0], "");
  EXPECT_EQ(p[1], "2025-03-12");
}

TEST(Reconcile, TwoPriceMovesAreTwoEventsAndPartiesTakeTheCommonName) {
  Fixture f;
  auto move = [](const std::string& company, double pct) {
    Event e;
    e.type = EventType::kStockMove;
    e.Set("company", Org(company));
    RoleValue v = Count(pct);
    v.quantity.kind = QuantityKind::kPercent;
    e.Set("change", v);
    return e;
  };
  f.Add("a", {move("Tessel Freight AB", 85.0)});   // a three-year gain
  f.Add("b", {move("Tessel", -3.1)});              // a day's drop
  f.Add("c", {move("Tessel Freight", -3.1)});
  StoryReport r = ReconcileStory(f.Input());
  ASSERT_EQ(r.events.size(), 2u);
  EXPECT_TRUE(r.conflicts.empty());
  // The drop, told by two outlets, comes first and goes by the form most sources use.
  EXPECT_EQ(r.events[0].sources, (std::vector<std::string>{"b", "c"}));
  EXPECT_EQ(r.events[0].event.Find("company")->text, "Tessel Freight");
  EXPECT_EQ(r.events[1].event.Find("company")->text, "Tessel Freight");  // company form dropped
}

}  // namespace
}  // namespace corroborate
