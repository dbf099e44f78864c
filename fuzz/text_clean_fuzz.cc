// Fuzz target: scraped plain text as `corroborate clean article.txt` reads it (charset repair,
// debris lines, date field, byline and headline, NFC, sentences). See docs/RELIABILITY.md.
#include "fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace corroborate;
  RawDocument doc;
  doc.id = doc.source = "fuzz.txt";
  doc.kind = ContentKind::kText;
  doc.body = DecodeText(fuzz::Bytes(data, size));
  const size_t body_size = doc.body.size();
  Result<Article> article = CleanDocument(std::move(doc), CleanOptions{});
  if (!article.ok()) return 0;
  fuzz::CheckArticle(*article);
  // Every text offset maps back inside the body it came from.
  for (size_t pos = 0; pos < article->text.size(); pos += 61) FUZZ_CHECK(article->raw_map.ToRaw(pos) <= body_size);
  return 0;
}
