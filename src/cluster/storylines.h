// Storylines: the developments of one affair linked above stories. Each story opens a storyline of
// its own; a story joins (and so merges its own into) any other storyline whose profile shares
// enough of its named actors, places and distinctive words, weighed down by the time between them.
// A storyline's profile is the centroid of its articles; dates are left out, since each development
// has its own. Ids are story numbers: a storyline is known by its first story, and when two merge
// the smaller id survives. Used by the in-memory clusterer; tested in story_clusterer_test.cc and
// storylines_test.cc.
//
//   StorylineLinker lines(StorylineOptions{}, idf);
//   lines.Open(story, day);
//   lines.AddArticle(lines.Find(story_line), AsTerms(article_top_terms), day);
//   StorylineLink l = lines.Link(own, story_vector, first_day, last_day, &merged);
#pragma once

#include <cstdint>
#include <vector>

#include "cluster/centroid.h"
#include "cluster/posting_index.h"

namespace corroborate::cluster {

struct StorylineOptions {
  // Named actors and places weigh most; ordinary words (already weighed by rarity) tell one affair
  // of a company from another; figures a little; dates not at all.
  KindWeights kinds{0.5f, 1.0f, 0.0f, 0.5f};
  // A story joins a storyline when its cosine with the storyline's profile, divided by
  // 1 + days apart / decay_days, reaches this.
  double link_threshold = 0.15;
  double decay_days = 60;
  // Farther apart than this, a story and a storyline are not compared; a storyline whose last
  // article is this much older than the newest seen drops its profile.
  int max_gap_days = 90;
  size_t terms = 128;         // a storyline profile's heaviest terms kept
  size_t query_terms = 12;    // a story's terms looked up in the storyline index, and indexed
  size_t posting_cap = 64;    // latest storylines read per term
  size_t candidates = 16;     // storylines compared in full per look-up
  size_t explain_terms = 8;   // shared terms kept to explain a link
};

// Why a story is in its storyline: the storyline it joined when it last linked (0 when it never
// joined another, so opened its own), with the similarity (time decay applied) and the terms that
// made it, and the closest storyline it did not join.
struct StorylineLink {
  uint32_t joined = 0;
  double similarity = 0;
  std::vector<Shared> shared;
  uint32_t closest = 0;
  double closest_similarity = 0;
};

class StorylineLinker {
 public:
  StorylineLinker(const StorylineOptions& options, const Idf& idf) : o_(options), idf_(idf), index_(options.posting_cap) {}

  const StorylineOptions& options() const { return o_; }

  // A new storyline for story `id`, which must be the next story number.
  void Open(uint32_t id, int32_t day);
  void AddArticle(uint32_t line, const std::vector<Term>& terms, int32_t day);
  void RemoveArticle(uint32_t line, const std::vector<Weighted>& terms);

  // The storyline `line` is now part of (itself unless merged).
  uint32_t Find(uint32_t line) const;

  // Compares a story (its mean vector under options().kinds, its publication days) with the other
  // storylines that share its heaviest terms; merges `own` with each it links to. `merged` gets
  // each (absorbed, survivor) pair in order. The story is then indexed under its storyline.
  StorylineLink Link(uint32_t own, const TermVector& story, int32_t first_day, int32_t last_day,
                     std::vector<std::pair<uint32_t, uint32_t>>& merged);

  // Merges two storylines; returns the survivor (the smaller id).
  uint32_t Merge(uint32_t a, uint32_t b);

  // A story of `line` went into a story of `into` (merged or emptied by moves): when it was the
  // storyline's last story, the storyline goes with it (and this returns true).
  bool StoryLeft(uint32_t line, uint32_t into);

  uint32_t Stories(uint32_t line) const { return lines_[Find(line) - 1].stories; }
  // Drops the profiles of storylines with nothing published within max_gap_days of `newest_day`.
  void CloseOld(int32_t newest_day);
  size_t MemoryBytes() const;
  // Everything but the options and the IDF it was made with (its owner saves that).
  void Save(StateWriter& w) const;
  bool Load(StateReader& r);
  size_t Count() const { return lines_.size(); }

 private:
  struct Line {
    Centroid profile;
    int32_t first = kNoDay, last = kNoDay;
    uint32_t stories = 1;
    mutable uint32_t parent = 0;  // 0: a root; compressed by Find
    bool closed = false;
  };
  static int32_t Gap(int32_t a_first, int32_t a_last, int32_t b_first, int32_t b_last);

  StorylineOptions o_;
  const Idf& idf_;
  std::vector<Line> lines_;  // by id - 1
  PostingIndex index_;
  uint32_t closed_up_to_ = 0;
  // Scratch reused across look-ups.
  std::vector<float> votes_;
  std::vector<uint32_t> touched_, walked_, counts_;
  std::vector<uint64_t> keys_;
};

}  // namespace corroborate::cluster
