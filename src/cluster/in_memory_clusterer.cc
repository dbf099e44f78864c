// The in-memory StoryClusterer (see story_clusterer.h): document frequencies learnt from the
// articles seen so far, a capped inverted index from terms to stories for candidate retrieval, a
// compact centroid per story, and a MinHash index for reprints. Tested in story_clusterer_test.cc.
#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "cluster/duplicate_index.h"
#include "cluster/flat_map.h"
#include "cluster/story_clusterer.h"

namespace corroborate::cluster {
namespace {

struct Story {
  std::vector<Term> terms;                      // summed tf, sorted by key, at most story_terms
  std::vector<std::pair<int32_t, uint32_t>> days;  // named day → articles naming it
  int32_t first_published = kNoDay;
  int32_t last_published = kNoDay;
  uint32_t articles = 0;
  float headline_centrality = -1;
  std::string headline;
  // The centroid's weights (tf / articles × kind weight × IDF, one per term) and their norm, as of
  // `weighed_at` articles: IDF drifts slowly, so they are recomputed when the story changes or the
  // corpus has grown by a 64th since, not for every comparison (each weight costs an IDF lookup
  // in a table of millions of terms, and a story is compared with thousands of articles).
  std::vector<float> weights;
  double norm = 0;
  uint32_t weighed_at = 0;
  bool weighed = false;
  bool closed = false;  // out of every window: its centroid is dropped and it leaves the index
};

struct Weighted {
  uint64_t key;
  float tf;
  float w;
};

class InMemoryClusterer final : public StoryClusterer {
 public:
  explicit InMemoryClusterer(const ClusterOptions& o) : o_(o), dups_(o.duplicate_jaccard) {}

  Assignment Add(const ArticleFeatures& f) override;

  std::optional<StoryInfo> GetStory(uint32_t story) const override {
    if (story == 0 || story > stories_.size()) return std::nullopt;
    const Story& s = stories_[story - 1];
    return StoryInfo{story, s.headline, s.articles, s.first_published, s.last_published};
  }
  size_t StoryCount() const override { return stories_.size(); }
  size_t MemoryBytes() const override;

 private:
  float Idf(uint64_t key) const {
    const double df = df_.Get(key);
    return float(std::max(0.0, std::log((double(articles_) + o_.idf_prior_articles + 1.0) / (df + 0.5))));
  }
  float KindWeight(uint64_t key) const {
    switch (KindOf(key)) {
      case TermKind::kWord: return o_.word_weight;
      case TermKind::kName: return o_.name_weight;
      case TermKind::kDate: return o_.date_weight;
      case TermKind::kNumber: return o_.number_weight;
    }
    return 1;
  }
  double Similarity(const std::vector<Weighted>& a, double a_norm, const ArticleFeatures& f, Story& s);
  void Weigh(Story& s);
  bool InWindow(const ArticleFeatures& f, const Story& s) const;
  void Join(uint32_t story, const ArticleFeatures& f, const std::vector<Weighted>& top, double similarity);
  void Index(uint32_t story, const std::vector<Weighted>& by_weight);
  void CloseOldStories();
  void CompactPostings();

  ClusterOptions o_;
  uint32_t articles_ = 0;
  FlatMap64 df_;                       // term → articles holding it
  std::vector<Story> stories_;
  std::vector<uint32_t> story_of_;     // article number → story
  std::string ids_;                    // article ids, end to end
  std::vector<uint32_t> id_ends_;      // article number → end of its id in ids_
  DuplicateIndex dups_;

  // Posting lists as chains, newest first, so a term seen once costs no allocation of its own:
  // term → 1 + latest posting; a posting is (story, 1 + the posting before it).
  FlatMap32 posting_head_;
  std::vector<std::pair<uint32_t, uint32_t>> postings_;
  size_t compacted_size_ = 0;  // postings_ after the last CompactPostings

