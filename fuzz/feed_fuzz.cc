// Fuzz target: an RSS, RDF or Atom feed as `corroborate clean world.rss` reads it (libXML2 in
// recover mode, items to documents). See docs/RELIABILITY.md.
#include "fuzz/fuzz_support.h"
#include "ingest/feed_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace corroborate;
  const std::string path = "fuzz.rss";
  const ReadLimits limits = fuzz::FuzzLimits();
  size_t items = 0;
  ReadFeed(
      fuzz::Bytes(data, size), path, limits,
      [&](RawDocument&& doc) {
        fuzz::CheckDocument(doc, path);
        FUZZ_CHECK(utf8::IsValid(doc.title) && utf8::IsValid(doc.author) && utf8::IsValid(doc.url));
        ++items;
      },
      [&](const InputProblem& p) { fuzz::CheckProblem(p, path); });
  FUZZ_CHECK(items <= limits.max_feed_items);
  return 0;
}
