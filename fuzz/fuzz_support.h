// What the fuzz targets share: the input as bytes, a stream over it that inflates gzip as
// OpenInput does for files, the checks every target makes of what the program would print, and an
// Article cleaned from plain text for the extract targets. Used by fuzz/*_fuzz.cc; replayed in the
// ordinary build by replay_main.cc over tests/fuzz/regressions (see docs/RELIABILITY.md).
#pragma once

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "clean/article.h"
#include "clean/cleaner.h"
#include "core/utf8.h"
#include "ingest/byte_source.h"
#include "ingest/charset.h"
#include "ingest/document.h"
#include "ingest/input_reader.h"

namespace corroborate::fuzz {

inline std::string_view Bytes(const uint8_t* data, size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// A broken promise of the code under test: print it and abort, so libFuzzer (and the replay
// runner) report the input. Sanitizers catch memory errors; these catch wrong results.
#define FUZZ_CHECK(cond)                                                            \
  do {                                                                              \
    if (!(cond)) {                                                                  \
      std::fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
      std::abort();                                                                 \
    }                                                                               \
  } while (0)

// Limits smaller than the program's so one run stays fast; the code paths are the same, since
// every limit is a figure in ReadLimits and each reader checks it the same way whatever it is.
inline ReadLimits FuzzLimits() {
  ReadLimits limits;
  limits.max_document_bytes = 1u << 20;
  limits.max_gzip_expansion = 4u << 20;
  limits.max_line_bytes = 1u << 20;
  limits.max_feed_items = 1000;
  return limits;
}

// A stream over `bytes`, inflated when it opens with the gzip magic, as OpenInput treats a file.
inline std::unique_ptr<ByteSource> StreamOf(std::string_view bytes, size_t max_member_bytes) {
  std::unique_ptr<ByteSource> source = std::make_unique<MemorySource>(std::string(bytes));
  if (bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0x1F &&
      static_cast<unsigned char>(bytes[1]) == 0x8B) {
    source = std::make_unique<GzipSource>(std::move(source), max_member_bytes);
  }
  return source;
}

// What ingest promises clean (document.h): a valid UTF-8 body, the source it came from.
inline void CheckDocument(const RawDocument& doc, const std::string& path) {
  FUZZ_CHECK(utf8::IsValid(doc.body));
  FUZZ_CHECK(doc.source == path);
}

// What the contract promises of a problem line: it names the input and gives a reason.
inline void CheckProblem(const InputProblem& problem, const std::string& path) {
  FUZZ_CHECK(problem.path == path);
  FUZZ_CHECK(!problem.reason.empty());
}

// What clean promises later stages (article.h): valid UTF-8 text (as the JSON output needs), and
// paragraphs and sentences that lie inside it in order.
inline void CheckArticle(const Article& a) {
  FUZZ_CHECK(utf8::IsValid(a.text));
  FUZZ_CHECK(utf8::IsValid(a.title) && utf8::IsValid(a.author) && utf8::IsValid(a.published));
  uint32_t last = 0;
  for (const Span& p : a.paragraphs) {
    FUZZ_CHECK(p.start <= p.end && p.end <= a.text.size() && p.start >= last);
    last = p.end;
  }
  last = 0;
  for (const Span& s : a.sentences) {
    FUZZ_CHECK(s.start <= s.end && s.end <= a.text.size() && s.start >= last);
    last = s.end;
  }
}

// The program's path for a .txt file: decoded, then cleaned; nullopt when clean refuses it.
inline std::optional<Article> CleanedText(std::string_view bytes) {
  RawDocument doc;
  doc.id = doc.source = "fuzz.txt";
  doc.kind = ContentKind::kText;
  doc.body = DecodeText(bytes);
  Result<Article> article = CleanDocument(std::move(doc), CleanOptions{});
  if (!article.ok()) return std::nullopt;
  CheckArticle(*article);
  return article.take();
}

}  // namespace corroborate::fuzz
