// Tests for pairing quotation marks (quote_marks.h) on our own sentences: every mark style,
// nesting, apostrophes, and quotations over several paragraphs.
#include "extract/quote_marks.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace corroborate::extract {
namespace {

// The quoted words of each quotation found in `text`.
std::vector<std::string> Quotations(const std::string& text) {
  NTokens tokens;
  TokenizeNames(text, {}, tokens);
  std::vector<QuoteSpan> spans;
  FindQuoteSpans(tokens, spans);
  std::vector<std::string> out;
  for (const QuoteSpan& q : spans) {
    const uint32_t b = tokens.items[q.b].start, e = tokens.items[q.e - 1].end;
    out.push_back(text.substr(b, e - b));
  }
  return out;
}

TEST(QuoteMarks, CurlyAndStraightDoubleMarks) {
  EXPECT_EQ(Quotations("He said \u201Cthe plant will reopen soon\u201D on Monday."),
            std::vector<std::string>{"the plant will reopen soon"});
  EXPECT_EQ(Quotations("He said \"the plant will reopen soon\" on Monday."),
            std::vector<std::string>{"the plant will reopen soon"});
}

TEST(QuoteMarks, BritishSingleMarks) {
  EXPECT_EQ(Quotations("\u2018We will not sell the brewery,\u2019 she said."),
            std::vector<std::string>{"We will not sell the brewery,"});
  EXPECT_EQ(Quotations("'We will not sell the brewery,' she said."),
            std::vector<std::string>{"We will not sell the brewery,"});
}

TEST(QuoteMarks, TwoApostrophesAndBackticksStandForDoubleMarks) {
  EXPECT_EQ(Quotations("She wrote: ''the budget is final for this year.''"),
            std::vector<std::string>{"the budget is final for this year."});
  EXPECT_EQ(Quotations("She wrote: ``the budget is final for this year.''"),
            std::vector<std::string>{"the budget is final for this year."});
}

TEST(QuoteMarks, SingleMarksInsideDoubleOnesAreNested) {
  // One quotation; the inner 'efficiency drive' is part of it, not a second one.
  EXPECT_EQ(Quotations("\"They called it an 'efficiency drive' and cut the night shift,\" he said."),
            std::vector<std::string>{"They called it an 'efficiency drive' and cut the night shift,"});
}

TEST(QuoteMarks, ApostrophesArePossessivesAndContractions) {
  // Apostrophes, possessives in s and a lone right mark open no quotation.
  EXPECT_TRUE(Quotations("The workers' union said it won't sign the deal before the ’90s rules go.").empty());
  // A closing mark after a plural's possessive is still found when the quotation needs it.
  EXPECT_EQ(Quotations("She said 'the drivers' pay must rise this year' and left."),
            std::vector<std::string>{"the drivers' pay must rise this year"});
}

TEST(QuoteMarks, ReopenedAtEachParagraph) {
  // The English convention: no closing mark at the first paragraph's end, an opening one at the next.
  std::vector<std::string> q = Quotations("\u201CWe will open three plants.\n\u201CAnd we will hire locally.\u201D he said.\n");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_NE(q[0].find("hire locally"), std::string::npos);
}

TEST(QuoteMarks, OverParagraphsWithoutReopening) {
  // Texts that drop the marks at paragraph breaks: the next mark closes without opening.
  std::vector<std::string> q = Quotations("He said \"we will open three plants.\nAnd we will hire locally.\"\nNothing else.\n");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0], "we will open three plants.\nAnd we will hire locally.");
}

TEST(QuoteMarks, UnbalancedMarkIsDropped) {
  // The first paragraph never closes, and the next mark opens a quotation of its own.
  EXPECT_EQ(Quotations("He said \"we will open three plants.\nShe said \"no more plants this year\" today.\n"),
            std::vector<std::string>{"no more plants this year"});
}

TEST(QuoteMarks, BoundedOnAdversarialInput) {
  // Thousands of opening marks and apostrophes: every quotation found is well formed.
  std::string text;
  for (int i = 0; i < 5000; ++i) text += (i % 3 == 0) ? "\u201Ca " : (i % 3 == 1) ? "'b " : "\"c\n";
  NTokens tokens;
  TokenizeNames(text, {}, tokens);
  std::vector<QuoteSpan> spans;
  FindQuoteSpans(tokens, spans);
  uint32_t last = 0;
  for (const QuoteSpan& s : spans) {
    EXPECT_LT(s.b, s.e);
    EXPECT_GE(s.open, last);
    last = s.after;
  }
}

}  // namespace
}  // namespace corroborate::extract
