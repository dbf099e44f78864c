// In-memory bounded inflation (see inflate.h). Tested in inflate_test.cc.
#include "ingest/inflate.h"

#include <zlib.h>

namespace corroborate {

namespace {

bool StartsGzip(const z_stream& z) {
  return z.avail_in >= 2 && z.next_in[0] == 0x1F && z.next_in[1] == 0x8B;
}

// One pass with the given window bits (31 gzip, 15 zlib, -15 raw).
Result<std::string> InflateWith(std::string_view data, int window_bits, size_t max_bytes) {
  z_stream z{};
  if (inflateInit2(&z, window_bits) != Z_OK) return InvalidInput("cannot start the decompressor");
  std::string out;
  char buf[1 << 16];
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  Status error;
  while (true) {
    z.next_out = reinterpret_cast<Bytef*>(buf);
    z.avail_out = sizeof buf;
    const int rc = inflate(&z, Z_NO_FLUSH);
    const size_t produced = sizeof buf - z.avail_out;
    if (out.size() + produced > max_bytes) {
      error = LimitExceeded("compressed content expands past " + std::to_string(max_bytes >> 20) + " MB");
      break;
    }
    out.append(buf, produced);
    if (rc == Z_STREAM_END) {
      // Concatenated gzip members follow one another; anything else after the end is ignored.
      if (window_bits > 15 && StartsGzip(z)) {
        inflateReset(&z);
        continue;
      }
      break;
    }
    if (rc == Z_BUF_ERROR && z.avail_in == 0) {
      error = InvalidInput("truncated compressed content");
      break;
    }
    if (rc != Z_OK && rc != Z_BUF_ERROR) {
      error = InvalidInput(std::string("corrupt compressed content: ") + (z.msg ? z.msg : "unknown error"));
      break;
    }
  }
  inflateEnd(&z);
  if (!error.ok()) return error;
  return out;
}

}  // namespace

Result<std::string> Inflate(std::string_view data, InflateFormat format, size_t max_bytes) {
  if (data.size() > (1u << 31)) return LimitExceeded("compressed content too large");
  if (format == InflateFormat::kGzip) return InflateWith(data, 16 + MAX_WBITS, max_bytes);
  Result<std::string> zlib = InflateWith(data, MAX_WBITS, max_bytes);
  if (zlib.ok() || zlib.status().code() == StatusCode::kLimitExceeded) return zlib;
  return InflateWith(data, -MAX_WBITS, max_bytes);
}

}  // namespace corroborate
