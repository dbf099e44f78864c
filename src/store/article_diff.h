// What changed between two versions of one article, as a reader wants it flagged: a headline
// rewritten, a value of an event changed (the number of jobs cut, the amount raised, a date), an
// event no longer (or newly) stated, a quote removed, reworded or added, and how many paragraphs
// changed. Compared on the analysis both versions get anyway (clean, extract, events), so it
// costs one extraction of the old text at most. Used by the writer when it stores a new version
// (store.h, StoreOptions::versions); tested in live_store_test.cc and tests/watch.
//
//   std::string json = ArticleChangesJson(before, after);
//   // [{"kind":"headline","before":"Mill to close","after":"Mill to close in June"},
//   //  {"kind":"value","event":"layoffs","parties":["Acme"],"role":"count",
//   //   "before":{"value":"900","text":"900 jobs"},"after":{"value":"1100","text":"1,100 jobs"}}, ...]
#pragma once

#include <string>

#include "pipeline/analyze_runner.h"

namespace corroborate::store {

// A JSON array of changes, "[]" when the versions state the same facts. Kinds: "headline",
// "value", "event_added", "event_removed", "quote_removed", "quote_reworded", "quote_added",
// "text" (paragraphs removed and added, when any changed).
std::string ArticleChangesJson(const AnalyzedArticle& before, const AnalyzedArticle& after);

}  // namespace corroborate::store
