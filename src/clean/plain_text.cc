// Scraped plain-text cleaning (see plain_text.h). Tested in plain_text_test.cc.
//
// Works line by line: a line is a paragraph of scraped text. Metadata lines are read only before
// the body starts (a date field, a byline, the headline); debris lines are dropped anywhere.
#include "clean/plain_text.h"

#include <cctype>
#include <deque>
#include <string>
#include <unordered_set>

#include "clean/boilerplate.h"
#include "clean/published_date.h"

namespace corroborate {

namespace {

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

std::string_view Trim(std::string_view s, size_t* offset) {
  size_t b = 0;
  while (b < s.size() && IsBlank(s[b])) ++b;
  size_t e = s.size();
  while (e > b && IsBlank(s[e - 1])) --e;
  *offset += b;
  return s.substr(b, e - b);
}

size_t CountWords(std::string_view s) {
  size_t n = 0;
  bool in_word = false;
  for (char c : s) {
    const bool space = IsBlank(c);
    if (!space && !in_word) ++n;
    in_word = !space;
  }
  return n;
}

bool StartsWithWordCI(std::string_view s, std::string_view word) {
  if (s.size() < word.size()) return false;
  for (size_t i = 0; i < word.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(s[i])) != word[i]) return false;
  }
  return s.size() == word.size() || !std::isalnum(static_cast<unsigned char>(s[word.size()]));
}

// "date 2026-01-30 Text…", "Published: January 30, 2026": a leading date field. Returns the
// number of bytes the field takes (0 when there is none) and sets `date`.
size_t LeadingDateField(std::string_view line, std::string* date) {
  static constexpr std::string_view kFields[] = {"published on", "posted on", "updated on", "published",
                                                 "posted", "updated", "dateline", "date"};
  for (std::string_view field : kFields) {
    if (!StartsWithWordCI(line, field)) continue;
    size_t pos = field.size();
    while (pos < line.size() && (IsBlank(line[pos]) || line[pos] == ':')) ++pos;
    // Try the longest prefix of up to five words that reads as a date ("January 30, 2026").
    size_t end = pos;
    size_t best_end = 0;
    for (int words = 0; words < 5 && end < line.size(); ++words) {
      while (end < line.size() && !IsBlank(line[end])) ++end;
      std::string normalized = NormalizePublishedDate(line.substr(pos, end - pos));
      if (!normalized.empty()) {
        *date = std::move(normalized);
        best_end = end;
      }
      while (end < line.size() && IsBlank(line[end])) ++end;
    }
    if (best_end == 0) return 0;
    while (best_end < line.size() && (IsBlank(line[best_end]) || line[best_end] == '|')) ++best_end;
    return best_end;
  }
  return 0;
}

bool IsNameWord(std::string_view w) {
  if (w.empty() || !std::isupper(static_cast<unsigned char>(w[0]))) return false;
  for (char c : w) {
    if (!std::isalpha(static_cast<unsigned char>(c)) && c != '.' && c != '-' && c != '\'' &&
        static_cast<unsigned char>(c) < 0x80) {
      return false;
    }
  }
  return true;
}

// "By NAME", "By NAME | ROLE", "By NAME, ROLE", "By NAME and NAME": a byline.
bool ParseByline(std::string_view line, std::string* author, std::string* role) {
  if (!StartsWithWordCI(line, "by")) return false;
  std::string_view rest = line.substr(2);
  size_t sep = rest.find_first_of("|,\xE2");  // "|", ",", or the lead byte of a dash or bullet
  std::string_view name = rest.substr(0, sep);
  std::string_view tail = sep == std::string_view::npos ? std::string_view() : rest.substr(sep);
  size_t off = 0;
  name = Trim(name, &off);
  // Every word of the name is capitalised ("and" joins two names); two to eight words in all.
  size_t words = 0;
  size_t i = 0;
  while (i < name.size()) {
    size_t j = name.find(' ', i);
    if (j == std::string_view::npos) j = name.size();
    std::string_view w = name.substr(i, j - i);
    if (!w.empty()) {
      if (!IsNameWord(w) && w != "and") return false;
      ++words;
    }
    i = j + 1;
  }
  if (words < 2 || words > 8) return false;
  // Skip the separator: "|", ",", or a multi-byte dash or bullet.
  while (!tail.empty() && (tail[0] == '|' || tail[0] == ',' || IsBlank(tail[0]) ||
                           static_cast<unsigned char>(tail[0]) >= 0x80)) {
    tail.remove_prefix(1);
  }
  if (CountWords(tail) > 12) return false;
  *author = std::string(name);
  *role = std::string(tail);
  return true;
}

