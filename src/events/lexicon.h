// The event stage's word lists (data/event_triggers.tsv, event_status.tsv, event_words.tsv, and the
// makers of aircraft models in product_makers.tsv), parsed
// once from the embedded data and matched phrase by phrase over lower-cased words. Tested in
// events_test.cc.
//
//   const EventLexicon& lex = EventLexicon::Get();
//   const TriggerEntry* t = lex.MatchTrigger(words, i, &len);  // words: lower-case
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "events/event.h"

namespace corroborate::events {

struct TriggerEntry {
  std::vector<std::string> words;
  EventType type = EventType::kInvestment;
  bool verb = false;
  bool past = false;     // the form says the event happened
  bool jobs = false;     // needs a job noun or job count after it
  bool object = false;   // needs an organisation after it (acquisitions)
  bool members = false;  // names the participants of a round
  bool value = false;    // a valuation verb or noun that needs an amount after it
  std::string detail;    // what the word says of the event: a legal kind, a direction, a measure
};

struct StatusEntry {
  std::vector<std::string> words;
  EventStatus status = EventStatus::kUnknown;
  TalkStage stage = TalkStage::kNone;
};

class EventLexicon {
 public:
  static const EventLexicon& Get();  // built once, thread-safe
  // Parses the three lists; rows that do not parse are skipped (the data is ours and tested).
  static EventLexicon Parse(std::string_view triggers, std::string_view statuses, std::string_view words);

  // The longest entry whose words start at words[i]; *len receives its word count.
  const TriggerEntry* MatchTrigger(const std::vector<std::string_view>& words, size_t i, size_t* len) const;
  // The next entry with the same words as `entry` but another type, or nullptr.
  const TriggerEntry* OtherReading(const TriggerEntry& entry) const;
  const StatusEntry* MatchStatus(const std::vector<std::string_view>& words, size_t i, size_t* len) const;
  // The class of a word in event_words.tsv ("job", "cumulative", ...), "" when it has none.
  std::string_view WordClass(std::string_view lower) const;

 private:
  // Looked up by string_view without building a string for every word of every article.
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  template <typename V>
  using Map = std::unordered_map<std::string, V, Hash, std::equal_to<>>;

  Map<std::vector<TriggerEntry>> triggers_;
  Map<std::vector<StatusEntry>> statuses_;
  Map<std::string> classes_;
};

// The maker of the aircraft model or family a word names (data/product_makers.tsv): "787s",
// "Dreamliners", "A380's" → "Boeing", "Airbus"; "" when the list knows none. `lower` is one word as
// the frames see it (lower case, split at hyphens).
std::string_view ModelMaker(std::string_view lower);
// The one listed maker a headline names as a word ("Skyways Corp rolls out ..."), or "" when it
// names none or several.
std::string_view MakerInTitle(std::string_view title);

}  // namespace corroborate::events
