// The runner for `corroborate cluster`: streams articles through clean → extract → cluster and hands
// each article's story assignment to the caller in input order. Tested in tests/golden
// (examples-cluster) and ../shared/eval/score_clusters.py.
//
//   RunSummary s = RunCluster({"examples/"}, PipelineOptions{}, cluster::ClusterOptions{},
//                             [](const Article& a, const cluster::Assignment& as) { print(a.id, as); },
//                             ReportProblem);
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "cluster/story_clusterer.h"
#include "pipeline/pipeline.h"

namespace corroborate {

using AssignmentCallback = std::function<void(const Article&, const cluster::Assignment&)>;

RunSummary RunCluster(const std::vector<std::string>& inputs, const PipelineOptions& options,
                      const cluster::ClusterOptions& cluster_options, const AssignmentCallback& on_article,
                      const ProblemCallback& on_problem);

}  // namespace corroborate
