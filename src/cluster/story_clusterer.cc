// Story naming and the batch form of Add (see story_clusterer.h). Tested in story_clusterer_test.cc.
#include "cluster/story_clusterer.h"

namespace corroborate::cluster {

std::string StoryName(uint32_t story) { return "s" + std::to_string(story); }
std::string StorylineName(uint32_t storyline) { return "l" + std::to_string(storyline); }

std::vector<Assignment> ClusterAll(const std::vector<ArticleFeatures>& articles, const ClusterOptions& options) {
  std::unique_ptr<StoryClusterer> c = NewInMemoryClusterer(options);
  std::vector<Assignment> out;
  out.reserve(articles.size());
  for (const ArticleFeatures& a : articles) out.push_back(c->Add(a));
  return out;
}

}  // namespace corroborate::cluster
