// The shallow syntax of one sentence that event frames read instead of taking the nearest name:
// a trigger verb's group ("has agreed to buy", "was acquired"), its subject (across an appositive
// or a relative clause: "X, the parent of Y, has won"; "Y, which was acquired by X"), its object,
// the party a preposition governs in its clause ("from X", "against X"), and a passive verb's
// agent ("by X"). Linear in the sentence; no parse tree. Internal to the events stage. Tested in
// syntax_test.cc on sentences we wrote.
//
//   Syntax syn(words, b, e, parties);
//   const Party* buyer = syn.Subject(verb);
//   const Party* seller = syn.After(verb + 1, {"from", "with"});
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "events/words.h"

namespace corroborate::events {

// A party named in a sentence: an organisation or a person, by name or through a stand-in.
struct Party {
  std::string name;         // canonical
  uint32_t w0 = 0, w1 = 0;  // words [w0, w1)
  bool person = false;
  bool possessive = false;  // "Initech's"
  bool stand_in = false;    // a pronoun or nominal resolved from context
  bool reporter = false;    // a source ("according to Reuters"), not a party
  bool listed = false;      // an entity the extract stage found, not a capitalised guess
};

class Syntax {
 public:
  // The sentence of words [b, e) and its parties in text order.
  Syntax(const ArticleWords& words, uint32_t b, uint32_t e, const std::vector<Party>& parties);

  // The first word of the verb group whose main verb is at v: auxiliaries, modals, negation,
  // adverbs, and verbs taking a "to" clause with their "to" ("is expected to", "has agreed to").
  uint32_t GroupStart(uint32_t v) const;
  // "was acquired", "has been sued", "is being bought": a form of "be" before the participle.
  bool Passive(uint32_t v) const;
  // "did not", "never", "has yet to": the verb group denies its event.
  bool Negated(uint32_t v) const;

  // The subject of the verb group at v: the party just before it, past an appositive or a
  // relative clause set off by commas, or the antecedent of "which"/"who"; the party inside a
  // noun phrase ending just before it ("Globex shares", "the Globex board"); nullptr when the
  // words before it are no noun phrase (another verb, a subordinate clause).
  const Party* Subject(uint32_t v) const;
  // The party that begins the object of the verb ending at word v_end - 1: the noun phrase right
  // after it, with no preposition before it ("bought Initech", "sued the Globex unit").
  const Party* Object(uint32_t v_end) const;
  // The first party after `from`, within its clause, that one of `preps` governs ("from X",
  // "against X"); nullptr when none does.
  const Party* After(uint32_t from, std::initializer_list<std::string_view> preps) const;
  // A passive verb's agent: "by X" after it in its clause.
  const Party* Agent(uint32_t v) const;
  // The possessor right before word i ("Initech's acquisition", "its bid").
  const Party* Possessor(uint32_t i) const;
  // `p` and the parties coordinated with it in its clause, in text order: "Globex and Initech",
  // "with A, B and C", "Barclays, UBS and Shell".
  std::vector<const Party*> Coordinated(const Party* p) const;

  // The word that ends the clause word i is in: a semicolon or dash, a subordinator or relative
  // pronoun after a comma, or the sentence's end.
  uint32_t ClauseEnd(uint32_t i) const;
  // The party covering word i, or nullptr.
  const Party* At(uint32_t i) const;
  // The preposition just before word i within its clause, or "".
  std::string_view PrepBefore(uint32_t i) const;

  uint32_t begin() const { return b_; }
  uint32_t end() const { return e_; }

 private:
  // The verb before a prepositional phrase that ends at word `to` - 1 and that takes the "to"
  // clause ("agreed [with Initech] to"), or UINT32_MAX.
  uint32_t ToClauseAcrossPhrase(uint32_t to) const;
  // Whether word k starts a new clause: ClauseEnd's test.
  bool OpensClauseAt(uint32_t k) const;

  const std::vector<Word>& w_;
  uint32_t b_, e_;
  const std::vector<Party>& parties_;
  std::vector<uint32_t> clause_end_;  // ClauseEnd of each word of [b_, e_)
};

// Whether a word is one of a short list: the frames' phrase tests.
inline bool In(std::string_view w, std::initializer_list<std::string_view> list) {
  for (std::string_view x : list) {
    if (w == x) return true;
  }
  return false;
}

// Word classes the syntax reads (lower-case words).
bool IsAuxiliary(std::string_view w);
bool IsPreposition(std::string_view w);
bool IsDeterminer(std::string_view w);
bool IsAdverb(std::string_view w);

}  // namespace corroborate::events
