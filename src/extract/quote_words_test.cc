// Tests that data/quote_words.tsv is built into the binary and read into the right categories.
#include "extract/quote_words.h"

#include <gtest/gtest.h>

namespace corroborate::extract {
namespace {

TEST(QuoteWords, Categories) {
  const QuoteWords& w = QuoteWords::Get();
  EXPECT_TRUE(w.Has("said", kSpeechVerb));
  EXPECT_TRUE(w.Has("said", kInverts));
  EXPECT_TRUE(w.Has("told", kSpeechVerb));
  EXPECT_FALSE(w.Has("told", kInverts));  // "told Reuters" names the listener
  EXPECT_TRUE(w.Has("also", kAux));
  EXPECT_TRUE(w.Has("official", kSpeakerNoun));
  EXPECT_TRUE(w.Has("statement", kDocument));
  EXPECT_EQ(w.Flags("harbour"), 0);
}

}  // namespace
}  // namespace corroborate::extract
