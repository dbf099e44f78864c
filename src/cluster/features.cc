// Per-article cluster features (see features.h). Tested in features_test.cc.
#include "cluster/features.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string_view>
#include <unordered_map>

#include "cluster/hash.h"
#include "cluster/words.h"
#include "cluster/zones.h"
#include "core/utf8.h"
#include "extract/civil_date.h"

namespace corroborate::cluster {
namespace {

constexpr uint64_t kTermSeed = 0x5eed7e4d5eed7e4dULL;
constexpr uint64_t kShingleSeed = 0x51a61e5051a61e50ULL;
constexpr int kShingleWords = 4;   // a changed word disturbs four shingles: reprints stay close
constexpr int kMinShingleWords = 8;
constexpr size_t kHeadlineBytes = 160;

struct Tok {
  uint32_t start = 0, end = 0;
  std::string lower;
  bool capital = false;    // first letter upper case
  bool all_caps = false;   // two or more letters, all upper case ("FBI")
  bool initial = false;    // first word of a sentence or line: capitals there prove nothing
  bool has_letter = false;
  bool title_line = false; // on a line written in title case
  bool stopword = false;   // on the stopword list (words.h)
};

// Letters and digits of any script, leaving out the punctuation and symbol blocks that news text
// uses between words (curly quotes, dashes, bullets, the replacement character).
bool IsWordChar(char32_t cp) {
  if (cp < 0x80) return (cp >= '0' && cp <= '9') || ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z');
  if (cp < 0xC0 || cp == 0xD7 || cp == 0xF7) return false;
  if (cp >= 0x2000 && cp <= 0x2BFF) return false;
  if (cp >= 0x3000 && cp <= 0x303F) return false;
  return cp != utf8::kReplacement && cp != 0xFEFF;
}

bool IsUpper(char32_t cp) { return (cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7); }
bool IsLetter(char32_t cp) { return cp >= 0x80 || ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z'); }

void Tokenize(std::string_view text, std::vector<Tok>& out) {
  bool at_initial = true;  // start of text, line, or after a sentence end
  size_t i = 0;
  // ASCII, nearly all of news text, is read without decoding.
  auto next = [&](size_t at, size_t& len) -> char32_t {
    const unsigned char c = static_cast<unsigned char>(text[at]);
    len = 1;
    return c < 0x80 ? c : utf8::Decode(text, at, len);
  };
  while (i < text.size()) {
    size_t len = 1;
    const char32_t cp = next(i, len);
    if (!IsWordChar(cp)) {
      if (cp == '\n' || cp == '.' || cp == '!' || cp == '?') at_initial = true;
      i += len;
      continue;
    }
    Tok t;
    t.start = uint32_t(i);
    t.initial = at_initial;
    t.capital = IsUpper(cp);
    int letters = 0, uppers = 0;
    while (i < text.size()) {
      size_t l = 1;
      const char32_t c = next(i, l);
      if (!IsWordChar(c)) break;
      if (IsLetter(c)) {
        ++letters;
        uppers += IsUpper(c);
      }
      i += l;
    }
    t.end = uint32_t(i);
    // Lower-cased in one copy: ASCII capitals folded, every other byte kept.
    t.lower.assign(text.data() + t.start, t.end - t.start);
    for (char& c : t.lower) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    }
    t.has_letter = letters > 0;
    t.all_caps = letters >= 2 && uppers == letters;
    at_initial = false;
    out.push_back(std::move(t));
  }
}

// Marks tokens on lines where most longer words are capitalised (headlines in title case), whose
// capitals say nothing about names.
void MarkTitleLines(std::string_view text, std::vector<Tok>& toks) {
  size_t line_start_tok = 0;
  for (size_t i = 0; i <= toks.size(); ++i) {
    const bool line_ends = i == toks.size() ||
                           (i > line_start_tok &&
                            text.substr(toks[i - 1].end, toks[i].start - toks[i - 1].end).find('\n') != std::string_view::npos);
    if (!line_ends) continue;
    int words = 0, caps = 0;
    for (size_t j = line_start_tok; j < i; ++j) {
      if (!toks[j].has_letter || toks[j].lower.size() < 4 || toks[j].stopword) continue;
      ++words;
      caps += toks[j].capital;
    }
    if (words >= 3 && caps * 10 >= words * 6) {
      for (size_t j = line_start_tok; j < i; ++j) toks[j].title_line = true;
    }
    line_start_tok = i;
  }
}

struct WeightedKey {
  uint64_t key;
  float weight;
};

void AddKey(std::vector<WeightedKey>& keys, TermKind kind, std::string_view text, float weight) {
  keys.push_back({TermKey(kind, text), weight});
}

std::string NumberText(double v) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.6g", v);
  return buf;
}

std::string DateKeyText(const DateMention& d) {
  char buf[32];
  switch (d.grain) {
    case DateGrain::kDay: std::snprintf(buf, sizeof buf, "d%04d-%02d-%02d", d.year, d.month, d.day); break;
    case DateGrain::kMonth: std::snprintf(buf, sizeof buf, "m%04d-%02d", d.year, d.month); break;
    case DateGrain::kQuarter: std::snprintf(buf, sizeof buf, "q%04d-%d", d.year, d.quarter); break;
    case DateGrain::kWeek: std::snprintf(buf, sizeof buf, "w%04d-%02d", d.year, d.week); break;
    case DateGrain::kYear: std::snprintf(buf, sizeof buf, "y%04d", d.year); break;
  }
  return buf;
}

std::string Headline(const Article& a) {
  std::string_view h = a.title;
  if (h.empty()) {
    std::string_view t = a.text;
    if (!a.sentences.empty()) t = t.substr(a.sentences[0].start, a.sentences[0].size());
    h = t.substr(0, t.find('\n'));
  }
  while (!h.empty() && (h.front() == ' ' || h.front() == '\t')) h.remove_prefix(1);
  if (h.size() > kHeadlineBytes) {
    size_t cut = h.rfind(' ', kHeadlineBytes);
    h = h.substr(0, cut == std::string_view::npos || cut < kHeadlineBytes / 2 ? kHeadlineBytes : cut);
    std::string out(h);
    out = utf8::Repair(out);  // a cut inside a character leaves U+FFFD, never invalid bytes
    return out + "…";
  }
  return std::string(h);
}

void ComputeSignature(const std::vector<Tok>& toks, ArticleFeatures& f) {
  if (toks.size() < size_t(kMinShingleWords)) return;
  std::vector<uint64_t> words(toks.size());
  for (size_t i = 0; i < toks.size(); ++i) words[i] = HashBytes(toks[i].lower, kShingleSeed);
  // Multiply-shift hashing of one mixed shingle hash stands in for 64 independent permutations.
  static const std::array<std::pair<uint64_t, uint64_t>, kSignatureSize> kPerm = [] {
    std::array<std::pair<uint64_t, uint64_t>, kSignatureSize> p{};
    for (int i = 0; i < kSignatureSize; ++i) p[i] = {Mix64(2 * i + 1) | 1, Mix64(2 * i + 2)};
    return p;
  }();
  f.signature.fill(UINT32_MAX);
  for (size_t i = 0; i + kShingleWords <= words.size(); ++i) {
    uint64_t h = words[i];
    for (int k = 1; k < kShingleWords; ++k) h = HashCombine(h, words[i + k]);
    for (int k = 0; k < kSignatureSize; ++k) {
      const uint32_t v = uint32_t((kPerm[k].first * h + kPerm[k].second) >> 32);
      f.signature[k] = std::min(f.signature[k], v);
    }
  }
  f.has_signature = true;
}

}  // namespace

