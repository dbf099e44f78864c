// The reconcile stage: one story's articles and the events each states in, the story's corroborated
// events, conflicts and attribution issues out (../shared/spec/CONTRACT.md, "The story report").
// Holds no text parsing: it compares what the events stage and extract found. Tested in
// reconcile_test.cc.
//
//   std::vector<StoryArticle> in = {{&article, &mentions, &events, "Harbour Wire", ""}, ...};
//   StoryReport r = ReconcileStory(in);
//   for (const StoryEvent& e : r.events) printf("%s %zu sources\n", e.id.c_str(), e.sources.size());
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "clean/article.h"
#include "events/event.h"
#include "extract/mentions.h"

namespace corroborate {

struct StoryArticle {
  const Article* article = nullptr;
  const Mentions* mentions = nullptr;
  const std::vector<Event>* events = nullptr;
  std::string outlet;        // the publishing source; the article id when unknown
  std::string duplicate_of;  // id of the article this one reprints, or ""
};

struct Evidence {
  std::string article;  // article id
  Span span;            // bytes in that article's text
  std::string text;
};

// One statement of a role's value by one article: the value as it states it there, with the words
// that state it and whom it cites.
struct ValueClaim {
  std::string article;  // article id
  RoleValue value;      // value.span: bytes in that article's text; value.cited
  std::string text;     // the words at value.span ("up to $50 billion"); "" when the value came from context
};

// Who states a settled role's value: the articles whose own statement agrees with it, and each
// of their statements (an article that states the event but not this value is not among them).
struct RoleSupport {
  std::string role;
  std::vector<std::string> sources;  // article ids, in input order
  std::vector<ValueClaim> claims;    // each statement of each source, in source order
  size_t independent = 0;            // distinct origins among the sources (StoryEvent::origins)
};

struct StoryEvent {
  std::string id;                     // "e1", "e2", ... in the order of first statement
  Event event;                        // merged roles: each role's best-supported value
  std::vector<std::string> sources;   // article ids that state it, in input order
  size_t outlets = 0;                 // distinct outlets among them
  // Distinct origins among them: a reprint counts with its original, and articles citing the same
  // news organisation for the event count once, as that organisation. Named in order of first source.
  std::vector<std::string> origins;
  std::vector<Evidence> evidence;
  // Each source's own claim, parallel to `sources`: what values and conflicts are computed from.
  std::vector<Event> claims;
  std::vector<RoleSupport> support;   // one per role of `event`

  const RoleSupport* Support(std::string_view role) const;
};

struct SourcedValue {
  std::string value;   // as printed: a number, an ISO date, a status ("in_talks/advanced")
  RoleValue raw;
  std::vector<std::string> sources;
};

struct Conflict {
  std::string event;   // StoryEvent::id
  std::string role;    // a role name, or "status"
  std::vector<SourcedValue> values;
};

struct AttributionIssue {
  std::string kind;    // name_variant | affiliation_variant | uncorroborated_speaker
  std::vector<std::string> people;
  std::vector<std::string> sources;
  std::string detail;
};

struct StoryReport {
  std::vector<StoryEvent> events;
  std::vector<Conflict> conflicts;
  std::vector<AttributionIssue> attribution_issues;
};

StoryReport ReconcileStory(const std::vector<StoryArticle>& articles);

// Merges the story's claims into events (merge.cc), then finds conflicts among each event's
// claims (conflicts.cc) and checks who is quoted as what (attribution.cc).
std::vector<StoryEvent> MergeClaims(const std::vector<StoryArticle>& articles);
std::vector<Conflict> FindConflicts(const std::vector<StoryEvent>& events);
std::vector<AttributionIssue> CheckAttributions(const std::vector<StoryArticle>& articles);

// Prints a role value as the report shows it: a canonical name, a number, an ISO date.
std::string ValueText(const RoleValue& v);

// Settles each role of a merged event on the value most of its claims state, with the qualifier
// most of those use, and records who states it (settle.cc); settles the status the same way.
void Settle(const std::vector<StoryArticle>& articles, StoryEvent& se);
// The claims (indices into se.claims) that state `role`, grouped by agreeing value (ValuesAgree) in
// order of first statement (settle.cc).
std::vector<std::vector<size_t>> GroupClaims(const StoryEvent& se, const std::string& role);
// The origins (see StoryEvent::origins) of some of an event's sources (origins.cc).
std::vector<std::string> Origins(const std::vector<StoryArticle>& articles, const StoryEvent& se,
                                 const std::vector<std::string>& ids);
// An article's outlet named one way: a news organisation's canonical name when the outlet (or,
// failing it, the article's address) names one, else the outlet as given, else the article id.
std::string OutletName(const StoryArticle& a);

}  // namespace corroborate
