// The organisations of one sentence as event roles see them: entity mentions (adjacent ones
// joined: "Acme" + "Cloud Services"), capitalised names the entity list does not know (not place
// words used as adjectives: "Nordic", "Lisbon-based"), short forms joined to the one longer name
// the article gives them ("Tessel" → "Tessel Freight"), and pronouns and nominals ("it", "the
// startup") resolved to an organisation named just before, or the article's salient one.
// Internal to the events stage. Tested in events_test.cc.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "events/words.h"

namespace corroborate::events {

struct OrgRef {
  std::string name;        // canonical
  uint32_t w0 = 0, w1 = 0; // words [w0, w1)
  bool possessive = false; // "Initech's"
  bool reporter = false;   // "The Journal reported", "according to Reuters": a source, not a party
  bool stand_in = false;   // a pronoun or nominal resolved from context
  bool listed = false;     // an entity mention of the extract stage, not a capitalised guess
  std::string prep;        // the preposition just before it ("in", "with", "from"), or ""
};

class OrgResolver {
 public:
  OrgResolver(const Article& article, const Mentions& mentions, const ArticleWords& words);

  // The organisations of sentence s in text order, stand-ins included.
  std::vector<OrgRef> SentenceOrgs(uint32_t s) const;
  // The organisation a stand-in in sentence s most likely means: the most weighty one named in
  // the sentences just before it in its paragraph (subjects weigh more than objects and
  // possessives); at a paragraph's start, the article's salient one. `exclude` names one that
  // cannot be meant.
  std::string Resolve(uint32_t s, uint32_t before_word, const std::string& exclude) const;
  const std::string& Salient() const { return salient_; }

 private:
  std::vector<OrgRef> Raw(uint32_t s) const;  // named organisations only
  // The first organisation of sentence s when it opens the clause (no preposition, not "X's").
  const OrgRef* SubjectOf(const std::vector<OrgRef>& orgs, uint32_t s) const;

  const Article& article_;
  const Mentions& mentions_;
  const ArticleWords& words_;
  std::string salient_;
  // A short form → the one longer name of the article it begins ("Tessel" → "Tessel Freight").
  std::unordered_map<std::string, std::string> long_form_;
};

// Whether an organisation is a market where shares trade ("New York Stock Exchange", "Nasdaq"): a
// "company" never stands for one, and its shares do not move.
bool MarketPlace(std::string_view name);
// Whether a capitalised word the entity list does not know is no name: a nationality or a place
// used as an adjective ("Nordic", "European"), or a sentence opener the word lists know.
bool PlaceAdjective(std::string_view lower);

}  // namespace corroborate::events