uint64_t TermKey(TermKind kind, std::string_view text) {
  // A word and a name of the same text differ only in their kind bits, so that a comparison may
  // take them as one term: whether a word is a name is decided per article, and another outlet
  // may write it in lower case ("bitcoin") or only where capitals prove nothing.
  const uint64_t seed = kind == TermKind::kName ? uint64_t(TermKind::kWord) : uint64_t(kind);
  return (HashBytes(text, kTermSeed + seed) & ~uint64_t(3)) | uint64_t(kind);
}

namespace {

// Collects the words of the article that made the wanted keys, for explanations.
struct LabelSink {
  const std::vector<uint64_t>* wanted;  // sorted; nullptr: every key
  std::unordered_map<uint64_t, std::string> found;
  void Offer(uint64_t key, std::string_view surface) {
    if ((wanted && !std::binary_search(wanted->begin(), wanted->end(), key)) || found.count(key)) return;
    found.emplace(key, std::string(surface));
  }
};

ArticleFeatures Extract(const Article& article, const Mentions& mentions, LabelSink* labels);

}  // namespace

ArticleFeatures ExtractFeatures(const Article& article, const Mentions& mentions) {
  return Extract(article, mentions, nullptr);
}

ArticleFeatures ExtractFeatures(const Article& article, const Mentions& mentions, TermLabels& labels) {
  LabelSink sink{nullptr, {}};
  ArticleFeatures f = Extract(article, mentions, &sink);
  labels = std::move(sink.found);
  return f;
}

