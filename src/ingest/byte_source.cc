// File, memory and gzip byte sources (see byte_source.h). Tested in byte_source_test.cc.
#include "ingest/byte_source.h"

#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace corroborate {

namespace {

constexpr size_t kChunk = 1 << 16;

// A file or standard input, with bytes already peeked at (to detect gzip) served first.
class FileSource : public ByteSource {
 public:
  FileSource(FILE* f, bool owned, std::string peeked) : f_(f), owned_(owned), peeked_(std::move(peeked)) {}
  ~FileSource() override {
    if (owned_) std::fclose(f_);
  }
  FileSource(const FileSource&) = delete;
  FileSource& operator=(const FileSource&) = delete;

  Result<size_t> Read(char* buf, size_t n) override {
    if (peeked_pos_ < peeked_.size()) {
      const size_t k = std::min(n, peeked_.size() - peeked_pos_);
      std::memcpy(buf, peeked_.data() + peeked_pos_, k);
      peeked_pos_ += k;
      return k;
    }
    const size_t k = std::fread(buf, 1, n, f_);
    if (k == 0 && std::ferror(f_)) return IoError(std::strerror(errno));
    return k;
  }

 private:
  FILE* f_;
  bool owned_;
  std::string peeked_;
  size_t peeked_pos_ = 0;
};

}  // namespace

Result<size_t> MemorySource::Read(char* buf, size_t n) {
  const size_t k = std::min(n, data_.size() - pos_);
  std::memcpy(buf, data_.data() + pos_, k);
  pos_ += k;
  return k;
}

struct GzipSource::State {
  z_stream z{};
  std::string in;          // compressed bytes; z.next_in points into it
  bool inner_done = false;
  bool in_member = false;  // between a member's header and its end
  bool done = false;
  size_t member_out = 0;   // bytes inflated from the current member
  Status error;            // sticky: once the stream is bad, every Read reports it
};

GzipSource::GzipSource(std::unique_ptr<ByteSource> inner, size_t max_member_bytes)
    : inner_(std::move(inner)), max_member_bytes_(max_member_bytes), state_(std::make_unique<State>()) {
  // 16 + MAX_WBITS: gzip wrapper only, so a raw or zlib stream is reported rather than guessed at.
  if (inflateInit2(&state_->z, 16 + MAX_WBITS) != Z_OK) state_->error = InvalidInput("cannot start gzip decoder");
}

GzipSource::~GzipSource() { inflateEnd(&state_->z); }

// Moves unread input to the front of the buffer and appends more from the inner source.
Status GzipSource::FillInput() {
  State& s = *state_;
  const size_t unread = s.z.avail_in;
  const size_t offset = s.in.size() - unread;
  s.in.erase(0, offset);
  s.in.resize(unread + kChunk);
  Result<size_t> k = inner_->Read(s.in.data() + unread, kChunk);
  if (!k.ok()) return k.status();
  s.in.resize(unread + *k);
  if (*k == 0) s.inner_done = true;
  s.z.next_in = reinterpret_cast<Bytef*>(s.in.data());
  s.z.avail_in = static_cast<uInt>(s.in.size());
  return Status::Ok();
}

Result<size_t> GzipSource::Read(char* buf, size_t n) {
  State& s = *state_;
  if (!s.error.ok()) return s.error;
  if (s.done || n == 0) return size_t{0};
  s.z.next_out = reinterpret_cast<Bytef*>(buf);
  s.z.avail_out = static_cast<uInt>(std::min<size_t>(n, 1u << 30));
  const size_t want = s.z.avail_out;
  while (s.z.avail_out == want) {
    if (!s.in_member) {
      // At a member boundary: skip zero padding, then expect the magic bytes of the next member.
      while (true) {
        while (s.z.avail_in > 0 && *s.z.next_in == 0) {
          ++s.z.next_in;
          --s.z.avail_in;
        }
        if (s.z.avail_in >= 2 || s.inner_done) break;
        if (Status st = FillInput(); !st.ok()) return s.error = st;
      }
      if (s.z.avail_in == 0) {
        s.done = true;
        break;
      }
      if (s.z.avail_in < 2 || s.z.next_in[0] != 0x1F || s.z.next_in[1] != 0x8B) {
        return s.error = InvalidInput("bytes after a gzip member are not another gzip member");
      }
      inflateReset(&s.z);
      s.in_member = true;
      s.member_out = 0;
    }
    if (s.z.avail_in == 0) {
      if (Status st = FillInput(); !st.ok()) return s.error = st;
      if (s.z.avail_in == 0) return s.error = InvalidInput("truncated gzip stream");
    }
    const size_t before = s.z.avail_out;
    const int rc = inflate(&s.z, Z_NO_FLUSH);
    s.member_out += before - s.z.avail_out;
    if (s.member_out > max_member_bytes_) {
      return s.error = LimitExceeded("gzip member expands past " + std::to_string(max_member_bytes_ >> 20) + " MB");
    }
    if (rc == Z_STREAM_END) {
      s.in_member = false;
    } else if (rc == Z_BUF_ERROR && s.z.avail_in == 0) {
      continue;  // needs more input; read at the top of the loop
    } else if (rc != Z_OK) {
      return s.error = InvalidInput(std::string("corrupt gzip stream: ") + (s.z.msg ? s.z.msg : "unknown error"));
    }
  }
  return want - s.z.avail_out;
}

Result<std::unique_ptr<ByteSource>> OpenInput(const std::string& path, size_t max_member_bytes) {
  const bool is_stdin = path == "-";
  FILE* f = is_stdin ? stdin : std::fopen(path.c_str(), "rb");
  if (f == nullptr) return IoError(std::strerror(errno));
  char magic[2];
  const size_t k = std::fread(magic, 1, 2, f);
  if (k < 2 && std::ferror(f)) {
    const int err = errno;
    if (!is_stdin) std::fclose(f);
    return IoError(std::strerror(err));
  }
  std::unique_ptr<ByteSource> file = std::make_unique<FileSource>(f, !is_stdin, std::string(magic, k));
  if (k == 2 && static_cast<unsigned char>(magic[0]) == 0x1F && static_cast<unsigned char>(magic[1]) == 0x8B) {
    return std::unique_ptr<ByteSource>(std::make_unique<GzipSource>(std::move(file), max_member_bytes));
  }
  return file;
}

}  // namespace corroborate
