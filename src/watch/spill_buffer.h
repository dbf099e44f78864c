// A response body of any size in flat memory: the first MiB in memory, the rest in an unnamed
// temporary file (gone when the process ends, however it ends), read back as a ByteSource. What
// the fetcher writes a feed into, so that a huge feed is parsed as a stream and never held whole.
// Tested in fetcher_test.cc.
//
//   SpillBuffer body;
//   if (Status s = body.Append(bytes); !s.ok()) fail(s);
//   std::unique_ptr<ByteSource> in = body.Reader();
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "core/status.h"
#include "ingest/byte_source.h"

namespace corroborate::watch {

class SpillBuffer {
 public:
  explicit SpillBuffer(size_t memory_bytes = 1u << 20) : memory_bytes_(memory_bytes) {}
  ~SpillBuffer();
  SpillBuffer(const SpillBuffer&) = delete;
  SpillBuffer& operator=(const SpillBuffer&) = delete;

  Status Append(std::string_view bytes);
  size_t size() const { return size_; }
  // Everything, when it all fits in memory; otherwise kLimitExceeded (read it with Reader()).
  Result<std::string> Small(size_t max_bytes) const;
  // Reads everything appended so far from the start. The buffer must outlive the reader.
  std::unique_ptr<ByteSource> Reader() const;

 private:
  size_t memory_bytes_;
  std::string memory_;
  int fd_ = -1;  // the temporary file once memory is full
  size_t size_ = 0;
};

}  // namespace corroborate::watch
