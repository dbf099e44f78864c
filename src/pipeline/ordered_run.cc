// Thread counts and the arena behind RunInOrder (see ordered_run.h).
#include "pipeline/ordered_run.h"

#include <tbb/info.h>

namespace corroborate {

size_t ThreadCount(const PipelineOptions& options) {
  if (options.threads > 0) return options.threads;
  // The cores this process may run on (taskset, cgroups), not every core of the machine.
  return size_t(std::max(1, tbb::info::default_concurrency()));
}

size_t InFlight(const PipelineOptions& options) {
  return options.in_flight > 0 ? options.in_flight : 4 * ThreadCount(options);
}

void RunInArena(const PipelineOptions& options, const std::function<void()>& fn) {
  const size_t threads = ThreadCount(options);
  // More threads than cores is allowed when asked for (tests run 4 threads on 2 cores).
  tbb::global_control allow(tbb::global_control::max_allowed_parallelism, threads);
  tbb::task_arena arena{static_cast<int>(threads)};
  arena.execute(fn);
}

}  // namespace corroborate
