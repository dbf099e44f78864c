// Tests for word_table.h: look-ups after inserts, growth past many entries, clearing, and keys
// that share a prefix or are empty.
#include "extract/word_table.h"

#include <gtest/gtest.h>

#include <string>

namespace corroborate::extract {
namespace {

TEST(WordTable, FindsWhatWasInsertedAndNothingElse) {
  WordTable<int> t;
  t.Insert("acme") = 1;
  t.Insert("acme corp") = 2;
  t.Insert("") = 3;
  ASSERT_NE(t.Find("acme"), nullptr);
  EXPECT_EQ(*t.Find("acme"), 1);
  EXPECT_EQ(*t.Find("acme corp"), 2);
  EXPECT_EQ(*t.Find(""), 3);
  EXPECT_EQ(t.Find("acm"), nullptr);
  EXPECT_EQ(t.Find("acme corp."), nullptr);
  EXPECT_EQ(t.size(), 3u);
}

TEST(WordTable, InsertReturnsTheExistingValue) {
  WordTable<int> t;
  bool inserted = false;
  t.Insert("word", HashWord("word"), &inserted) |= 4;
  EXPECT_TRUE(inserted);
  t.Insert("word", HashWord("word"), &inserted) |= 8;
  EXPECT_FALSE(inserted);
  EXPECT_EQ(*t.Find("word"), 12);
}

TEST(WordTable, KeepsEveryEntryWhileGrowingAndClears) {
  WordTable<int> t;
  for (int i = 0; i < 10000; ++i) t.Insert("w" + std::to_string(i)) = i;
  for (int i = 0; i < 10000; ++i) {
    const int* v = t.Find("w" + std::to_string(i));
    ASSERT_NE(v, nullptr);
    EXPECT_EQ(*v, i);
  }
  t.Clear();
  EXPECT_EQ(t.size(), 0u);
  EXPECT_EQ(t.Find("w1"), nullptr);
  t.Insert("w1") = 5;
  EXPECT_EQ(*t.Find("w1"), 5);
}

}  // namespace
}  // namespace corroborate::extract
