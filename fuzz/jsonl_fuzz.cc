// Fuzz target: JSON Lines (plain or gzip) as `corroborate clean news.jsonl` streams it, line by
// line through simdjson. See docs/RELIABILITY.md.
#include "fuzz/fuzz_support.h"
#include "ingest/buffered_reader.h"
#include "ingest/jsonl_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace corroborate;
  const std::string path = "fuzz.jsonl";
  const ReadLimits limits = fuzz::FuzzLimits();
  BufferedReader in(fuzz::StreamOf(fuzz::Bytes(data, size), limits.max_gzip_expansion));
  size_t last_line = 0;
  ReadJsonLines(
      in, path, limits,
      [&](RawDocument&& doc) {
        fuzz::CheckDocument(doc, path);
        FUZZ_CHECK(doc.line > last_line);  // documents come in line order
        last_line = doc.line;
      },
      [&](const InputProblem& p) { fuzz::CheckProblem(p, path); });
  return 0;
}
