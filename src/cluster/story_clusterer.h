// The story layer's first half: near-duplicate detection and incremental story clustering. Each
// article, in arrival order, either joins the most similar open story or opens a new one; nothing
// already assigned is revisited, so the corpus is never processed again. Only this stage holds
// cross-article state, behind this narrow interface (add an article, get a story), so the state can
// later live in SQLite or a shared store. Tested in story_clusterer_test.cc.
//
//   auto clusterer = NewInMemoryClusterer(ClusterOptions{});
//   Assignment a = clusterer->Add(ExtractFeatures(article, mentions));
//   printf("%s %s\n", StoryName(a.story).c_str(), a.duplicate_of.c_str());
//   std::optional<StoryInfo> s = clusterer->GetStory(a.story);  // s->headline
//
// Per article, Add costs O(query_terms × posting_cap + candidates × story_terms) plus a MinHash
// lookup of kBands × bucket_cap signature comparisons: bounded, whatever the corpus size.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cluster/features.h"

namespace corroborate::cluster {

struct ClusterOptions {
  // An article joins the best story when their similarity (cosine of IDF-weighted terms, damped
  // when the days they name disagree) reaches this; otherwise it opens a new story.
  double join_threshold = 0.2;
  // Articles whose estimated shingle Jaccard similarity reaches this are reprints.
  double duplicate_jaccard = 0.6;
  // An article published more than this many days outside a story's publication range cannot
  // join it (when both dates are known). Stories whose last article is twice this older than the
  // newest article seen drop their centroid, which bounds memory on an endless stream.
  int window_days = 14;
  // Similarity is multiplied by this when both sides name exact days and none is within a day of
  // the other: two earthquakes a year apart share every word but their dates.
  double day_conflict_factor = 0.75;

  // IDF is learnt from the articles seen so far, as if this many more articles had held none of
  // the terms: at the start of a stream every term is then about equally rare, instead of the
  // terms two articles share being the least weighty ones.
  double idf_prior_articles = 50;

  // Weights by term kind: names, dates and numbers tell same-kind events apart, while ordinary
  // words are shared by every story of a kind (tuned on the ECB+ development set).
  float word_weight = 0.6f;
  float name_weight = 1.0f;
  float date_weight = 1.5f;
  float number_weight = 1.5f;

  size_t article_terms = 80;   // top-weighted terms an article is compared with
  size_t story_terms = 128;    // top-weighted terms a story keeps (its compact centroid)
  size_t query_terms = 16;     // an article's terms looked up in the index, and indexed
  size_t posting_cap = 128;    // latest stories read per looked-up term
  size_t candidates = 32;      // stories scored in full per article
  size_t story_days = 8;       // most-named days a story keeps
};

struct Assignment {
  uint32_t story = 0;          // 1, 2, 3, ... in order of first appearance
  std::string duplicate_of;    // id of the earlier article this one reprints; empty when none
  bool opened = false;         // this article opened the story
  // To the story it joined (1 for a reprint); when it opened one, to the closest story it did not
  // join (0 when there was none): how near the decision was.
  double similarity = 0;
};

struct StoryInfo {
  uint32_t id = 0;
  std::string headline;        // the title of its most central article so far
  uint32_t articles = 0;
  int32_t first_published = kNoDay;  // days since 1970-01-01, kNoDay when no article had a date
  int32_t last_published = kNoDay;
};

// "s1", "s2", ...: the readable story id the command line prints.
std::string StoryName(uint32_t story);

class StoryClusterer {
 public:
  virtual ~StoryClusterer() = default;
  virtual Assignment Add(const ArticleFeatures& article) = 0;
  virtual std::optional<StoryInfo> GetStory(uint32_t story) const = 0;
  virtual size_t StoryCount() const = 0;
  // Bytes held by the clusterer's state, for benchmarks and budgets.
  virtual size_t MemoryBytes() const = 0;
};

std::unique_ptr<StoryClusterer> NewInMemoryClusterer(const ClusterOptions& options);

// Adds every article in order to a new in-memory clusterer: the batch form of Add, for tests.
std::vector<Assignment> ClusterAll(const std::vector<ArticleFeatures>& articles, const ClusterOptions& options);

}  // namespace corroborate::cluster
