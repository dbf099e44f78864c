// The per-article work budget (see work_budget.h). Tested in work_budget_test.cc.
#include "pipeline/work_budget.h"

#include <algorithm>

namespace corroborate {

WorkBudget& WorkBudget::Process() {
  static WorkBudget budget(kProcessBytes);
  return budget;
}

void WorkBudget::Take(size_t bytes) {
  std::unique_lock<std::mutex> lock(mu_);
  room_.wait(lock, [&] { return taken_ == 0 || bytes <= budget_ - std::min(taken_, budget_); });
  taken_ += bytes;
}

void WorkBudget::Give(size_t bytes) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    taken_ -= bytes;
  }
  room_.notify_all();
}

size_t WorkBudget::taken() const {
  std::lock_guard<std::mutex> lock(mu_);
  return taken_;
}

}  // namespace corroborate
