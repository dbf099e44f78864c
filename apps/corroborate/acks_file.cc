// The --acks file (see acks_file.h): plain POSIX calls, so that every write's outcome is seen (stdio
// would buffer it and report a failure late or never).
#include "acks_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "cluster/hash.h"
#include "core/json_writer.h"

namespace corroborate {
namespace {

bool IsJsonStringLine(std::string_view line) { return line.size() >= 2 && line.front() == '"' && line.back() == '"'; }

}  // namespace

AcksFile::Key AcksFile::KeyOf(std::string_view line) {
  return Key{cluster::HashBytes(line, 0x6a09e667f3bcc908ULL), cluster::HashBytes(line, 0xbb67ae8584caa73bULL)};
}

Status AcksFile::Failure(const std::string& what, int err) const {
  return IoError(path_ + ": " + what + ": " + std::strerror(err));
}

Result<std::unique_ptr<AcksFile>> AcksFile::Open(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) return IoError(path + ": cannot open for appending: " + std::strerror(errno));
  std::unique_ptr<AcksFile> file(new AcksFile(path, fd));
  // Read line by line through a small buffer: the file may hold millions of ids.
  std::string pending;  // the current line's bytes so far
  size_t line_no = 0;
  char buf[1 << 16];
  while (true) {
    ssize_t got = ::read(fd, buf, sizeof buf);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) return file->Failure("cannot read", errno);
    if (got == 0) break;
    std::string_view chunk(buf, static_cast<size_t>(got));
    while (!chunk.empty()) {
      const size_t nl = chunk.find('\n');
      if (nl == std::string_view::npos) {
        pending.append(chunk);
        break;
      }
      pending.append(chunk.substr(0, nl));
      chunk.remove_prefix(nl + 1);
      ++line_no;
      if (!IsJsonStringLine(pending)) {
        return InvalidInput(path + ":" + std::to_string(line_no) +
                            ": not an acks file (each line must be an article id as a JSON string); nothing was written to it");
      }
      file->written_.insert(KeyOf(pending));
      file->size_ += pending.size() + 1;
      pending.clear();
    }
  }
  if (!pending.empty()) {
    // A line without its newline: a write cut short (a killed process, a full disk before this
    // version checked). Only the start of an id can be torn off like this.
    if (pending.front() != '"') {
      return InvalidInput(path + ":" + std::to_string(line_no + 1) +
                          ": not an acks file (each line must be an article id as a JSON string); nothing was written to it");
    }
    if (::ftruncate(fd, static_cast<off_t>(file->size_)) != 0) return file->Failure("cannot cut off a torn last line", errno);
  }
  return file;
}

AcksFile::~AcksFile() {
  if (fd_ >= 0) ::close(fd_);
}

Status AcksFile::Append(const std::vector<std::string>& ids) {
  std::string lines;
  std::vector<std::pair<size_t, Key>> added;  // each new line's end in `lines`, and its key
  for (const std::string& id : ids) {
    const size_t start = lines.size();
    AppendJsonString(lines, id);
    const Key key = KeyOf(std::string_view(lines).substr(start));
    if (!written_.insert(key).second) {
      lines.resize(start);  // already in the file (an earlier run, or a copy earlier in this one)
      continue;
    }
    lines.push_back('\n');
    added.emplace_back(lines.size(), key);
  }
  size_t done = 0;
  while (done < lines.size()) {
    ssize_t n = ::write(fd_, lines.data() + done, lines.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      const int err = n < 0 ? errno : ENOSPC;  // a write of nothing: no room for a byte
      // Cut back to the last whole line written, so that the file never ends in a torn line.
      const size_t whole = lines.rfind('\n', done == 0 ? std::string::npos : done - 1);
      const uint64_t keep = size_ + (done == 0 || whole == std::string::npos ? 0 : whole + 1);
      Status failed = Failure("cannot append", err);
      for (const auto& [end, key] : added) {
        if (size_ + end > keep) written_.erase(key);  // not in the file after all
      }
      if (::ftruncate(fd_, static_cast<off_t>(keep)) != 0) {
        return IoError(failed.message() + "; cutting off the torn line failed too: " + std::strerror(errno));
      }
      size_ = keep;
      return failed;
    }
    done += static_cast<size_t>(n);
  }
  size_ += lines.size();
  return Status::Ok();
}

Status AcksFile::Close() {
  const int fd = fd_;
  fd_ = -1;
  if (fd >= 0 && ::close(fd) != 0) return Failure("cannot close", errno);
  return Status::Ok();
}

}  // namespace corroborate
