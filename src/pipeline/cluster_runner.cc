// The cluster runner (see cluster_runner.h). Tested in tests/golden (examples-cluster).
#include "pipeline/cluster_runner.h"

#include "cluster/features.h"
#include "extract/extract.h"
#include "pipeline/ordered_run.h"

namespace corroborate {

RunSummary RunCluster(const std::vector<std::string>& inputs, const PipelineOptions& options,
                      const cluster::ClusterOptions& cluster_options, const ClusteredCallback& on_done,
                      const ProblemCallback& on_problem) {
  std::unique_ptr<cluster::StoryClusterer> clusterer = cluster::NewInMemoryClusterer(cluster_options);
  RunSummary summary = RunCleanThen<cluster::ArticleFeatures>(
      inputs, options,
      [](Article&& a) {  // any thread: everything but the clusterer's own Add
        const Mentions m = ExtractMentions(a);
        return cluster::ExtractFeatures(a, m);
      },
      [&](cluster::ArticleFeatures&& f) { (void)clusterer->Add(f); }, on_problem);
  on_done(*clusterer);
  return summary;
}

}  // namespace corroborate
