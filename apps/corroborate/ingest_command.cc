// `corroborate ingest` (see ingest_command.h): on a terminal, a progress bar on standard error
// (articles/s, stories so far, time left estimated from input bytes) and a summary at the end;
// otherwise nothing but the problems. Tested in tests/store and tests/threads.
#include "ingest_command.h"

#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <system_error>

#include "acks_file.h"
#include "store/store.h"

namespace corroborate {
namespace {

using Clock = std::chrono::steady_clock;

// Set when a write went past RLIMIT_FSIZE (`ulimit -f`): the kernel raises SIGXFSZ, whose default
// action ends the process without a word. Caught, the write fails with EFBIG instead. SQLite then
// reports only "disk I/O error" (it keeps no reliable errno), so this flag says why.
volatile std::sig_atomic_t g_file_size_limit_hit = 0;
void OnFileSizeLimit(int) { g_file_size_limit_hit = 1; }

// The store's failure, with the cause when a write went past the file size limit.
std::string StoreFailure(const Status& s) {
  std::string reason = s.message();
  const std::string efbig = std::strerror(EFBIG);  // "File too large"
  if (g_file_size_limit_hit && reason.find(efbig) == std::string::npos) {
    reason += ": " + efbig + " (a write went past the file size limit, ulimit -f)";
  }
  return reason;
}

// Bytes of every file the inputs name (folders walked): the denominator of the time estimate.
// Compressed files count compressed, so the estimate is rough for them.
uint64_t InputBytes(const std::vector<std::string>& inputs) {
  namespace fs = std::filesystem;
  uint64_t total = 0;
  std::error_code ec;
  for (const std::string& in : inputs) {
    if (in == "-") continue;
    if (fs::is_directory(in, ec)) {
      for (auto it = fs::recursive_directory_iterator(in, ec); !ec && it != fs::recursive_directory_iterator();
           it.increment(ec)) {
        if (it->is_regular_file(ec)) total += it->file_size(ec);
      }
    } else if (fs::is_regular_file(in, ec)) {
      total += fs::file_size(in, ec);
    }
  }
  return total;
}

std::string Duration(double seconds) {
  const long s = static_cast<long>(seconds + 0.5);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
  return buf;
}

class ProgressBar {
 public:
  explicit ProgressBar(uint64_t total_bytes) : total_(total_bytes), start_(Clock::now()) {}

  void Read(size_t bytes) {
    read_ += bytes;
    ++articles_read_;
    Draw(false);
  }
  void Committed(const store::CommitProgress& p) {
    stored_ = p.accepted + p.duplicates;
    stories_ = p.stories;
    Draw(true);
  }
  // Erases the bar so that a problem line prints cleanly.
  void Clear() {
    if (drawn_) std::fputs("\r\033[K", stderr);
    drawn_ = false;
  }
  double Seconds() const { return std::chrono::duration<double>(Clock::now() - start_).count(); }

 private:
  void Draw(bool force) {
    const auto now = Clock::now();
    if (!force && now - last_ < std::chrono::milliseconds(100)) return;
    last_ = now;
    const double secs = Seconds();
    const double fraction = total_ ? std::min(1.0, static_cast<double>(read_) / static_cast<double>(total_)) : 0;
    const int width = 24, filled = static_cast<int>(fraction * width);
    std::string bar(filled, '#');
    bar.append(width - filled, ' ');
    const double rate = secs > 0 ? static_cast<double>(articles_read_) / secs : 0;
    std::string left = fraction > 0.01 ? Duration(secs * (1 - fraction) / fraction) : "?";
    std::fprintf(stderr, "\r\033[K[%s] %3.0f%%  %zu read, %zu stored  %.0f articles/s  %zu stories  %s left",
                 bar.c_str(), fraction * 100, articles_read_, stored_, rate, stories_, left.c_str());
    std::fflush(stderr);
    drawn_ = true;
  }

