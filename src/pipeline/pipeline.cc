// The runner (see pipeline.h). Tested in ordered_run_test.cc and tests/golden.
#include "pipeline/pipeline.h"

#include "extract/extract.h"
#include "pipeline/ordered_run.h"

namespace corroborate {

RunSummary RunClean(const std::vector<std::string>& inputs, const PipelineOptions& options,
                    const ArticleCallback& on_article, const ProblemCallback& on_problem) {
  return RunCleanThen<Article>(
      inputs, options, [](Article&& a) { return std::move(a); }, on_article, on_problem);
}

RunSummary RunExtract(const std::vector<std::string>& inputs, const PipelineOptions& options,
                      const MentionsCallback& on_article, const ProblemCallback& on_problem) {
  struct Extracted {
    Article article;
    Mentions mentions;
  };
  return RunCleanThen<Extracted>(
      inputs, options,
      [](Article&& a) {
        Mentions m = ExtractMentions(a);
        return Extracted{std::move(a), std::move(m)};
      },
      [&](Extracted&& x) { on_article(std::move(x.article), std::move(x.mentions)); }, on_problem);
}

}  // namespace corroborate
