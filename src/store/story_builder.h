// Recomputes a story after a batch touched it: its articles (the batch's analysed ones as they
// are, older ones from their stored text and stored analysis (analysis_codec.h), or extracted
// again when it has none of this build), the analysis
// `corroborate analyze` does per story (pipeline/analyze_runner.h AnalyzeStory), and the rows that
// make reading it a lookup: the story row with its report, events, their roles, sources and
// evidence, the entities it names, and the articles' inferred dates and mentions. Tested in
// store_test.cc and tests/store (the report equals `analyze --json`'s).
//
// In three steps, so that the analysis of a batch's stories can run on several threads while the
// database is used from one:
//
//   StoryRebuild r;
//   Status s = LoadStory(db, info, known, r);              // the write connection's thread
//   s = LoadOldReports(db, group_of_them);                  // the write connection's thread
//   AnalyzeLoadedStory(r);                                  // any thread
//   s = WriteStory(db, r, fresh);                           // the write connection's thread
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "cluster/story_clusterer.h"
#include "pipeline/analyze_runner.h"
#include "store/db.h"

namespace corroborate::store {

// One story between its steps.
struct StoryRebuild {
  uint32_t story = 0;
  cluster::StoryInfo info;                // what the clusterer knows of it: headline, storyline, link
  std::vector<AnalyzedArticle> articles;  // in rowid order
  std::vector<bool> read_back;            // read back from the store: its analysis still to decode or extract
  std::vector<std::string> stored;        // of those read back: the stored analysis ("" when none)
  std::vector<std::string> reanalysed;    // of those extracted again: their analysis, to store
  std::vector<int64_t> rowids;
  std::vector<std::string> old_inferred;  // the published date inferred when last stored
  std::string old_report;                 // the stored report it replaces ("" for a new story)
  AnalyzedStory analysed;                 // after AnalyzeLoadedStory: the reconciled story
  std::string report;                     // and its `analyze --json` rendering
  std::string link;                       // why it is in its storyline (cluster_changes.h LinkJson)
};

// An article as clean made it, from a row of articles selected as LoadStory does (rowid, id,
// outlet, title, author, author_role, url, published, published_inferred, text, ...).
Article RebuildStoredArticle(const Stmt& row);

// A stored article as clean and extract made it: `a.article` holds its row's fields (without its
// paragraphs and sentences), `analysis` its stored analysis. Decodes that, or when it is not this
// build's, finds the sentences and extracts again; returns whether it extracted.
bool RestoreAnalysis(AnalyzedArticle& a, std::string_view analysis);

// Stores (or replaces) the analysis of the article at `rowid` (analysis_codec.h EncodeAnalysis).
Status StoreAnalysis(Db& db, int64_t rowid, std::string_view analysis);

// `known`: analysed articles at hand by rowid (as clean and extract made them, before the story
// inferred anything), which need not be extracted again.
// A story left without articles (all moved away) is deleted by WriteStory.
Status LoadStory(Db& db, const cluster::StoryInfo& info, const std::map<int64_t, const AnalyzedArticle*>& known,
                 StoryRebuild& out);

// Reads the stored report each story of `group` replaces (StoryRebuild::old_report), many stories
// per statement, before any of them is written: on PostgreSQL a read waits for every write queued
// before it (db.h), so one read per story between their writes made the writer wait story after
// story.
Status LoadOldReports(Db& db, std::vector<StoryRebuild>& group);

// One stored article by id, as clean and extract made it (from `known` when there).
Result<AnalyzedArticle> LoadArticle(Db& db, const std::string& id, const std::map<int64_t, const AnalyzedArticle*>& known);

// Extracts what was read back, analyses the story and renders its report. Touches only `r`.
void AnalyzeLoadedStory(StoryRebuild& r);

// `fresh`: this batch's rowids, whose mentions rows are written here.
Status WriteStory(Db& db, StoryRebuild& r, const std::set<int64_t>& fresh);

}  // namespace corroborate::store
