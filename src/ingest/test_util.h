// Helpers for this folder's unit tests only: gzip compression of test inputs (built at test time,
// so no binary fixtures are committed) and a reader that collects documents and problems.
#pragma once

#include <zlib.h>

#include <string>
#include <string_view>
#include <vector>

#include "ingest/input_reader.h"

namespace corroborate::testing {

// One gzip member holding `data` (level 9, so bombs stay small).
inline std::string GzipMember(std::string_view data) {
  z_stream z{};
  deflateInit2(&z, 9, Z_DEFLATED, 16 + MAX_WBITS, 9, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&z, data.size()) + 64, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

// A gzip member of `n` zero bytes, compressed in pieces so the test never holds the inflated form.
inline std::string GzipZeros(size_t n) {
  z_stream z{};
  deflateInit2(&z, 9, Z_DEFLATED, 16 + MAX_WBITS, 9, Z_DEFAULT_STRATEGY);
  const std::string zeros(1 << 20, '\0');
  std::string out;
  char buf[1 << 16];
  while (true) {
    const size_t piece = std::min(n, zeros.size());
    n -= piece;
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(zeros.data()));
    z.avail_in = static_cast<uInt>(piece);
    const int flush = n == 0 ? Z_FINISH : Z_NO_FLUSH;
    int rc;
    do {
      z.next_out = reinterpret_cast<Bytef*>(buf);
      z.avail_out = sizeof buf;
      rc = deflate(&z, flush);
      out.append(buf, sizeof buf - z.avail_out);
    } while (z.avail_out == 0 || (flush == Z_FINISH && rc != Z_STREAM_END));
    if (flush == Z_FINISH) break;
  }
  deflateEnd(&z);
  return out;
}

struct Collected {
  std::vector<RawDocument> docs;
  std::vector<InputProblem> problems;

  DocumentCallback OnDocument() {
    return [this](RawDocument&& d) { docs.push_back(std::move(d)); };
  }
  ProblemCallback OnProblem() {
    return [this](const InputProblem& p) { problems.push_back(p); };
  }
};

}  // namespace corroborate::testing
