// Throughput of each extract scan on its own, over articles cleaned beforehand: the entity and
// quote scan (ExtractEntities), the quantity and date scan, and both (ExtractMentions). Reading,
// cleaning and JSON output are outside the timed loop. Run by bench/extract_bench.py; not a test.
//
//   extract_stages_bench CORPUS.txt [--benchmark_format=json]
//
// CORPUS.txt holds plain-text documents separated by a line holding only a form feed (the file
// bench/extract_bench.py writes for the peers). Bytes processed are the UTF-8 bytes of the cleaned
// texts, so MB/s is comparable with the whole-process figures of the same corpus.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "clean/cleaner.h"
#include "extract/entities.h"
#include "extract/extract.h"

namespace corroborate {
namespace {

std::vector<Article>& Articles() {
  static std::vector<Article> articles;
  return articles;
}

int64_t TotalBytes() {
  int64_t n = 0;
  for (const Article& a : Articles()) n += static_cast<int64_t>(a.text.size());
  return n;
}

bool LoadCorpus(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string all = ss.str();
  const std::string sep = "\n\f\n";
  size_t s = 0;
  while (s <= all.size()) {
    size_t e = all.find(sep, s);
    if (e == std::string::npos) e = all.size();
    RawDocument doc;
    doc.id = std::to_string(Articles().size());
    doc.kind = ContentKind::kText;
    doc.body = all.substr(s, e - s);
    doc.published = "2026-01-30";
    Result<Article> a = CleanDocument(std::move(doc), CleanOptions{});
    if (a.ok()) Articles().push_back(std::move(*a));
    s = e + sep.size();
  }
  return !Articles().empty();
}

void BM_EntitiesAndQuotes(benchmark::State& state) {
  size_t found = 0;
  for (auto _ : state)
    for (const Article& a : Articles()) {
      EntityMentions em = ExtractEntities(a);
      found += em.mentions.size() + em.quotes.size();
      benchmark::DoNotOptimize(em);
    }
  state.SetBytesProcessed(state.iterations() * TotalBytes());
  state.counters["found_per_pass"] = static_cast<double>(found) / static_cast<double>(state.iterations());
}
BENCHMARK(BM_EntitiesAndQuotes)->Unit(benchmark::kMillisecond);

void BM_QuantitiesAndDates(benchmark::State& state) {
  for (auto _ : state)
    for (const Article& a : Articles()) {
      Mentions m;
      ReextractQuantitiesAndDates(a, m);
      benchmark::DoNotOptimize(m);
    }
  state.SetBytesProcessed(state.iterations() * TotalBytes());
}
BENCHMARK(BM_QuantitiesAndDates)->Unit(benchmark::kMillisecond);

void BM_ExtractAll(benchmark::State& state) {
  for (auto _ : state)
    for (const Article& a : Articles()) {
      Mentions m = ExtractMentions(a);
      benchmark::DoNotOptimize(m);
    }
  state.SetBytesProcessed(state.iterations() * TotalBytes());
}
BENCHMARK(BM_ExtractAll)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace corroborate

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (argc != 2 || !corroborate::LoadCorpus(argv[1])) {
    std::cerr << "usage: extract_stages_bench CORPUS.txt [--benchmark_* flags]\n"
                 "  CORPUS.txt: plain-text documents separated by a line holding only a form feed\n";
    return 2;
  }
  std::cerr << "extract_stages_bench: " << corroborate::Articles().size() << " articles, "
            << corroborate::TotalBytes() << " bytes of cleaned text\n";
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
