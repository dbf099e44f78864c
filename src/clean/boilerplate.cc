// Debris-line recognition for scraped text (see boilerplate.h). Tested in plain_text_test.cc.
#include "clean/boilerplate.h"

#include <algorithm>
#include <cctype>

#include "core/ascii.h"
#include "core/embedded_data.h"

namespace corroborate {

namespace {

// Credits and other prefix-matched lines are short; a long line starting with "Image" is prose.
constexpr size_t kMaxPrefixLineWords = 12;

bool EndsWithImageName(std::string_view key) {
  while (!key.empty() && (key.back() == ')' || key.back() == ']' || key.back() == '"' || key.back() == '\'')) {
    key.remove_suffix(1);
  }
  for (std::string_view ext : {".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg", ".avif"}) {
    if (key.size() >= ext.size() && key.substr(key.size() - ext.size()) == ext) return true;
  }
  return false;
}

bool IsKeyTrimmed(char c) { return c == ':' || c == '.' || c == '!' || c == ',' || c == '|'; }

size_t CountKeyWords(std::string_view key) {
  return key.empty() ? 0 : static_cast<size_t>(std::count(key.begin(), key.end(), ' ')) + 1;
}

// A lower bound on the words of BoilerplateKey(line), counting no further than `limit` + 1: words
// made only of the punctuation the key trims from its end may vanish, any other word stays.
size_t KeyWordsAtLeast(std::string_view line, size_t limit) {
  size_t words = 0;
  bool in_word = false, kept = false;
  for (char c : line) {
    if (ascii::IsSpace(static_cast<unsigned char>(c))) {
      if (in_word && kept && ++words > limit) return words;
      in_word = kept = false;
      continue;
    }
    in_word = true;
    kept = kept || !IsKeyTrimmed(c);
  }
  return words + (in_word && kept);
}

}  // namespace

std::string BoilerplateKey(std::string_view line) {
  std::string key;
  key.reserve(line.size());
  bool space = false;
  bool digits = false;
  for (char c : line) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (ascii::IsSpace(u)) {
      space = !key.empty();
      digits = false;
      continue;
    }
    if (space) key.push_back(' ');
    space = false;
    if (ascii::IsDigit(u)) {
      if (!digits) key.push_back('0');
      digits = true;
      continue;
    }
    digits = false;
    key.push_back(ascii::ToLower(u));
  }
  while (!key.empty() && (key.back() == ' ' || IsKeyTrimmed(key.back()))) {
    key.pop_back();
  }
  return key;
}

const BoilerplateLines& BoilerplateLines::Default() {
  static const BoilerplateLines kDefault(EmbeddedData("boilerplate_lines.txt"));
  return kDefault;
}

BoilerplateLines::BoilerplateLines(std::string_view list) {
  size_t pos = 0;
  while (pos < list.size()) {
    size_t end = list.find('\n', pos);
    if (end == std::string_view::npos) end = list.size();
    std::string_view line = list.substr(pos, end - pos);
    pos = end + 1;
    if (line.empty() || line[0] == '#') continue;
    if (line.size() >= 2 && line.substr(line.size() - 2) == " *") {
      prefixes_.push_back(BoilerplateKey(line.substr(0, line.size() - 2)));
    } else {
      const std::string key = BoilerplateKey(line);
      max_rule_words_ = std::max(max_rule_words_, CountKeyWords(key));
      exact_.insert(key);
    }
  }
  // The icon and image-name rules need at most two words; the prefix rules kMaxPrefixLineWords.
  max_rule_words_ = std::max(max_rule_words_, kMaxPrefixLineWords);
}

bool BoilerplateLines::IsDebris(std::string_view line) const {
  // Most lines are paragraphs of prose, longer than any rule.
  if (KeyWordsAtLeast(line, max_rule_words_) > max_rule_words_) return false;
  const std::string key = BoilerplateKey(line);
  if (key.empty()) return true;  // punctuation only
  if (exact_.count(key)) return true;
  size_t letters = 0;
  size_t words = 1;
  for (char c : key) {
    if (ascii::IsAlpha(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80) ++letters;
    if (c == ' ') ++words;
  }
  // A lone icon label ("X", "f") or a bare counter.
  if (letters <= 1 && words == 1) return true;
  // What is left of an image file name after the markup around it was stripped: ".jpg)".
  if (words <= 2 && EndsWithImageName(key)) return true;
  if (words <= kMaxPrefixLineWords) {
    for (const std::string& p : prefixes_) {
      // "Photo: Agency" and "Photo by Agency" are credits; "Photos show…" is prose.
      if (key.size() > p.size() && key.compare(0, p.size(), p) == 0 &&
          (key[p.size()] == ':' || key.compare(p.size(), 4, " by ") == 0)) {
        return true;
      }
    }
  }
  return false;
}

}  // namespace corroborate
