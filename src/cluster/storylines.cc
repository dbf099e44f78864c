// Linking stories into storylines (see storylines.h). Tested in storylines_test.cc and
// story_clusterer_test.cc.
#include "cluster/storylines.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace corroborate::cluster {

void StorylineLinker::Save(StateWriter& w) const {
  w.Pod<uint64_t>(lines_.size());
  for (const Line& l : lines_) {
    l.profile.Save(w);
    w.Pod(l.first);
    w.Pod(l.last);
    w.Pod(l.stories);
    w.Pod(l.parent);
    w.Pod(uint8_t(l.closed));
  }
  index_.Save(w);
  w.Pod(closed_up_to_);
}

bool StorylineLinker::Load(StateReader& r) {
  uint64_t n = 0;
  if (!r.Count(n, 40)) return false;
  lines_.assign(n, Line{});
  for (Line& l : lines_) {
    uint8_t closed = 0;
    if (!l.profile.Load(r) || !r.Pod(l.first) || !r.Pod(l.last) || !r.Pod(l.stories) || !r.Pod(l.parent) ||
        !r.Pod(closed) || l.parent > n) {
      return false;
    }
    l.closed = closed != 0;
  }
  return index_.Load(r) && r.Pod(closed_up_to_) && closed_up_to_ <= n;
}

int32_t StorylineLinker::Gap(int32_t a_first, int32_t a_last, int32_t b_first, int32_t b_last) {
  if (a_first == kNoDay || b_first == kNoDay) return 0;  // undated: time says nothing
  if (a_last < b_first) return b_first - a_last;
  if (b_last < a_first) return a_first - b_last;
  return 0;
}

void StorylineLinker::Open(uint32_t id, int32_t day) {
  if (lines_.size() < id) lines_.resize(id);
  Line& l = lines_[id - 1];
  l.first = l.last = day;
}

uint32_t StorylineLinker::Find(uint32_t line) const {
  uint32_t root = line;
  while (lines_[root - 1].parent != 0) root = lines_[root - 1].parent;
  while (lines_[line - 1].parent != 0) {  // path compression: later look-ups go straight there
    const uint32_t next = lines_[line - 1].parent;
    lines_[line - 1].parent = root;
    line = next;
  }
  return root;
}

void StorylineLinker::AddArticle(uint32_t line, const std::vector<Term>& terms, int32_t day) {
  Line& l = lines_[Find(line) - 1];
  if (l.closed) return;
  l.profile.Add(terms, 1, o_.terms, o_.kinds, idf_);
  if (day != kNoDay) {
    if (l.first == kNoDay || day < l.first) l.first = day;
    if (l.last == kNoDay || day > l.last) l.last = day;
  }
}

void StorylineLinker::RemoveArticle(uint32_t line, const std::vector<Weighted>& terms) {
  Line& l = lines_[Find(line) - 1];
  if (!l.closed) l.profile.Subtract(terms);
}

uint32_t StorylineLinker::Merge(uint32_t a, uint32_t b) {
  a = Find(a);
  b = Find(b);
  if (a == b) return a;
  const uint32_t survivor = std::min(a, b), absorbed = std::max(a, b);
  Line& s = lines_[survivor - 1];
  Line& x = lines_[absorbed - 1];
  if (!s.closed && !x.closed) s.profile.Add(x.profile.terms, x.profile.articles, o_.terms, o_.kinds, idf_);
  if (x.first != kNoDay) {
    if (s.first == kNoDay || x.first < s.first) s.first = x.first;
    if (s.last == kNoDay || x.last > s.last) s.last = x.last;
  }
  s.stories += x.stories;
  s.closed = s.closed && x.closed;
  x.parent = survivor;
  x.profile.Clear();
  return survivor;
}

bool StorylineLinker::StoryLeft(uint32_t line, uint32_t into) {
  line = Find(line);
  into = Find(into);
  if (line == into) {
    --lines_[line - 1].stories;
    return false;
  }
  Line& l = lines_[line - 1];
  if (l.stories > 1) {
    --l.stories;
    return false;
  }
  // Its only story is gone into another storyline: so is the storyline, nothing of it left behind.
  l.stories = 0;
  Line& t = lines_[into - 1];
  if (l.first != kNoDay) {
    if (t.first == kNoDay || l.first < t.first) t.first = l.first;
    if (t.last == kNoDay || l.last > t.last) t.last = l.last;
  }
  l.parent = into;
  l.profile.Clear();
  return true;
}