  uint64_t total_ = 0;
  uint64_t read_ = 0;
  size_t articles_read_ = 0;
  size_t stored_ = 0;
  size_t stories_ = 0;
  Clock::time_point start_;
  Clock::time_point last_{};
  bool drawn_ = false;
};

}  // namespace

int RunIngestCommand(const IngestCommand& command) {
  // A write past RLIMIT_FSIZE then fails with EFBIG, reported naming the file (the store or the acks).
  struct sigaction on_limit {};
  on_limit.sa_handler = OnFileSizeLimit;
  sigemptyset(&on_limit.sa_mask);
  on_limit.sa_flags = SA_RESTART;
  sigaction(SIGXFSZ, &on_limit, nullptr);
  store::StoreOptions options;
  options.batch_articles = std::max<size_t>(command.batch, 1);
  options.threads = command.threads;
  options.versions = command.versions;
  Result<std::unique_ptr<store::Store>> opened = store::Store::Open(command.db, options);
  if (!opened.ok()) {
    std::fprintf(stderr, "corroborate: %s\n", StoreFailure(opened.status()).c_str());
    return 1;
  }
  store::Store& st = **opened;
  if (command.enqueue) {
    bool skipped = false;
    Result<size_t> queued = st.Enqueue(command.inputs, [&](const InputProblem& p) {
      skipped = true;
      std::fprintf(stderr, "%s\n", p.Format().c_str());
    });
    if (!queued.ok()) {
      std::fprintf(stderr, "corroborate: %s: %s\n", command.db.c_str(), StoreFailure(queued.status()).c_str());
      return 1;
    }
    if (isatty(STDERR_FILENO) && isatty(STDOUT_FILENO)) {
      std::fprintf(stderr, "%zu articles queued in %s\n", *queued, command.db.c_str());
    }
    return skipped ? 3 : 0;
  }

  std::unique_ptr<AcksFile> acks;
  if (!command.acks.empty()) {
    Result<std::unique_ptr<AcksFile>> a = AcksFile::Open(command.acks);
    if (!a.ok()) {
      std::fprintf(stderr, "corroborate: %s\n", a.status().message().c_str());
      return 1;
    }
    acks = a.take();
  }
  const bool terminal = isatty(STDERR_FILENO) && isatty(STDOUT_FILENO);
  std::unique_ptr<ProgressBar> bar;
  if (terminal) bar = std::make_unique<ProgressBar>(InputBytes(command.inputs));

  Status acks_failure;  // the acks file failed: ingest stopped there
  Result<store::IngestReport> report = st.Ingest(
      command.inputs,
      [&](const InputProblem& p) {
        if (bar) bar->Clear();
        std::fprintf(stderr, "%s\n", p.Format().c_str());
      },
      [&](const store::CommitProgress& p) -> Status {
        if (acks) {
          // Handed to the operating system: it survives this process being killed. An id the file
          // already holds (an earlier run's) is not written again.
          acks_failure = acks->Append(p.acknowledged);
          if (!acks_failure.ok()) return acks_failure;
        }
        if (bar) bar->Committed(p);
        return Status::Ok();
      },
      [&](size_t bytes) {
        if (bar) bar->Read(bytes);
      });
  if (acks && acks_failure.ok()) acks_failure = acks->Close();
  if (bar) bar->Clear();
  if (!acks_failure.ok()) {
    // What is stored stays; the acks file holds whole lines, each a stored article, and the next
    // run writes the ids it lacks.
    std::fprintf(stderr, "corroborate: %s\n", acks_failure.message().c_str());
    return 1;
  }
  if (!report.ok()) {
    std::fprintf(stderr, "corroborate: %s: %s\n", store::StoreLocationName(command.db).c_str(), StoreFailure(report.status()).c_str());
    return 1;
  }
  if (terminal) {
    const double secs = bar->Seconds();
    Result<int64_t> stories = st.StoryCount();
    Result<int64_t> articles = st.ArticleCount();
    std::fprintf(stderr, "%zu new articles, %zu already stored, %zu skipped in %s (%.0f articles/s); %s now holds %lld articles in %lld stories\n",
                 report->accepted, report->duplicates, report->rejected.size(), Duration(secs).c_str(),
                 secs > 0 ? static_cast<double>(report->accepted + report->duplicates) / secs : 0.0,
                 store::StoreLocationName(command.db).c_str(), static_cast<long long>(articles.ok() ? *articles : -1),
                 static_cast<long long>(stories.ok() ? *stories : -1));
  }
  return report->rejected.empty() ? 0 : 3;
}

}  // namespace corroborate
