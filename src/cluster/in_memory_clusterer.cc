// The in-memory StoryClusterer (see story_clusterer.h): document frequencies learnt from the
// articles seen so far, a capped inverted index from terms to stories for candidate retrieval, a
// compact centroid per story, a MinHash index for reprints, merges and moves, and the storyline
// linker above the stories. Tested in story_clusterer_test.cc.
#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "cluster/duplicate_index.h"
#include "cluster/posting_index.h"
#include "cluster/story_clusterer.h"

namespace corroborate::cluster {
namespace {

constexpr uint32_t kNone = UINT32_MAX;

// The saved state's format. Bump it with ANY change to what Add computes (the algorithm, a
// constant such as kSweepEvery, the features' terms), not only to the layout: a state saved by
// the old code would otherwise go on as the old code, unlike a store replayed from its articles.
// A bumped version makes stores replay their articles once (and save the new state).
constexpr uint32_t kClusterStateVersion = 2;  // 2: the near-duplicate horizon
constexpr uint64_t kClusterStateMagic = 0x3174617473756c63ULL;  // "clustat1" little-endian

// An article of a small story, kept so that it can move to a story it fits better.
struct Member {
  uint32_t number = 0;
  TermVector vector;
  int32_t published_day = kNoDay;
  std::vector<int32_t> days;
  std::string headline;
};

struct Story {
  Centroid centroid;                               // story_terms heaviest, summed tf
  std::vector<std::pair<int32_t, uint32_t>> days;  // named day → articles naming it
  int32_t first_published = kNoDay;
  int32_t last_published = kNoDay;
  uint32_t articles = 0;
  float headline_centrality = -1;
  std::string headline;
  bool closed = false;          // out of every window (or merged): its centroid is dropped
  mutable uint32_t merged_into = 0;  // compressed by Resolve
  uint32_t storyline = 0;       // as the linker knows it: resolve with Find
  uint32_t next_link_check = 1; // article count at which the storyline link is looked at again
  bool movable = true;          // `members` holds every article of the story
  std::vector<Member> members;
  StorylineLink link;
};

class InMemoryClusterer final : public StoryClusterer {
 public:
  explicit InMemoryClusterer(const ClusterOptions& o)
      : o_(o),
        kinds_{o.word_weight, o.name_weight, o.date_weight, o.number_weight},
        idf_(o.idf_prior_articles),
        dups_(o.duplicate_jaccard, 64, uint32_t(std::min<size_t>(o.duplicate_horizon, UINT32_MAX))),
        index_(o.posting_cap),
        lines_(o.storylines, idf_) {}

  Assignment Add(const ArticleFeatures& f) override;
  std::optional<StoryInfo> GetStory(uint32_t story) const override;
  size_t StoryCount() const override { return stories_.size(); }
  size_t ArticleCount() const override { return story_of_.size(); }
  std::string ArticleId(uint32_t number) const override {
    const uint32_t begin = number == 0 ? 0 : id_ends_[number - 1];
    return ids_.substr(begin, id_ends_[number] - begin);
  }
  uint32_t StoryOfArticle(uint32_t number) const override { return Resolve(story_of_[number]); }
  std::string DuplicateOf(uint32_t number) const override {
    return dup_of_[number] == kNone ? std::string() : ArticleId(dup_of_[number]);
  }
  uint32_t StorylineOf(uint32_t story) const override { return lines_.Find(stories_[Resolve(story) - 1].storyline); }
  size_t MemoryBytes() const override;
  void Save(StateWriter& w) const override;
  bool Load(StateReader& r);

 private:
  uint32_t Resolve(uint32_t story) const {
    uint32_t root = story;
    while (stories_[root - 1].merged_into != 0) root = stories_[root - 1].merged_into;
    while (stories_[story - 1].merged_into != 0) {
      const uint32_t next = stories_[story - 1].merged_into;
      stories_[story - 1].merged_into = root;
      story = next;
    }
    return root;
  }
  double DayFactor(const std::vector<int32_t>& days, const Story& s) const;
  double Similarity(const TermVector& a, const std::vector<int32_t>& days, Story& s, std::vector<Shared>* shared);
  bool InWindow(int32_t day, const Story& s) const;
  uint32_t Open(int32_t day);
  void Join(uint32_t story, const ArticleFeatures& f, const TermVector& v, double similarity, uint32_t number,
            bool into_storyline = true);
  void AddMember(Story& s, Member m);
  uint32_t MergeStories(uint32_t a, uint32_t b, double similarity, std::vector<Shared> shared, Assignment& out);
  void MoveArticles(uint32_t to, const std::vector<std::pair<double, uint32_t>>& scored, Assignment& out);
  void LinkStoryline(uint32_t story, Assignment& out);
  void Index(uint32_t story, const std::vector<Weighted>& by_weight);
  void CloseOldStories();

