// The parallel runner every command shares (oneTBB's parallel_pipeline): a serial reader, the
// per-article work on up to `threads` threads, and a serial step that sees each result in input
// order, one at a time, on whichever thread is free. State that spans articles (the clusterer,
// the output, the store's batch) lives only in that step, so results are byte-identical whatever
// the thread count. At most `in_flight` articles are in the pipeline at once (being worked on or
// waiting their turn) and one per thread waits in the reader's queue: that, not the corpus,
// bounds a streaming command's memory; and each document's work runs within the process's
// WorkBudget (work_budget.h), which bounds the memory of the work on large documents whatever the
// thread count. The reader is the contract's inputs (files, folders, "-")
// or any ReadFunction (document_queue.h), such as the store's reader of a POSTed body. Tested in
// ordered_run_test.cc and tests/threads (every command with --threads 1, 2, 4).
//
//   RunInOrder<Result<Article>>(inputs, options,
//       [&](RawDocument&& d) { return CleanDocument(std::move(d), options.clean); },   // any thread
//       [&](Result<Article>&& a) { print(a); },                                         // in order
//       [&](const InputProblem& p) { report(p); });                                      // in order
#pragma once

#include <algorithm>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <unordered_map>
#include <vector>

#include <tbb/global_control.h>
#include <tbb/parallel_pipeline.h>
#include <tbb/task_arena.h>

#include "pipeline/document_queue.h"
#include "pipeline/pipeline.h"
#include "pipeline/work_budget.h"

namespace corroborate {

// The thread count a PipelineOptions asks for: `threads`, or, when it is 0, every core the
// process may use (a run under `taskset -c 0` gets one thread).
size_t ThreadCount(const PipelineOptions& options);
// The articles allowed in flight: `in_flight`, or 4 per thread when it is 0.
size_t InFlight(const PipelineOptions& options);

// Runs `fn` inside an arena of ThreadCount(options) threads (for parallel loops after the pipeline).
void RunInArena(const PipelineOptions& options, const std::function<void()>& fn);

// `work` on `doc` with the document's size taken from the process's WorkBudget meanwhile: given
// back before the result goes on, so that no step ever waits for room while holding some.
template <class Work>
auto WorkWithinBudget(Work& work, RawDocument&& doc) {
  WorkBudget::Hold hold(WorkBudget::Process(), doc.body.size());
  return work(std::move(doc));
}

// Reads with `read` (called on a thread of its own when threads > 1; options.read is not used).
template <class T, class Work, class Step>
void RunInOrder(const ReadFunction& read, const PipelineOptions& options, Work&& work, Step&& step,
                const ProblemCallback& on_problem) {
  const size_t threads = ThreadCount(options);
  if (threads == 1) {
    // One thread: the same work and step, called straight from the reader, without a queue. The
    // budget still applies: other runs (serve's requests) may work at the same time.
    read([&](RawDocument&& doc) { step(WorkWithinBudget(work, std::move(doc))); }, on_problem);
    return;
  }
  struct Token {
    ReadItem read;
    std::optional<T> result;
  };
  DocumentQueue queue(read, threads);
  // Tokens travel between filters as raw pointers, so `live` owns them: when a step throws, TBB
  // drops the tokens in flight, and `live` frees them as the run unwinds instead of leaking them.
  std::mutex live_mutex;
  std::unordered_map<Token*, std::unique_ptr<Token>> live;
  RunInArena(options, [&] {
    tbb::parallel_pipeline(
        InFlight(options),
        tbb::make_filter<void, Token*>(tbb::filter_mode::serial_in_order,
                                       [&](tbb::flow_control& fc) -> Token* {
                                         auto t = std::make_unique<Token>();
                                         if (!queue.Pop(t->read)) {
                                           fc.stop();
                                           return nullptr;
                                         }
                                         Token* raw = t.get();
                                         std::lock_guard<std::mutex> lock(live_mutex);
                                         live.emplace(raw, std::move(t));
                                         return raw;
                                       }) &
            tbb::make_filter<Token*, Token*>(tbb::filter_mode::parallel,
                                             [&](Token* t) {
                                               if (!t->read.problem) {
                                                 t->result.emplace(WorkWithinBudget(work, std::move(t->read.document)));
                                               }
                                               return t;
                                             }) &
            tbb::make_filter<Token*, void>(tbb::filter_mode::serial_in_order, [&](Token* t) {
              if (t->read.problem) on_problem(*t->read.problem);
              else step(std::move(*t->result));
              std::lock_guard<std::mutex> lock(live_mutex);
              live.erase(t);
            }));
  });
}

// Reads the contract's inputs (files, folders, "-") within options.read.
template <class T, class Work, class Step>
void RunInOrder(const std::vector<std::string>& inputs, const PipelineOptions& options, Work&& work,
                Step&& step, const ProblemCallback& on_problem) {
  RunInOrder<T>(ReadInputs(inputs, options.read), options, std::forward<Work>(work), std::forward<Step>(step),
                on_problem);
}

// The usual shape of a command: clean each document, then `more` (Article&& → T) on any thread,
// then `step` (T&&) in input order; documents clean refuses become problems, in order. Counts
// articles and problems the way the contract's exit status needs.
//
//   RunSummary s = RunCleanThen<Features>(inputs, options,
//       [](Article&& a) { return Features(a); },             // any thread
//       [&](Features&& f) { clusterer.Add(f); }, report);     // input order
template <class T, class More, class Step>
RunSummary RunCleanThen(const std::vector<std::string>& inputs, const PipelineOptions& options, More&& more,
                        Step&& step, const ProblemCallback& on_problem) {
  struct Done {
    std::string source;
    size_t line = 0;
    std::string error;  // why clean refused the document; empty when `value` holds the result
    std::optional<T> value;
  };
  RunSummary summary;
  auto report = [&](const InputProblem& p) {
    ++summary.problems;
    on_problem(p);
  };
  RunInOrder<Done>(
      inputs, options,
      [&](RawDocument&& doc) {
        Done d{doc.source, doc.line, {}, std::nullopt};
        Result<Article> article = CleanDocument(std::move(doc), options.clean);
        if (article.ok()) d.value.emplace(more(article.take()));
        else d.error = article.status().message();
        return d;
      },
      [&](Done&& d) {
        if (!d.value) return report({d.source, d.line, d.error});
        ++summary.articles;
        step(std::move(*d.value));
      },
      report);
  return summary;
}

}  // namespace corroborate
