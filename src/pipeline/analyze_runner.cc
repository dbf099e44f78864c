// The analyze runner (see analyze_runner.h). Tested in tests/golden (examples-analyze) and
// ordered_run_test.cc (same report for any thread count).
#include "pipeline/analyze_runner.h"

#include <algorithm>
#include <map>

#include <tbb/parallel_for.h>

#include "cluster/features.h"
#include "cluster/story_clusterer.h"
#include "events/extract_events.h"
#include "extract/extract.h"
#include "pipeline/ordered_run.h"
#include "reconcile/published.h"

namespace corroborate {
namespace {

std::vector<StoryArticle> StoryInput(std::vector<AnalyzedArticle>& articles, const AnalyzedStory& s) {
  std::vector<StoryArticle> in;
  for (size_t i : s.articles) {
    AnalyzedArticle& a = articles[i];
    in.push_back(StoryArticle{&a.article, &a.mentions, &a.events, a.article.outlet, a.duplicate_of});
  }
  return in;
}

}  // namespace

void AnalyzeStory(std::vector<AnalyzedArticle>& articles, AnalyzedStory& s) {
  // Dates the story lets one infer; the articles given one are read again so that their
  // relative dates ("on Wednesday", "last October") resolve.
  std::vector<StoryArticle> in = StoryInput(articles, s);
  std::vector<std::string> inferred = InferPublished(in, MergeClaims(in));
  for (size_t k = 0; k < s.articles.size(); ++k) {
    if (inferred[k].empty()) continue;
    AnalyzedArticle& a = articles[s.articles[k]];
    a.article.published = inferred[k];
    a.published_inferred = true;
    ReextractQuantitiesAndDates(a.article, a.mentions);
    a.events = ExtractEvents(a.article, a.mentions);
  }
  s.report = ReconcileStory(StoryInput(articles, s));
  if (s.headline.empty() && !s.articles.empty()) s.headline = articles[s.articles[0]].article.title;
}

AnalyzeResult RunAnalyze(const std::vector<std::string>& inputs, const PipelineOptions& options,
                         const ProblemCallback& on_problem) {
  AnalyzeResult r;
  struct Done {
    AnalyzedArticle analyzed;
    cluster::ArticleFeatures features;
  };
  // Each article on any thread: extract, events, cluster features. In input order: the clusterer,
  // and stories in order of first appearance.
  auto clusterer = cluster::NewInMemoryClusterer(cluster::ClusterOptions{});
  std::map<uint32_t, size_t> story_index;
  r.summary = RunCleanThen<Done>(
      inputs, options,
      [](Article&& a) {
        Done d;
        d.analyzed.mentions = ExtractMentions(a);
        d.analyzed.events = ExtractEvents(a, d.analyzed.mentions);
        d.features = cluster::ExtractFeatures(a, d.analyzed.mentions);
        d.analyzed.article = std::move(a);
        return d;
      },
      [&](Done&& d) {
        const cluster::Assignment as = clusterer->Add(d.features);
        AnalyzedArticle& a = r.articles.emplace_back(std::move(d.analyzed));
        a.story = cluster::StoryName(as.story);
        a.duplicate_of = as.duplicate_of;
        auto [it, fresh] = story_index.emplace(as.story, r.stories.size());
        if (fresh) {
          AnalyzedStory s;
          s.id = a.story;
          r.stories.push_back(std::move(s));
        }
        r.stories[it->second].articles.push_back(r.articles.size() - 1);
      },
      on_problem);
  for (auto& [id, idx] : story_index) {
    if (auto info = clusterer->GetStory(id)) r.stories[idx].headline = info->headline;
  }

  // Stories are independent of one another from here on: each is reconciled on any thread and
  // touches only its own articles.
  RunInArena(options, [&] {
    tbb::parallel_for(size_t(0), r.stories.size(), [&](size_t i) { AnalyzeStory(r.articles, r.stories[i]); });
  });
  std::stable_sort(r.stories.begin(), r.stories.end(),
                   [](const AnalyzedStory& a, const AnalyzedStory& b) { return a.articles.size() > b.articles.size(); });
  return r;
}

}  // namespace corroborate
