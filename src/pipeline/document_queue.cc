// The reader thread behind DocumentQueue (see document_queue.h).
#include "pipeline/document_queue.h"

#include <exception>

namespace corroborate {

DocumentQueue::DocumentQueue(const std::vector<std::string>& inputs, const ReadLimits& limits, size_t capacity) {
  queue_.set_capacity(std::ptrdiff_t(capacity < 1 ? 1 : capacity));
  reader_ = std::thread([this, inputs, limits] {
    try {
      InputReader reader(limits);
      reader.Read(
          inputs, [&](RawDocument&& doc) { queue_.push(Slot{ReadItem{std::move(doc), std::nullopt}, false}); },
          [&](const InputProblem& p) { queue_.push(Slot{ReadItem{{}, p}, false}); });
      queue_.push(Slot{{}, true});
    } catch (const tbb::user_abort&) {
      // The consumer gave up (see ~DocumentQueue): nobody reads what is left.
    } catch (const std::exception& e) {
      // Out of memory or the like: say so in order, then end, rather than end the process here.
      try {
        queue_.push(Slot{ReadItem{{}, InputProblem{"(input)", 0, std::string("reading stopped: ") + e.what()}}, false});
        queue_.push(Slot{{}, true});
      } catch (const tbb::user_abort&) {
      }
    }
  });
}

DocumentQueue::~DocumentQueue() {
  if (!ended_) queue_.abort();  // wakes a reader blocked on a full queue
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
