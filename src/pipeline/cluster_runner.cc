// The cluster runner (see cluster_runner.h). Tested in tests/golden (examples-cluster).
#include "pipeline/cluster_runner.h"

#include "cluster/features.h"

namespace corroborate {

RunSummary RunCluster(const std::vector<std::string>& inputs, const PipelineOptions& options,
                      const cluster::ClusterOptions& cluster_options, const AssignmentCallback& on_article,
                      const ProblemCallback& on_problem) {
  std::unique_ptr<cluster::StoryClusterer> clusterer = cluster::NewInMemoryClusterer(cluster_options);
  return RunExtract(inputs, options,
                    [&](Article&& a, Mentions&& m) {
                      const cluster::Assignment as = clusterer->Add(cluster::ExtractFeatures(a, m));
                      on_article(a, as);
                    },
                    on_problem);
}

}  // namespace corroborate
