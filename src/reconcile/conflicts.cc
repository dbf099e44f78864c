// Conflicts among the claims of one corroborated event, and each role's settled value (see
// story_report.h). Tested in reconcile_test.cc.
#include <cctype>
#include <cstdio>
#include <map>

#include "events/extract_events.h"
#include "events/lexicon.h"
#include "reconcile/story_report.h"

namespace corroborate {
namespace {

// Groups of sources whose values of `role` agree, in order of first statement.
std::vector<SourcedValue> Groups(const StoryEvent& se, const std::string& role) {
  std::vector<SourcedValue> groups;
  for (size_t i = 0; i < se.claims.size(); ++i) {
    const RoleValue* v = se.claims[i].Find(role);
    if (v == nullptr) continue;
    SourcedValue* home = nullptr;
    for (SourcedValue& g : groups) {
      if (ValuesAgree(g.raw, *v)) { home = &g; break; }
    }
    if (home == nullptr) {
      groups.push_back(SourcedValue{ValueText(*v), *v, {}});
      home = &groups.back();
    }
    home->sources.push_back(se.sources[i]);
  }
  return groups;
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
      std::vector<SourcedValue> groups = Groups(se, role);
      if (groups.size() < 2) continue;
      out.push_back(Conflict{se.id, role, std::move(groups)});
    }
  }
  return out;
}

// A name without its trailing company form ("Tessel Freight AB" → "Tessel Freight").
std::string WithoutLegalForm(const std::string& name) {
  size_t sp = name.rfind(' ');
  if (sp == std::string::npos) return name;
  std::string last;
  for (char c : name.substr(sp + 1)) {
    if (c != '.' && c != ',') last.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  if (events::EventLexicon::Get().WordClass(last) != "legal") return name;
  size_t end = sp;
  while (end > 0 && (name[end - 1] == ',' || name[end - 1] == ' ')) --end;
  return name.substr(0, end);
}

// The name a party goes by across the story: of the forms its sources give (company form
// dropped), the one most sources use, the fuller one on a tie ("Tessel" once, "Tessel Freight"
// twice → "Tessel Freight").
std::string StoryName(const StoryEvent& se, const std::string& role, const RoleValue& chosen) {
  std::map<std::string, int> forms;
  for (const Event& e : se.claims) {
    const RoleValue* v = e.Find(role);
    if (v != nullptr && v->kind == RoleValue::Kind::kEntity && ValuesAgree(*v, chosen)) ++forms[WithoutLegalForm(v->text)];
  }
  std::string best = WithoutLegalForm(chosen.text);
  int top = 0;
  for (const auto& [name, n] : forms) {
    if (n > top || (n == top && name.size() > best.size())) { top = n; best = name; }
  }
  return best;
}

// Each role takes the value most sources agree on; the status the most sources claim.
void Settle(StoryEvent& se) {
  std::vector<std::string> roles;
  for (const Event& e : se.claims) {
    for (const Role& r : e.roles) {
      bool seen = false;
      for (const std::string& x : roles) seen |= x == r.name;
      if (!seen) roles.push_back(r.name);
    }
  }
  for (const std::string& role : roles) {
    if (role == "weekday") continue;
    std::vector<SourcedValue> groups = Groups(se, role);
    const SourcedValue* best = nullptr;
    for (const SourcedValue& g : groups) {
      if (best == nullptr || g.sources.size() > best->sources.size()) best = &g;
    }
    if (best == nullptr) continue;
    RoleValue v = best->raw;
    if (v.kind == RoleValue::Kind::kEntity) v.text = StoryName(se, role, v);
    se.event.Set(role, v);
  }
  std::map<EventStatus, int> status;
  std::map<TalkStage, int> stage;
  for (const Event& e : se.claims) {
    if (e.status != EventStatus::kUnknown) ++status[e.status];
    if (e.stage != TalkStage::kNone) ++stage[e.stage];
    se.event.cumulative |= e.cumulative;
  }
  int top = 0;
  for (const auto& [s, n] : status) {
    if (n >= top) { top = n; se.event.status = s; }
  }
  if (se.event.status == EventStatus::kUnknown) se.event.status = EventStatus::kAnnounced;
  top = 0;
  for (const auto& [s, n] : stage) {
    if (n >= top) { top = n; se.event.stage = s; }
  }
  if (se.event.status != EventStatus::kInTalks) se.event.stage = TalkStage::kNone;
}

StoryReport ReconcileStory(const std::vector<StoryArticle>& articles) {
  StoryReport r;
  r.events = MergeClaims(articles);
  for (size_t i = 0; i < r.events.size(); ++i) {
    r.events[i].id = "e" + std::to_string(i + 1);
    Settle(r.events[i]);
  }
  r.conflicts = FindConflicts(r.events);
  r.attribution_issues = CheckAttributions(articles);
  return r;
}

}  // namespace corroborate
