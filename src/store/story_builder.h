// Recomputes one story after a batch touched it: its articles (the batch's analysed ones as they
// are, older ones rebuilt from their stored cleaned text and extracted again), the analysis
// `corroborate analyze` does per story (pipeline/analyze_runner.h AnalyzeStory), and the rows that
// make reading it a lookup: the story row with its report, events, their roles, sources and
// evidence, the entities it names, and the articles' inferred dates and mentions. Tested in
// store_test.cc and tests/store (the report equals `analyze --json`'s).
#pragma once

#include <cstdint>
#include <map>
#include <set>

#include "pipeline/analyze_runner.h"
#include "store/sqlite_db.h"

namespace corroborate::store {

// `known`: analysed articles at hand by rowid (as clean and extract made them, before the story
// inferred anything), which need not be extracted again; `fresh`: this batch's rowids, whose
// mentions rows are written here.
Status RebuildStory(Db& db, uint32_t story, const std::string& headline,
                    const std::map<int64_t, const AnalyzedArticle*>& known, const std::set<int64_t>& fresh);

}  // namespace corroborate::store
