// Conflicts among the claims of one corroborated event (see story_report.h). Tested in reconcile_test.cc.
#include <cctype>
#include <cstdio>
#include <map>

#include "events/extract_events.h"
#include "events/lexicon.h"
#include "reconcile/story_report.h"

namespace corroborate {
namespace {

// Two claims state `role` at the same time and in the same measure: their values are money both or
// percentages both (in one currency), and where both give the period the figure is for it is the
// same period, and where both date it the dates agree. Only such claims can conflict.
bool Comparable(const Event& x, const Event& y, const std::string& role) {
  const RoleValue* a = x.Find(role);
  const RoleValue* b = y.Find(role);
  if (a == nullptr || b == nullptr || !SameMeasure(*a, *b)) return false;
  if (a->kind == RoleValue::Kind::kDate) return true;
  // A quarter's figure and its year's measure different things: periods must be the same one.
  const RoleValue* p = x.Find("period");
  const RoleValue* q = y.Find("period");
  if (role != "period" && p && q && !(p->date.grain == q->date.grain && p->text == q->text)) return false;
  p = x.Find("date");
  q = y.Find("date");
  return role == "date" || !p || !q || ValuesAgree(*p, *q);
}

// The conflict on one role: groups of claims stating the same value (GroupClaims) that cannot
// hold together with another group's (ValuesCompatible, over every comparable pair of claims).
bool RoleConflict(const StoryEvent& se, const std::string& role, Conflict* c) {
  std::vector<std::vector<size_t>> groups = GroupClaims(se, role);
  if (groups.size() < 2) return false;
  std::vector<bool> clash(groups.size(), false);
  for (size_t g = 0; g < groups.size(); ++g) {
    for (size_t h = g + 1; h < groups.size(); ++h) {
      bool compared = false, compatible = false;
      for (size_t x : groups[g]) {
        for (size_t y : groups[h]) {
          if (!Comparable(se.claims[x], se.claims[y], role)) continue;
          compared = true;
          compatible |= ValuesCompatible(*se.claims[x].Find(role), *se.claims[y].Find(role));
        }
      }
      if (compared && !compatible) clash[g] = clash[h] = true;
    }
  }
  c->event = se.id;
  c->role = role;
  c->values.clear();
  for (size_t g = 0; g < groups.size(); ++g) {
    if (!clash[g]) continue;
    const RoleValue& v = *se.claims[groups[g][0]].Find(role);
    SourcedValue sv{ValueText(v), v, {}};
    for (size_t i : groups[g]) sv.sources.push_back(se.sources[i]);
    c->values.push_back(std::move(sv));
  }
  return c->values.size() >= 2;
}

bool PreDeal(EventStatus s) { return s == EventStatus::kConsidering || s == EventStatus::kInTalks; }
bool PostDeal(EventStatus s) { return s == EventStatus::kAgreed || s == EventStatus::kCompleted; }

// Status claims conflict only when incompatible at once: talks at a preliminary stage against
// advanced talks, or talks against a deal agreed or done. Vaguer claims ("in talks", "active
// talks", "announced") support either side and are left out.
bool StatusConflict(const StoryEvent& se, Conflict* c) {
  SourcedValue prelim{"in_talks/preliminary", {}, {}}, advanced{"in_talks/advanced", {}, {}};
  SourcedValue pre{"", {}, {}}, post{"", {}, {}};
  for (size_t i = 0; i < se.claims.size(); ++i) {
    const Event& e = se.claims[i];
    if (e.status == EventStatus::kInTalks && e.stage == TalkStage::kPreliminary) prelim.sources.push_back(se.sources[i]);
    if (e.status == EventStatus::kInTalks && e.stage == TalkStage::kAdvanced) advanced.sources.push_back(se.sources[i]);
    if (PreDeal(e.status)) {
      pre.sources.push_back(se.sources[i]);
      pre.value = e.stage == TalkStage::kNone ? EventStatusName(e.status)
                                              : std::string(EventStatusName(e.status)) + "/" + TalkStageName(e.stage);
    }
    if (PostDeal(e.status)) {
      post.sources.push_back(se.sources[i]);
      post.value = EventStatusName(e.status);
    }
  }
  c->event = se.id;
  c->role = "status";
  if (!pre.sources.empty() && !post.sources.empty()) {
    c->values = {post, pre};
    return true;
  }
  if (!prelim.sources.empty() && !advanced.sources.empty()) {
    c->values = {prelim, advanced};
    return true;
  }
  return false;
}

}  // namespace

std::string ValueText(const RoleValue& v) {
  if (v.kind != RoleValue::Kind::kQuantity) return v.text;
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.15g", v.quantity.value);
  return buf;
}

std::vector<Conflict> FindConflicts(const std::vector<StoryEvent>& events) {
  std::vector<Conflict> out;
  for (const StoryEvent& se : events) {
    Conflict sc;
    if (StatusConflict(se, &sc)) out.push_back(std::move(sc));
    std::vector<std::string> roles;
    for (const Event& e : se.claims) {
      for (const Role& r : e.roles) {
        if (r.value.kind != RoleValue::Kind::kQuantity && r.value.kind != RoleValue::Kind::kDate) continue;
        bool seen = false;
        for (const std::string& x : roles) seen |= x == r.name;
        if (!seen) roles.push_back(r.name);
      }
    }
    for (const std::string& role : roles) {
      Conflict c;
      if (RoleConflict(se, role, &c)) out.push_back(std::move(c));
    }
  }
  return out;
}

StoryReport ReconcileStory(const std::vector<StoryArticle>& articles) {
  StoryReport r;
  r.events = MergeClaims(articles);
  for (size_t i = 0; i < r.events.size(); ++i) {
    r.events[i].id = "e" + std::to_string(i + 1);
    StoryEvent& se = r.events[i];
    Settle(articles, se);
    se.origins = Origins(articles, se, se.sources);
    for (RoleSupport& s : se.support) s.independent = Origins(articles, se, s.sources).size();
  }
  r.conflicts = FindConflicts(r.events);
  r.attribution_issues = CheckAttributions(articles);
  return r;
}

}  // namespace corroborate
