// Reads every input kind of the contract (txt, html[.gz], jsonl[.gz], rss/atom/xml feeds, warc[.gz], "-")
// and streams RawDocuments to a callback, reporting unreadable files or records without stopping.
// Tested in input_reader_test.cc and tests/robust.
//
//   InputReader reader(ReadLimits{});
//   reader.Read({"articles/", "feed.xml"},
//               [](RawDocument&& doc) { /* clean it */ },
//               [](const InputProblem& p) { std::cerr << p.Format() << '\n'; });
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "ingest/document.h"

namespace corroborate {

struct ReadLimits {
  size_t max_document_bytes = 16u << 20;   // a page or text over this is refused ("over 16 MB")
  size_t max_gzip_expansion = 64u << 20;   // a gzip member (one file, or one record of a .warc.gz)
                                           // that inflates past this is refused
  size_t max_line_bytes = 16u << 20;       // one JSON Lines line
  size_t max_nesting = 512;                // JSON nesting depth (libxml2 caps XML at 256 itself)
  size_t max_feed_items = 1u << 20;        // items read from one feed before the rest is refused
};

// Something that could not be read. Format() gives the contract's "corroborate: PATH[:LINE]: reason".
struct InputProblem {
  std::string path;
  size_t line = 0;  // 0 when the problem concerns the whole file
  std::string reason;

  std::string Format() const;
};

using DocumentCallback = std::function<void(RawDocument&&)>;
using ProblemCallback = std::function<void(const InputProblem&)>;

class InputReader {
 public:
  explicit InputReader(ReadLimits limits) : limits_(limits) {}

  // Reads `inputs` in order; folders are walked recursively in sorted path order, and files inside
  // folders whose kind is unknown are skipped silently (named files of unknown kind are a problem).
  void Read(const std::vector<std::string>& inputs, const DocumentCallback& on_document,
            const ProblemCallback& on_problem) const;

  // Reads one file, dispatching on its name. `path` "-" reads JSON Lines from standard input.
  void ReadFile(const std::string& path, const DocumentCallback& on_document,
                const ProblemCallback& on_problem) const;

 private:
  ReadLimits limits_;
};

}  // namespace corroborate
