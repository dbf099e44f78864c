// Bounded line and block reads (see buffered_reader.h). Tested in buffered_reader_test.cc.
#include "ingest/buffered_reader.h"

#include <cstring>

namespace corroborate {

namespace {
constexpr size_t kChunk = 1 << 16;
}

Result<bool> BufferedReader::Fill() {
  if (pos_ < buf_.size()) return true;
  if (eof_) return false;
  buf_.resize(kChunk);
  pos_ = 0;
  Result<size_t> k = source_->Read(buf_.data(), kChunk);
  if (!k.ok()) {
    buf_.clear();
    return k.status();
  }
  buf_.resize(*k);
  if (*k == 0) eof_ = true;
  return *k > 0;
}

Result<LineStatus> BufferedReader::ReadLine(std::string& line, size_t max_bytes) {
  line.clear();
  bool too_long = false;
  bool any = false;
  while (true) {
    Result<bool> more = Fill();
    if (!more.ok()) return more.status();
    if (!*more) break;
    any = true;
    const char* start = buf_.data() + pos_;
    const size_t avail = buf_.size() - pos_;
    const void* nl = std::memchr(start, '\n', avail);
    const size_t take = nl ? static_cast<size_t>(static_cast<const char*>(nl) - start) : avail;
    if (!too_long) {
      if (line.size() + take > max_bytes) {
        too_long = true;
        line.clear();
        line.shrink_to_fit();
      } else {
        line.append(start, take);
      }
    }
    pos_ += take;
    offset_ += take;
    if (nl) {
      ++pos_;
      ++offset_;
      return too_long ? LineStatus::kTooLong : LineStatus::kLine;
    }
  }
  if (!any) return LineStatus::kEnd;
  return too_long ? LineStatus::kTooLong : LineStatus::kLine;
}

Status BufferedReader::ReadExact(size_t n, std::string& out) {
  while (n > 0) {
    Result<bool> more = Fill();
    if (!more.ok()) return more.status();
    if (!*more) break;
    const size_t take = std::min(n, buf_.size() - pos_);
    out.append(buf_.data() + pos_, take);
    pos_ += take;
    offset_ += take;
    n -= take;
  }
  return Status::Ok();
}

Result<size_t> BufferedReader::Skip(size_t n) {
  size_t skipped = 0;
  while (skipped < n) {
    Result<bool> more = Fill();
    if (!more.ok()) return more.status();
    if (!*more) break;
    const size_t take = std::min(n - skipped, buf_.size() - pos_);
    pos_ += take;
    offset_ += take;
    skipped += take;
  }
  return skipped;
}

Result<std::string> BufferedReader::ReadAll(size_t max_bytes) {
  std::string out;
  // One byte past the limit tells "exactly max_bytes" from "more".
  if (Status st = ReadExact(max_bytes + 1, out); !st.ok()) return st;
  if (out.size() > max_bytes) {
    return LimitExceeded("larger than " + std::to_string(max_bytes >> 20) + " MB");
  }
  return out;
}

}  // namespace corroborate
