// What the clusterer's decisions leave in the store: why each article is in its story
// (articles.why), why each story is in its storyline (stories.link), and the merges and moves it
// made: a merged story's articles (and their corrections) go to the story it merged into and its
// rows go, a moved article changes story, a merged storyline's stories take the surviving
// storyline's id, and each change is kept in cluster_history. Tested in store_test.cc.
//
//   std::string why = WhyJson(assignment, article, mentions);   // with the shared terms' words
//   Status s = ApplyChange(db, change, rowid, SharedTermsJson(change.shared, labels), why_of_moved,
//                          touched, gone);
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "cluster/story_clusterer.h"
#include "pipeline/analyze_runner.h"
#include "store/db.h"

namespace corroborate::store {

// [{"term": "Odile Brennan", "kind": "name", "share": 0.21}, ...]: the shared terms, the words
// that made them (terms no article at hand names are left out), their share of the similarity.
std::string SharedTermsJson(const std::vector<cluster::Shared>& shared, const std::vector<std::string>& labels);

// The words of `articles` that made each key, "" where none does.
std::vector<std::string> LabelFromArticles(const std::vector<AnalyzedArticle>& articles,
                                           const std::vector<cluster::Shared>& shared);

// Why an article is in its story, as Add decided it: {"story", "opened", "similarity", "shared",
// "closest": {"story", "similarity"} | null, "duplicate_of"}.
std::string WhyJson(const cluster::Assignment& as, const AnalyzedArticle& a);
// The same with the article's term labels found when it was prepared (cluster::ExtractFeatures):
// no second pass over its text in the commit.
std::string WhyJson(const cluster::Assignment& as, const AnalyzedArticle& a, const cluster::TermLabels& labels);
// Why a moved article is where it is now: {"story", "moved_from", "similarity", "shared", ...}.
std::string MovedWhyJson(const cluster::Change& c, const std::vector<std::string>& labels);

// Why a story is in its storyline: {"storyline", "joined": bool, "similarity", "shared",
// "closest": {"storyline", "similarity"} | null}.
std::string LinkJson(const cluster::StoryInfo& info, const std::vector<std::string>& labels);

// Applies one change to the rows and records it. `at_rowid`: the arriving article that caused it;
// `shared_json`: the terms that decided it (SharedTermsJson); `moved_why`: the moved article's new
// why (kArticleMoved). `touched` gets the stories whose report must be recomputed; `gone` the
// stories that no longer exist (and leave `touched`).
Status ApplyChange(Db& db, const cluster::Change& c, int64_t at_rowid, const std::string& shared_json,
                   const std::string& moved_why, std::set<uint32_t>& touched, std::set<uint32_t>& gone);

// Deletes the rows that hang off a story (events, roles, sources, evidence, claims, entities); DeleteStory
// its row too.
Status DeleteStoryRows(Db& db, uint32_t story);
Status DeleteStory(Db& db, uint32_t story);

}  // namespace corroborate::store
