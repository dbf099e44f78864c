// The runner for `corroborate analyze`: clean → extract → cluster into stories → events per article
// → publication dates inferred from the story (and relative dates resolved again against them) →
// reconcile each story. Tested in tests/golden (examples-analyze) and ../shared/seeds/check.py.
//
//   AnalyzeResult r = RunAnalyze({"examples/"}, PipelineOptions{}, ReportProblem);
//   JsonWriter w; WriteAnalyzeJson(r, w);   // report_json.h
#pragma once

#include <string>
#include <vector>

#include "events/event.h"
#include "pipeline/pipeline.h"
#include "reconcile/story_report.h"

namespace corroborate {

struct AnalyzedArticle {
  Article article;
  Mentions mentions;
  std::vector<Event> events;
  bool published_inferred = false;
  std::string story;         // "s1", ...
  std::string duplicate_of;  // id of the article it reprints, or ""
};

struct AnalyzedStory {
  std::string id;
  std::string storyline;     // "l1", ...: the storyline the story is part of ("" when not known)
  std::string headline;
  std::vector<size_t> articles;  // indices into AnalyzeResult::articles, input order
  StoryReport report;
};

struct AnalyzeResult {
  std::vector<AnalyzedArticle> articles;
  std::vector<AnalyzedStory> stories;  // largest first
  RunSummary summary;
};

// What RunAnalyze does for each story once its articles are cleaned, extracted, assigned and
// have their events (ExtractEvents): publication dates inferred from the story (those articles'
// quantities, dates and events read again against them), the reconciled report, and the headline
// when the clusterer gave none. `story.articles` indexes `articles`. The store calls it for each
// story an ingest batch touched.
void AnalyzeStory(std::vector<AnalyzedArticle>& articles, AnalyzedStory& story);

AnalyzeResult RunAnalyze(const std::vector<std::string>& inputs, const PipelineOptions& options,
                         const ProblemCallback& on_problem);

}  // namespace corroborate
