// A process-wide budget for the memory of the per-article stages, counted in bytes of the raw
// documents being worked on: clean, extract and events take a multiple of a document's size while
// they run (a 16 MB page took about 300 MB at extract's peak), so with N threads N large documents
// at once would take N times that. Every run of ordered_run.h takes a document's size from this
// budget before working on it and gives it back after: however many threads (and runs) there are,
// the documents being worked on at once add up to at most the budget, except that one document
// larger than the budget may run alone. Tested in work_budget_test.cc.
//
//   WorkBudget::Hold hold(WorkBudget::Process(), doc.body.size());   // waits for room
//   Result<Article> a = CleanDocument(std::move(doc), options);      // ...and the rest of the work
#pragma once

#include <condition_variable>
#include <cstddef>
#include <mutex>

namespace corroborate {

class WorkBudget {
 public:
  explicit WorkBudget(size_t bytes) : budget_(bytes) {}
  WorkBudget(const WorkBudget&) = delete;
  WorkBudget& operator=(const WorkBudget&) = delete;

  // Room for one document at the input limit (16 MB) and 8 MB of others beside it: ordinary
  // articles (kilobytes) never wait, and two documents near the limit are never worked on at once.
  static constexpr size_t kProcessBytes = (16u << 20) + (8u << 20);
  // The budget every run in this process shares.
  static WorkBudget& Process();

  // Waits until `bytes` fit beside what is taken, or nothing is taken (a document larger than the
  // budget runs alone), then takes them.
  void Take(size_t bytes);
  void Give(size_t bytes);

  size_t taken() const;
  size_t budget() const { return budget_; }

  // Takes on construction, gives back on destruction.
  class Hold {
   public:
    Hold(WorkBudget& budget, size_t bytes) : budget_(budget), bytes_(bytes) { budget_.Take(bytes_); }
    ~Hold() { budget_.Give(bytes_); }
    Hold(const Hold&) = delete;
    Hold& operator=(const Hold&) = delete;

   private:
    WorkBudget& budget_;
    size_t bytes_;
  };

 private:
  const size_t budget_;
  mutable std::mutex mu_;
  std::condition_variable room_;
  size_t taken_ = 0;
};

}  // namespace corroborate
