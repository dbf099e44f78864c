// Fuzz target: a WARC file (plain or gzip per record) as `corroborate clean crawl.warc.gz` streams
// it: record headers, the HTTP response inside, chunked and gzip bodies, charsets. See
// docs/RELIABILITY.md.
#include "fuzz/fuzz_support.h"
#include "ingest/buffered_reader.h"
#include "ingest/warc_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace corroborate;
  const std::string path = "fuzz.warc";
  const ReadLimits limits = fuzz::FuzzLimits();
  BufferedReader in(fuzz::StreamOf(fuzz::Bytes(data, size), limits.max_gzip_expansion));
  ReadWarc(
      in, path, limits,
      [&](RawDocument&& doc) {
        fuzz::CheckDocument(doc, path);
        FUZZ_CHECK(doc.kind == ContentKind::kHtml);
        FUZZ_CHECK(doc.body.size() <= limits.max_document_bytes * 3);  // charset conversion may grow it
      },
      [&](const InputProblem& p) { fuzz::CheckProblem(p, path); });
  return 0;
}
