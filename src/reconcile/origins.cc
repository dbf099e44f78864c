// Where each source of an event got it: its own outlet, the news organisation it cites, or the
// original it reprints (see story_report.h, StoryEvent::origins). Tested in reconcile_test.cc.
#include <unordered_map>

#include "core/ascii.h"
#include "events/news_outlets.h"
#include "reconcile/story_report.h"

namespace corroborate {
namespace {

// The news organisation an article cites for the event: its statement of the event or of any of
// its values, or a citation that names another article's outlet in the story ("according to
// Harbour Wire" where Harbour Wire carries the story). "" when it cites none.
std::string CitedOutlet(const Event& claim, const std::vector<std::string>& story_outlets) {
  auto outlet = [&](const Citation& c) -> std::string {
    if (c.origin.empty()) return "";
    if (c.news_outlet) return c.origin;
    std::string key = ascii::Lower(c.origin);
    for (const std::string& o : story_outlets) {
      if (ascii::Lower(o) == key) return o;
    }
    return "";
  };
  if (std::string o = outlet(claim.cited); !o.empty()) return o;
  for (const Role& r : claim.roles) {
    if (std::string o = outlet(r.value.cited); !o.empty()) return o;
  }
  return "";
}

}  // namespace

std::string OutletName(const StoryArticle& a) {
  std::string_view known = NewsOutletName(a.outlet);
  if (!known.empty()) return std::string(known);
  if (!a.outlet.empty() && a.outlet != a.article->id) return a.outlet;
  known = NewsOutletName(a.article->url);
  if (!known.empty()) return std::string(known);
  return a.outlet.empty() ? a.article->id : a.outlet;
}

std::vector<std::string> Origins(const std::vector<StoryArticle>& articles, const StoryEvent& se,
                                 const std::vector<std::string>& ids) {
  std::unordered_map<std::string_view, const StoryArticle*> by_id;
  std::vector<std::string> story_outlets;
  for (const StoryArticle& a : articles) {
    by_id.emplace(a.article->id, &a);
    story_outlets.push_back(OutletName(a));
  }
  std::unordered_map<std::string_view, size_t> source_index;
  for (size_t i = 0; i < se.sources.size(); ++i) source_index.emplace(se.sources[i], i);
  // An article's origin for this event; a reprint's is its original's (followed a few steps, in
  // case of a reprint of a reprint).
  auto origin_of = [&](const StoryArticle* a) {
    for (int hop = 0; hop < 8 && !a->duplicate_of.empty(); ++hop) {
      auto it = by_id.find(a->duplicate_of);
      if (it == by_id.end()) break;
      a = it->second;
    }
    auto si = source_index.find(a->article->id);
    if (si != source_index.end()) {
      std::string cited = CitedOutlet(se.claims[si->second], story_outlets);
      if (!cited.empty()) return cited;
    }
    return OutletName(*a);
  };
  std::vector<std::string> out;
  for (const std::string& id : ids) {
    auto it = by_id.find(id);
    if (it == by_id.end()) continue;
    std::string o = origin_of(it->second);
    bool seen = false;
    for (const std::string& x : out) seen |= x == o;
    if (!seen) out.push_back(std::move(o));
  }
  return out;
}

}  // namespace corroborate
