// Fuzz target: dates: publication dates as pages state them (NormalizePublishedDate,
// FindDateInLine on every line) and the extract stage's date scan, relative dates resolved
// against a date taken from the input's first line. See docs/RELIABILITY.md.
#include "clean/published_date.h"
#include "extract/extract.h"
#include "fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace corroborate;
  const std::string_view bytes = fuzz::Bytes(data, size);
  const std::string valid = utf8::Repair(bytes);
  size_t start = 0;
  while (start <= valid.size()) {
    size_t end = valid.find('\n', start);
    if (end == std::string::npos) end = valid.size();
    const std::string_view line = std::string_view(valid).substr(start, end - start);
    FUZZ_CHECK(utf8::IsValid(NormalizePublishedDate(line)));
    FUZZ_CHECK(utf8::IsValid(FindDateInLine(line)));
    start = end + 1;
  }
  std::optional<Article> article = fuzz::CleanedText(bytes);
  if (!article) return 0;
  const std::string first_line = valid.substr(0, valid.find('\n'));
  article->published = NormalizePublishedDate(first_line);
  if (article->published.empty()) article->published = "2026-01-30";
  Mentions m;
  ReextractQuantitiesAndDates(*article, m);
  uint32_t last = 0;
  for (const DateMention& d : m.dates) {
    FUZZ_CHECK(d.start >= last && d.start < d.end && d.end <= article->text.size());
    FUZZ_CHECK(d.month >= 0 && d.month <= 12 && d.day >= 0 && d.day <= 31);
    FUZZ_CHECK(!DateValue(d).empty());
    last = d.end;
  }
  return 0;
}
