// The HTTP response inside a WARC `response` record: status, the headers ingest needs, and the
// body with chunked transfer-encoding and gzip/deflate content-encoding undone. Tested in
// warc_reader_test.cc.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/status.h"

namespace corroborate {

struct HttpResponse {
  int status = 0;
  std::string content_type;       // as sent, e.g. "text/html; charset=ISO-8859-1"
  std::string transfer_encoding;  // lower-cased
  std::string content_encoding;   // lower-cased
  std::string body;               // decoded: de-chunked and inflated
};

// Parses `message` (status line, headers, blank line, body). The body is limited to `max_body_bytes`
// after decoding. A body that claims chunked encoding but is not validly chunked is kept as sent,
// since some crawlers store de-chunked bodies under the original header. The body of a response
// whose Content-Type is not HTML is left empty (see IsHtml): it is skipped, not decoded.
Result<HttpResponse> ParseHttpResponse(std::string_view message, size_t max_body_bytes);

// Undoes chunked transfer-encoding; kInvalidInput when `body` is not well-formed chunks.
Result<std::string> Dechunk(std::string_view body);

// True for text/html and application/xhtml+xml, or (without a Content-Type) a body that opens
// with a doctype or <html> tag.
bool IsHtml(const HttpResponse& response);

}  // namespace corroborate
