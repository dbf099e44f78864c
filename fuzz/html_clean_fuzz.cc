// Fuzz target: an HTML page as `corroborate clean page.html` reads it (charset sniffing, then
// CleanDocument: libxml2's parser, chrome removal, metadata, offset map). See docs/RELIABILITY.md.
#include "fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace corroborate;
  RawDocument doc;
  doc.id = doc.source = "fuzz.html";
  doc.kind = ContentKind::kHtml;
  doc.body = DecodeHtml(fuzz::Bytes(data, size), "");
  Result<Article> article = CleanDocument(std::move(doc), CleanOptions{});
  // Offsets into the page are not checked: html_parse.h documents them as inexact where a text
  // run starts with an entity reference, and such a run can then map past the page's end
  // (docs/RELIABILITY.md, findings).
  if (article.ok()) {
    fuzz::CheckArticle(*article);
  } else {
    FUZZ_CHECK(!article.status().message().empty());
  }
  return 0;
}
