// An article's analysis as clean and extract left it (its paragraphs and sentences, mentions and
// events, before its story inferred anything) as a blob stored with the article, so that rebuilding
// a story never extracts its older articles again from their text: the articles another worker
// prepared (docs/ARCHITECTURE.md "Workers"), or those an ingest no longer holds in memory. Tested
// in analysis_codec_test.cc.
//
//   std::string blob = EncodeAnalysis(analysed);          // in the parallel step
//   AnalyzedArticle a;  a.article = RebuildStoredArticle(row);
//   if (!DecodeAnalysis(blob, a)) { /* extract a.article again */ }
//
// The blob names the build that made it (the executable's GNU build id, which covers the code and
// the data it embeds): another build's analysis may differ from what this one extracts, so it is
// not used, and the article is extracted again as before. An executable without a build id never
// uses stored analysis.
#pragma once

#include <string>
#include <string_view>

#include "pipeline/analyze_runner.h"

namespace corroborate::store {

// The paragraphs, sentences, mentions and events of `a` (its other fields are the article row's).
std::string EncodeAnalysis(const AnalyzedArticle& a);

// Sets a.article.paragraphs and sentences, a.mentions and a.events from `blob` and returns true
// when it was made by this build and reads whole; false (with `a` as it was) otherwise: empty, of
// another build or format, or damaged.
bool DecodeAnalysis(std::string_view blob, AnalyzedArticle& a);

// This executable's build id as hex; "" when it has none.
const std::string& BuildId();

}  // namespace corroborate::store
