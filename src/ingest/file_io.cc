// Whole-file reads and bounded gzip inflation (see file_io.h). Tested in input_reader_test.cc.
#include "ingest/file_io.h"

#include <zlib.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

namespace corroborate {

Result<std::string> ReadWholeFile(const std::string& path, size_t max_bytes) {
  FILE* f = path == "-" ? stdin : std::fopen(path.c_str(), "rb");
  if (f == nullptr) return IoError(std::strerror(errno));
  std::unique_ptr<FILE, int (*)(FILE*)> closer(f, path == "-" ? [](FILE*) { return 0; } : &std::fclose);
  std::string data;
  char buf[1 << 16];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) {
    if (data.size() + n > max_bytes) {
      return LimitExceeded("larger than " + std::to_string(max_bytes >> 20) + " MB");
    }
    data.append(buf, n);
  }
  if (std::ferror(f)) return IoError(std::strerror(errno));
  return data;
}

bool LooksGzipped(std::string_view data) {
  return data.size() >= 2 && static_cast<unsigned char>(data[0]) == 0x1F &&
         static_cast<unsigned char>(data[1]) == 0x8B;
}

Result<std::string> Gunzip(std::string_view data, size_t max_bytes) {
  z_stream z{};
  // 16 + MAX_WBITS: gzip wrapper only.
  if (inflateInit2(&z, 16 + MAX_WBITS) != Z_OK) return InvalidInput("cannot start gzip decoder");
  std::string out;
  char buf[1 << 16];
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  int rc = Z_OK;
  while (true) {
    z.next_out = reinterpret_cast<Bytef*>(buf);
    z.avail_out = sizeof buf;
    rc = inflate(&z, Z_NO_FLUSH);
    const size_t produced = sizeof buf - z.avail_out;
    if (out.size() + produced > max_bytes) {
      inflateEnd(&z);
      return LimitExceeded("gzip stream expands past " + std::to_string(max_bytes >> 20) + " MB");
    }
    out.append(buf, produced);
    if (rc == Z_STREAM_END) {
      // Concatenated members (as in .warc.gz) follow one another; skip trailing zero padding.
      if (z.avail_in > 0 && LooksGzipped({reinterpret_cast<const char*>(z.next_in), z.avail_in})) {
        inflateReset(&z);
        continue;
      }
      break;
    }
    if (rc == Z_BUF_ERROR && z.avail_in == 0) {
      inflateEnd(&z);
      return InvalidInput("truncated gzip stream");
    }
    if (rc != Z_OK && rc != Z_BUF_ERROR) {
      inflateEnd(&z);
      return InvalidInput(std::string("corrupt gzip stream: ") + (z.msg ? z.msg : "unknown error"));
    }
  }
  inflateEnd(&z);
  return out;
}

}  // namespace corroborate
