// What the cluster stage knows of one article: weighted content terms (words, names, dates,
// numbers), a MinHash signature of its word shingles, the days it mentions, its publication day and
// a headline. Computed from the article alone, so it can run on any thread before the clusterer's
// single-threaded Add. Tested in features_test.cc.
//
//   ArticleFeatures f = ExtractFeatures(article, mentions);
//   clusterer.Add(f);
#pragma once

#include <array>
#include <cstdint>
#include <limits>
#include <string>
#include <unordered_map>
#include <vector>

#include "clean/article.h"
#include "extract/mentions.h"

namespace corroborate::cluster {

// The kind of a term lives in the low two bits of its key, so a term is 12 bytes and the
// clusterer can weigh kinds differently without a separate field.
enum class TermKind : uint8_t { kWord = 0, kName = 1, kDate = 2, kNumber = 3 };

inline TermKind KindOf(uint64_t key) { return TermKind(key & 3); }

#pragma pack(push, 4)
struct Term {
  uint64_t key = 0;  // hash of the term's text, kind in the low bits
  float tf = 0;      // 1 + ln(count): how much the article says it
};
#pragma pack(pop)
static_assert(sizeof(Term) == 12);

constexpr int kSignatureSize = 64;  // MinHash values; 16 LSH bands of 4
constexpr int32_t kNoDay = std::numeric_limits<int32_t>::min();

struct ArticleFeatures {
  std::string id;
  std::string headline;             // the title, else the first sentence (shortened)
  int32_t published_day = kNoDay;   // days since 1970-01-01
  std::vector<Term> terms;          // distinct keys, sorted by key
  std::vector<int32_t> days;        // day-grain dates the text names, distinct, sorted
  bool has_signature = false;       // false for texts too short to shingle
  std::array<uint32_t, kSignatureSize> signature{};
};

ArticleFeatures ExtractFeatures(const Article& article, const Mentions& mentions);

// The words of the article that made each of its terms (as LabelTerms gives them), by key.
using TermLabels = std::unordered_map<uint64_t, std::string>;
// The features and, in the same pass, every term's words: what the store's commit step would
// otherwise find again with LabelTerms (a second pass) while it holds the write lock.
ArticleFeatures ExtractFeatures(const Article& article, const Mentions& mentions, TermLabels& labels);

// The words of the article that made each of `keys` (as ExtractFeatures finds them: a name as
// written, a word in lower case, a date or a figure as the text states it), "" for a key the
// article does not hold: what explanations show for the terms a comparison shared.
std::vector<std::string> LabelTerms(const Article& article, const Mentions& mentions, const std::vector<uint64_t>& keys);

// The key ExtractFeatures gives a word or name (lower case, as it appears in its term list), for
// tests and debugging.
uint64_t TermKey(TermKind kind, std::string_view text);

}  // namespace corroborate::cluster
