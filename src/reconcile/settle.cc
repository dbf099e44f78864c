// Settling each role of a corroborated event on one value, with who states it, and the event's
// status (see story_report.h). Tested in reconcile_test.cc.
#include <cctype>
#include <map>
#include <unordered_map>

#include "events/extract_events.h"
#include "events/lexicon.h"
#include "reconcile/story_report.h"

namespace corroborate {
namespace {

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

// A group's value: the figure most of its claims state and the qualifier most of them use (the
// first stated on a tie); for a party, the name most sources use.
RoleValue GroupValue(const StoryEvent& se, const std::string& role, const std::vector<size_t>& group) {
  RoleValue v = *se.claims[group[0]].Find(role);
  if (v.kind == RoleValue::Kind::kEntity) {
    v.text = StoryName(se, role, v);
  } else if (v.kind == RoleValue::Kind::kQuantity) {
    auto most = [&](auto key) {
      size_t best = group[0], top = 0;
      for (size_t i : group) {
        size_t n = 0;
        for (size_t j : group) n += key(*se.claims[j].Find(role)) == key(*se.claims[i].Find(role));
        if (n > top) { top = n; best = i; }
      }
      return *se.claims[best].Find(role);
    };
    v = most([](const RoleValue& x) { return x.quantity.value; });
    v.quantity.qualifier = most([](const RoleValue& x) { return x.quantity.qualifier; }).quantity.qualifier;
  }
  return v;
}

}  // namespace

std::vector<std::vector<size_t>> GroupClaims(const StoryEvent& se, const std::string& role) {
  std::vector<std::vector<size_t>> groups;
  for (size_t i = 0; i < se.claims.size(); ++i) {
    const RoleValue* v = se.claims[i].Find(role);
    if (v == nullptr) continue;
    std::vector<size_t>* home = nullptr;
    for (std::vector<size_t>& g : groups) {
      if (ValuesAgree(*se.claims[g[0]].Find(role), *v)) { home = &g; break; }
    }
    if (home == nullptr) home = &groups.emplace_back();
    home->push_back(i);
  }
  return groups;
}

const RoleSupport* StoryEvent::Support(std::string_view role) const {
  for (const RoleSupport& s : support) {
    if (s.role == role) return &s;
  }
  return nullptr;
}

void Settle(const std::vector<StoryArticle>& articles, StoryEvent& se) {
  std::unordered_map<std::string_view, const Article*> by_id;
  for (const StoryArticle& a : articles) by_id.emplace(a.article->id, a.article);
  std::vector<std::string> roles;
  for (const Event& e : se.claims) {
    for (const Role& r : e.roles) {
      bool seen = false;
      for (const std::string& x : roles) seen |= x == r.name;
      if (!seen && r.name != "weekday") roles.push_back(r.name);
    }
  }
  for (const std::string& role : roles) {
    std::vector<std::vector<size_t>> groups = GroupClaims(se, role);
    const std::vector<size_t>* best = nullptr;
    for (const std::vector<size_t>& g : groups) {
      if (best == nullptr || g.size() > best->size()) best = &g;
    }
    if (best == nullptr) continue;
    se.event.Set(role, GroupValue(se, role, *best));
    RoleSupport sup;
    sup.role = role;
    for (size_t i : *best) {
      auto it = by_id.find(se.sources[i]);
      auto claim = [&](const RoleValue& statement) {
        ValueClaim c{se.sources[i], statement, ""};
        c.value.restatements.clear();
        if (it != by_id.end() && statement.span.end > statement.span.start && statement.span.end <= it->second->text.size())
          c.text = it->second->text.substr(statement.span.start, statement.span.end - statement.span.start);
        sup.claims.push_back(std::move(c));
      };
      const RoleValue& own = *se.claims[i].Find(role);
      claim(own);
      for (const RoleValue& again : own.restatements) claim(again);
      sup.sources.push_back(se.sources[i]);
    }
    se.support.push_back(std::move(sup));
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

}  // namespace corroborate
