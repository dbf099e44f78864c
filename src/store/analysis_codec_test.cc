// Tests of the stored analysis (analysis_codec.h): the project's example articles, cleaned and
// extracted, come back from their blob with every field (a second encoding gives the same bytes)
// and give the same mentions and the same story report; another build's blob, a truncated or
// damaged one, or offsets beyond the text are refused, never trusted.
#include "store/analysis_codec.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "clean/cleaner.h"
#include "core/json_writer.h"
#include "events/extract_events.h"
#include "extract/extract.h"
#include "pipeline/document_queue.h"
#include "pipeline/mentions_json.h"
#include "pipeline/report_json.h"

namespace corroborate::store {
namespace {

std::vector<AnalyzedArticle> ExampleArticles() {
  std::vector<AnalyzedArticle> out;
  const std::string examples = std::string(CORROBORATE_SOURCE_DIR) + "/examples";
  ReadInputs({examples}, ReadLimits{})(
      [&](RawDocument&& doc) {
        Result<Article> article = CleanDocument(std::move(doc), CleanOptions{});
        if (!article.ok()) return;
        AnalyzedArticle a;
        a.article = article.take();
        a.mentions = ExtractMentions(a.article);
        a.events = ExtractEvents(a.article, a.mentions);
        out.push_back(std::move(a));
      },
      [](const InputProblem&) {});
  return out;
}

// The article as the store reads it back before its analysis: its row's fields only.
AnalyzedArticle RowOnly(const AnalyzedArticle& a) {
  AnalyzedArticle b;
  b.article.id = a.article.id;
  b.article.source = a.article.source;
  b.article.outlet = a.article.outlet;
  b.article.title = a.article.title;
  b.article.author = a.article.author;
  b.article.author_role = a.article.author_role;
  b.article.url = a.article.url;
  b.article.published = a.article.published;
  b.article.text = a.article.text;
  return b;
}

std::string MentionsJson(const AnalyzedArticle& a) {
  JsonWriter w;
  WriteExtractJson(a.article, a.mentions, w);
  return w.str();
}

// All the articles as one story, as the store analyses a story, rendered as `analyze --json`.
std::string ReportOf(std::vector<AnalyzedArticle> articles) {
  AnalyzeResult result;
  AnalyzedStory story;
  story.id = "s1";
  for (size_t i = 0; i < articles.size(); ++i) story.articles.push_back(i);
  AnalyzeStory(articles, story);
  result.articles = std::move(articles);
  result.stories.push_back(std::move(story));
  JsonWriter w;
  WriteAnalyzeJson(result, w);
  return w.str();
}

TEST(AnalysisCodec, ThisBuildHasAnId) {
  // Debian's toolchain links every executable with a GNU build id; without one the store keeps
  // working but extracts every article read back again.
  EXPECT_FALSE(BuildId().empty());
}

TEST(AnalysisCodec, ExamplesComeBackWhole) {
  if (BuildId().empty()) GTEST_SKIP() << "no build id: stored analysis is never used";
  const std::vector<AnalyzedArticle> originals = ExampleArticles();
  ASSERT_GE(originals.size(), 5u);
  std::vector<AnalyzedArticle> decoded;
  size_t events = 0, quotes = 0;
  for (const AnalyzedArticle& a : originals) {
    const std::string blob = EncodeAnalysis(a);
    AnalyzedArticle b = RowOnly(a);
    ASSERT_TRUE(DecodeAnalysis(blob, b)) << a.article.id;
    // Everything the encoder writes comes back: encoding the decoded article gives the same bytes.
    EXPECT_EQ(EncodeAnalysis(b), blob) << a.article.id;
    EXPECT_EQ(b.article.paragraphs, a.article.paragraphs);
    EXPECT_EQ(b.article.sentences, a.article.sentences);
    EXPECT_EQ(MentionsJson(b), MentionsJson(a)) << a.article.id;
    EXPECT_EQ(b.events.size(), a.events.size());
    events += a.events.size();
    quotes += a.mentions.entities.quotes.size();
    decoded.push_back(std::move(b));
  }
  // The examples exercise events and quotes, so the comparison covers their fields.
  EXPECT_GT(events, 0u);
  EXPECT_GT(quotes, 0u);
  // What the store makes of them: the same report as from the analysis extract made.
  EXPECT_EQ(ReportOf(decoded), ReportOf(originals));
}

TEST(AnalysisCodec, AnotherBuildsAnalysisIsNotUsed) {
  if (BuildId().empty()) GTEST_SKIP() << "no build id";
  const std::vector<AnalyzedArticle> originals = ExampleArticles();
  ASSERT_FALSE(originals.empty());
  std::string blob = EncodeAnalysis(originals[0]);
  const size_t at = blob.find(BuildId());
  ASSERT_NE(at, std::string::npos);
  blob[at] = blob[at] == '0' ? '1' : '0';
  AnalyzedArticle b = RowOnly(originals[0]);
  EXPECT_FALSE(DecodeAnalysis(blob, b));
  EXPECT_TRUE(b.mentions.quantities.empty() && b.events.empty() && b.article.sentences.empty());  // left as it was
  EXPECT_FALSE(DecodeAnalysis("", b));
}

TEST(AnalysisCodec, DamageIsRefused) {
  if (BuildId().empty()) GTEST_SKIP() << "no build id";
  const std::vector<AnalyzedArticle> originals = ExampleArticles();
  ASSERT_FALSE(originals.empty());
  const AnalyzedArticle& a = originals[0];
  const std::string blob = EncodeAnalysis(a);
  // Every proper prefix is refused.
  for (size_t n = 0; n < blob.size(); ++n) {
    AnalyzedArticle b = RowOnly(a);
    EXPECT_FALSE(DecodeAnalysis(std::string_view(blob).substr(0, n), b)) << n;
  }
  // Offsets beyond the text it is decoded for are refused.
  AnalyzedArticle shorter = RowOnly(a);
  shorter.article.text.resize(shorter.article.text.size() / 2);
  EXPECT_FALSE(DecodeAnalysis(blob, shorter));
  // A byte changed anywhere: refused, or read as some analysis within the text; never a crash
  // (the sanitizer build checks the reads).
  for (size_t i = 0; i < blob.size(); ++i) {
    std::string bad = blob;
    bad[i] = static_cast<char>(bad[i] ^ 0x5a);
    AnalyzedArticle b = RowOnly(a);
    if (DecodeAnalysis(bad, b)) {
      for (const Span& s : b.article.sentences) EXPECT_LE(s.end, b.article.text.size());
    }
  }
}

}  // namespace
}  // namespace corroborate::store
