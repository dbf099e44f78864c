// Turns the words naming a quotation's speaker (speaker_cue.h) into the speaker: a name to the
// person's full name as the article introduces it ("Mr. Roe", "Roe" → "Jane Q. Roe"; a given
// name alone → the person it begins); "he"/"she" to the most recent person of that sex (given
// names' usual sex from the census lists, or "Mr."/"Ms." before the name; unknown fits both)
// outside quotations, the subject of that sentence when it names several; "it"/"they" to the
// most recent organisation; "the chairman" to the person the article gives that role; any other
// description to a nominal speaker (no name, its role and organisation). Tested in quotes_test.cc.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "extract/speaker_cue.h"

namespace corroborate::extract {

struct ResolvedSpeaker {
  int32_t entity = -1;  // the PERSON or ORG entity, or -1
  std::string name;     // empty for a nominal speaker
  std::string role;
  std::string org;
  SpeakerKind kind = SpeakerKind::kUnknown;
};

class SpeakerResolver {
 public:
  explicit SpeakerResolver(const QuoteContext& cx);
  // Quotes are resolved in text order: a name given as a speaker counts as a person's for the
  // pronouns of later quotes.
  ResolvedSpeaker Resolve(const SpeakerCue& cue) const;

 private:
  struct Mention {
    uint32_t tok;  // first token
    int32_t span;  // index into scan.names
  };
  ResolvedSpeaker ResolveCue(const SpeakerCue& cue) const;
  int32_t FullPerson(std::string_view lower_word, uint32_t at) const;
  int32_t PersonOf(const Mention& m) const;  // the full person a mention names
  int32_t RecentPerson(uint32_t at, Gender g) const;
  int32_t RecentPersonOf(uint32_t at, Gender g, bool sex_known) const;  // one pass of RecentPerson
  bool SaysNext(uint32_t i) const;  // a reporting verb at i, past adverbs: "Roe also said"
  // The speaker noun of the latest sentence in (from, at) that opens with a description of
  // someone of sex g ("The man …", "A witness …") who is not said to be silent, or cx_.n.
  uint32_t DescribedSince(uint32_t from, uint32_t at, Gender g) const;
  static Gender NounSex(std::string_view lower_noun);  // "woman" → female, "man" → male
  
  int32_t RecentOrg(uint32_t at) const;
  int32_t RecentOrgNamed(std::string_view lower_word, uint32_t at) const;  // "the university"
  int32_t PersonWithRole(std::string_view role_key, const std::string& org, uint32_t at) const;
  ResolvedSpeaker FromEntity(int32_t entity, SpeakerKind kind) const;
  ResolvedSpeaker Nominal(const SpeakerCue& cue) const;
  // The organisation "the spokesperson" was introduced with before token at ("an Acme
  // spokesperson", "a spokesperson for Acme"), or "".
  std::string IntroducedOrg(std::string_view head, uint32_t at) const;

  const QuoteContext& cx_;
  mutable uint32_t last_seen_ = 0;  // RecentPerson: the mention it settled on
  mutable std::unordered_set<int32_t> spoke_;  // entities named as speakers so far
  std::vector<Mention> people_, orgs_;  // outside quotations, in text order
  std::vector<uint32_t> first_;         // per entity: its first mention's token
  std::vector<Gender> gender_;          // per entity
  // Multi-word people by the lower case of their last and first words, in order of appearance.
  std::unordered_map<std::string, std::vector<int32_t>> by_surname_, by_given_;
};

}  // namespace corroborate::extract
