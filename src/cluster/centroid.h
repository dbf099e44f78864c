// The term vectors the clusterer compares, at both of its levels: document frequencies learnt from
// the stream (Idf), an article's heaviest terms under them (ArticleVector), and a centroid (the
// summed term frequencies of its articles, the heaviest kept) for a story or a storyline, with the
// cosine between them and the terms that make it. Tested in centroid_test.cc.
//
//   Idf idf(50);
//   idf.Count(features.terms);
//   TermVector a = ArticleVector(features.terms, kinds, idf, 80, nullptr);
//   Centroid story;
//   story.Add(a.terms, 128, kinds, idf);
//   std::vector<Shared> why;
//   double sim = Cosine(a, story, kinds, idf, &why, 8);
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

#include "cluster/features.h"
#include "cluster/flat_map.h"
#include "cluster/state_io.h"

namespace corroborate::cluster {

// How much each kind of term counts at one level of clustering.
struct KindWeights {
  float word = 1, name = 1, date = 1, number = 1;
  float operator()(uint64_t key) const {
    switch (KindOf(key)) {
      case TermKind::kWord: return word;
      case TermKind::kName: return name;
      case TermKind::kDate: return date;
      case TermKind::kNumber: return number;
    }
    return 1;
  }
};

// Inverse document frequencies learnt from the articles counted so far, as if `prior_articles` more
// had held none of the terms: at the start of a stream every term is then about equally rare.
class Idf {
 public:
  explicit Idf(double prior_articles) : prior_(prior_articles) {}
  void Count(const std::vector<Term>& terms);
  float operator()(uint64_t key) const;
  uint32_t Frequency(uint64_t key) const { return df_.Get(key); }
  void Prefetch(uint64_t key) const { df_.Prefetch(key); }
  uint32_t articles() const { return articles_; }
  size_t MemoryBytes() const { return df_.MemoryBytes(); }
  void Save(StateWriter& w) const;
  bool Load(StateReader& r);

 private:
  FlatMap64 df_;
  uint32_t articles_ = 0;
  double prior_;
};

struct Weighted {
  uint64_t key;
  float tf;
  float w;  // tf × kind weight × IDF
};

// Sorted by key, with its Euclidean norm.
struct TermVector {
  std::vector<Weighted> terms;
  double norm = 0;
};

// An article's `cap` heaviest terms under `kinds` and `idf`, sorted by key. `by_weight`, when
// given, gets the same terms heaviest first (ties by key).
TermVector ArticleVector(const std::vector<Term>& terms, const KindWeights& kinds, const Idf& idf, size_t cap,
                         std::vector<Weighted>* by_weight);

// A term both sides hold and its share of their dot product (the shares of all shared terms sum to 1).
struct Shared {
  uint64_t key = 0;
  float share = 0;
};

struct Centroid {
  std::vector<Term> terms;  // summed tf, sorted by key, at most the cap given to Add
  uint32_t articles = 0;    // what the sums are over: the mean tf is tf / articles

  // Adds one article's (or another centroid's) terms and counts `articles` more, keeping the `cap`
  // heaviest by tf × kind weight × IDF.
  void Add(const std::vector<Term>& add, uint32_t added_articles, size_t cap, const KindWeights& kinds, const Idf& idf);
  // Takes one article's terms back out (what the cap dropped stays dropped).
  void Subtract(const std::vector<Weighted>& article);
  void Clear();

  // The mean vector, weighed now.
  TermVector Vector(const KindWeights& kinds, const Idf& idf) const;
  // The same, cached: recomputed when the centroid changed or the corpus grew by a 64th since,
  // since IDF drifts slowly and a centroid is compared with thousands of articles.
  const TermVector& Weighed(const KindWeights& kinds, const Idf& idf);

  size_t MemoryBytes() const;
  // Everything, the cached weighing too: a stale cache is part of what the next comparison gives.
  void Save(StateWriter& w) const;
  bool Load(StateReader& r);

 private:
  TermVector cache_;
  uint32_t weighed_at_ = 0;
  bool weighed_ = false;
};

// Cosine of two vectors; `shared`, when given, gets the `top` terms that contribute most (by share,
// largest first).
double Cosine(const TermVector& a, const TermVector& b, std::vector<Shared>* shared = nullptr, size_t top = 0);

// The cosine of two vectors restricted to their names, and restricted to everything else (words,
// figures, dates): whether they share who and where, and whether they share what. A word and a
// name of one text (TermKey gives them the same bits but the kind's) are one term here.
struct SplitCosine {
  double names = 0;
  double others = 0;
};
// A word counts as a name when either side has it as a name, or when `name_like(word key)` says so.
SplitCosine CosineByKind(const TermVector& a, const TermVector& b, const std::function<bool(uint64_t)>& name_like);

// Articles' terms as centroid input: tf kept, sorted by key.
std::vector<Term> AsTerms(const std::vector<Weighted>& v);

}  // namespace corroborate::cluster
