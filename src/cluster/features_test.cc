// Tests for cluster features (features.h), the word lists (words.h) and hashing (hash.h).
#include "cluster/features.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "cluster/hash.h"
#include "cluster/test_articles.h"
#include "cluster/words.h"

namespace corroborate::cluster {
namespace {

using testing::Features;

bool Has(const ArticleFeatures& f, TermKind kind, std::string_view text) {
  const uint64_t k = TermKey(kind, text);
  return std::any_of(f.terms.begin(), f.terms.end(), [&](const Term& t) { return t.key == k; });
}

TEST(Hash, StableAndSpread) {
  EXPECT_EQ(HashBytes("flood"), HashBytes("flood"));
  EXPECT_NE(HashBytes("flood"), HashBytes("floods"));
  EXPECT_NE(HashBytes("flood", 1), HashBytes("flood", 2));
  EXPECT_NE(HashBytes("abcdefgh1"), HashBytes("abcdefgh2"));  // the tail after a full block counts
  EXPECT_NE(HashCombine(1, 2), HashCombine(2, 1));
}

TEST(Words, Lists) {
  EXPECT_TRUE(IsStopword("the"));
  EXPECT_TRUE(IsStopword("said"));
  EXPECT_FALSE(IsStopword("flood"));
  EXPECT_TRUE(IsCalendarWord("tuesday"));
  EXPECT_TRUE(IsCalendarWord("nov"));
  EXPECT_FALSE(IsCalendarWord("flood"));
}

TEST(Words, StripPlural) {
  auto strip = [](std::string w) { StripPlural(w); return w; };
  EXPECT_EQ(strip("floods"), "flood");
  EXPECT_EQ(strip("injuries"), "injury");
  EXPECT_EQ(strip("crashes"), "crash");
  EXPECT_EQ(strip("taxes"), "tax");
  EXPECT_EQ(strip("homes"), "home");
  EXPECT_EQ(strip("business"), "business");
  EXPECT_EQ(strip("census"), "census");
  EXPECT_EQ(strip("analysis"), "analysis");
  EXPECT_EQ(strip("gas"), "gas");
}

TEST(Features, NamesWordsDatesNumbers) {
  ArticleFeatures f = Features("a", testing::kMarrowbyA, "2024-03-12");
  EXPECT_EQ(f.id, "a");
  EXPECT_EQ(f.headline, "River Tolland bursts its banks in Marrowby");
  EXPECT_NE(f.published_day, kNoDay);
  // Capitalised inside sentences: names; "Fire" opens a sentence and is lower case elsewhere.
  EXPECT_TRUE(Has(f, TermKind::kName, "marrowby"));
  EXPECT_TRUE(Has(f, TermKind::kName, "brennan"));
  EXPECT_TRUE(Has(f, TermKind::kName, "odile brennan"));
  EXPECT_FALSE(Has(f, TermKind::kName, "fire"));
  EXPECT_TRUE(Has(f, TermKind::kWord, "fire"));
  EXPECT_TRUE(Has(f, TermKind::kWord, "home"));   // "homes", plural stripped
  EXPECT_FALSE(Has(f, TermKind::kWord, "the"));   // function word
  EXPECT_FALSE(Has(f, TermKind::kWord, "march")); // calendar word: the date mention stands for it
  EXPECT_TRUE(std::is_sorted(f.terms.begin(), f.terms.end(), [](const Term& a, const Term& b) { return a.key < b.key; }));
  // The text names 12 March 2024.
  ASSERT_FALSE(f.days.empty());
  EXPECT_TRUE(f.has_signature);
}

TEST(Features, SignatureDependsOnWordsOnly) {
  ArticleFeatures a = Features("a", testing::kMarrowbyA);
  ArticleFeatures b = Features("b", testing::kMarrowbyA);
  ArticleFeatures c = Features("c", testing::kKettleford);
  EXPECT_EQ(a.signature, b.signature);
  EXPECT_NE(a.signature, c.signature);
}

TEST(Features, ShortAndEmptyTexts) {
  ArticleFeatures f = Features("short", "Storm warning.");
  EXPECT_FALSE(f.has_signature);
  EXPECT_EQ(f.headline, "Storm warning.");
  ArticleFeatures e = ExtractFeatures(Article{}, Mentions{});
  EXPECT_TRUE(e.terms.empty());
  EXPECT_FALSE(e.has_signature);
}

TEST(Features, LongHeadlineIsShortenedAtASpace) {
  std::string title(40, 'x');
  for (int i = 0; i < 10; ++i) title += " word";
  title += " " + std::string(200, 'y');
  Article a = testing::MakeArticle("t", "Body text of the article goes here.");
  a.title = title;
  ArticleFeatures f = ExtractFeatures(a, Mentions{});
  EXPECT_LE(f.headline.size(), 170u);
  EXPECT_EQ(f.headline.substr(f.headline.size() - 3), "…");
}

TEST(Features, LabelTermsGivesTheWordsThatMadeEachKey) {
  Article a = testing::MakeArticle("a", testing::kMarrowbyA, "2024-03-12");
  const Mentions m = ExtractMentions(a);
  const ArticleFeatures f = ExtractFeatures(a, m);
  const uint64_t brennan = TermKey(TermKind::kName, "odile brennan");
  const uint64_t homes = TermKey(TermKind::kWord, "home");  // stems drop the plural
  const uint64_t absent = TermKey(TermKind::kWord, "earthquake");
  std::vector<uint64_t> numbers;
  for (const Term& t : f.terms) {
    // A copy of the key: Term is packed, and push_back would bind a reference to a misaligned field.
    if (KindOf(t.key) == TermKind::kNumber) numbers.push_back(uint64_t{t.key});
  }
  ASSERT_FALSE(numbers.empty());
  const std::vector<std::string> labels = LabelTerms(a, m, {brennan, homes, absent, numbers[0]});
  ASSERT_EQ(labels.size(), 4u);
  EXPECT_EQ(labels[0], "Odile Brennan");  // a name as written
  EXPECT_EQ(labels[1], "homes");          // a word as first seen, in lower case
  EXPECT_EQ(labels[2], "");
  EXPECT_NE(a.text.find(labels[3]), std::string::npos);  // a figure as the text states it
}

}  // namespace
}  // namespace corroborate::cluster
