// Bounded inflation of compressed payloads held in memory (HTTP Content-Encoding inside WARC
// records). Streams read from files go through GzipSource (byte_source.h) instead. Tested in
// inflate_test.cc.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/status.h"

namespace corroborate {

enum class InflateFormat {
  kGzip,     // RFC 1952, every concatenated member
  kDeflate,  // HTTP's "deflate": RFC 1950 zlib, or the raw RFC 1951 stream some servers send
};

// Inflates `data`; refuses output beyond `max_bytes` (kLimitExceeded: a compression bomb) and reports
// truncated or corrupt streams (kInvalidInput).
Result<std::string> Inflate(std::string_view data, InflateFormat format, size_t max_bytes);

}  // namespace corroborate
