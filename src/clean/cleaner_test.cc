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

}  // namespace
}  // namespace corroborate
