// The runner: reads inputs, runs the per-article stages on every core (ordered_run.h), and hands
// each result to the caller in input order together with every problem found on the way, one call
// at a time (callbacks need no locking). Only this layer knows every stage.
// Tested in pipeline_test.cc and tests/golden.
//
//   PipelineOptions opts;
//   RunSummary s = RunClean({"examples/"}, opts,
//                           [](Article&& a) { print(a); },
//                           [](const InputProblem& p) { std::cerr << p.Format() << '\n'; });
//   return s.ExitCode();
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "clean/article.h"
#include "clean/cleaner.h"
#include "extract/mentions.h"
#include "ingest/input_reader.h"

namespace corroborate {

struct PipelineOptions {
  ReadLimits read;
  CleanOptions clean;
  // Threads for the per-article stages; 0 = every core the process may use. Output is the same
  // for any count.
  size_t threads = 0;
  // Articles in flight at once (the memory budget of a streaming run); 0 = 4 per thread.
  size_t in_flight = 0;
};

struct RunSummary {
  size_t articles = 0;   // articles produced
  size_t problems = 0;   // inputs (files, lines, records) skipped
  // The contract's exit status: 0 when every input was read, 3 when some were skipped.
  int ExitCode() const { return problems == 0 ? 0 : 3; }
};

using ArticleCallback = std::function<void(Article&&)>;

RunSummary RunClean(const std::vector<std::string>& inputs, const PipelineOptions& options,
                    const ArticleCallback& on_article, const ProblemCallback& on_problem);

// Clean, then extract quantities and dates from each article (extract/extract.h).
using MentionsCallback = std::function<void(Article&&, Mentions&&)>;
RunSummary RunExtract(const std::vector<std::string>& inputs, const PipelineOptions& options,
                      const MentionsCallback& on_article, const ProblemCallback& on_problem);

}  // namespace corroborate
