// Recognises lines of page debris in scraped text: widget labels and credits listed in
// data/boilerplate_lines.txt, icon letters ("X"), and remnants of image file names (".jpg)").
// Tested in plain_text_test.cc.
#pragma once

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace corroborate {

class BoilerplateLines {
 public:
  // The list built into the binary (data/boilerplate_lines.txt); loaded once, then shared read-only.
  static const BoilerplateLines& Default();

  // Parses the list format described at the top of data/boilerplate_lines.txt.
  explicit BoilerplateLines(std::string_view list);

  // `line` is one trimmed line of text.
  bool IsDebris(std::string_view line) const;

 private:
  std::unordered_set<std::string> exact_;
  std::vector<std::string> prefixes_;
  // The most words any rule can match; a line with more is prose, judged without building its key.
  size_t max_rule_words_ = 0;
};

// Lower-cased, spaces collapsed, digit runs as "0", trailing punctuation dropped.
std::string BoilerplateKey(std::string_view line);

}  // namespace corroborate
