// Writing and reading the clusterer's state in pieces (see state_io.h). Tested in cluster_state_test.cc.
#include "cluster/state_io.h"

#include <algorithm>
#include <memory>

#include "cluster/hash.h"

namespace corroborate::cluster {

void Checksum::Block(const char* p) {
  for (int i = 0; i < 4; ++i) {
    uint64_t w;
    std::memcpy(&w, p + 8 * i, 8);
    lanes_[i] = (lanes_[i] ^ w) * 0x9fb21c651e98df25ULL + 0x2545f4914f6cdd1dULL;
  }
}

void Checksum::Add(std::string_view bytes) {
  if (bytes.empty()) return;
  length_ += bytes.size();
  size_t i = 0;
  if (carried_ > 0) {
    const size_t take = std::min(bytes.size(), 32 - carried_);
    std::memcpy(carry_ + carried_, bytes.data(), take);
    carried_ += take;
    i = take;
    if (carried_ < 32) return;
    Block(carry_);
    carried_ = 0;
  }
  for (; i + 32 <= bytes.size(); i += 32) Block(bytes.data() + i);
  std::memcpy(carry_, bytes.data() + i, bytes.size() - i);
  carried_ = bytes.size() - i;
}

uint64_t Checksum::Value() const {
  uint64_t h = Mix64(length_);
  for (uint64_t lane : lanes_) h = Mix64(h ^ lane);
  for (size_t i = 0; i < carried_; ++i) h = Mix64(h ^ uint8_t(carry_[i]) ^ (uint64_t(i) << 8));
  return h;
}

Status StateWriter::Flush() {
  sum_.Add(buffer_);
  Status s = flush_(buffer_);
  buffer_.clear();
  return s;
}

void StateWriter::Bytes(const void* data, size_t n) {
  const char* p = static_cast<const char*>(data);
  written_ += n;
  while (n > 0 && status_.ok()) {
    const size_t take = std::min(n, piece_bytes_ - buffer_.size());
    buffer_.append(p, take);
    p += take;
    n -= take;
    if (buffer_.size() == piece_bytes_) status_ = Flush();
  }
}

Status StateWriter::Finish() {
  if (status_.ok() && !buffer_.empty()) status_ = Flush();
  buffer_.clear();
  return status_;
}

StateReader StateReader::Of(std::string_view bytes) {
  auto given = std::make_shared<bool>(false);
  return StateReader(bytes.size(), [bytes, given](std::string_view& piece) {
    if (*given) return InvalidInput("cluster state: read past its end");
    piece = bytes;
    *given = true;
    return Status::Ok();
  });
}

bool StateReader::Bytes(void* out, size_t n) {
  if (!ok_ || n > left()) return Fail();
  char* p = static_cast<char*>(out);
  while (n > 0) {
    if (at_ == piece_.size()) {
      at_ = 0;
      piece_ = {};
      next_status_ = next_(piece_);
      if (!next_status_.ok() || piece_.empty()) return Fail();
      sum_.Add(piece_);
    }
    const size_t take = std::min(n, piece_.size() - at_);
    std::memcpy(p, piece_.data() + at_, take);
    at_ += take;
    p += take;
    n -= take;
    read_ += take;
  }
  return true;
}

bool StateReader::String(std::string& s) {
  uint64_t n = 0;
  if (!Pod(n) || n > left()) return Fail();
  s.resize(n);
  return Bytes(s.data(), n);
}

Status StateReader::status() const {
  if (ok_) return Status::Ok();
  if (!next_status_.ok()) return next_status_;
  return InvalidInput("cluster state: truncated or damaged (a length runs past its end)");
}

}  // namespace corroborate::cluster
