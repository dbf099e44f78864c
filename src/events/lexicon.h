// The event stage's word lists (data/event_triggers.tsv, event_status.tsv, event_words.tsv), parsed
// once from the embedded data and matched phrase by phrase over lower-cased words. Tested in
// events_test.cc.
//
//   const EventLexicon& lex = EventLexicon::Get();
//   const TriggerEntry* t = lex.MatchTrigger(words, i, &len);  // words: lower-case
#pragma once

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
  std::unordered_map<std::string, std::vector<TriggerEntry>> triggers_;
  std::unordered_map<std::string, std::vector<StatusEntry>> statuses_;
  std::unordered_map<std::string, std::string> classes_;
};

}  // namespace corroborate::events
