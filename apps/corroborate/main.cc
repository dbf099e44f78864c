// corroborate: the command line (../shared/spec/CONTRACT.md). Parses arguments, calls the pipeline,
// prints; nothing else lives here. Tested through tests/golden.
#include <CLI/CLI.hpp>
#include <malloc.h>

#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "core/json_writer.h"
#include "ingest_command.h"
#include "worker_command.h"
#include "pipeline/analyze_runner.h"
#include "pipeline/article_json.h"
#include "pipeline/cluster_runner.h"
#include "pipeline/mentions_json.h"
#include "pipeline/pipeline.h"
#include "pipeline/report_json.h"
#include "pipeline/report_text.h"
#include "serve_command.h"
#include "watch_command.h"

namespace {

using namespace corroborate;

constexpr int kUsageError = 2;

void PrintLine(const std::string& s) {
  std::fwrite(s.data(), 1, s.size(), stdout);
  std::fputc('\n', stdout);
}

void ReportProblem(const InputProblem& p) { std::cerr << p.Format() << '\n'; }

int RunCleanCommand(const std::vector<std::string>& inputs, const PipelineOptions& options) {
  JsonWriter w;
  RunSummary s = RunClean(inputs, options, [&](Article&& a) {
    w.Clear();
    WriteCleanJson(a, w);
    PrintLine(w.str());
  }, ReportProblem);
  return s.ExitCode();
}

int RunExtractCommand(const std::vector<std::string>& inputs, const PipelineOptions& options) {
  JsonWriter w;
  RunSummary s = RunExtract(inputs, options, [&](Article&& a, Mentions&& m) {
    w.Clear();
    WriteExtractJson(a, m, w);
    PrintLine(w.str());
  }, ReportProblem);
  return s.ExitCode();
}

int RunClusterCommand(const std::vector<std::string>& inputs, const PipelineOptions& options) {
  JsonWriter w;
  RunSummary s = RunCluster(inputs, options, cluster::ClusterOptions{}, [&](const cluster::StoryClusterer& c) {
    for (uint32_t i = 0; i < c.ArticleCount(); ++i) {
      const uint32_t story = c.StoryOfArticle(i);
      w.Clear();
      w.BeginObject();
      w.Key("id"); w.String(c.ArticleId(i));
      w.Key("story"); w.String(cluster::StoryName(story));
      w.Key("storyline"); w.String(cluster::StorylineName(c.StorylineOf(story)));
      w.Key("duplicate_of"); w.StringOrNull(c.DuplicateOf(i));
      w.EndObject();
      PrintLine(w.str());
    }
  }, ReportProblem);
  return s.ExitCode();
}

// The story report: events, their sources, conflicts and attribution warnings (pipeline/analyze_runner.h).
int RunAnalyzeCommand(const std::vector<std::string>& inputs, const PipelineOptions& options, bool json) {
  AnalyzeResult r = RunAnalyze(inputs, options, ReportProblem);
  if (json) {
    JsonWriter w;
    WriteAnalyzeJson(r, w);
    PrintLine(w.str());
  } else {
    std::string out = FormatAnalyzeText(r);
    std::fwrite(out.data(), 1, out.size(), stdout);
  }
  return r.summary.ExitCode();
}

}  // namespace

int main(int argc, char** argv) {
  // Blocks over 1 MiB (a large document's per-token vectors) are mapped for themselves and given
  // back to the system when freed. glibc's default raises this threshold to the largest block
  // freed so far (up to 32 MiB), after which such blocks stay in the heap of the thread's arena
  // that freed them: a 16 MB document worked on by one thread, then another by a second thread,
  // took both heaps' worth of memory (478 MB against 352 MB with the fixed threshold, for two
  // 16 MB pages on two threads). Ordinary articles allocate far below it: no change in speed.
  mallopt(M_MMAP_THRESHOLD, 1 << 20);
  CLI::App app{"corroborate: reads news articles from many outlets and corroborates their facts"};
  app.require_subcommand(1);

  std::vector<std::string> inputs;
  CLI::App* clean = app.add_subcommand("clean", "print each article's main text and metadata as JSON Lines");
  clean->add_option("inputs", inputs, "files, folders, or - for JSON Lines on standard input")->required();

  CLI::App* extract = app.add_subcommand("extract", "print each article's quantities and dates as JSON Lines");
  extract->add_option("inputs", inputs, "files, folders, or - for JSON Lines on standard input")->required();

  CLI::App* cluster = app.add_subcommand("cluster", "print each article's story, storyline and the article it reprints as JSON Lines");
  cluster->add_option("inputs", inputs, "files, folders, or - for JSON Lines on standard input")->required();

  bool json = false;
  CLI::App* analyze = app.add_subcommand("analyze", "print the story report");
  analyze->add_option("inputs", inputs, "files, folders, or - for JSON Lines on standard input")->required();
  analyze->add_flag("--json", json, "print the report as JSON");

  // Every command runs its per-article stages on this many threads; output is the same for any count.
  PipelineOptions options;
  for (CLI::App* command : {clean, extract, cluster, analyze}) {
    command->add_option("--threads", options.threads, "threads for the per-article stages (default: every core this process may use)")
        ->check(CLI::PositiveNumber);
  }

  IngestCommand ingest_cmd;
  CLI::App* ingest = app.add_subcommand("ingest", "add articles to a store, idempotently");
  ingest->add_option("--db", ingest_cmd.db, "the store: an SQLite file, created if missing, or a postgresql:// URL")->required();
  ingest->add_option("--acks", ingest_cmd.acks, "append each stored article's id (a JSON string per line) once committed");
  ingest->add_option("--batch", ingest_cmd.batch, "articles per transaction")->capture_default_str();
  ingest->add_option("--threads", ingest_cmd.threads, "threads preparing articles (default: every core this process may use)")
      ->check(CLI::PositiveNumber);
  ingest->add_option("inputs", ingest_cmd.inputs, "files, folders, or - for JSON Lines on standard input")->required();

  ingest->add_flag("--versions", ingest_cmd.versions,
                   "an id stored with other content is a new version of that article, not rejected");
  ingest->add_flag("--enqueue", ingest_cmd.enqueue,
                   "only queue the articles in the store, for `corroborate worker`s to analyse and store");
  WorkerArgs worker_args;
  CLI::App* worker = AddWorkerCommand(app, worker_args);

  ServeArgs serve_args;
  CLI::App* serve = AddServeCommand(app, serve_args);
  WatchArgs watch_args;
  CLI::App* watch = AddWatchCommand(app, watch_args);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return kUsageError;
  }
  if (clean->parsed()) return RunCleanCommand(inputs, options);
  if (extract->parsed()) return RunExtractCommand(inputs, options);
  if (cluster->parsed()) return RunClusterCommand(inputs, options);
  if (analyze->parsed()) return RunAnalyzeCommand(inputs, options, json);
  if (ingest->parsed()) return RunIngestCommand(ingest_cmd);
  if (serve->parsed()) return RunServeCommand(serve_args);
  if (watch->parsed()) return RunWatchCommand(watch_args);
  if (worker->parsed()) return RunWorkerCommand(worker_args);
  return kUsageError;
}