std::vector<std::string> LabelTerms(const Article& article, const Mentions& mentions,
                                    const std::vector<uint64_t>& keys) {
  std::vector<uint64_t> wanted = keys;
  std::sort(wanted.begin(), wanted.end());
  LabelSink sink{&wanted, {}};
  (void)Extract(article, mentions, &sink);
  std::vector<std::string> out;
  out.reserve(keys.size());
  for (uint64_t k : keys) {
    auto it = sink.found.find(k);
    out.push_back(it == sink.found.end() ? std::string() : it->second);
  }
  return out;
}

namespace {

ArticleFeatures Extract(const Article& article, const Mentions& mentions, LabelSink* labels) {
  ArticleFeatures f;
  f.id = article.id;
  f.headline = Headline(article);
  if (auto d = extract::ParseIsoDate(article.published)) {
    f.published_day = int32_t(extract::DaysFromCivil(d->year, d->month, d->day));
  }

  // The title is part of what the article says; the text usually repeats it, the metadata may not.
  std::string all;
  std::string_view text = article.text;
  uint32_t title_end = 0;    // the title's bytes at the start of `text`
  uint32_t text_shift = 0;   // where article.text starts in `text`: mention offsets move by this
  if (!article.title.empty() && text.substr(0, article.title.size()) != article.title) {
    all = article.title + "\n" + article.text;
    text = all;
    title_end = uint32_t(article.title.size());
    text_shift = title_end + 1;
  } else if (!article.title.empty()) {
    title_end = uint32_t(article.title.size());
  }
  const TextZones zones = FindZones(text, title_end);
  std::vector<Tok> toks;
  toks.reserve(text.size() / 5);
  Tokenize(text, toks);

  // Each distinct word is looked up once: its word lists and its key.
  struct Word {
    int caps = 0, lower = 0;
    bool stopword = false, calendar = false;
    bool content = false;  // an ordinary word worth a term of its own
    uint64_t word_key = 0;
  };
  std::vector<Word> words;
  std::vector<uint32_t> word_of(toks.size());
  {
    std::unordered_map<std::string_view, uint32_t> index;
    index.reserve(toks.size());
    std::string stem;
    for (size_t i = 0; i < toks.size(); ++i) {
      Tok& t = toks[i];
      if (!t.has_letter) continue;
      auto [it, fresh] = index.try_emplace(t.lower, uint32_t(words.size()));
      if (fresh) {
        Word& w = words.emplace_back();
        w.stopword = IsStopword(t.lower);
        w.calendar = IsCalendarWord(t.lower);
        w.content = t.lower.size() >= 3 && !w.stopword && !w.calendar;
        if (w.content) {
          stem = t.lower;
          StripPlural(stem);
          w.word_key = TermKey(TermKind::kWord, stem);
        }
      }
      word_of[i] = it->second;
      t.stopword = words[it->second].stopword;
    }
  }
  MarkTitleLines(text, toks);
  ComputeSignature(toks, f);

  // A word is a name when it is capitalised where capitals prove something (inside a sentence, on
  // an ordinary line) at least as often as it is written in lower case.
  for (size_t i = 0; i < toks.size(); ++i) {
    const Tok& t = toks[i];
    if (!t.has_letter) continue;
    Word& w = words[word_of[i]];
    if (!t.capital) ++w.lower;
    else if (!t.initial && !t.title_line) ++w.caps;
  }
  auto is_name = [&](size_t i) {
    const Tok& t = toks[i];
    if (!t.has_letter || t.lower.size() < 2) return false;
    const Word& w = words[word_of[i]];
    if (w.calendar) return false;
    if (t.all_caps && t.lower.size() <= 5 && !t.title_line) return true;  // "FBI", "NASA", "US"
    if (w.stopword) return false;
    return w.caps > 0 && w.caps >= w.lower;
  };

  // Each occurrence counts with the weight of where it stands (zones.h): a term of the title and
  // the lead says more about the development than one of the tenth paragraph, one in debris nothing.
  std::vector<WeightedKey> keys;
  keys.reserve(toks.size() + mentions.dates.size() + mentions.quantities.size());
  size_t segment = 0;
  auto weight_at = [&](uint32_t offset) {  // tokens come in text order: walk the segments along
    const auto& segs = zones.segments;
    while (segment < segs.size() && segs[segment].end <= offset) ++segment;
    return segment < segs.size() && segs[segment].start <= offset ? segs[segment].weight : 0.0f;
  };
  for (size_t i = 0; i < toks.size(); ++i) {
    const Tok& t = toks[i];
    const float w = weight_at(t.start);
    if (w == 0) continue;
    if (is_name(i)) {
      AddKey(keys, TermKind::kName, t.lower, w);
      if (labels) labels->Offer(keys.back().key, text.substr(t.start, t.end - t.start));
      // Adjacent names ("Betty Ford") are a stronger key than either word.
      if (i + 1 < toks.size() && toks[i + 1].capital && is_name(i + 1)) {
        std::string_view gap = text.substr(t.end, toks[i + 1].start - t.end);
        if (gap == " ") {
          AddKey(keys, TermKind::kName, t.lower + " " + toks[i + 1].lower, w);
          if (labels) labels->Offer(keys.back().key, text.substr(t.start, toks[i + 1].end - t.start));
        }
      }
      continue;
    }
    if (t.has_letter && words[word_of[i]].content) {
      keys.push_back({words[word_of[i]].word_key, w});
      if (labels) labels->Offer(keys.back().key, t.lower);
    }
  }
  for (const DateMention& d : mentions.dates) {
    if (d.year <= 0) continue;
    const float w = zones.WeightAt(d.start + text_shift);
    if (w == 0) continue;
    AddKey(keys, TermKind::kDate, DateKeyText(d), w);
    if (labels) labels->Offer(keys.back().key, std::string_view(article.text).substr(d.start, d.end - d.start));
    if (d.grain == DateGrain::kDay) f.days.push_back(int32_t(extract::DaysFromCivil(d.year, d.month, d.day)));
  }
  for (const Quantity& q : mentions.quantities) {
    const bool year_like = q.kind == QuantityKind::kNumber && q.value >= 1900 && q.value <= 2100 && q.value == std::floor(q.value);
    if (year_like || (q.kind == QuantityKind::kNumber && q.value < 2)) continue;
    const float w = zones.WeightAt(q.start + text_shift);
    if (w == 0) continue;
    AddKey(keys, TermKind::kNumber, std::string(1, char('0' + int(q.kind))) + NumberText(q.value), w);
    if (labels) labels->Offer(keys.back().key, std::string_view(article.text).substr(q.start, q.end - q.start));
  }
  std::sort(f.days.begin(), f.days.end());
  f.days.erase(std::unique(f.days.begin(), f.days.end()), f.days.end());

  std::sort(keys.begin(), keys.end(), [](const WeightedKey& a, const WeightedKey& b) { return a.key < b.key; });
  for (size_t i = 0; i < keys.size();) {
    size_t j = i;
    double weight = 0;
    while (j < keys.size() && keys[j].key == keys[i].key) weight += keys[j++].weight;
    // 1 + ln(weight) as ln(count) did for plain counts; a term seen only at low weight stays below 1.
    f.terms.push_back({keys[i].key, float(weight >= 1 ? 1.0 + std::log(weight) : weight)});
    i = j;
  }
  return f;
}

}  // namespace

}  // namespace corroborate::cluster