  ClusterOptions o_;
  KindWeights kinds_;
  Idf idf_;
  std::vector<Story> stories_;
  std::vector<uint32_t> story_of_;     // article number → story it was put in (Resolve for today's)
  std::vector<uint32_t> dup_of_;       // article number → the article it reprints, or kNone
  std::string ids_;                    // article ids, end to end
  std::vector<uint32_t> id_ends_;      // article number → end of its id in ids_
  DuplicateIndex dups_;
  PostingIndex index_;
  StorylineLinker lines_;

  // Scratch for candidate retrieval, indexed by story: reused across calls.
  std::vector<float> votes_;
  std::vector<uint32_t> touched_, walked_, counts_;
  std::vector<uint64_t> query_;

  // Stories whose last article is this many days older than the newest publication date seen
  // drop their centroid: no dated article in the window could join them any more, and at a
  // million articles most stories are old ones.
  int32_t newest_day_ = kNoDay;
  uint32_t closed_up_to_ = 0;  // stories before this one were all checked in an earlier sweep
};

constexpr uint32_t kSweepEvery = 4096;  // articles between two sweeps for old stories

bool InMemoryClusterer::InWindow(int32_t day, const Story& s) const {
  if (day == kNoDay || s.first_published == kNoDay) return true;
  return day >= s.first_published - o_.window_days && day <= s.last_published + o_.window_days;
}

double InMemoryClusterer::DayFactor(const std::vector<int32_t>& days, const Story& s) const {
  if (days.empty() || s.days.empty()) return 1;
  for (int32_t d : days) {
    for (const auto& [day, n] : s.days) {
      if (std::abs(day - d) <= 1) return 1;
    }
  }
  return o_.day_conflict_factor;
}

double InMemoryClusterer::Similarity(const TermVector& a, const std::vector<int32_t>& days, Story& s,
                                     std::vector<Shared>* shared) {
  // Cosine of the article's top terms against the story's centroid, both weighed by (nearly)
  // today's IDF so early stories are not judged by the statistics of a smaller corpus.
  const double sim = Cosine(a, s.centroid.Weighed(kinds_, idf_), shared, o_.explain_terms);
  return sim * DayFactor(days, s);
}

uint32_t InMemoryClusterer::Open(int32_t day) {
  stories_.emplace_back();
  const uint32_t id = uint32_t(stories_.size());
  lines_.Open(id, day);
  stories_.back().storyline = id;
  return id;
}

void InMemoryClusterer::AddMember(Story& s, Member m) {
  if (!s.movable) return;
  if (s.articles > o_.movable_articles) {  // too large to lose an article: stop keeping them
    s.movable = false;
    std::vector<Member>().swap(s.members);
    return;
  }
  s.members.push_back(std::move(m));
}

void InMemoryClusterer::Join(uint32_t story, const ArticleFeatures& f, const TermVector& v, double similarity,
                             uint32_t number, bool into_storyline) {
  Story& s = stories_[story - 1];
  const std::vector<Term> terms = AsTerms(v.terms);
  s.centroid.Add(terms, 1, o_.story_terms, kinds_, idf_);
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
  AddMember(s, Member{number, v, f.published_day, f.days, f.headline});
  if (into_storyline) lines_.AddArticle(s.storyline, terms, f.published_day);
}

// Merges two stories, the older id surviving: centroids, days and dates add up; a storyline
// each was in becomes one.
uint32_t InMemoryClusterer::MergeStories(uint32_t a, uint32_t b, double similarity, std::vector<Shared> shared,
                                         Assignment& out) {
  const uint32_t keep = std::min(a, b), gone = std::max(a, b);
  Story& k = stories_[keep - 1];
  Story& g = stories_[gone - 1];
  k.centroid.Add(g.centroid.terms, g.centroid.articles, o_.story_terms, kinds_, idf_);
  for (const auto& [day, n] : g.days) {
    auto it = std::find_if(k.days.begin(), k.days.end(), [&](const auto& p) { return p.first == day; });
    if (it != k.days.end()) it->second += n;
    else k.days.push_back({day, n});
  }
  if (k.days.size() > o_.story_days) {
    std::stable_sort(k.days.begin(), k.days.end(), [](const auto& x, const auto& y) { return x.second > y.second; });
    k.days.resize(o_.story_days);
  }
  if (g.first_published != kNoDay) {
    if (k.first_published == kNoDay || g.first_published < k.first_published) k.first_published = g.first_published;
    if (k.last_published == kNoDay || g.last_published > k.last_published) k.last_published = g.last_published;
  }
  k.articles += g.articles;
  if (k.headline.empty()) k.headline = g.headline;
  if (k.movable && g.movable && k.articles <= o_.movable_articles) {
    for (Member& m : g.members) k.members.push_back(std::move(m));
  } else {
    k.movable = false;
    std::vector<Member>().swap(k.members);
  }
  out.changes.push_back({Change::Kind::kStoryMerged, gone, keep, 0, "", similarity, std::move(shared)});

  const uint32_t kl = lines_.Find(k.storyline), gl = lines_.Find(g.storyline);
  if (kl != gl) {
    const uint32_t line = lines_.Merge(kl, gl);
    out.changes.push_back({Change::Kind::kStorylineMerged, line == kl ? gl : kl, line, 0, "", similarity, {}});
  }
  lines_.StoryLeft(g.storyline, k.storyline);
  g.merged_into = keep;
  g.closed = true;
  g.centroid.Clear();
  std::vector<Member>().swap(g.members);
  std::vector<std::pair<int32_t, uint32_t>>().swap(g.days);
  k.next_link_check = k.articles;  // look at its storyline again with the merged centroid
  return keep;
}

// Articles of small stories among the arriving article's candidates move to `to` when they fit it
// better than the rest of their own story.
void InMemoryClusterer::MoveArticles(uint32_t to, const std::vector<std::pair<double, uint32_t>>& scored,
                                     Assignment& out) {
  for (const auto& [sim, from] : scored) {
    if (from == to || sim < o_.join_threshold / 2) continue;
    Story& s = stories_[from - 1];
    if (s.closed || s.merged_into != 0 || !s.movable || s.members.empty()) continue;
    for (size_t i = 0; i < s.members.size();) {
      Member& m = s.members[i];
      Story& t = stories_[to - 1];
      if (!InWindow(m.published_day, t)) {
        ++i;
        continue;
      }
      std::vector<Shared> shared;
      const double fit_to = Similarity(m.vector, m.days, t, &shared);
      double fit_own = 0;  // alone in its story, it fits nothing else there
      if (s.members.size() > 1) {
        Centroid rest = s.centroid;
        rest.Subtract(m.vector.terms);
        fit_own = Cosine(m.vector, rest.Vector(kinds_, idf_));
      }
      if (fit_to < o_.move_threshold || fit_to < fit_own + o_.move_margin) {
        ++i;
        continue;
      }
      // Out of its story: centroid, days, dates (from the members left), headline.
      Member moved = std::move(m);
      s.members.erase(s.members.begin() + long(i));
      s.centroid.Subtract(moved.vector.terms);
      for (int32_t d : moved.days) {
        for (auto& p : s.days) p.second -= p.first == d && p.second > 0;
      }
      s.days.erase(std::remove_if(s.days.begin(), s.days.end(), [](const auto& p) { return p.second == 0; }), s.days.end());
      --s.articles;
      s.first_published = s.last_published = kNoDay;
      for (const Member& r : s.members) {
        if (r.published_day == kNoDay) continue;
        if (s.first_published == kNoDay || r.published_day < s.first_published) s.first_published = r.published_day;
        if (s.last_published == kNoDay || r.published_day > s.last_published) s.last_published = r.published_day;
      }
      if (s.headline == moved.headline && !s.members.empty()) s.headline = s.members[0].headline;
      story_of_[moved.number] = to;
      const uint32_t from_line = lines_.Find(s.storyline), to_line = lines_.Find(t.storyline);
      if (from_line != to_line) lines_.RemoveArticle(from_line, moved.vector.terms);
      out.changes.push_back({Change::Kind::kArticleMoved, from, to, moved.number, ArticleId(moved.number), fit_to, shared});

      // Into the story it fits: as a join, but its own id, headline and days.
      ArticleFeatures as;
      as.headline = moved.headline;
      as.published_day = moved.published_day;
      as.days = moved.days;
      // Within one storyline its profile holds the article already.
      Join(to, as, moved.vector, fit_to, moved.number, from_line != to_line);
      if (s.articles == 0) {
        s.merged_into = to;
        s.closed = true;
        s.centroid.Clear();
        out.changes.push_back({Change::Kind::kStoryMerged, from, to, 0, "", fit_to, {}});
        if (lines_.StoryLeft(from_line, to_line)) {
          out.changes.push_back({Change::Kind::kStorylineMerged, from_line, to_line, 0, "", fit_to, {}});
        }
        break;
      }
    }
  }
}

void InMemoryClusterer::LinkStoryline(uint32_t story, Assignment& out) {
  Story& s = stories_[story - 1];
  if (s.articles < s.next_link_check) return;
  s.next_link_check = s.articles * 2;
  std::vector<std::pair<uint32_t, uint32_t>> merged;
  StorylineLink link = lines_.Link(s.storyline, s.centroid.Vector(lines_.options().kinds, idf_), s.first_published,
                                   s.last_published, merged);
  for (const auto& [gone, keep] : merged) {
    out.changes.push_back({Change::Kind::kStorylineMerged, gone, keep, 0, "", link.similarity, link.shared});
  }
  if (link.joined != 0 || s.link.joined == 0) s.link = std::move(link);
}

void InMemoryClusterer::Index(uint32_t story, const std::vector<Weighted>& by_weight) {
  if (index_.WantsCompaction()) {
    index_.Compact([&](uint32_t id) {
      const uint32_t r = Resolve(id);
      return stories_[r - 1].closed ? 0u : r;
    });
  }
  const size_t n = std::min(o_.query_terms, by_weight.size());
  for (size_t i = 0; i < n; ++i) index_.Prefetch(by_weight[i].key);
  for (size_t i = 0; i < n; ++i) index_.Add(by_weight[i].key, story);
}

void InMemoryClusterer::CloseOldStories() {
  if (newest_day_ == kNoDay) return;
  lines_.CloseOld(newest_day_);
  const int32_t cutoff = newest_day_ - 2 * o_.window_days;
  bool all_closed = true;
  for (uint32_t i = closed_up_to_; i < stories_.size(); ++i) {
    Story& s = stories_[i];
    if (s.closed || (s.last_published != kNoDay && s.last_published < cutoff)) {
      if (!s.closed || !s.centroid.terms.empty()) {
        s.closed = true;
        s.centroid.Clear();
        std::vector<std::pair<int32_t, uint32_t>>().swap(s.days);
        std::vector<Member>().swap(s.members);
        s.movable = false;
      }
      if (all_closed) closed_up_to_ = i + 1;
    } else {
      all_closed = false;  // undated or recent: look at it again next time
    }
  }
}

Assignment InMemoryClusterer::Add(const ArticleFeatures& f) {
  const uint32_t number = uint32_t(story_of_.size());
  if (f.published_day != kNoDay && (newest_day_ == kNoDay || f.published_day > newest_day_)) newest_day_ = f.published_day;
  if ((number + 1) % kSweepEvery == 0) CloseOldStories();
  idf_.Count(f.terms);
  ids_ += f.id;
  id_ends_.push_back(uint32_t(ids_.size()));
  dup_of_.push_back(kNone);

  // The article's vector: its article_terms heaviest terms under the current IDF.
  std::vector<Weighted> by_weight;
  const TermVector vec = ArticleVector(f.terms, kinds_, idf_, o_.article_terms, &by_weight);

  Assignment result;
  // A reprint joins its original's story and names the original (the first of a chain of reprints).
  if (f.has_signature) {
    if (std::optional<uint32_t> original = dups_.Find(f.signature)) {
      const uint32_t story = Resolve(story_of_[*original]);
      dup_of_[number] = *original;
      result.story = story;
      result.duplicate_of = ArticleId(*original);
      result.similarity = 1;
      story_of_.push_back(story);
      Join(story, f, vec, 1, number);
      LinkStoryline(story, result);
      result.storyline = lines_.Find(stories_[story - 1].storyline);
      return result;  // not indexed: its original already is, and a reprint says nothing new
    }
    dups_.Insert(number, f.signature);
  }

  // Candidates: stories indexed under the article's heaviest terms, ranked by the weight of the
  // terms that found them; only the best few are compared in full. A term only this article
  // holds finds nothing, so the looked-up terms are the heaviest shared ones.
  query_.clear();
  std::vector<float> query_weights;
  for (size_t i = 0; i < std::min(2 * o_.query_terms, by_weight.size()); ++i) index_.Prefetch(by_weight[i].key);
  for (size_t i = 0; i < by_weight.size() && query_.size() < o_.query_terms; ++i) {
    if (idf_.Frequency(by_weight[i].key) < 2) continue;
    query_.push_back(by_weight[i].key);
    query_weights.push_back(by_weight[i].w);
  }
  index_.Walk(query_, walked_, counts_);
  if (votes_.size() < stories_.size() + 1) votes_.resize(stories_.size() + 1, 0);
  touched_.clear();
  for (size_t t = 0; t < query_.size(); ++t) {  // votes summed term by term, as the walks read them
    const uint32_t* walked = &walked_[t * index_.cap()];
    for (uint32_t k = 0; k < counts_[t]; ++k) {
      uint32_t story = walked[k];
      if (stories_[story - 1].merged_into != 0) story = Resolve(story);
      if (votes_[story] == 0) touched_.push_back(story);
      votes_[story] += query_weights[t] + 1e-6f;  // never 0 once touched
    }
  }
  auto more_votes = [&](uint32_t x, uint32_t y) { return votes_[x] > votes_[y] || (votes_[x] == votes_[y] && x < y); };
  if (touched_.size() > o_.candidates) {
    std::nth_element(touched_.begin(), touched_.begin() + o_.candidates, touched_.end(), more_votes);
  }
  const size_t n_candidates = std::min(o_.candidates, touched_.size());
  std::vector<std::pair<double, uint32_t>> scored;  // (similarity, story), best first
  for (size_t i = 0; i < n_candidates; ++i) {
    const uint32_t story = touched_[i];
    Story& s = stories_[story - 1];
    if (s.closed || !InWindow(f.published_day, s)) continue;
    const double sim = Similarity(vec, f.days, s, nullptr);
    if (sim > 0) scored.push_back({sim, story});
  }
  for (uint32_t story : touched_) votes_[story] = 0;
  std::sort(scored.begin(), scored.end(), [](const auto& x, const auto& y) { return x.first > y.first || (x.first == y.first && x.second < y.second); });

  uint32_t story = 0;
  if (!scored.empty() && scored[0].first >= o_.join_threshold) {
    story = scored[0].second;
    result.similarity = scored[0].first;
    Similarity(vec, f.days, stories_[story - 1], &result.shared);
    if (scored.size() > 1) {
      result.closest = scored[1].second;
      result.closest_similarity = scored[1].first;
    }
  } else {
    story = Open(f.published_day);
    result.opened = true;
    if (!scored.empty()) {
      result.similarity = scored[0].first;
      result.closest = scored[0].second;
      result.closest_similarity = scored[0].first;
    }
  }
  story_of_.push_back(story);
  Join(story, f, vec, result.opened ? 0 : result.similarity, number);
  Index(story, by_weight);

  if (!result.opened) {
    // Later articles show two stories are one: this one reaches both, and so do their centroids.
    for (size_t i = 1; i < scored.size() && scored[i].first >= o_.join_threshold; ++i) {
      const uint32_t other = Resolve(scored[i].second);
      if (other == story) continue;
      std::vector<Shared> shared;
      const double c = Cosine(stories_[story - 1].centroid.Weighed(kinds_, idf_),
                              stories_[other - 1].centroid.Weighed(kinds_, idf_), &shared, o_.explain_terms);
      if (c >= o_.merge_threshold) story = MergeStories(story, other, c, std::move(shared), result);
    }
    MoveArticles(story, scored, result);
  }
  LinkStoryline(story, result);
  result.story = story;
  result.storyline = lines_.Find(stories_[story - 1].storyline);
  return result;
}

std::optional<StoryInfo> InMemoryClusterer::GetStory(uint32_t story) const {
  if (story == 0 || story > stories_.size()) return std::nullopt;
  const uint32_t id = Resolve(story);
  const Story& s = stories_[id - 1];
  StoryInfo info;
  info.id = id;
  info.headline = s.headline;
  info.articles = s.articles;
  info.first_published = s.first_published;
  info.last_published = s.last_published;
  if (id != story) info.merged_into = id;
  info.storyline = lines_.Find(s.storyline);
  info.link = s.link;
  if (info.link.joined != 0) info.link.joined = lines_.Find(info.link.joined);
  // The closest storyline it did not join may have merged since, perhaps into its own.
  if (info.link.closest != 0) info.link.closest = lines_.Find(info.link.closest);
  if (info.link.closest == info.storyline) {
    info.link.closest = 0;
    info.link.closest_similarity = 0;
  }
  return info;
}

size_t InMemoryClusterer::MemoryBytes() const {
  size_t n = idf_.MemoryBytes() + index_.MemoryBytes() + story_of_.capacity() * 4 + dup_of_.capacity() * 4 +
             ids_.capacity() + id_ends_.capacity() * 4 + dups_.MemoryBytes() + votes_.capacity() * 4 +
             stories_.capacity() * sizeof(Story) + lines_.MemoryBytes();
  for (const Story& s : stories_) {
    n += s.centroid.MemoryBytes() + s.days.capacity() * sizeof(s.days[0]) + s.headline.capacity();
    for (const Member& m : s.members) n += m.vector.terms.capacity() * sizeof(Weighted) + sizeof(Member);
  }
  return n;
}

// The options as bytes, field by field: a state made with other options is not loaded.
std::string OptionsBytes(const ClusterOptions& o) {
  std::string bytes;
  StateWriter w([&](std::string_view piece) {
    bytes += piece;
    return Status::Ok();
  });
  for (double d : {o.join_threshold, o.duplicate_jaccard, o.day_conflict_factor, o.idf_prior_articles,
                   o.merge_threshold, o.move_threshold, o.move_margin, o.storylines.link_threshold,
                   o.storylines.decay_days}) {
    w.Pod(d);
  }
  for (float f : {o.word_weight, o.name_weight, o.date_weight, o.number_weight, o.storylines.kinds.word,
                  o.storylines.kinds.name, o.storylines.kinds.date, o.storylines.kinds.number}) {
    w.Pod(f);
  }
  for (size_t n : {o.duplicate_horizon, o.article_terms, o.story_terms, o.query_terms, o.posting_cap, o.candidates, o.story_days,
                   o.movable_articles, o.explain_terms, o.storylines.terms, o.storylines.query_terms,
                   o.storylines.posting_cap, o.storylines.candidates, o.storylines.explain_terms}) {
    w.Pod<uint64_t>(n);
  }
  for (int n : {o.window_days, o.storylines.max_gap_days}) w.Pod<int64_t>(n);
  (void)w.Finish();
  return bytes;
}

void SaveVector(StateWriter& w, const TermVector& v) {
  w.Vector(v.terms);
  w.Pod(v.norm);
}

bool LoadVector(StateReader& r, TermVector& v) { return r.Vector(v.terms) && r.Pod(v.norm); }

void SaveLink(StateWriter& w, const StorylineLink& l) {
  w.Pod(l.joined);
  w.Pod(l.similarity);
  w.Pod<uint64_t>(l.shared.size());
  for (const Shared& s : l.shared) {  // field by field: Shared has padding
    w.Pod(s.key);
    w.Pod(s.share);
  }
  w.Pod(l.closest);
  w.Pod(l.closest_similarity);
}

bool LoadLink(StateReader& r, StorylineLink& l) {
  uint64_t n = 0;
  if (!r.Pod(l.joined) || !r.Pod(l.similarity) || !r.Count(n, 12)) return false;
  l.shared.resize(n);
  for (Shared& s : l.shared) {
    if (!r.Pod(s.key) || !r.Pod(s.share)) return false;
  }
  return r.Pod(l.closest) && r.Pod(l.closest_similarity);
}

void InMemoryClusterer::Save(StateWriter& w) const {
  static_assert(sizeof(std::pair<int32_t, uint32_t>) == 8, "saved as they lie in memory: no padding");
  w.Pod(kClusterStateMagic);
  w.Pod(kClusterStateVersion);
  w.String(OptionsBytes(o_));
  idf_.Save(w);
  w.Pod<uint64_t>(stories_.size());
  for (const Story& s : stories_) {
    s.centroid.Save(w);
    w.Vector(s.days);
    w.Pod(s.first_published);
    w.Pod(s.last_published);
    w.Pod(s.articles);
    w.Pod(s.headline_centrality);
    w.String(s.headline);
    w.Pod(uint8_t(s.closed));
    w.Pod(s.merged_into);
    w.Pod(s.storyline);
    w.Pod(s.next_link_check);
    w.Pod(uint8_t(s.movable));
    w.Pod<uint64_t>(s.members.size());
    for (const Member& m : s.members) {
      w.Pod(m.number);
      SaveVector(w, m.vector);
      w.Pod(m.published_day);
      w.Vector(m.days);
      w.String(m.headline);
    }
    SaveLink(w, s.link);
  }
  w.Vector(story_of_);
  w.Vector(dup_of_);
  w.String(ids_);
  w.Vector(id_ends_);
  dups_.Save(w);
  index_.Save(w);
  lines_.Save(w);
  w.Pod(newest_day_);
  w.Pod(closed_up_to_);
}

bool InMemoryClusterer::Load(StateReader& r) {
  uint64_t n_stories = 0;
  if (!idf_.Load(r) || !r.Count(n_stories, 64)) return false;
  stories_.resize(n_stories);
  for (Story& s : stories_) {
    uint8_t closed = 0, movable = 0;
    uint64_t n_members = 0;
    if (!s.centroid.Load(r) || !r.Vector(s.days) || !r.Pod(s.first_published) || !r.Pod(s.last_published) ||
        !r.Pod(s.articles) || !r.Pod(s.headline_centrality) || !r.String(s.headline) || !r.Pod(closed) ||
        !r.Pod(s.merged_into) || !r.Pod(s.storyline) || !r.Pod(s.next_link_check) || !r.Pod(movable) ||
        !r.Count(n_members, 40)) {
      return false;
    }
    s.closed = closed != 0;
    s.movable = movable != 0;
    s.members.resize(n_members);
    for (Member& m : s.members) {
      if (!r.Pod(m.number) || !LoadVector(r, m.vector) || !r.Pod(m.published_day) || !r.Vector(m.days) ||
          !r.String(m.headline)) {
        return false;
      }
    }
    if (!LoadLink(r, s.link)) return false;
  }
  if (!r.Vector(story_of_) || !r.Vector(dup_of_) || !r.String(ids_) || !r.Vector(id_ends_) || !dups_.Load(r) ||
      !index_.Load(r) || !lines_.Load(r) || !r.Pod(newest_day_) || !r.Pod(closed_up_to_)) {
    return false;
  }
  // What the look-ups index by must be in range (the store also checks the bytes' checksum).
  const size_t articles = story_of_.size();
  if (dup_of_.size() != articles || id_ends_.size() != articles || lines_.Count() != stories_.size() ||
      closed_up_to_ > stories_.size() || (articles > 0 && id_ends_.back() != ids_.size()) || dups_.End() > articles) {
    return false;
  }
  for (size_t i = 0; i < articles; ++i) {
    if (story_of_[i] == 0 || story_of_[i] > stories_.size()) return false;
    if (dup_of_[i] != kNone && dup_of_[i] >= articles) return false;
    if (i > 0 && id_ends_[i] < id_ends_[i - 1]) return false;
  }
  for (const Story& s : stories_) {
    if (s.merged_into > stories_.size() || s.storyline == 0 || s.storyline > stories_.size()) return false;
    for (const Member& m : s.members) {
      if (m.number >= articles) return false;
    }
  }
  return true;
}

}  // namespace

std::unique_ptr<StoryClusterer> NewInMemoryClusterer(const ClusterOptions& options) {
  return std::make_unique<InMemoryClusterer>(options);
}

Result<std::unique_ptr<StoryClusterer>> LoadInMemoryClusterer(const ClusterOptions& options, StateReader& in) {
  uint64_t magic = 0;
  uint32_t version = 0;
  std::string saved_options;
  if (!in.Pod(magic) || magic != kClusterStateMagic) return InvalidInput("not a saved clusterer state");
  if (!in.Pod(version) || version != kClusterStateVersion) {
    return Unsupported("clusterer state of format version " + std::to_string(version) + ", not " +
                       std::to_string(kClusterStateVersion));
  }
  if (!in.String(saved_options)) return in.status();
  if (saved_options != OptionsBytes(options)) return Unsupported("clusterer state made with other options");
  auto c = std::make_unique<InMemoryClusterer>(options);
  if (!c->Load(in)) return in.ok() ? InvalidInput("clusterer state: inconsistent") : in.status();
  return std::unique_ptr<StoryClusterer>(std::move(c));
}

}  // namespace corroborate::cluster
