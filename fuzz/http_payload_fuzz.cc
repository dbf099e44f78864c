// Fuzz target: the HTTP response inside a WARC record (status line, headers, chunked transfer,
// gzip or deflate content) and the in-memory inflater it uses. See docs/RELIABILITY.md.
#include "fuzz/fuzz_support.h"
#include "ingest/http_payload.h"
#include "ingest/inflate.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace corroborate;
  const std::string_view bytes = fuzz::Bytes(data, size);
  constexpr size_t kMaxBody = 1u << 20;
  Result<HttpResponse> response = ParseHttpResponse(bytes, kMaxBody);
  if (response.ok()) {
    FUZZ_CHECK(response->body.size() <= std::max(kMaxBody, bytes.size()));
    (void)IsHtml(*response);
  }
  for (InflateFormat format : {InflateFormat::kGzip, InflateFormat::kDeflate}) {
    Result<std::string> inflated = Inflate(bytes, format, kMaxBody);
    if (inflated.ok()) FUZZ_CHECK(inflated->size() <= kMaxBody);
  }
  return 0;
}
