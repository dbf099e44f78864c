// The --acks file of `corroborate ingest`: one JSON string per line, the id of each article whose
// transaction committed, each id once however often ingest runs. Every write is checked; a write
// that fails is cut back to the last whole line, and a torn last line left by a killed process is
// cut off when the file is opened again, so the file only ever holds whole lines.
// Tested in tests/robust/run_acks_full.py (a full file system, RLIMIT_FSIZE, a torn line, reruns).
//
//   Result<std::unique_ptr<AcksFile>> acks = AcksFile::Open("acks.txt");
//   if (!acks.ok()) fail(acks.status().message());
//   Status s = (*acks)->Append(committed_ids);   // after each commit
//   s = (*acks)->Close();
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_set>
#include <vector>

#include "core/status.h"

namespace corroborate {

class AcksFile {
 public:
  // Opens `path` for appending (created if missing), cuts off a torn last line, and reads the ids
  // it holds. kInvalidInput (naming the file and line) when a line is not a JSON string: then it
  // is not an acks file, and nothing is written to it.
  static Result<std::unique_ptr<AcksFile>> Open(const std::string& path);
  ~AcksFile();
  AcksFile(const AcksFile&) = delete;
  AcksFile& operator=(const AcksFile&) = delete;

  // Appends the ids the file does not hold yet, in order, and hands them to the operating system
  // (they survive this process being killed). kIoError naming the file and the system's reason
  // (e.g. "No space left on device", "File too large") when a write fails; the file is then cut
  // back to its last whole line.
  Status Append(const std::vector<std::string>& ids);
  // Closes the file, reporting a failure the system only reports then.
  Status Close();

  const std::string& path() const { return path_; }

 private:
  // An id's JSON line, known by 128 bits of hash: an accidental collision (which would leave one
  // id unwritten) is out of reach for any number of ids a file can hold, and each costs 16 bytes
  // rather than its text.
  struct Key {
    uint64_t a, b;
    bool operator==(const Key& o) const { return a == o.a && b == o.b; }
  };
  struct KeyHash {
    size_t operator()(const Key& k) const { return static_cast<size_t>(k.a); }
  };
  static Key KeyOf(std::string_view line);

  AcksFile(std::string path, int fd) : path_(std::move(path)), fd_(fd) {}
  Status Failure(const std::string& what, int err) const;

  std::string path_;
  int fd_ = -1;
  uint64_t size_ = 0;  // bytes of whole lines in the file
  std::unordered_set<Key, KeyHash> written_;
};

}  // namespace corroborate
