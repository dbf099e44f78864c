// Tests for saving and loading the clusterer's state (story_clusterer.h Save and
// LoadInMemoryClusterer, state_io.h): a clusterer loaded at any point goes on exactly as the one
// that saw every article, and a damaged or foreign state is refused.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <random>
#include <string>

#include "cluster/hash.h"
#include "cluster/state_io.h"
#include "cluster/story_clusterer.h"

namespace corroborate::cluster {
namespace {

uint64_t Key(uint64_t n, TermKind kind) { return (Mix64(n + 1) & ~uint64_t(3)) | uint64_t(kind); }

// A stream of invented feature sets: affairs of a few days each, reported by several articles
// that share most of their affair's names, figures and dates and some of its words, with common
// words from a shared pool, reprints (an earlier article's shingle signature), articles without
// dates, and a few that straddle two affairs of the same company (which merges stories and moves
// the articles of small ones). Enough of them that the clusterer sweeps old stories, compacts its
// posting lists and grows its tables several times.
std::vector<ArticleFeatures> Stream(size_t n, uint32_t seed) {
  std::mt19937 rng(seed);
  auto pick = [&](uint32_t below) { return uint32_t(rng() % below); };
  std::vector<ArticleFeatures> out;
  out.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    const uint32_t affair = uint32_t(i / 6) + pick(4);  // about six articles an affair, overlapping
    const uint32_t company = affair / 3;                // a company has three affairs in a row
    ArticleFeatures f;
    f.id = "a" + std::to_string(i);
    f.headline = "affair " + std::to_string(affair);
    const int32_t day = 19000 + int32_t(affair / 8);
    if (pick(10) != 0) f.published_day = day + int32_t(pick(2));
    std::vector<Term> terms;
    auto add = [&](uint64_t key) { terms.push_back({key, 1.0f + float(pick(3)) * 0.35f}); };
    for (uint32_t k = 0; k < 4; ++k) add(Key(company * 16 + k, TermKind::kName));
    for (uint32_t k = 0; k < 12; ++k) {
      if (pick(4) != 0) add(Key(1'000'000 + affair * 32 + k, k % 3 == 0 ? TermKind::kNumber : TermKind::kWord));
    }
    if (pick(12) == 0) {  // straddles its affair and the company's next one
      for (uint32_t k = 0; k < 12; ++k) add(Key(1'000'000 + (affair + 1) * 32 + k, TermKind::kWord));
    }
    for (uint32_t k = 0; k < 24; ++k) add(Key(5'000'000 + pick(3000), TermKind::kWord));
    for (uint32_t k = 0; k < 6; ++k) add(Key(6'000'000 + pick(200'000), TermKind::kWord));  // rare: indexed
    add(Key(9'000'000 + uint64_t(day), TermKind::kDate));
    std::sort(terms.begin(), terms.end(), [](const Term& a, const Term& b) { return a.key < b.key; });
    terms.erase(std::unique(terms.begin(), terms.end(), [](const Term& a, const Term& b) { return a.key == b.key; }),
                terms.end());
    f.terms = std::move(terms);
    f.days = {day};
    if (i > 0 && pick(8) == 0) {  // a reprint of a recent article
      const ArticleFeatures& original = out[i - 1 - pick(uint32_t(std::min<size_t>(i, 5)))];
      f.terms = original.terms;
      f.has_signature = original.has_signature;
      f.signature = original.signature;
      f.signature[pick(kSignatureSize)] ^= 1;
    } else if (pick(20) != 0) {  // the rest are too short to shingle
      f.has_signature = true;
      for (uint32_t& v : f.signature) v = uint32_t(rng());
    }
    out.push_back(std::move(f));
  }
  return out;
}

std::string Saved(const StoryClusterer& c, size_t piece_bytes = size_t(16) << 20) {
  std::string bytes;
  StateWriter w([&](std::string_view piece) {
    bytes += piece;
    return Status::Ok();
  }, piece_bytes);
  c.Save(w);
  EXPECT_TRUE(w.Finish().ok());
  EXPECT_EQ(w.size(), bytes.size());
  return bytes;
}

std::string Describe(const Assignment& a) {
  std::string s = std::to_string(a.story) + "/" + std::to_string(a.storyline) + "/" + a.duplicate_of + "/" +
                  std::to_string(a.opened) + "/" + std::to_string(a.similarity) + "/" + std::to_string(a.closest) +
                  "/" + std::to_string(a.closest_similarity);
  for (const Shared& x : a.shared) s += "/" + std::to_string(x.key) + ":" + std::to_string(x.share);
  for (const Change& c : a.changes) {
    s += " change " + std::to_string(int(c.kind)) + " " + std::to_string(c.from) + ">" + std::to_string(c.to) + " " +
         std::to_string(c.article) + " " + c.article_id + " " + std::to_string(c.similarity) + " " +
         std::to_string(c.shared.size());
  }
  return s;
}

TEST(ClusterState, ALoadedClustererGoesOnExactlyAsTheOneThatSawEverything) {
  const std::vector<ArticleFeatures> stream = Stream(12000, 7);
  // Bars for merges and moves lowered so that this stream makes many of each.
  ClusterOptions o;
  o.merge_threshold = 0.25;
  o.move_threshold = 0.2;
  o.move_margin = 0;
  // A near-duplicate horizon far below the stream's length, so that older articles leave the
  // index many times (every 250 articles from the 1,250th on) before and after each split.
  o.duplicate_horizon = 1000;
  std::unique_ptr<StoryClusterer> full = NewInMemoryClusterer(o);
  std::vector<std::string> expected;
  size_t merges = 0, moves = 0, line_merges = 0, reprints = 0;
  for (const ArticleFeatures& f : stream) {
    const Assignment a = full->Add(f);
    expected.push_back(Describe(a));
    reprints += !a.duplicate_of.empty();
    for (const Change& c : a.changes) {
      merges += c.kind == Change::Kind::kStoryMerged;
      moves += c.kind == Change::Kind::kArticleMoved;
      line_merges += c.kind == Change::Kind::kStorylineMerged;
    }
  }
  // The stream must exercise what the state holds, or equality below would say little.
  EXPECT_GT(merges, 10u);
  EXPECT_GT(moves, 10u);
  EXPECT_GT(line_merges, 10u);
  EXPECT_GT(reprints, 100u);
  std::printf("%zu merges, %zu moves, %zu storyline merges, %zu reprints\n", merges, moves, line_merges, reprints);
  const std::string full_state = Saved(*full);

  // Saved after 0, 1, a few, and many articles (past sweeps, and past the posting lists'
  // compaction, which happens between 9,000 and 10,500 articles of this stream), loaded, and fed
  // the rest: every later assignment, the stories, and the final state are the full run's.
  for (size_t split : {size_t(0), size_t(1), size_t(37), size_t(4100), size_t(10500)}) {
    SCOPED_TRACE("saved after " + std::to_string(split) + " articles");
    std::unique_ptr<StoryClusterer> first = NewInMemoryClusterer(o);
    for (size_t i = 0; i < split; ++i) (void)first->Add(stream[i]);
    const std::string bytes = Saved(*first, 4096);  // many pieces
    StateReader r = StateReader::Of(bytes);
    Result<std::unique_ptr<StoryClusterer>> loaded = LoadInMemoryClusterer(o, r);
    ASSERT_TRUE(loaded.ok()) << loaded.status().message();
    EXPECT_EQ(r.left(), 0u);
    EXPECT_EQ(Saved(**loaded), bytes);  // a loaded state saves to the same bytes
    for (size_t i = split; i < stream.size(); ++i) ASSERT_EQ(Describe((*loaded)->Add(stream[i])), expected[i]) << i;
    EXPECT_EQ(Saved(**loaded), full_state);
    for (uint32_t s = 1; s <= full->StoryCount(); ++s) {
      const StoryInfo a = *full->GetStory(s), b = *(*loaded)->GetStory(s);
      EXPECT_EQ(a.id, b.id);
      EXPECT_EQ(a.headline, b.headline);
      EXPECT_EQ(a.articles, b.articles);
      EXPECT_EQ(a.storyline, b.storyline);
      EXPECT_EQ(a.link.joined, b.link.joined);
    }
    for (uint32_t n = 0; n < stream.size(); ++n) {
      EXPECT_EQ(full->StoryOfArticle(n), (*loaded)->StoryOfArticle(n));
      EXPECT_EQ(full->DuplicateOf(n), (*loaded)->DuplicateOf(n));
    }
  }
}

TEST(ClusterState, ADamagedOrForeignStateIsRefused) {
  const std::vector<ArticleFeatures> stream = Stream(3000, 11);
  std::unique_ptr<StoryClusterer> c = NewInMemoryClusterer(ClusterOptions{});
  for (const ArticleFeatures& f : stream) (void)c->Add(f);
  const std::string bytes = Saved(*c);

  // Cut anywhere: a length runs past the end, never a crash or a huge allocation.
  for (size_t cut : {size_t(0), size_t(7), size_t(12), size_t(100), bytes.size() / 3, bytes.size() / 2, bytes.size() - 1}) {
    StateReader r = StateReader::Of(std::string_view(bytes).substr(0, cut));
    Result<std::unique_ptr<StoryClusterer>> got = LoadInMemoryClusterer(ClusterOptions{}, r);
    EXPECT_FALSE(got.ok()) << cut;
  }
  // Another format version (the four bytes after the magic number).
  std::string other = bytes;
  other[8] = char(other[8] + 1);
  StateReader r1 = StateReader::Of(other);
  Result<std::unique_ptr<StoryClusterer>> got = LoadInMemoryClusterer(ClusterOptions{}, r1);
  ASSERT_FALSE(got.ok());
  EXPECT_EQ(got.status().code(), StatusCode::kUnsupported);
  // Other options: the state would go on as the old options would.
  ClusterOptions changed;
  changed.join_threshold = 0.25;
  StateReader r2 = StateReader::Of(bytes);
  got = LoadInMemoryClusterer(changed, r2);
  ASSERT_FALSE(got.ok());
  EXPECT_EQ(got.status().code(), StatusCode::kUnsupported);
  // Any changed byte changes the checksum the store compares.
  Checksum a, b;
  a.Add(bytes);
  other = bytes;
  other[bytes.size() / 2] ^= 0x10;
  b.Add(std::string_view(other).substr(0, 5));
  b.Add(std::string_view(other).substr(5));
  EXPECT_NE(a.Value(), b.Value());
}

TEST(ClusterState, TheChecksumDoesNotDependOnHowTheBytesArePieced) {
  std::string bytes;
  for (int i = 0; i < 1000; ++i) bytes += char(i * 7 + 3);
  Checksum whole;
  whole.Add(bytes);
  for (size_t piece : {size_t(1), size_t(5), size_t(31), size_t(32), size_t(33), size_t(999)}) {
    Checksum pieced;
    for (size_t at = 0; at < bytes.size(); at += piece) pieced.Add(std::string_view(bytes).substr(at, piece));
    EXPECT_EQ(pieced.Value(), whole.Value()) << piece;
  }
}

}  // namespace
}  // namespace corroborate::cluster
