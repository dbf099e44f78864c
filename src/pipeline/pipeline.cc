// The runner (see pipeline.h). Tested in pipeline_test.cc and tests/golden.
#include "pipeline/pipeline.h"

#include "extract/extract.h"

namespace corroborate {

RunSummary RunClean(const std::vector<std::string>& inputs, const PipelineOptions& options,
                    const ArticleCallback& on_article, const ProblemCallback& on_problem) {
  RunSummary summary;
  InputReader reader(options.read);
  auto report = [&](const InputProblem& p) {
    ++summary.problems;
    on_problem(p);
  };
  reader.Read(
      inputs,
      [&](RawDocument&& doc) {
        const std::string source = doc.source;
        const size_t line = doc.line;
        Result<Article> article = CleanDocument(std::move(doc), options.clean);
        if (!article.ok()) {
          report({source, line, article.status().message()});
          return;
        }
        ++summary.articles;
        on_article(article.take());
      },
      report);
  return summary;
}

RunSummary RunExtract(const std::vector<std::string>& inputs, const PipelineOptions& options,
                      const MentionsCallback& on_article, const ProblemCallback& on_problem) {
  return RunClean(inputs, options,
                  [&](Article&& a) {
                    Mentions m = ExtractMentions(a);
                    on_article(std::move(a), std::move(m));
                  },
                  on_problem);
}

}  // namespace corroborate
