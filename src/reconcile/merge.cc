// Merging the events a story's articles state into corroborated events (see story_report.h).
// Tested in reconcile_test.cc.
#include <algorithm>
#include <cstdint>
#include <map>
#include <set>

#include "events/extract_events.h"
#include "reconcile/story_report.h"

namespace corroborate {
namespace {

struct Claim {
  size_t article;
  const Event* event;
};

struct Cluster {
  std::vector<Claim> claims;
  std::set<size_t> articles;
  Event merged;  // union of roles, for matching
  bool cumulative = false;
};

void AddRoles(Event& into, const Event& from) {
  for (const Role& r : from.roles) {
    if (into.Find(r.name) == nullptr) into.roles.push_back(r);
  }
  into.cumulative |= from.cumulative;
}

// Figures for different periods (a quarter and its year are two periods): two events.
bool PeriodsDiffer(const Event& a, const Event& b) {
  const RoleValue* x = a.Find("period");
  const RoleValue* y = b.Find("period");
  return x && y && !(x->date.grain == y->date.grain && x->text == y->text);
}

bool DatesDisagree(const Event& a, const Event& b) {
  const RoleValue* x = a.Find("date");
  const RoleValue* y = b.Find("date");
  return (x && y && !ValuesAgree(*x, *y)) || PeriodsDiffer(a, b);
}

// A statement that gives no figure at all ("Globex is in talks to invest in Initech").
bool Bare(const Event& e) {
  for (const Role& r : e.roles) {
    if (r.value.kind == RoleValue::Kind::kQuantity) return false;
  }
  return true;
}

}  // namespace

std::vector<StoryEvent> MergeClaims(const std::vector<StoryArticle>& articles) {
  // Claims with their identifying number first, so that bare mentions find a home afterwards.
  std::vector<Claim> claims, bare;
  for (size_t i = 0; i < articles.size(); ++i) {
    for (const Event& e : *articles[i].events) (Bare(e) ? bare : claims).push_back(Claim{i, &e});
  }
  // 1. Claims that agree on parties and numbers are one event.
  std::vector<Cluster> clusters;
  for (const Claim& c : claims) {
    Cluster* home = nullptr;
    for (Cluster& k : clusters) {
      if (KeysAgree(k.merged, *c.event, false) && NumbersAgree(k.merged, *c.event) && !PeriodsDiffer(k.merged, *c.event) &&
          !k.articles.count(c.article)) {
        home = &k;
        break;
      }
    }
    if (home == nullptr) {
      clusters.emplace_back();
      home = &clusters.back();
      home->merged.type = c.event->type;
    }
    home->claims.push_back(c);
    home->articles.insert(c.article);
    AddRoles(home->merged, *c.event);
  }
  // 2. Clusters about the same parties whose numbers differ are one event told two ways (a
  // conflict) unless some article tells both apart, their dates differ, or one is a running total.
  for (size_t i = 0; i < clusters.size(); ++i) {
    for (size_t j = i + 1; j < clusters.size(); ++j) {
      Cluster& a = clusters[i];
      Cluster& b = clusters[j];
      if (b.claims.empty() || a.claims.empty() || !KeysAgree(a.merged, b.merged, true)) continue;
      if (a.merged.cumulative != b.merged.cumulative || DatesDisagree(a.merged, b.merged)) continue;
      // Two different price moves are two moments (a day's drop, a three-year gain), not one
      // move told two ways.
      if (a.merged.type == EventType::kStockMove) continue;
      bool told_apart = false;
      for (size_t x : b.articles) told_apart |= a.articles.count(x) > 0;
      if (told_apart) continue;
      // Only where every article on one side has a rival claim on the other, in the same type.
      for (const Claim& c : b.claims) a.claims.push_back(c);
      a.articles.insert(b.articles.begin(), b.articles.end());
      AddRoles(a.merged, b.merged);
      b.claims.clear();
    }
  }
  // 3. Bare mentions join the one event they fit; one that fits several or none stands alone only
  // when it names all its parties.
  for (const Claim& c : bare) {
    Cluster* home = nullptr;
    int n = 0;
    for (Cluster& k : clusters) {
      if (!k.claims.empty() && KeysAgree(k.merged, *c.event, false) && NumbersAgree(k.merged, *c.event)) {
        if (home == nullptr || k.articles.count(c.article) > home->articles.count(c.article)) home = &k;
        ++n;
      }
    }
    if (n > 1 && home != nullptr && !home->articles.count(c.article)) {
      // Several candidates and none from this article: the largest, when it is much the largest.
      Cluster* largest = nullptr;
      size_t top = 0, second = 0;
      for (Cluster& k : clusters) {
        if (k.claims.empty() || !KeysAgree(k.merged, *c.event, false) || !NumbersAgree(k.merged, *c.event)) continue;
        if (k.articles.size() > top) { second = top; top = k.articles.size(); largest = &k; }
        else if (k.articles.size() > second) second = k.articles.size();
      }
      home = top > second ? largest : nullptr;
    }
    if (home == nullptr) {
      // A statement its frame read from the clause's grammar stands as it is; another only when
      // it names all its parties.
      bool complete = true;
      for (const std::string& k : KeyRoles(c.event->type)) complete &= c.event->Find(k) != nullptr;
      if (!complete && !c.event->from_syntax) continue;
      clusters.emplace_back();
      home = &clusters.back();
      home->merged.type = c.event->type;
    }
    home->claims.push_back(c);
    home->articles.insert(c.article);
    AddRoles(home->merged, *c.event);
  }
  // 4. One StoryEvent per cluster: sources in input order, one claim per source.
  std::vector<StoryEvent> out;
  for (Cluster& k : clusters) {
    if (k.claims.empty()) continue;
    std::stable_sort(k.claims.begin(), k.claims.end(), [](const Claim& x, const Claim& y) { return x.article < y.article; });
    StoryEvent se;
    se.event.type = k.merged.type;
    std::set<std::string> outlets;
    for (const Claim& c : k.claims) {
      const StoryArticle& sa = articles[c.article];
      const std::string& id = sa.article->id;
      if (se.sources.empty() || se.sources.back() != id) {
        se.sources.push_back(id);
        se.claims.push_back(*c.event);
        outlets.insert(OutletName(sa));
      } else {
        // A second claim of one article (a bare mention) adds its roles and evidence.
        for (const Role& r : c.event->roles) {
          RoleValue* mine = se.claims.back().Find(r.name);
          if (mine == nullptr) se.claims.back().roles.push_back(r);
          else if (ValuesAgree(*mine, r.value)) mine->Restate(r.value);
        }
      }
      for (const Span& s : c.event->evidence) {
        Evidence ev{id, s, sa.article->text.substr(s.start, s.end - s.start)};
        bool seen = false;
        for (const Evidence& x : se.evidence) seen |= x.article == id && x.span == s;
        if (!seen) se.evidence.push_back(std::move(ev));
      }
    }
    se.outlets = outlets.size();
    out.push_back(std::move(se));
  }
  // Order: the most sourced first; among equals, the one stated first (by its first source, then
  // where that source states it), so the report reads in the order the story tells itself.
  std::map<std::string, size_t> position;
  for (size_t i = 0; i < articles.size(); ++i) position.emplace(articles[i].article->id, i);
  auto first = [&](const StoryEvent& e) {
    size_t art = e.sources.empty() ? 0 : position[e.sources[0]];
    uint32_t at = UINT32_MAX;
    for (const Evidence& ev : e.evidence) {
      if (!e.sources.empty() && ev.article == e.sources[0]) at = std::min(at, ev.span.start);
    }
    return std::make_pair(art, at);
  };
  std::stable_sort(out.begin(), out.end(), [&](const StoryEvent& a, const StoryEvent& b) {
    if (a.sources.size() != b.sources.size()) return a.sources.size() > b.sources.size();
    return first(a) < first(b);
  });
  return out;
}

}  // namespace corroborate
