// Tests of the per-article work budget (work_budget.h): what is taken at once never passes the
// budget, a document larger than the budget runs alone, and the runner takes each document's size.
#include "pipeline/work_budget.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

#include "pipeline/ordered_run.h"

namespace corroborate {
namespace {

// Eight threads take sizes that do not all fit at once; the most ever taken together is measured
// inside the holds. A size above the budget waits until nothing else is held, then runs alone.
TEST(WorkBudget, NeverHoldsMoreThanTheBudgetTogether) {
  WorkBudget budget(100);
  std::atomic<size_t> held{0}, most{0}, alone_with{~size_t{0}};
  auto work = [&](size_t bytes) {
    WorkBudget::Hold hold(budget, bytes);
    const size_t now = held += bytes;
    size_t seen = most.load();
    while (now > seen && !most.compare_exchange_weak(seen, now)) {
    }
    if (bytes > 100) alone_with = now - bytes;  // what others held beside the oversized one
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
    held -= bytes;
  };
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 20; ++i) work(t == 3 && i == 10 ? 150 : 30 + 5 * t);
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_LE(most.load(), 150u);  // the oversized one alone; otherwise at most 100
  EXPECT_EQ(alone_with.load(), 0u);
  EXPECT_EQ(budget.taken(), 0u);
}

// Every document's size is taken while its work runs, on one thread and on several.
TEST(WorkBudget, TheRunnerTakesEachDocumentsSize) {
  for (size_t threads : {1, 3}) {
    std::vector<RawDocument> docs(12);
    for (size_t i = 0; i < docs.size(); ++i) docs[i].body.assign(1000 + i, 'x');
    ReadFunction read = [&](const DocumentCallback& on_doc, const ProblemCallback&) {
      for (RawDocument& d : docs) on_doc(RawDocument(d));
    };
    PipelineOptions options;
    options.threads = threads;
    std::atomic<bool> all_held{true};
    size_t seen = 0;
    RunInOrder<size_t>(
        read, options,
        [&](RawDocument&& d) {
          if (WorkBudget::Process().taken() < d.body.size()) all_held = false;
          return d.body.size();
        },
        [&](size_t) { ++seen; }, [](const InputProblem&) {});
    EXPECT_TRUE(all_held) << threads << " threads";
    EXPECT_EQ(seen, docs.size());
    EXPECT_EQ(WorkBudget::Process().taken(), 0u);
  }
}

}  // namespace
}  // namespace corroborate
