// The runner for `corroborate cluster`: streams articles through clean → extract → cluster, then
// hands the clusterer to the caller once every article is in: later articles may merge stories,
// move an article or link storylines, so an article's final story is known only at the end.
// Tested in tests/golden (examples-cluster) and ../shared/eval/score_clusters.py.
//
//   RunSummary s = RunCluster({"examples/"}, PipelineOptions{}, cluster::ClusterOptions{},
//                             [](const cluster::StoryClusterer& c) { print(c.StoryOfArticle(0)); },
//                             ReportProblem);
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "cluster/story_clusterer.h"
#include "pipeline/pipeline.h"

namespace corroborate {

using ClusteredCallback = std::function<void(const cluster::StoryClusterer&)>;

RunSummary RunCluster(const std::vector<std::string>& inputs, const PipelineOptions& options,
                      const cluster::ClusterOptions& cluster_options, const ClusteredCallback& on_done,
                      const ProblemCallback& on_problem);

}  // namespace corroborate
