// The cluster runner (see cluster_runner.h). Tested in tests/golden (examples-cluster).
#include "pipeline/cluster_runner.h"

#include "cluster/features.h"
#include "extract/extract.h"
#include "pipeline/ordered_run.h"

namespace corroborate {

RunSummary RunCluster(const std::vector<std::string>& inputs, const PipelineOptions& options,
                      const cluster::ClusterOptions& cluster_options, const AssignmentCallback& on_article,
                      const ProblemCallback& on_problem) {
  struct Featured {
    Article article;
    cluster::ArticleFeatures features;
  };
  std::unique_ptr<cluster::StoryClusterer> clusterer = cluster::NewInMemoryClusterer(cluster_options);
  return RunCleanThen<Featured>(
      inputs, options,
      [](Article&& a) {  // any thread: everything but the clusterer's own Add
        const Mentions m = ExtractMentions(a);
        cluster::ArticleFeatures f = cluster::ExtractFeatures(a, m);
        return Featured{std::move(a), std::move(f)};
      },
      [&](Featured&& x) { on_article(x.article, clusterer->Add(x.features)); }, on_problem);
}

}  // namespace corroborate
