// The clusterer's state as bytes: a writer that hands them on in pieces (so a state of hundreds of
// megabytes is never held twice) and a reader that checks every length against what is left, so a
// truncated or damaged state fails to load instead of allocating or reading out of bounds.
// Used by the clusterer's Save/Load (story_clusterer.h); tested in cluster_state_test.cc.
//
//   std::string bytes;
//   StateWriter w([&](std::string_view piece) { bytes += piece; return Status::Ok(); });
//   clusterer->Save(w);
//   Status s = w.Finish();
//   StateReader r = StateReader::Of(bytes);
//   Result<std::unique_ptr<StoryClusterer>> back = LoadInMemoryClusterer(ClusterOptions{}, r);
#pragma once

#include <cstdint>
#include <cstring>
#include <functional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "core/status.h"

namespace corroborate::cluster {

// A 64-bit checksum of a byte stream, the same however the stream is cut into pieces: four
// independent lanes of 8-byte words, so it runs near memory speed on a state of hundreds of MB.
class Checksum {
 public:
  void Add(std::string_view bytes);
  uint64_t Value() const;

 private:
  void Block(const char* p);  // 32 bytes
  uint64_t lanes_[4] = {1, 2, 3, 4};
  char carry_[32];
  size_t carried_ = 0;
  uint64_t length_ = 0;
};

class StateWriter {
 public:
  // `flush` gets the bytes in order, a piece of about `piece_bytes` at a time; its first failure
  // stops the writing and is what Finish returns.
  explicit StateWriter(std::function<Status(std::string_view)> flush, size_t piece_bytes = size_t(16) << 20)
      : flush_(std::move(flush)), piece_bytes_(piece_bytes) {}

  void Bytes(const void* data, size_t n);
  template <typename T>
  void Pod(const T& v) {
    static_assert(std::is_trivially_copyable_v<T>);
    Bytes(&v, sizeof v);
  }
  // A length, then the elements as they lie in memory: only for plain types without padding
  // bytes (whose contents would be undefined), which each caller checks by size.
  template <typename T>
  void Vector(const std::vector<T>& v) {
    Pod<uint64_t>(v.size());
    Bytes(v.data(), v.size() * sizeof(T));
  }
  void String(std::string_view s) {
    Pod<uint64_t>(s.size());
    Bytes(s.data(), s.size());
  }
  // Hands on what is left; the status of the whole writing.
  Status Finish();
  uint64_t size() const { return written_; }
  // Of every byte handed on (after Finish: of the whole state).
  uint64_t checksum() const { return sum_.Value(); }

 private:
  Status Flush();

  std::function<Status(std::string_view)> flush_;
  Checksum sum_;
  size_t piece_bytes_;
  std::string buffer_;
  uint64_t written_ = 0;
  Status status_;
};

class StateReader {
 public:
  // `total` bytes, handed over a piece at a time by `next`, which points its argument at the next
  // piece (valid until the next call: a row of the store is read in place); a failure or an empty
  // piece before `total` ends the reading.
  StateReader(uint64_t total, std::function<Status(std::string_view&)> next) : total_(total), next_(std::move(next)) {}
  // A state held whole in memory (tests).
  static StateReader Of(std::string_view bytes);

  // Each returns false, and every later call too, when the state ends before what is asked.
  bool Bytes(void* out, size_t n);
  template <typename T>
  bool Pod(T& v) {
    static_assert(std::is_trivially_copyable_v<T>);
    return Bytes(&v, sizeof v);
  }
  template <typename T>
  bool Vector(std::vector<T>& v) {
    uint64_t n = 0;
    if (!Pod(n) || n > left() / sizeof(T)) return Fail();
    v.resize(n);
    return Bytes(v.data(), n * sizeof(T));
  }
  bool String(std::string& s);
  // A count of items of at least `min_bytes` each that the rest could hold.
  bool Count(uint64_t& n, size_t min_bytes) { return (Pod(n) && n <= left() / min_bytes) || Fail(); }

  uint64_t left() const { return total_ - read_; }
  // Of every byte taken from `next` so far.
  uint64_t checksum() const { return sum_.Value(); }
  bool ok() const { return ok_; }
  // The reading's outcome: why it failed, if it did.
  Status status() const;

 private:
  bool Fail() { return ok_ = false; }

  uint64_t total_;
  std::function<Status(std::string_view&)> next_;
  std::string_view piece_;
  Checksum sum_;
  size_t at_ = 0;  // in piece_
  uint64_t read_ = 0;
  bool ok_ = true;
  Status next_status_;
};

}  // namespace corroborate::cluster