  // Scratch for candidate retrieval, indexed by story: reused across calls.
  std::vector<float> votes_;
  std::vector<uint32_t> touched_;
  // Scratch for the walks of the looked-up terms' posting chains: where each walk is, and the
  // stories it read (posting_cap slots per walk).
  struct Walk {
    uint32_t link;    // 1 + the next posting to read; 0 at the chain's end
    uint32_t walked;  // postings read so far
    float w;          // the term's weight in the article
  };
  std::vector<Walk> walks_;
  std::vector<uint32_t> walked_stories_;
  void WalkPostings();

  // Stories whose last article is this many days older than the newest publication date seen
  // drop their centroid: no dated article in the window could join them any more, and at a
  // million articles most stories are old ones.
  int32_t newest_day_ = kNoDay;
  uint32_t closed_up_to_ = 0;  // stories before this one were all checked in an earlier sweep
};

constexpr uint32_t kSweepEvery = 4096;  // articles between two sweeps for old stories

// At a million articles the term tables are far larger than the caches: each loop over terms asks
// for the slot this many terms ahead, so its cache miss overlaps the work on the terms before it.
constexpr size_t kPrefetchAhead = 8;

bool InMemoryClusterer::InWindow(const ArticleFeatures& f, const Story& s) const {
  if (f.published_day == kNoDay || s.first_published == kNoDay) return true;
  return f.published_day >= s.first_published - o_.window_days && f.published_day <= s.last_published + o_.window_days;
}

void InMemoryClusterer::Weigh(Story& s) {
  if (s.weighed && articles_ - s.weighed_at <= articles_ / 64) return;
  s.weights.resize(s.terms.size());
  s.norm = 0;
  const float inv = 1.0f / float(s.articles);
  for (size_t j = 0; j < s.terms.size(); ++j) {
    if (j + kPrefetchAhead < s.terms.size()) df_.Prefetch(s.terms[j + kPrefetchAhead].key);
    const Term& t = s.terms[j];
    const double w = double(t.tf) * inv * KindWeight(t.key) * Idf(t.key);
    s.weights[j] = float(w);
    s.norm += w * w;
  }
  s.norm = std::sqrt(s.norm);
  s.weighed_at = articles_;
  s.weighed = true;
}

double InMemoryClusterer::Similarity(const std::vector<Weighted>& a, double a_norm, const ArticleFeatures& f,
                                     Story& s) {
  // Cosine of the article's top terms (sorted by key) against the story's centroid, both weighed
  // by (nearly) today's IDF so early stories are not judged by the statistics of a smaller corpus.
  Weigh(s);
  double dot = 0;
  size_t i = 0;
  for (size_t j = 0; j < s.terms.size() && i < a.size(); ++j) {
    const uint64_t key = s.terms[j].key;
    while (i < a.size() && a[i].key < key) ++i;
    if (i < a.size() && a[i].key == key) dot += double(s.weights[j]) * a[i].w;
  }
  const double s_norm = s.norm;
  if (dot <= 0 || s_norm <= 0) return 0;
  double sim = dot / (a_norm * s_norm);
  if (!f.days.empty() && !s.days.empty()) {
    bool near = false;
    for (int32_t d : f.days) {
      for (const auto& [day, n] : s.days) near |= std::abs(day - d) <= 1;
    }
    if (!near) sim *= o_.day_conflict_factor;
  }
  return sim;
}

void InMemoryClusterer::Index(uint32_t story, const std::vector<Weighted>& by_weight) {
  if (postings_.size() >= 2 * compacted_size_ + 65536) CompactPostings();
  const size_t n = std::min(o_.query_terms, by_weight.size());
  for (size_t i = 0; i < n; ++i) posting_head_.Prefetch(by_weight[i].key);
  for (size_t i = 0; i < n; ++i) {
    uint32_t& head = posting_head_.Upsert(by_weight[i].key);
    if (head != 0 && postings_[head - 1].first == story) continue;
    postings_.push_back({story, head});
    head = uint32_t(postings_.size());
  }
}

void InMemoryClusterer::Join(uint32_t story, const ArticleFeatures& f, const std::vector<Weighted>& top,
                             double similarity) {
  Story& s = stories_[story - 1];
  // Merge the article's top terms into the centroid, then keep the story_terms heaviest.
  std::vector<Term> merged;
  merged.reserve(s.terms.size() + top.size());
  size_t i = 0, j = 0;
  while (i < s.terms.size() || j < top.size()) {
    if (j == top.size() || (i < s.terms.size() && s.terms[i].key < top[j].key)) {
      merged.push_back(s.terms[i++]);
    } else if (i == s.terms.size() || top[j].key < s.terms[i].key) {
      merged.push_back({top[j].key, top[j].tf});
      ++j;
    } else {
      merged.push_back({s.terms[i].key, s.terms[i].tf + top[j].tf});
      ++i, ++j;
    }
  }
  if (merged.size() > o_.story_terms) {
    std::vector<std::pair<float, uint32_t>> order(merged.size());
    for (size_t k = 0; k < merged.size(); ++k) {
      if (k + kPrefetchAhead < merged.size()) df_.Prefetch(merged[k + kPrefetchAhead].key);
      order[k] = {merged[k].tf * KindWeight(merged[k].key) * Idf(merged[k].key), uint32_t(k)};
    }
    std::nth_element(order.begin(), order.begin() + o_.story_terms, order.end(),
                     [](const auto& x, const auto& y) { return x.first > y.first; });
    order.resize(o_.story_terms);
    std::sort(order.begin(), order.end(), [](const auto& x, const auto& y) { return x.second < y.second; });
    std::vector<Term> kept;
    kept.reserve(o_.story_terms);
    for (const auto& [w, k] : order) kept.push_back(merged[k]);
    merged.swap(kept);
  }
  s.terms = std::move(merged);
  s.terms.shrink_to_fit();
  s.weighed = false;

  for (int32_t d : f.days) {
    auto it = std::find_if(s.days.begin(), s.days.end(), [&](const auto& p) { return p.first == d; });
    if (it != s.days.end()) ++it->second;
    else s.days.push_back({d, 1});
  }
  if (s.days.size() > o_.story_days) {
    std::stable_sort(s.days.begin(), s.days.end(), [](const auto& x, const auto& y) { return x.second > y.second; });
    s.days.resize(o_.story_days);
  }
  if (f.published_day != kNoDay) {
    if (s.first_published == kNoDay || f.published_day < s.first_published) s.first_published = f.published_day;
    if (s.last_published == kNoDay || f.published_day > s.last_published) s.last_published = f.published_day;
  }
  ++s.articles;
  // The headline is the title of the article closest to the story as it stood when it joined;
  // the opener keeps it until a later article is closer than the first joiner was.
  if (!f.headline.empty()) {
    if (s.headline.empty()) {
      s.headline = f.headline;
    } else if (s.headline_centrality < 0) {
      s.headline_centrality = float(similarity);
    } else if (similarity > s.headline_centrality) {
      s.headline = f.headline;
      s.headline_centrality = float(similarity);
    }
  }
}

void InMemoryClusterer::CloseOldStories() {
  if (newest_day_ == kNoDay) return;
  const int32_t cutoff = newest_day_ - 2 * o_.window_days;
  bool all_closed = true;
  for (uint32_t i = closed_up_to_; i < stories_.size(); ++i) {
    Story& s = stories_[i];
    if (s.last_published != kNoDay && s.last_published < cutoff) {
      s.closed = true;
      if (!s.terms.empty()) {
        std::vector<Term>().swap(s.terms);
        std::vector<float>().swap(s.weights);
        std::vector<std::pair<int32_t, uint32_t>>().swap(s.days);
      }
      if (all_closed) closed_up_to_ = i + 1;
    } else {
      all_closed = false;  // undated or recent: look at it again next time
    }
  }
}

// Rewrites the posting chains so that each term's postings sit side by side, newest first, keeping
// only what a walk can reach (the first posting_cap) and leaving closed stories out. A chain built
// by appending is scattered over the whole vector, one cache miss per posting: at 100k articles
// walking them was 60% of Add. Run whenever the vector has doubled, so its cost per article is
// constant and the index holds what can still be found, not the whole history.
void InMemoryClusterer::CompactPostings() {
  std::vector<std::pair<uint32_t, uint32_t>> kept;
  kept.reserve(postings_.size());
  posting_head_.ForEachValue([&](uint32_t& head) {
    const size_t first = kept.size();
    for (uint32_t link = head; link != 0 && kept.size() - first < o_.posting_cap; link = postings_[link - 1].second) {
      const uint32_t story = postings_[link - 1].first;
      if (!stories_[story - 1].closed) kept.push_back({story, uint32_t(kept.size() + 2)});
    }
    if (kept.size() == first) {
      head = 0;
      return;
    }
    kept.back().second = 0;
    head = uint32_t(first + 1);
  });
  kept.shrink_to_fit();
  postings_.swap(kept);
  compacted_size_ = postings_.size();
}

// Reads every walk's chain up to posting_cap postings. The chains are walked side by side, one
// posting of each per round, with the next posting of each prefetched: a chain is a pointer chase,
// one cache miss per posting where it is scattered, and side by side the misses of different
// chains overlap instead of queueing (at 300k articles the one-chain-at-a-time walk was half of
// Add). What each walk reads, and so the votes, are as if walked one after another.
void InMemoryClusterer::WalkPostings() {
  walked_stories_.resize(walks_.size() * o_.posting_cap);
  bool active = true;
  while (active) {
    active = false;
    for (size_t t = 0; t < walks_.size(); ++t) {
      Walk& w = walks_[t];
      if (w.link == 0 || w.walked >= o_.posting_cap) continue;
      const auto [story, next] = postings_[w.link - 1];
      walked_stories_[t * o_.posting_cap + w.walked++] = story;
      w.link = next;
      if (next != 0) __builtin_prefetch(&postings_[next - 1]);
      active = true;
    }
  }
}

Assignment InMemoryClusterer::Add(const ArticleFeatures& f) {
  const uint32_t number = articles_++;
  if (f.published_day != kNoDay && (newest_day_ == kNoDay || f.published_day > newest_day_)) newest_day_ = f.published_day;
  if (articles_ % kSweepEvery == 0) CloseOldStories();
  for (size_t i = 0; i < f.terms.size(); ++i) {
    if (i + kPrefetchAhead < f.terms.size()) df_.Prefetch(f.terms[i + kPrefetchAhead].key);
    ++df_.Upsert(f.terms[i].key);
  }
  ids_ += f.id;
  id_ends_.push_back(uint32_t(ids_.size()));

  // The article's vector: its article_terms heaviest terms under the current IDF.
  std::vector<Weighted> by_weight;
  by_weight.reserve(f.terms.size());
  for (const Term& t : f.terms) by_weight.push_back({t.key, t.tf, t.tf * KindWeight(t.key) * Idf(t.key)});
  auto heavier = [](const Weighted& x, const Weighted& y) { return x.w > y.w || (x.w == y.w && x.key < y.key); };
  if (by_weight.size() > o_.article_terms) {
    std::nth_element(by_weight.begin(), by_weight.begin() + o_.article_terms, by_weight.end(), heavier);
    by_weight.resize(o_.article_terms);
  }
  std::sort(by_weight.begin(), by_weight.end(), heavier);
  std::vector<Weighted> by_key = by_weight;
  std::sort(by_key.begin(), by_key.end(), [](const Weighted& x, const Weighted& y) { return x.key < y.key; });
  double a_norm = 0;
  for (const Weighted& w : by_key) a_norm += double(w.w) * w.w;
  a_norm = std::sqrt(a_norm);

  Assignment result;
  // A reprint joins its original's story and names the original (the first of a chain of reprints).
  if (f.has_signature) {
    if (std::optional<uint32_t> original = dups_.Find(f.signature)) {
      const uint32_t story = story_of_[*original];
      const uint32_t begin = *original == 0 ? 0 : id_ends_[*original - 1];
      result.story = story;
      result.duplicate_of = ids_.substr(begin, id_ends_[*original] - begin);
      result.similarity = 1;
      story_of_.push_back(story);
      Join(story, f, by_key, 1);
      return result;  // not indexed: its original already is, and a reprint says nothing new
    }
    dups_.Insert(number, f.signature);
  }

  // Candidates: stories indexed under the article's heaviest terms, ranked by the weight of the
  // terms that found them; only the best few are compared in full.
  if (votes_.size() < stories_.size() + 1) votes_.resize(stories_.size() + 1, 0);
  touched_.clear();
  for (size_t i = 0; i < std::min(2 * o_.query_terms, by_weight.size()); ++i) posting_head_.Prefetch(by_weight[i].key);
  // A term only this article holds finds nothing, so the looked-up terms are the heaviest shared ones.
  walks_.clear();
  for (size_t i = 0; i < by_weight.size() && walks_.size() < o_.query_terms; ++i) {
    if (df_.Get(by_weight[i].key) < 2) continue;
    walks_.push_back({posting_head_.Get(by_weight[i].key), 0, by_weight[i].w});
  }
  WalkPostings();
  for (size_t t = 0; t < walks_.size(); ++t) {  // votes summed term by term, as the walks read them
    const uint32_t* stories = &walked_stories_[t * o_.posting_cap];
    for (uint32_t k = 0; k < walks_[t].walked; ++k) {
      const uint32_t story = stories[k];
      if (votes_[story] == 0) touched_.push_back(story);
      votes_[story] += walks_[t].w + 1e-6f;  // never 0 once touched
    }
  }
  auto more_votes = [&](uint32_t x, uint32_t y) { return votes_[x] > votes_[y] || (votes_[x] == votes_[y] && x < y); };
  if (touched_.size() > o_.candidates) {
    std::nth_element(touched_.begin(), touched_.begin() + o_.candidates, touched_.end(), more_votes);
  }
  const size_t n_candidates = std::min(o_.candidates, touched_.size());
  uint32_t best = 0;
  double best_sim = 0;
  for (size_t i = 0; i < n_candidates; ++i) {
    const uint32_t story = touched_[i];
    Story& s = stories_[story - 1];
    if (!InWindow(f, s)) continue;
    const double sim = Similarity(by_key, a_norm, f, s);
    if (sim > best_sim || (sim == best_sim && story < best)) {
      best_sim = sim;
      best = story;
    }
  }
  for (uint32_t story : touched_) votes_[story] = 0;

  if (best != 0 && best_sim >= o_.join_threshold) {
    result.story = best;
    result.similarity = best_sim;
  } else {
    stories_.emplace_back();
    result.story = uint32_t(stories_.size());
    result.opened = true;
    result.similarity = best_sim;
  }
  story_of_.push_back(result.story);
  Join(result.story, f, by_key, result.opened ? 0 : result.similarity);
  Index(result.story, by_weight);
  return result;
}

size_t InMemoryClusterer::MemoryBytes() const {
  size_t n = df_.MemoryBytes() + posting_head_.MemoryBytes() + postings_.capacity() * sizeof(postings_[0]) +
             story_of_.capacity() * 4 + ids_.capacity() + id_ends_.capacity() * 4 + dups_.MemoryBytes() +
             votes_.capacity() * 4 + stories_.capacity() * sizeof(Story);
  for (const Story& s : stories_) {
    n += s.terms.capacity() * sizeof(Term) + s.weights.capacity() * sizeof(float) + s.days.capacity() * sizeof(s.days[0]) + s.headline.capacity();
  }
  return n;
}

}  // namespace

std::unique_ptr<StoryClusterer> NewInMemoryClusterer(const ClusterOptions& options) {
  return std::make_unique<InMemoryClusterer>(options);
}

}  // namespace corroborate::cluster