StorylineLink StorylineLinker::Link(uint32_t own, const TermVector& story, int32_t first_day, int32_t last_day,
                                    std::vector<std::pair<uint32_t, uint32_t>>& merged) {
  StorylineLink link;
  own = Find(own);
  // The story's heaviest terms that some other article holds too: the ones that can find a storyline.
  std::vector<const Weighted*> heavy;
  heavy.reserve(story.terms.size());
  for (const Weighted& w : story.terms) {
    if (w.w > 0) heavy.push_back(&w);
  }
  std::sort(heavy.begin(), heavy.end(), [](const Weighted* x, const Weighted* y) {
    return x->w > y->w || (x->w == y->w && x->key < y->key);
  });
  keys_.clear();
  for (const Weighted* w : heavy) {
    if (keys_.size() >= o_.query_terms) break;
    if (idf_.Frequency(w->key) >= 2) keys_.push_back(w->key);
  }
  index_.Walk(keys_, walked_, counts_);
  if (votes_.size() < lines_.size() + 1) votes_.resize(lines_.size() + 1, 0);
  touched_.clear();
  for (size_t t = 0; t < keys_.size(); ++t) {
    float w = 0;
    for (const Weighted* h : heavy) {
      if (h->key == keys_[t]) w = h->w;
    }
    for (uint32_t k = 0; k < counts_[t]; ++k) {
      const uint32_t line = Find(walked_[t * index_.cap() + k]);
      if (line == own || lines_[line - 1].closed) continue;
      if (votes_[line] == 0) touched_.push_back(line);
      votes_[line] += w + 1e-6f;
    }
  }
  auto more_votes = [&](uint32_t x, uint32_t y) { return votes_[x] > votes_[y] || (votes_[x] == votes_[y] && x < y); };
  if (touched_.size() > o_.candidates) std::nth_element(touched_.begin(), touched_.begin() + o_.candidates, touched_.end(), more_votes);
  const size_t n = std::min(o_.candidates, touched_.size());
  std::vector<std::pair<double, uint32_t>> scored;
  // A word other articles write as a name at least half as often as in lower case is a name here
  // too ("bitcoin" in one article, "Bitcoin" in others).
  auto name_like = [&](uint64_t word_key) {
    return 2 * idf_.Frequency(word_key | uint64_t(TermKind::kName)) >= idf_.Frequency(word_key);
  };
  for (size_t i = 0; i < n; ++i) {
    const uint32_t line = touched_[i];
    Line& l = lines_[line - 1];
    const int32_t gap = Gap(first_day, last_day, l.first, l.last);
    if (gap > o_.max_gap_days) continue;
    // Who and where, and what: both must be shared, so that one company's or one town's unrelated
    // affairs stay apart, and so do two affairs of one kind.
    const SplitCosine c = CosineByKind(story, l.profile.Weighed(o_.kinds, idf_), name_like);
    const double sim = std::sqrt(c.names * c.others) / (1.0 + gap / o_.decay_days);
    scored.push_back({sim, line});
  }
  for (uint32_t line : touched_) votes_[line] = 0;
  std::sort(scored.begin(), scored.end(), [](const auto& x, const auto& y) { return x.first > y.first || (x.first == y.first && x.second < y.second); });

  for (const auto& [sim, line] : scored) {
    if (sim < o_.link_threshold) {
      if (link.closest == 0) {
        link.closest = line;
        link.closest_similarity = sim;
      }
      continue;
    }
    if (link.joined == 0) {  // the best link explains the story's place
      const int32_t gap = Gap(first_day, last_day, lines_[line - 1].first, lines_[line - 1].last);
      (void)gap;
      Cosine(story, lines_[line - 1].profile.Weighed(o_.kinds, idf_), &link.shared, o_.explain_terms);
      link.joined = line;
      link.similarity = sim;
    }
    const uint32_t a = Find(own), b = Find(line);
    if (a == b) continue;
    const uint32_t survivor = Merge(a, b);
    merged.push_back({survivor == a ? b : a, survivor});
    own = survivor;
  }
  if (link.joined != 0) link.joined = Find(own);
  const uint32_t root = Find(own);
  for (size_t i = 0; i < keys_.size(); ++i) index_.Add(keys_[i], root);
  if (index_.WantsCompaction()) {
    index_.Compact([&](uint32_t id) {
      const uint32_t r = Find(id);
      return lines_[r - 1].closed ? 0u : r;
    });
  }
  return link;
}

void StorylineLinker::CloseOld(int32_t newest_day) {
  if (newest_day == kNoDay) return;
  const int32_t cutoff = newest_day - o_.max_gap_days;
  bool all_closed = true;
  for (uint32_t i = closed_up_to_; i < lines_.size(); ++i) {
    Line& l = lines_[i];
    if (l.parent != 0 || (l.last != kNoDay && l.last < cutoff)) {
      if (!l.closed) {
        l.closed = true;
        l.profile.Clear();
      }
      if (all_closed) closed_up_to_ = i + 1;
    } else {
      all_closed = false;
    }
  }
}

size_t StorylineLinker::MemoryBytes() const {
  size_t n = lines_.capacity() * sizeof(Line) + index_.MemoryBytes() + votes_.capacity() * sizeof(float);
  for (const Line& l : lines_) n += l.profile.MemoryBytes();
  return n;
}

}  // namespace corroborate::cluster
