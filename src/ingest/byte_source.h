// Streaming input bytes: a file or standard input, transparently inflated when it is gzip, with a
// per-member expansion limit so a gzip bomb is refused before it fills memory. Tested in
// byte_source_test.cc.
//
//   Result<std::unique_ptr<ByteSource>> src = OpenInput("crawl.warc.gz", 64u << 20);
//   BufferedReader in(std::move(*src));   // see buffered_reader.h
#pragma once

#include <cstddef>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>

#include "core/status.h"

namespace corroborate {

class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // Reads up to `n` bytes into `buf`; 0 means the end of the input.
  virtual Result<size_t> Read(char* buf, size_t n) = 0;
};

// Bytes held in memory (tests, and payloads already read).
class MemorySource : public ByteSource {
 public:
  explicit MemorySource(std::string data) : data_(std::move(data)) {}
  Result<size_t> Read(char* buf, size_t n) override;

 private:
  std::string data_;
  size_t pos_ = 0;
};

// Inflates a gzip stream read from `inner`. Concatenated members (one per record in Common Crawl's
// .warc.gz) are read one after another; zero padding after the last member is ignored. A member
// that inflates past `max_member_bytes` is an error (kLimitExceeded), as is a truncated or corrupt
// stream (kInvalidInput).
class GzipSource : public ByteSource {
 public:
  GzipSource(std::unique_ptr<ByteSource> inner, size_t max_member_bytes);
  ~GzipSource() override;
  GzipSource(const GzipSource&) = delete;
  GzipSource& operator=(const GzipSource&) = delete;

  Result<size_t> Read(char* buf, size_t n) override;

 private:
  Status FillInput();

  std::unique_ptr<ByteSource> inner_;
  size_t max_member_bytes_;
  struct State;
  std::unique_ptr<State> state_;
};

// Opens `path` ("-" is standard input). When the first bytes are the gzip magic, the result
// inflates it with `max_member_bytes` per member.
Result<std::unique_ptr<ByteSource>> OpenInput(const std::string& path, size_t max_member_bytes);

}  // namespace corroborate
