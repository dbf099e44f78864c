// The story layer: near-duplicate detection, incremental story clustering, and storylines above
// stories. Each article, in arrival order, either joins the most similar open story or opens a new
// one; stories link into storylines (the developments of one affair) when they share named actors,
// places and distinctive words close enough in time (storylines.h). Later articles may show that
// two stories are one (they merge, the older id surviving) or that an article of a small story fits
// another better (it moves); Add reports each such change so a store can follow. Only this stage
// holds cross-article state, behind this narrow interface (add an article, get a story), so the
// state can later live in SQLite or a shared store. Tested in story_clusterer_test.cc.
//
//   auto clusterer = NewInMemoryClusterer(ClusterOptions{});
//   Assignment a = clusterer->Add(ExtractFeatures(article, mentions));
//   printf("%s %s\n", StoryName(a.story).c_str(), StorylineName(a.storyline).c_str());
//   for (const Change& c : a.changes) ...;                      // merges and moves it caused
//   uint32_t now = clusterer->StoryOfArticle(0);                // the first article's story today
//   std::optional<StoryInfo> s = clusterer->GetStory(now);      // s->headline, s->storyline
//
// Per article, Add costs O(query_terms × posting_cap + candidates × story_terms) plus a MinHash
// lookup of kBands × bucket_cap signature comparisons, and as often as a story's size doubles a
// storyline look-up of the same shape: bounded, whatever the corpus size.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cluster/centroid.h"
#include "cluster/features.h"
#include "cluster/state_io.h"
#include "cluster/storylines.h"

namespace corroborate::cluster {

struct ClusterOptions {
  // An article joins the best story when their similarity (cosine of IDF-weighted terms, damped
  // when the days they name disagree) reaches this; otherwise it opens a new story.
  double join_threshold = 0.2;
  // Articles whose estimated shingle Jaccard similarity reaches this are reprints.
  double duplicate_jaccard = 0.6;
  // A reprint is recognised when its original is among the latest this many articles (up to a
  // quarter more): 262,144, over eight months at a thousand articles a day. Older articles leave
  // the near-duplicate index, which would otherwise be most of the clusterer's memory and of the
  // state a store loads when it is opened to write (192 bytes an article and its bucket table).
  size_t duplicate_horizon = size_t(1) << 18;
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

  // Two stories merge when an article reaches the join threshold with both and their centroids'
  // cosine reaches this: the article shows they report one development.
  double merge_threshold = 0.5;
  // An article of a story of at most movable_articles articles moves to the story an arriving
  // article joined when it fits that story (similarity at least move_threshold) better, by
  // move_margin, than the rest of its own. Small stories only: a large story's centroid is not one
  // article's to lose. The bar is above the join threshold: an article that opened its own story
  // was once judged apart, and moving it back undoes that judgement.
  size_t movable_articles = 3;
  double move_threshold = 0.3;
  double move_margin = 0.1;
  size_t explain_terms = 8;    // shared terms kept to explain a join

  StorylineOptions storylines;
};

// A merge or a move an arriving article caused.
struct Change {
  enum class Kind {
    kStoryMerged,      // story `from` merged into story `to`: all its articles are `to`'s now
    kArticleMoved,     // article `article` (`article_id`) moved from story `from` to story `to`
    kStorylineMerged,  // storyline `from` merged into storyline `to`: all its stories are `to`'s
  };
  Kind kind = Kind::kStoryMerged;
  uint32_t from = 0, to = 0;
  uint32_t article = 0;        // arrival number (0, 1, ...) of the moved article
  std::string article_id;
  double similarity = 0;       // what decided it: centroid cosine, the moved article's fit, the link
  std::vector<Shared> shared;  // the terms that made that similarity (story merges and moves)
};

struct Assignment {
  uint32_t story = 0;          // 1, 2, 3, ... in order of first appearance
  uint32_t storyline = 0;      // the story's storyline after this article (a story number)
  std::string duplicate_of;    // id of the earlier article this one reprints; empty when none
  bool opened = false;         // this article opened the story
  // To the story it joined (1 for a reprint); when it opened one, to the closest story it did not
  // join (0 when there was none): how near the decision was.
  double similarity = 0;
  std::vector<Shared> shared;  // the terms the article shares with the story it joined, by weight
  uint32_t closest = 0;        // the most similar other story (0: none), and its similarity
  double closest_similarity = 0;
  std::vector<Change> changes; // merges and moves this article caused, in order
};

struct StoryInfo {
  uint32_t id = 0;
  std::string headline;        // the title of its most central article so far
  uint32_t articles = 0;
  int32_t first_published = kNoDay;  // days since 1970-01-01, kNoDay when no article had a date
  int32_t last_published = kNoDay;
  uint32_t merged_into = 0;    // the story it merged into (0: it stands); GetStory follows it
  uint32_t storyline = 0;
  StorylineLink link;          // why it is in its storyline
};

// "s1", "s2", ...: the readable story id the command line prints; "l1", ...: a storyline's.
std::string StoryName(uint32_t story);
std::string StorylineName(uint32_t storyline);

class StoryClusterer {
 public:
  virtual ~StoryClusterer() = default;
  virtual Assignment Add(const ArticleFeatures& article) = 0;
  // The story as it stands; a merged story's id gives the story it merged into.
  virtual std::optional<StoryInfo> GetStory(uint32_t story) const = 0;
  // Stories ever opened (merged ones included): ids run from 1 to this.
  virtual size_t StoryCount() const = 0;
  virtual size_t ArticleCount() const = 0;
  // The `number`th article added (from 0): its id, its story now (after merges and moves), and
  // the id of the article it reprints ("" when none).
  virtual std::string ArticleId(uint32_t number) const = 0;
  virtual uint32_t StoryOfArticle(uint32_t number) const = 0;
  virtual std::string DuplicateOf(uint32_t number) const = 0;
  virtual uint32_t StorylineOf(uint32_t story) const = 0;
  // Bytes held by the clusterer's state, for benchmarks and budgets.
  virtual size_t MemoryBytes() const = 0;
  // Writes the whole state, with the format version and the options it was made with, so that
  // LoadInMemoryClusterer gives a clusterer that goes on exactly as this one would.
  virtual void Save(StateWriter& out) const = 0;
};

std::unique_ptr<StoryClusterer> NewInMemoryClusterer(const ClusterOptions& options);

// A clusterer from a state Save wrote: kUnsupported when it was written by another format version
// or with other options than `options`, kInvalidInput when the bytes are truncated or damaged.
// The format version (kClusterStateVersion in in_memory_clusterer.cc) changes with any change to
// what Add does, so that a stored state never stands for what the current code would not compute.
Result<std::unique_ptr<StoryClusterer>> LoadInMemoryClusterer(const ClusterOptions& options, StateReader& in);

// Adds every article in order to a new in-memory clusterer: the batch form of Add, for tests.
std::vector<Assignment> ClusterAll(const std::vector<ArticleFeatures>& articles, const ClusterOptions& options);

}  // namespace corroborate::cluster
