// Memory first, then an unnamed temporary file (see spill_buffer.h). Tested in fetcher_test.cc.
#include "watch/spill_buffer.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

namespace corroborate::watch {
namespace {

// Reads the file with pread from offset 0, then nothing is shared with the writer's offset.
class FileTail : public ByteSource {
 public:
  FileTail(std::string_view head, int fd, size_t file_bytes) : head_(head), fd_(fd), file_bytes_(file_bytes) {}
  Result<size_t> Read(char* buf, size_t n) override {
    if (head_pos_ < head_.size()) {
      const size_t k = std::min(n, head_.size() - head_pos_);
      std::memcpy(buf, head_.data() + head_pos_, k);
      head_pos_ += k;
      return k;
    }
    if (fd_ < 0 || file_pos_ >= file_bytes_) return size_t{0};
    const size_t want = std::min(n, file_bytes_ - file_pos_);
    while (true) {
      const ssize_t got = ::pread(fd_, buf, want, static_cast<off_t>(file_pos_));
      if (got < 0 && errno == EINTR) continue;
      if (got < 0) return IoError(std::string("reading the spilled body: ") + std::strerror(errno));
      file_pos_ += static_cast<size_t>(got);
      return static_cast<size_t>(got);
    }
  }

 private:
  std::string_view head_;
  size_t head_pos_ = 0;
  int fd_;
  size_t file_bytes_;
  size_t file_pos_ = 0;
};

int OpenTemporary() {
  const char* dir = std::getenv("TMPDIR");
  if (dir == nullptr || *dir == '\0') dir = "/tmp";
  int fd = ::open(dir, O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
  if (fd >= 0) return fd;
  std::string name = std::string(dir) + "/corroborate-body-XXXXXX";
  fd = ::mkostemp(name.data(), O_CLOEXEC);
  if (fd >= 0) ::unlink(name.c_str());  // unnamed from the start: nothing is left behind
  return fd;
}

}  // namespace

SpillBuffer::~SpillBuffer() {
  if (fd_ >= 0) ::close(fd_);
}

Status SpillBuffer::Append(std::string_view bytes) {
  size_ += bytes.size();
  if (fd_ < 0 && memory_.size() + bytes.size() <= memory_bytes_) {
    memory_.append(bytes);
    return Status::Ok();
  }
  if (fd_ < 0) {
    fd_ = OpenTemporary();
    if (fd_ < 0) return IoError(std::string("cannot create a temporary file for a large body: ") + std::strerror(errno));
  }
  while (!bytes.empty()) {
    const ssize_t put = ::write(fd_, bytes.data(), bytes.size());
    if (put < 0 && errno == EINTR) continue;
    if (put <= 0) return IoError(std::string("writing a large body to a temporary file: ") + std::strerror(errno));
    bytes.remove_prefix(static_cast<size_t>(put));
  }
  return Status::Ok();
}

Result<std::string> SpillBuffer::Small(size_t max_bytes) const {
  if (fd_ >= 0 || size_ > max_bytes) {
    return LimitExceeded("larger than " + std::to_string(max_bytes >> 20) + " MB");
  }
  return memory_;
}

std::unique_ptr<ByteSource> SpillBuffer::Reader() const {
  return std::make_unique<FileTail>(memory_, fd_, fd_ >= 0 ? size_ - memory_.size() : 0);
}

}  // namespace corroborate::watch
