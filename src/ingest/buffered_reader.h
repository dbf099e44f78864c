// Line and block reads over a ByteSource with bounded memory: what the JSON Lines and WARC readers
// stream through, and how whole documents are read under a size limit. Tested in
// buffered_reader_test.cc.
//
//   BufferedReader in(std::move(source));
//   std::string line;
//   while (true) {
//     Result<LineStatus> r = in.ReadLine(line, 1 << 20);
//     if (!r.ok() || *r == LineStatus::kEnd) break;
//     if (*r == LineStatus::kTooLong) continue;  // skipped up to its newline; `line` is empty
//     use(line);
//   }
#pragma once

#include <cstddef>
#include <memory>
#include <string>

#include "core/status.h"
#include "ingest/byte_source.h"

namespace corroborate {

enum class LineStatus { kLine, kTooLong, kEnd };

class BufferedReader {
 public:
  explicit BufferedReader(std::unique_ptr<ByteSource> source) : source_(std::move(source)) {}

  // Reads the next line without its "\n" (a trailing "\r" is kept: WARC needs to see it, JSON
  // Lines strips it). A final line without "\n" is still a line. A line longer than `max_bytes` is
  // consumed up to its newline and reported as kTooLong.
  Result<LineStatus> ReadLine(std::string& line, size_t max_bytes);

  // Appends exactly `n` bytes to `out`; fewer at the end of input, which the caller sees by size.
  Status ReadExact(size_t n, std::string& out);

  // Discards up to `n` bytes; returns how many were there.
  Result<size_t> Skip(size_t n);

  // Reads everything left; kLimitExceeded when it is more than `max_bytes`.
  Result<std::string> ReadAll(size_t max_bytes);

  // Bytes consumed so far (for messages).
  size_t offset() const { return offset_; }

 private:
  // Makes sure some unread bytes are buffered; false at the end of input.
  Result<bool> Fill();

  std::unique_ptr<ByteSource> source_;
  std::string buf_;
  size_t pos_ = 0;
  size_t offset_ = 0;
  bool eof_ = false;
};

}  // namespace corroborate
