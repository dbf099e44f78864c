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

struct StoryEvent {
  std::string id;                     // "e1", "e2", ... in the order of first statement
  Event event;                        // merged roles: each role's best-supported value
  std::vector<std::string> sources;   // article ids that state it, in input order
  size_t outlets = 0;                 // independent outlets among them (reprints not counted)
  std::vector<Evidence> evidence;
  // Each source's own claim, parallel to `sources`: what the conflicts are computed from.
  std::vector<Event> claims;
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

}  // namespace corroborate
