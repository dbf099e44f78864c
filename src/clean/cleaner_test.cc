// Tests for the clean stage's entry point: dispatch, metadata precedence, NFC and segmentation.
#include <gtest/gtest.h>

#include "clean/cleaner.h"

namespace corroborate {
namespace {

TEST(Cleaner, ContainerMetadataWinsOverTheText) {
  RawDocument doc;
  doc.id = "a1";
  doc.kind = ContentKind::kText;
  doc.published = "March 2, 2025";  // as a feed might state it
  doc.body = "date 2024-01-01 Grain prices rose. Traders were surprised.";
  Result<Article> a = CleanDocument(std::move(doc), CleanOptions{});
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->published, "2025-03-02");  // the container's date, normalised
  EXPECT_EQ(a->text, "Grain prices rose. Traders were surprised.");
  ASSERT_EQ(a->sentences.size(), 2u);
  EXPECT_EQ(a->text.substr(a->sentences[1].start, a->sentences[1].size()), "Traders were surprised.");
}

TEST(Cleaner, NormalisesToNfcAndMapsBackToTheRawText) {
  RawDocument doc;
  doc.kind = ContentKind::kText;
  doc.body = "Cafe\xCC\x81 owners met. Prices rose.";  // "e" + combining acute
  Result<Article> a = CleanDocument(std::move(doc), CleanOptions{});
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->text, "Caf\xC3\xA9 owners met. Prices rose.");
  const size_t prices = a->text.find("Prices");
  EXPECT_EQ(a->raw_map.ToRaw(prices), std::string("Cafe\xCC\x81 owners met. ").size());
}

TEST(Cleaner, HtmlPageWithOnlyAVisibleDateline) {
  // No meta tags, no JSON-LD, no <time>: the date is read from the element named as a dateline.
  RawDocument doc;
  doc.kind = ContentKind::kHtml;
  doc.body =
      "<html><body><article><h1>Mill reopens</h1>"
      "<div class=\"story-dateline\">Posted March 3, 2023 | 4 min read</div>"
      "<p>The old paper mill reopened on Friday after a two-year closure, the owners said.</p>"
      "<p>Forty workers were rehired and more are expected to follow next spring.</p>"
      "</article></body></html>";
  Result<Article> a = CleanDocument(std::move(doc), CleanOptions{});
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->published, "2023-03-03");
}

}  // namespace
}  // namespace corroborate
