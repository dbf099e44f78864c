// The reader thread behind DocumentQueue (see document_queue.h).
#include "pipeline/document_queue.h"

#include <exception>

namespace corroborate {
namespace {

struct Stopped {};  // thrown inside the reader thread when the consumer has gone

}  // namespace

void DocumentQueue::Push(ReadItem&& item, bool end) {
  if (stop_.load()) throw Stopped{};
  queue_.push(Slot{std::move(item), end});
}

ReadFunction ReadInputs(std::vector<std::string> inputs, ReadLimits limits) {
  return [inputs = std::move(inputs), limits](const DocumentCallback& on_document, const ProblemCallback& on_problem) {
    InputReader(limits).Read(inputs, on_document, on_problem);
  };
}

DocumentQueue::DocumentQueue(ReadFunction read, size_t capacity) {
  queue_.set_capacity(std::ptrdiff_t(capacity < 1 ? 1 : capacity));
  reader_ = std::thread([this, read = std::move(read)] {
    try {
      read([&](RawDocument&& doc) { Push(ReadItem{std::move(doc), std::nullopt}, false); },
           [&](const InputProblem& p) { Push(ReadItem{{}, p}, false); });
      Push({}, true);
    } catch (const Stopped&) {
      // The consumer gave up (see ~DocumentQueue): nobody reads what is left.
    } catch (const std::exception& e) {
      // Out of memory or the like: say so in order, then end, rather than end the process here.
      try {
        Push(ReadItem{{}, InputProblem{"(input)", 0, std::string("reading stopped: ") + e.what()}}, false);
        Push({}, true);
      } catch (const Stopped&) {
      }
    }
    done_.store(true);
  });
}

DocumentQueue::~DocumentQueue() {
  // When the consumer stops early (an exception), the reader may be blocked on a full queue or
  // about to push: take what it pushes until it sees stop_ and ends.
  stop_.store(true);
  Slot slot;
  while (!done_.load()) {
    if (!queue_.try_pop(slot)) std::this_thread::yield();
  }
  reader_.join();
}

bool DocumentQueue::Pop(ReadItem& item) {
  if (ended_) return false;
  Slot slot;
  queue_.pop(slot);
  if (slot.end) {
    ended_ = true;
    return false;
  }
  item = std::move(slot.item);
  return true;
}

}  // namespace corroborate
