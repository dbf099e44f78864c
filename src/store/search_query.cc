// The client's search text as a safe FTS5 query (see search_query.h). Tested in search_query_test.cc.
#include "store/search_query.h"

#include <set>
#include <vector>

#include "core/ascii.h"

namespace corroborate::store {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// A byte that FTS5's default tokenizer (unicode61) may keep in a token: an ASCII letter or digit,
// or any byte of a non-ASCII character (most are letters; counting the others too only makes the
// word limit stricter).
bool IsWordByte(char c) {
  const auto u = static_cast<unsigned char>(c);
  return u >= 0x80 || (u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z');
}

// Words in `term` as the tokenizer would split it: runs of word bytes.
size_t CountWords(std::string_view term) {
  size_t words = 0;
  bool in_word = false;
  for (char c : term) {
    const bool w = IsWordByte(c);
    if (w && !in_word) ++words;
    in_word = w;
  }
  return words;
}

// `term` as an FTS5 string: in double quotes, a double quote inside doubled (none can occur, since
// terms end at quotes, but the quoting must not depend on that).
void AppendQuoted(std::string& out, std::string_view term) {
  if (!out.empty()) out.push_back(' ');
  out.push_back('"');
  for (char c : term) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
}

}  // namespace

Result<std::vector<std::string>> SearchTerms(std::string_view text) {
  if (text.size() > kMaxSearchBytes) {
    return InvalidInput("the search is longer than " + std::to_string(kMaxSearchBytes) + " bytes");
  }
  std::vector<std::string_view> terms;
  size_t i = 0;
  while (i < text.size()) {
    if (IsSpace(text[i])) {
      ++i;
    } else if (text[i] == '"') {
      const size_t close = text.find('"', i + 1);
      if (close == std::string_view::npos) {
        return InvalidInput("a phrase opened with \" is not closed; search for words or \"whole phrases\"");
      }
      terms.push_back(text.substr(i + 1, close - i - 1));
      i = close + 1;
    } else {
      size_t end = i;
      while (end < text.size() && !IsSpace(text[end]) && text[end] != '"') ++end;
      terms.push_back(text.substr(i, end - i));
      i = end;
    }
  }
  std::vector<std::string> out;
  size_t words = 0;
  std::set<std::string> seen;
  for (std::string_view term : terms) {
    const size_t n = CountWords(term);
    if (n == 0) continue;  // punctuation alone: the tokenizer would find nothing in it
    // A repeated term asks nothing more (all are required), but FTS5 ranks and cuts snippets per
    // term and its cost grows much faster than linearly with repeats: "the" 16 times took 36 times
    // as long as "the" once on a 400-article store. The tokenizer folds case, so the comparison does.
    if (!seen.insert(ascii::Lower(term)).second) continue;
    words += n;
    if (words > kMaxSearchWords) {
      return InvalidInput("the search has more than " + std::to_string(kMaxSearchWords) + " words");
    }
    out.emplace_back(term);
  }
  if (out.empty()) return InvalidInput("the search has no words to look for");
  return out;
}

std::string FtsQuery(const std::vector<std::string>& terms) {
  std::string fts;
  for (const std::string& term : terms) AppendQuoted(fts, term);
  return fts;
}

Result<std::string> ToFtsQuery(std::string_view text) {
  Result<std::vector<std::string>> terms = SearchTerms(text);
  if (!terms.ok()) return terms.status();
  return FtsQuery(*terms);
}

}  // namespace corroborate::store
