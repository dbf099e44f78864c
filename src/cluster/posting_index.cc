// The capped posting-chain index (see posting_index.h). Tested in posting_index_test.cc.
#include "cluster/posting_index.h"

namespace corroborate::cluster {

void PostingIndex::Save(StateWriter& w) const {
  static_assert(sizeof(postings_[0]) == 8, "saved as they lie in memory: no padding");
  heads_.Save(w);
  w.Vector(postings_);
  w.Pod<uint64_t>(compacted_size_);
}

bool PostingIndex::Load(StateReader& r) {
  uint64_t compacted = 0;
  if (!heads_.Load(r) || !r.Vector(postings_) || !r.Pod(compacted)) return false;
  compacted_size_ = compacted;
  for (const auto& [id, next] : postings_) {
    if (next > postings_.size()) return false;  // a link out of the postings
  }
  bool heads_ok = true;
  heads_.ForEachValue([&](uint32_t& head) { heads_ok = heads_ok && head <= postings_.size(); });
  return heads_ok;
}

void PostingIndex::Add(uint64_t key, uint32_t id) {
  uint32_t& head = heads_.Upsert(key);
  if (head != 0 && postings_[head - 1].first == id) return;
  postings_.push_back({id, head});
  head = uint32_t(postings_.size());
}

void PostingIndex::Walk(const std::vector<uint64_t>& keys, std::vector<uint32_t>& out,
                        std::vector<uint32_t>& counts) const {
  out.resize(keys.size() * cap_);
  counts.assign(keys.size(), 0);
  thread_local std::vector<uint32_t> links;
  links.resize(keys.size());
  for (size_t t = 0; t < keys.size(); ++t) links[t] = heads_.Get(keys[t]);
  bool active = true;
  while (active) {
    active = false;
    for (size_t t = 0; t < keys.size(); ++t) {
      if (links[t] == 0 || counts[t] >= cap_) continue;
      const auto [id, next] = postings_[links[t] - 1];
      out[t * cap_ + counts[t]++] = id;
      links[t] = next;
      if (next != 0) __builtin_prefetch(&postings_[next - 1]);
      active = true;
    }
  }
}

void PostingIndex::Compact(const std::function<uint32_t(uint32_t)>& map) {
  std::vector<std::pair<uint32_t, uint32_t>> kept;
  kept.reserve(postings_.size());
  heads_.ForEachValue([&](uint32_t& head) {
    const size_t first = kept.size();
    for (uint32_t link = head; link != 0 && kept.size() - first < cap_; link = postings_[link - 1].second) {
      const uint32_t was = postings_[link - 1].first;
      const uint32_t id = map(was);
      if (id == 0) continue;
      bool dup = false;  // a merged story's survivor may already be in this list (rare: looked for then only)
      for (size_t k = first; id != was && k < kept.size() && !dup; ++k) dup = kept[k].first == id;
      if (!dup) kept.push_back({id, uint32_t(kept.size() + 2)});
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

}  // namespace corroborate::cluster
