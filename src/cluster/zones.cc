// Weights of an article's title, lead, body and debris for clustering (see zones.h). Tested in
// zones_test.cc.
#include "cluster/zones.h"

#include <algorithm>
#include <string>
#include <unordered_map>

namespace corroborate::cluster {
namespace {

constexpr uint32_t kHeadlineBytes = 200;   // a first line longer than this is prose, not a headline
constexpr int kMenuWords = 4;              // capitalised words in a row that make a menu line
constexpr int kSoupWords = 12;             // a long line of mostly capitalised words: a category list
constexpr int kPrefixWords = 3;            // words that open each caption of a gallery
constexpr int kPrefixRepeats = 3;          // lines opening alike that make a gallery
constexpr int kPrefixMinWords = 6;         // shorter lines are not captions (a list of names, a table)

bool IsAsciiLetter(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
bool IsWordByte(unsigned char c) { return IsAsciiLetter(c) || (c >= '0' && c <= '9') || c >= 0x80; }

// What the zones ask of a line, read until it is known: once a line holds a sentence end and
// kPrefixMinWords words it is no menu and its prefix is read, so the rest is not scanned (the
// counts then cover the words read so far).
struct LineWords {
  int letter_words = 0;  // words holding an ASCII letter
  int capitalised = 0;   // of those, opening with a capital
  int lower = 0;         // of those, opening with a small letter
  bool sentence = false; // holds a sentence end: . ! ? followed by a space or the line's end
  std::string prefix;    // the first kPrefixWords words, lower case, space-separated
  int words = 0;
};

LineWords ReadWords(std::string_view line) {
  LineWords w;
  size_t i = 0;
  while (i < line.size() && !(w.sentence && w.words >= kPrefixMinWords)) {
    const unsigned char c = static_cast<unsigned char>(line[i]);
    if (!IsWordByte(c)) {
      if ((c == '.' || c == '!' || c == '?') && (i + 1 == line.size() || line[i + 1] == ' ')) w.sentence = true;
      ++i;
      continue;
    }
    const size_t start = i;
    bool letter = false;
    while (i < line.size() && IsWordByte(static_cast<unsigned char>(line[i]))) letter |= IsAsciiLetter(line[i++]);
    ++w.words;
    if (w.words <= kPrefixWords) {
      if (!w.prefix.empty()) w.prefix += ' ';
      for (size_t k = start; k < i; ++k) w.prefix += static_cast<char>(line[k] >= 'A' && line[k] <= 'Z' ? line[k] + 32 : line[k]);
    }
    if (!letter) continue;
    ++w.letter_words;
    if (c >= 'A' && c <= 'Z') ++w.capitalised;
    if (c >= 'a' && c <= 'z') ++w.lower;
  }
  return w;
}

bool IsMenu(const LineWords& w) {
  if (w.sentence) return false;
  if (w.letter_words >= kMenuWords && w.lower == 0) return true;
  return w.letter_words >= kSoupWords && w.capitalised * 5 >= w.letter_words * 4;
}

}  // namespace

bool IsMenuLine(std::string_view line) { return IsMenu(ReadWords(line)); }

float TextZones::WeightAt(uint32_t offset) const {
  auto it = std::upper_bound(segments.begin(), segments.end(), offset,
                             [](uint32_t o, const Segment& s) { return o < s.start; });
  if (it == segments.begin()) return 0;
  --it;
  return offset < it->end ? it->weight : 0;
}

TextZones FindZones(std::string_view text, uint32_t title_end) {
  TextZones z;
  struct Line {
    uint32_t start, end;
    LineWords words;
  };
  std::vector<Line> lines;
  for (size_t at = 0; at <= text.size();) {
    size_t nl = text.find('\n', at);
    if (nl == std::string_view::npos) nl = text.size();
    if (nl > at) lines.push_back({uint32_t(at), uint32_t(nl), ReadWords(text.substr(at, nl - at))});
    at = nl + 1;
  }
  if (title_end == 0 && lines.size() > 1) {
    const Line& first = lines[0];
    const char last = text[first.end - 1];
    if (first.end - first.start <= kHeadlineBytes && last != '.' && last != ':' && last != ',') title_end = first.end;
  }
  if (title_end > 0) z.segments.push_back({0, title_end, kTitleWeight});

  // Gallery captions and list items that open alike: the first is kept, the repeats are debris.
  std::unordered_map<std::string, int> prefixes;
  for (const Line& l : lines) {
    if (l.start >= title_end && l.words.words >= kPrefixMinWords) ++prefixes[l.words.prefix];
  }
  std::unordered_map<std::string, int> seen;
  uint32_t body = 0;  // body bytes so far, debris left out
  for (const Line& l : lines) {
    if (l.end <= title_end) continue;
    const uint32_t start = std::max(l.start, title_end);
    bool debris = IsMenu(l.words);
    if (!debris && l.words.words >= kPrefixMinWords && prefixes[l.words.prefix] >= kPrefixRepeats) {
      debris = seen[l.words.prefix]++ > 0;
    }
    if (debris) {
      ++z.debris_lines;
      continue;
    }
    // The line in up to three pieces at the lead's and the far body's boundaries.
    for (uint32_t at = start; at < l.end;) {
      const uint32_t pos = body + (at - start);
      float weight = kFarWeight;
      uint32_t until = l.end;
      if (pos < kLeadBytes) {
        weight = kLeadWeight;
        until = std::min(l.end, at + (kLeadBytes - pos));
      } else if (pos < kFarBytes) {
        weight = kBodyWeight;
        until = std::min(l.end, at + (kFarBytes - pos));
      }
      z.segments.push_back({at, until, weight});
      at = until;
    }
    body += l.end - start;
  }
  return z;
}

}  // namespace corroborate::cluster
