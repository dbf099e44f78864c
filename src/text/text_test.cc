// Tests for the text layer: offset maps, the text builder, NFC and segmentation.
#include <gtest/gtest.h>

#include "text/normalize.h"
#include "text/offset_map.h"
#include "text/segment.h"
#include "text/text_builder.h"

namespace corroborate {
namespace {

std::vector<std::string_view> Slices(std::string_view text, const std::vector<Span>& spans) {
  std::vector<std::string_view> out;
  for (const Span& s : spans) out.push_back(text.substr(s.start, s.size()));
  return out;
}

TEST(OffsetMap, MapsWithinAndAcrossRuns) {
  OffsetMap map;
  map.AddRun(0, 100);
  map.AddRun(10, 500);
  EXPECT_EQ(map.ToRaw(0), 100u);
  EXPECT_EQ(map.ToRaw(9), 109u);
  EXPECT_EQ(map.ToRaw(10), 500u);
  EXPECT_EQ(map.ToRaw(12), 502u);
}

TEST(OffsetMap, ComposesTwoMaps) {
  // Outer: text offsets 0.. come from raw 100.., 10.. from raw 500...
  OffsetMap outer;
  outer.AddRun(0, 100);
  outer.AddRun(10, 500);
  // Inner: a derived text whose offsets 0..4 are the outer text's 0..4 and 5.. its 8...
  OffsetMap inner;
  inner.AddRun(0, 0);
  inner.AddRun(5, 8);
  outer.ComposeWith(inner);
  EXPECT_EQ(outer.ToRaw(3), 103u);
  EXPECT_EQ(outer.ToRaw(5), 108u);   // derived 5 → text 8 → raw 108
  EXPECT_EQ(outer.ToRaw(7), 500u);   // derived 7 → text 10 → raw 500
}

TEST(TextBuilder, CollapsesSpaceAndMapsBack) {
  const std::string raw = "<p>  Hello \n world </p><p>Next.</p>";
  TextBuilder b;
  b.AppendInline(std::string_view(raw).substr(3, 16), 3);  // "  Hello \n world "
  b.EndBlock();
  b.AppendInline("Next.", raw.find("Next."));
  auto out = std::move(b).Finish();
  EXPECT_EQ(out.text, "Hello world\n\nNext.");
  EXPECT_EQ(out.map.ToRaw(0), raw.find("Hello"));
  EXPECT_EQ(out.map.ToRaw(6), raw.find("world"));
  EXPECT_EQ(out.map.ToRaw(out.text.find("Next")), raw.find("Next"));
}

TEST(TextBuilder, NoLeadingOrTrailingSeparators) {
  TextBuilder b;
  b.EndBlock();
  b.LineBreak();
  b.AppendInline(" a ", 0);
  b.EndBlock();
  EXPECT_EQ(std::move(b).Finish().text, "a");
}

TEST(Normalize, ComposesDecomposedCharacters) {
  // "e" + COMBINING ACUTE ACCENT composes to U+00E9; the map sends the composed character back
  // to the "e" and later text back past the two-code-point sequence.
  const std::string decomposed = "cafe\xCC\x81 au lait";
  NormalizedText n = NormalizeNfc(decomposed);
  EXPECT_EQ(n.text, "caf\xC3\xA9 au lait");
  ASSERT_FALSE(n.map.empty());
  EXPECT_EQ(n.map.ToRaw(3), 3u);
  EXPECT_EQ(n.map.ToRaw(n.text.find(" au")), decomposed.find(" au"));
}

TEST(Normalize, LeavesNfcTextAlone) {
  NormalizedText n = NormalizeNfc("caf\xC3\xA9");
  EXPECT_EQ(n.text, "caf\xC3\xA9");
  EXPECT_TRUE(n.map.empty());
}

TEST(Segment, ParagraphsAreLines) {
  const std::string text = "First line.\nSecond line.\n\nThird.";
  EXPECT_EQ(Slices(text, FindParagraphs(text)),
            (std::vector<std::string_view>{"First line.", "Second line.", "Third."}));
}

TEST(Segment, AbbreviationsDoNotEndSentences) {
  const std::string text =
      "Dr. Smith joined Acme Inc. in Jan. 2020 and moved to the U.S. He left. "
      "Maria L. Ortega agreed! Did she? \"Yes.\" Then 3 more came.";
  auto sentences = Slices(text, FindSentences(text, FindParagraphs(text)));
  // "U.S." followed by a capital stays inside the sentence: the rule favours not splitting after
  // dotted initials, accepting a missed boundary over a false one.
  EXPECT_EQ(sentences, (std::vector<std::string_view>{
                           "Dr. Smith joined Acme Inc. in Jan. 2020 and moved to the U.S. He left.",
                           "Maria L. Ortega agreed!", "Did she?", "\"Yes.\"", "Then 3 more came."}));
}

TEST(Segment, SentencesNeverCrossParagraphs) {
  const std::string text = "A headline without a period\nThe body starts here. It goes on";
  auto sentences = Slices(text, FindSentences(text, FindParagraphs(text)));
  EXPECT_EQ(sentences, (std::vector<std::string_view>{"A headline without a period", "The body starts here.",
                                                      "It goes on"}));
}

TEST(Segment, LowercaseAfterPeriodContinues) {
  const std::string text = "Shares rose 2.5 percent vs. expectations. the end";
  auto sentences = Slices(text, FindSentences(text, FindParagraphs(text)));
  EXPECT_EQ(sentences.size(), 1u);
}

}  // namespace
}  // namespace corroborate
