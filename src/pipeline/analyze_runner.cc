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
  // Each article on any thread: extract, events, cluster features. In input order: the clusterer.
  // Stories are formed once every article is in, since later articles may merge stories or move an
  // article; they come in order of their first article.
  auto clusterer = cluster::NewInMemoryClusterer(cluster::ClusterOptions{});
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
        (void)clusterer->Add(d.features);
        r.articles.push_back(std::move(d.analyzed));
      },
      on_problem);
  std::map<uint32_t, size_t> story_index;
  for (size_t i = 0; i < r.articles.size(); ++i) {
    AnalyzedArticle& a = r.articles[i];
    const uint32_t story = clusterer->StoryOfArticle(uint32_t(i));
    a.story = cluster::StoryName(story);
    a.duplicate_of = clusterer->DuplicateOf(uint32_t(i));
    auto [it, fresh] = story_index.emplace(story, r.stories.size());
    if (fresh) {
      AnalyzedStory s;
      s.id = a.story;
      s.storyline = cluster::StorylineName(clusterer->StorylineOf(story));
      if (auto info = clusterer->GetStory(story)) s.headline = info->headline;
      r.stories.push_back(std::move(s));
    }
    r.stories[it->second].articles.push_back(i);
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