// A headline: short, and not ending like a sentence.
bool LooksLikeHeadline(std::string_view line) {
  if (line.size() > 250) return false;
  const size_t words = CountWords(line);
  if (words < 2 || words > 30) return false;
  const char last = line.back();
  return last != '.' && last != ',' && last != ':' && last != ';';
}

// Whether WhitespaceKey(line) is the line itself: its only blanks are single spaces.
bool HasSingleSpacesOnly(std::string_view line) {
  for (size_t i = 0; i < line.size(); ++i) {
    if (line[i] == ' ' ? i + 1 < line.size() && IsBlank(line[i + 1]) : IsBlank(line[i])) return false;
  }
  return true;
}

// The line with each run of blanks made one space (the line is trimmed), copied a word at a time.
std::string WhitespaceKey(std::string_view line) {
  std::string key;
  key.reserve(line.size());
  size_t i = 0;
  while (i < line.size()) {
    size_t j = i;
    while (j < line.size() && !IsBlank(line[j])) ++j;
    if (!key.empty()) key.push_back(' ');
    key.append(line.data() + i, j - i);
    while (j < line.size() && IsBlank(line[j])) ++j;
    i = j;
  }
  return key;
}

// Whether the text has two lines or more that are not blank; reads no further than the second.
bool HasSeveralNonEmptyLines(std::string_view raw) {
  size_t n = 0;
  bool content = false;
  for (char c : raw) {
    if (c == '\n') {
      n += content;
      if (n >= 2) return true;
      content = false;
    } else if (!IsBlank(c)) {
      content = true;
    }
  }
  return n + content >= 2;
}

}  // namespace

PlainTextResult CleanPlainText(std::string_view raw) {
  PlainTextResult r;
  const BoilerplateLines& boilerplate = BoilerplateLines::Default();
  // Lines already kept (blank runs made one space), to drop exact repetitions. A line that already
  // has single spaces only, nearly every line, is its own key, seen in `raw` without a copy.
  std::unordered_set<std::string_view> seen;
  std::deque<std::string> rewritten_keys;
  bool body_started = false;
  bool pending_block = false;
  // Debris rules judge a line against the page around it; a text of one line is all article.
  const bool single_line = !HasSeveralNonEmptyLines(raw);
  size_t pos = 0;
  while (pos < raw.size()) {
    size_t end = raw.find('\n', pos);
    if (end == std::string_view::npos) end = raw.size();
    size_t offset = pos;
    std::string_view line = Trim(raw.substr(pos, end - pos), &offset);
    pos = end + 1;

    if (line.empty()) {
      pending_block = true;
      continue;
    }
    if (!single_line && boilerplate.IsDebris(line)) continue;
    if (!body_started) {
      std::string date;
      if (r.published.empty()) {
        if (size_t skip = LeadingDateField(line, &date)) {
          r.published = std::move(date);
          offset += skip;
          line.remove_prefix(skip);
          if (line.empty()) continue;
        }
      }
      if (r.author.empty() && ParseByline(line, &r.author, &r.author_role)) continue;
      if (r.title.empty() && LooksLikeHeadline(line)) r.title = std::string(line);
    }
    std::string_view key = line;
    if (!HasSingleSpacesOnly(line)) key = rewritten_keys.emplace_back(WhitespaceKey(line));
    if (!seen.insert(key).second) continue;
    body_started = body_started || !(line == r.title);

    if (pending_block) {
      r.text.EndBlock();
    } else {
      r.text.LineBreak();
    }
    pending_block = false;
    r.text.AppendInline(line, offset);
  }
  return r;
}

}  // namespace corroborate
