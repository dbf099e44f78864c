// Term vectors, centroids and their cosine (see centroid.h). Tested in centroid_test.cc.
#include "cluster/centroid.h"

#include <algorithm>
#include <cmath>

namespace corroborate::cluster {
namespace {

// At a million articles the term tables are far larger than the caches: each loop over terms asks
// for the slot this many terms ahead, so its cache miss overlaps the work on the terms before it.
constexpr size_t kPrefetchAhead = 8;

}  // namespace

void Idf::Count(const std::vector<Term>& terms) {
  ++articles_;
  for (size_t i = 0; i < terms.size(); ++i) {
    if (i + kPrefetchAhead < terms.size()) df_.Prefetch(terms[i + kPrefetchAhead].key);
    ++df_.Upsert(terms[i].key);
  }
}

float Idf::operator()(uint64_t key) const {
  const double df = df_.Get(key);
  return float(std::max(0.0, std::log((double(articles_) + prior_ + 1.0) / (df + 0.5))));
}

void Idf::Save(StateWriter& w) const {
  df_.Save(w);
  w.Pod(articles_);
}

bool Idf::Load(StateReader& r) { return df_.Load(r) && r.Pod(articles_); }

static_assert(sizeof(Term) == 12 && sizeof(Weighted) == 16, "saved as they lie in memory: no padding");

TermVector ArticleVector(const std::vector<Term>& terms, const KindWeights& kinds, const Idf& idf, size_t cap,
                         std::vector<Weighted>* by_weight) {
  std::vector<Weighted> v;
  v.reserve(terms.size());
  for (size_t i = 0; i < terms.size(); ++i) {
    if (i + kPrefetchAhead < terms.size()) idf.Prefetch(terms[i + kPrefetchAhead].key);
    const Term& t = terms[i];
    v.push_back({t.key, t.tf, t.tf * kinds(t.key) * idf(t.key)});
  }
  auto heavier = [](const Weighted& x, const Weighted& y) { return x.w > y.w || (x.w == y.w && x.key < y.key); };
  if (v.size() > cap) {
    std::nth_element(v.begin(), v.begin() + cap, v.end(), heavier);
    v.resize(cap);
  }
  if (by_weight) {
    *by_weight = v;
    std::sort(by_weight->begin(), by_weight->end(), heavier);
  }
  std::sort(v.begin(), v.end(), [](const Weighted& x, const Weighted& y) { return x.key < y.key; });
  TermVector out;
  for (const Weighted& w : v) out.norm += double(w.w) * w.w;
  out.norm = std::sqrt(out.norm);
  out.terms = std::move(v);
  return out;
}

void Centroid::Add(const std::vector<Term>& add, uint32_t added_articles, size_t cap, const KindWeights& kinds,
                   const Idf& idf) {
  std::vector<Term> merged;
  merged.reserve(terms.size() + add.size());
  size_t i = 0, j = 0;
  while (i < terms.size() || j < add.size()) {
    if (j == add.size() || (i < terms.size() && terms[i].key < add[j].key)) {
      merged.push_back(terms[i++]);
    } else if (i == terms.size() || add[j].key < terms[i].key) {
      merged.push_back(add[j++]);
    } else {
      merged.push_back({terms[i].key, terms[i].tf + add[j].tf});
      ++i, ++j;
    }
  }
  if (merged.size() > cap) {
    std::vector<std::pair<float, uint32_t>> order(merged.size());
    for (size_t k = 0; k < merged.size(); ++k) {
      if (k + kPrefetchAhead < merged.size()) idf.Prefetch(merged[k + kPrefetchAhead].key);
      order[k] = {merged[k].tf * kinds(merged[k].key) * idf(merged[k].key), uint32_t(k)};
    }
    std::nth_element(order.begin(), order.begin() + cap, order.end(),
                     [](const auto& x, const auto& y) { return x.first > y.first || (x.first == y.first && x.second < y.second); });
    order.resize(cap);
    std::sort(order.begin(), order.end(), [](const auto& x, const auto& y) { return x.second < y.second; });
    std::vector<Term> kept;
    kept.reserve(cap);
    for (const auto& [w, k] : order) kept.push_back(merged[k]);
    merged.swap(kept);
  }
  terms = std::move(merged);
  terms.shrink_to_fit();
  articles += added_articles;
  weighed_ = false;
}

void Centroid::Subtract(const std::vector<Weighted>& article) {
  size_t i = 0, out = 0;
  for (size_t j = 0; j < terms.size(); ++j) {
    Term t = terms[j];
    while (i < article.size() && article[i].key < t.key) ++i;
    if (i < article.size() && article[i].key == t.key) t.tf -= article[i].tf;
    if (t.tf > 1e-4f) terms[out++] = t;
  }
  terms.resize(out);
  if (articles > 0) --articles;
  weighed_ = false;
}

void Centroid::Clear() {
  std::vector<Term>().swap(terms);
  cache_ = TermVector{};
  weighed_ = false;
}

TermVector Centroid::Vector(const KindWeights& kinds, const Idf& idf) const {
  TermVector v;
  v.terms.resize(terms.size());
  const float inv = articles > 0 ? 1.0f / float(articles) : 0.0f;
  for (size_t j = 0; j < terms.size(); ++j) {
    if (j + kPrefetchAhead < terms.size()) idf.Prefetch(terms[j + kPrefetchAhead].key);
    const Term& t = terms[j];
    const float w = t.tf * inv * kinds(t.key) * idf(t.key);
    v.terms[j] = {t.key, t.tf, w};
    v.norm += double(w) * w;
  }
  v.norm = std::sqrt(v.norm);
  return v;
}

const TermVector& Centroid::Weighed(const KindWeights& kinds, const Idf& idf) {
  if (!weighed_ || idf.articles() - weighed_at_ > idf.articles() / 64) {
    cache_ = Vector(kinds, idf);
    weighed_at_ = idf.articles();
    weighed_ = true;
  }
  return cache_;
}

void Centroid::Save(StateWriter& w) const {
  w.Vector(terms);
  w.Pod(articles);
  w.Vector(cache_.terms);
  w.Pod(cache_.norm);
  w.Pod(weighed_at_);
  w.Pod(uint8_t(weighed_));
}

bool Centroid::Load(StateReader& r) {
  uint8_t weighed = 0;
  if (!r.Vector(terms) || !r.Pod(articles) || !r.Vector(cache_.terms) || !r.Pod(cache_.norm) || !r.Pod(weighed_at_) ||
      !r.Pod(weighed)) {
    return false;
  }
  weighed_ = weighed != 0;
  return true;
}

size_t Centroid::MemoryBytes() const {
  return terms.capacity() * sizeof(Term) + cache_.terms.capacity() * sizeof(Weighted);
}

double Cosine(const TermVector& a, const TermVector& b, std::vector<Shared>* shared, size_t top) {
  if (shared) shared->clear();
  if (a.norm <= 0 || b.norm <= 0) return 0;
  double dot = 0;
  size_t i = 0;
  for (size_t j = 0; j < b.terms.size() && i < a.terms.size(); ++j) {
    const uint64_t key = b.terms[j].key;
    while (i < a.terms.size() && a.terms[i].key < key) ++i;
    if (i < a.terms.size() && a.terms[i].key == key) {
      const double d = double(a.terms[i].w) * b.terms[j].w;
      dot += d;
      if (shared && d > 0) shared->push_back({key, float(d)});
    }
  }
  if (dot <= 0) return 0;
  if (shared) {
    for (Shared& s : *shared) s.share = float(s.share / dot);
    auto larger = [](const Shared& x, const Shared& y) { return x.share > y.share || (x.share == y.share && x.key < y.key); };
    if (shared->size() > top) {
      std::partial_sort(shared->begin(), shared->begin() + top, shared->end(), larger);
      shared->resize(top);
    } else {
      std::sort(shared->begin(), shared->end(), larger);
    }
  }
  return dot / (a.norm * b.norm);
}

SplitCosine CosineByKind(const TermVector& a, const TermVector& b, const std::function<bool(uint64_t)>& name_like) {
  struct Entry {
    uint64_t id;
    double w;
    bool name;
  };
  auto entries = [&](const TermVector& v) {
    std::vector<Entry> out;
    out.reserve(v.terms.size());
    for (const Weighted& t : v.terms) {
      const TermKind kind = KindOf(t.key);
      const bool textual = kind == TermKind::kWord || kind == TermKind::kName;
      const uint64_t id = textual ? t.key >> 2 << 2 : t.key;
      const bool name = kind == TermKind::kName || (kind == TermKind::kWord && name_like(t.key));
      if (!out.empty() && out.back().id == id) {
        out.back().w += t.w;
        out.back().name |= name;
      } else {
        out.push_back({id, double(t.w), name});
      }
    }
    return out;
  };
  const std::vector<Entry> x = entries(a), y = entries(b);
  double dot[2] = {0, 0}, nx[2] = {0, 0}, ny[2] = {0, 0};
  size_t i = 0, j = 0;
  while (i < x.size() || j < y.size()) {
    if (j == y.size() || (i < x.size() && x[i].id < y[j].id)) {
      nx[x[i].name ? 0 : 1] += x[i].w * x[i].w;
      ++i;
    } else if (i == x.size() || y[j].id < x[i].id) {
      ny[y[j].name ? 0 : 1] += y[j].w * y[j].w;
      ++j;
    } else {
      const int g = x[i].name || y[j].name ? 0 : 1;
      dot[g] += x[i].w * y[j].w;
      nx[g] += x[i].w * x[i].w;
      ny[g] += y[j].w * y[j].w;
      ++i, ++j;
    }
  }
  SplitCosine c;
  if (nx[0] > 0 && ny[0] > 0) c.names = dot[0] / std::sqrt(nx[0] * ny[0]);
  if (nx[1] > 0 && ny[1] > 0) c.others = dot[1] / std::sqrt(nx[1] * ny[1]);
  return c;
}

std::vector<Term> AsTerms(const std::vector<Weighted>& v) {
  std::vector<Term> out;
  out.reserve(v.size());
  for (const Weighted& w : v) out.push_back({w.key, w.tf});
  return out;
}

}  // namespace corroborate::cluster
