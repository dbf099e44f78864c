// Word lists for cluster features (see words.h). Tested in features_test.cc.
#include "cluster/words.h"

#include <algorithm>
#include <array>
#include <string_view>
#include <unordered_set>

namespace corroborate::cluster {
namespace {

// Our own list of English function words and words every news text uses, in alphabetical order.
constexpr std::array<std::string_view, 216> kStopwords = {
    "a",        "about",    "above",    "according", "across",  "after",    "afterwards", "again",
    "against",  "ago",      "all",      "almost",    "along",   "already",  "also",       "although",
    "always",   "am",       "among",    "an",        "and",     "another",  "any",        "anyone",
    "anything", "are",      "around",   "as",        "asked",   "at",       "back",       "be",
    "became",   "because",  "become",   "been",      "before",  "being",    "below",      "between",
    "both",     "but",      "by",       "came",      "can",     "could",    "day",        "days",
    "did",      "do",       "does",     "doing",     "done",    "down",     "during",     "each",
    "early",    "either",   "else",     "even",      "ever",    "every",    "few",        "first",
    "for",      "former",   "from",     "further",   "get",     "got",      "had",        "has",
    "have",     "having",   "he",       "her",       "here",    "hers",     "herself",    "him",
    "himself",  "his",      "how",      "however",   "i",       "if",       "in",         "including",
    "into",     "is",       "it",       "its",       "itself",  "just",     "last",       "late",
    "later",    "least",    "less",     "like",      "made",    "make",     "many",       "may",
    "me",       "might",    "more",     "most",      "much",    "must",     "my",         "near",
    "new",      "news",     "next",     "no",        "nor",     "not",      "now",        "of",
    "off",      "often",    "on",       "once",      "one",     "only",     "or",         "other",
    "others",   "our",      "ours",     "out",       "over",    "own",      "per",        "perhaps",
    "put",      "rather",   "really",   "reported",  "reports", "said",     "same",       "say",
    "saying",   "says",     "see",      "seen",      "several", "she",      "should",     "since",
    "so",       "some",     "still",    "such",      "take",    "taken",    "than",       "that",
    "the",      "their",    "theirs",   "them",      "then",    "there",    "these",      "they",
    "this",     "those",    "though",   "through",   "thus",    "time",     "to",         "today",
    "told",     "too",      "took",     "toward",    "two",     "under",    "until",      "up",
    "upon",     "us",       "very",     "was",       "way",     "we",       "week",       "well",
    "went",     "were",     "what",     "when",      "where",   "whether",  "which",      "while",
    "who",      "whom",     "whose",    "why",       "will",    "with",     "within",     "without",
    "would",    "year",     "years",    "yesterday", "yet",     "you",      "your",       "yours",
};

constexpr std::array<std::string_view, 40> kCalendar = {
    "apr",      "april",   "aug",      "august",  "dec",      "december", "feb",     "february",
    "fri",      "friday",  "jan",      "january", "jul",      "july",     "jun",     "june",
    "mar",      "march",   "mon",      "monday",  "nov",      "november", "oct",     "october",
    "sat",      "saturday", "sep",     "sept",    "september", "sun",     "sunday",  "thu",
    "thurs",    "thursday", "tue",      "tues",    "tuesday",  "wed",      "wednesday", "weekend",
};

// A hash set over a list: asked once per distinct word of every article, where a binary search's
// eight string comparisons cost more than one hash.
template <size_t N>
std::unordered_set<std::string_view> SetOf(const std::array<std::string_view, N>& list) {
  return std::unordered_set<std::string_view>(list.begin(), list.end());
}

}  // namespace

bool IsStopword(std::string_view w) {
  static const std::unordered_set<std::string_view> kSet = SetOf(kStopwords);
  return kSet.count(w) > 0;
}

bool IsCalendarWord(std::string_view w) {
  static const std::unordered_set<std::string_view> kSet = SetOf(kCalendar);
  return kSet.count(w) > 0;
}

void StripPlural(std::string& w) {
  const size_t n = w.size();
  if (n <= 3 || w[n - 1] != 's') return;
  const char p = w[n - 2];
  if (p == 's' || p == 'u' || p == 'i' || p == '\'') return;
  if (n > 4 && p == 'e' && w[n - 3] == 'i') {  // "injuries" → "injury"
    w.resize(n - 3);
    w += 'y';
    return;
  }
  if (n > 4 && p == 'e' && (w[n - 3] == 's' || w[n - 3] == 'x' || (w[n - 3] == 'h' && (w[n - 4] == 'c' || w[n - 4] == 's')))) {
    w.resize(n - 2);  // "crashes" → "crash", "taxes" → "tax"
    return;
  }
  w.resize(n - 1);
}

}  // namespace corroborate::cluster
