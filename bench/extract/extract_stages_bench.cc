// Throughput of each extract scan on its own, over articles cleaned beforehand: the entity and
// quote scan (ExtractEntities), the quantity and date scan, and both (ExtractMentions). Reading,
// cleaning and JSON output are outside the timed loop; and the entity scan on bad input at growing
// sizes (BM_BadInput). Run by bench/extract_bench.py; not a test.
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

// Bad input (issue #4): the entity and quote scan on texts of `bytes` bytes built from one
// pattern, at growing sizes; Complexity() fits the time to the size, so a super-linear scan shows
// as a poor fit to O(n) (RMS) and a growing time per byte.
std::string BadText(int kind, size_t bytes) {
  const char* unit = kind == 0   ? "words without any sentence end and no capitals at all "
                     : kind == 1 ? "\u201Cunbalanced \" quotation marks said Jane Doe "
                     : kind == 2 ? "a"
                                 : "Alpha Beta Gamma Delta Epsilon ";
  std::string s = kind == 2 ? "She said \"" : "";
  while (s.size() < bytes) s += unit;
  if (kind == 2) s += "\" and left.";
  return s;
}

void BM_BadInput(benchmark::State& state) {
  Article a;
  a.text = BadText(static_cast<int>(state.range(0)), static_cast<size_t>(state.range(1)));
  for (auto _ : state) {
    EntityMentions em = ExtractEntities(a);
    benchmark::DoNotOptimize(em);
  }
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(a.text.size()));
  state.SetComplexityN(state.range(1));
}
void BadInputSizes(benchmark::internal::Benchmark* b, int kind) {
  for (int64_t n = 1 << 16; n <= 1 << 22; n <<= 2) b->Args({kind, n});
  b->Complexity(benchmark::oN)->Unit(benchmark::kMillisecond);
}
// kind 0: no sentence ends; 1: unbalanced quotation marks; 2: one quote of up to 4 MB;
// 3: capitalised words without end.
BENCHMARK(BM_BadInput)->Apply([](benchmark::internal::Benchmark* b) { BadInputSizes(b, 0); });
BENCHMARK(BM_BadInput)->Apply([](benchmark::internal::Benchmark* b) { BadInputSizes(b, 1); });
BENCHMARK(BM_BadInput)->Apply([](benchmark::internal::Benchmark* b) { BadInputSizes(b, 2); });
BENCHMARK(BM_BadInput)->Apply([](benchmark::internal::Benchmark* b) { BadInputSizes(b, 3); });

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
  // Build the word lists once before timing (the first ExtractEntities would otherwise pay for it).
  benchmark::DoNotOptimize(corroborate::ExtractEntities(corroborate::Articles().front()));
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
