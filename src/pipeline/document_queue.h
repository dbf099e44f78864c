// A bounded queue of what a reader produces (documents and reading problems, in input order),
// filled by the reader on a thread of its own: the reader pushes (InputReader::Read and the JSON
// Lines reader are callback loops), while the parallel pipeline pulls. The bound is the memory
// budget of a streaming command: at most `capacity` documents wait here. Tested through
// ordered_run_test.cc.
//
//   DocumentQueue q(inputs, limits, 16);               // files, folders, "-"
//   DocumentQueue q(ReadFunction(...), 16);            // any reader, e.g. a body held in memory
//   for (ReadItem item; q.Pop(item);) { ... }          // ends after the last input
#pragma once

#include <atomic>
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include <tbb/concurrent_queue.h>

#include "ingest/input_reader.h"

namespace corroborate {

// One thing read: a document, or a problem met while reading (a file or line that was skipped).
struct ReadItem {
  RawDocument document;
  std::optional<InputProblem> problem;
};

// A reader: calls `on_document` for each document and `on_problem` for each reading problem, in
// input order, on the thread that calls it, and returns after the last.
using ReadFunction = std::function<void(const DocumentCallback& on_document, const ProblemCallback& on_problem)>;

// The reader of the contract's inputs (files, folders, "-"): InputReader::Read.
ReadFunction ReadInputs(std::vector<std::string> inputs, ReadLimits limits);

class DocumentQueue {
 public:
  // `read` runs on the queue's own thread; what it refers to must outlive the queue.
  DocumentQueue(ReadFunction read, size_t capacity);
  DocumentQueue(const std::vector<std::string>& inputs, const ReadLimits& limits, size_t capacity)
      : DocumentQueue(ReadInputs(inputs, limits), capacity) {}
  ~DocumentQueue();  // stops the reader (if still reading) and waits for it
  DocumentQueue(const DocumentQueue&) = delete;
  DocumentQueue& operator=(const DocumentQueue&) = delete;

  // The next item in input order; false once every input has been read.
  bool Pop(ReadItem& item);

 private:
  struct Slot {
    ReadItem item;
    bool end = false;
  };
  void Push(ReadItem&& item, bool end);  // on the reader thread; throws once stop_ is set

  tbb::concurrent_bounded_queue<Slot> queue_;
  std::atomic<bool> stop_{false};  // the consumer has gone: the reader ends at its next push
  std::atomic<bool> done_{false};  // the reader has ended
  std::thread reader_;
  bool ended_ = false;
};

}  // namespace corroborate
