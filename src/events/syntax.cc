// The shallow syntax of a sentence (see syntax.h). Tested in syntax_test.cc.
#include "events/syntax.h"

#include "extract/gazetteer.h"

namespace corroborate::events {
namespace {

// Verbs that take a "to" clause whose verb is the event: "agreed to buy", "plans to sue".
bool TakesToClause(std::string_view w) {
  return In(w, {"agree", "agrees", "agreed", "agreeing", "plan", "plans", "planned", "planning", "intend", "intends",
                "intended", "expect", "expects", "expected", "decide", "decides", "decided", "set", "going", "hope",
                "hopes", "hoped", "seek", "seeks", "sought", "aim", "aims", "aimed", "want", "wants", "wanted",
                "attempt", "attempts", "attempted", "attempting", "try", "tries", "tried", "trying", "offer", "offers",
                "offered", "continue", "continues", "continued", "begin", "begins", "began", "begun", "start", "starts",
                "started", "likely", "unlikely", "able", "due", "poised", "ready", "prepare", "prepares", "prepared",
                "preparing", "move", "moved", "moves", "voted", "chose", "chosen", "elected", "promised", "pledged",
                "threatened", "failed", "refused", "declined", "managed", "need", "needs", "needed", "scheduled",
                "slated", "said", "reported", "rumored", "rumoured", "believed", "thought", "yet", "close", "about",
                "talks", "discussions", "negotiations", "deal", "agreement", "permission", "approval", "order",
                "proposal", "bid", "effort", "option", "options", "right"});
}

// Verbs whose "-ing" complement is the event: "began selling", "is considering buying".
bool TakesGerund(std::string_view w) {
  return In(w, {"considering", "consider", "considers", "weighing", "exploring", "mulling", "began", "begin",
                "started", "stopped", "finished", "completed", "continues", "continued", "resumed", "mull"});
}

// Verbs of beating a rival: "X defeated Y to win", "X outbid Y to buy". The rival after the verb is
// its object, and the "to" clause says what the subject did by it: its subject is the main
// clause's ("asked Y to bid" is another kind: Y bids).
bool BeatsRival(std::string_view w) {
  return In(w, {"defeated", "defeating", "defeat", "defeats", "beat", "beats", "beating", "beaten", "outbid",
                "outbids", "outbidding", "outbidded"});
}

bool IsNegation(std::string_view w) { return In(w, {"not", "never", "n't", "no", "nt"}); }

// Words that open a relative clause or a subordinate one: a clause of its own begins there.
bool OpensClause(std::string_view w) {
  return In(w, {"which", "who", "whom", "whose", "while", "whereas", "although", "though", "because", "but", "when",
                "after", "before", "if", "unless", "since", "as", "where"});
}

}  // namespace

bool IsAuxiliary(std::string_view w) {
  return In(w, {"is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had", "having", "will",
                "would", "shall", "should", "can", "could", "may", "might", "must", "do", "does", "did", "wo"});
}

bool IsPreposition(std::string_view w) {
  return In(w, {"of", "in", "into", "for", "from", "with", "by", "at", "to", "on", "over", "against", "as", "under",
                "after", "before", "than", "between", "among", "about", "through", "via", "onto", "toward", "towards",
                "including", "like", "per", "without", "within"});
}

bool IsDeterminer(std::string_view w) {
  return In(w, {"the", "a", "an", "its", "their", "his", "her", "this", "that", "these", "those", "our", "another",
                "some", "any", "each", "every", "both", "all"});
}

bool IsAdverb(std::string_view w) {
  if (In(w, {"also", "still", "already", "now", "just", "recently", "previously", "initially", "ultimately", "later",
             "then", "soon", "first", "again", "reportedly", "officially", "finally", "formally", "currently", "once",
             "eventually", "jointly", "together", "further", "even", "now", "today", "yesterday", "tentatively"}))
    return true;
  // "-ly" words that are no nouns or adjectives of a name ("supply", "rally", "Italy" is capitalised).
  return w.size() > 4 && w.substr(w.size() - 2) == "ly" && !In(w, {"supply", "rally", "family", "assembly", "monopoly",
                                                                    "anomaly", "early", "only", "daily", "weekly",
                                                                    "monthly", "quarterly", "yearly", "likely"});
}

Syntax::Syntax(const ArticleWords& words, uint32_t b, uint32_t e, const std::vector<Party>& parties)
    : w_(words.words), b_(b), e_(e), parties_(parties) {
  // Each word's clause end, found once from the sentence's end backwards: the frames ask for it
  // many times per sentence.
  clause_end_.resize(e_ > b_ ? e_ - b_ : 0);
  uint32_t next = e_;
  for (uint32_t k = e_; k-- > b_;) {
    clause_end_[k - b_] = next;
    if (OpensClauseAt(k)) next = k;
  }
}

bool Syntax::OpensClauseAt(uint32_t k) const {
  return w_[k].clause_before || (w_[k].comma_before && OpensClause(w_[k].lower)) ||
         In(w_[k].lower, {"which", "who", "whereas", "while", "although", "because"});
}

const Party* Syntax::At(uint32_t i) const {
  for (const Party& p : parties_) {
    if (p.w0 <= i && i < p.w1) return &p;
  }
  return nullptr;
}

uint32_t Syntax::GroupStart(uint32_t v) const {
  uint32_t i = v;
  // "is considering buying", "began selling": the gerund's governing verb opens the group.
  if (i > b_ && w_[i].lower.size() > 4 && w_[i].lower.substr(w_[i].lower.size() - 3) == "ing" && !w_[i].comma_before &&
      TakesGerund(w_[i - 1].lower))
    --i;
  while (i > b_ && !w_[i].comma_before && !w_[i].clause_before) {
    const std::string& p = w_[i - 1].lower;
    if (IsAuxiliary(p) || IsNegation(p) || IsAdverb(p)) {
      --i;
    } else if (p == "to" && i >= b_ + 2 && !w_[i - 1].comma_before && !TakesToClause(w_[i - 2].lower) &&
               ToClauseAcrossPhrase(i - 1) != UINT32_MAX) {
      // "agreed with Initech to buy": the verb that takes the "to" clause, past a phrase.
      i = ToClauseAcrossPhrase(i - 1);
    } else if (p == "to" && i >= b_ + 2 && !w_[i - 1].comma_before && TakesToClause(w_[i - 2].lower)) {
      i -= 2;
      // "in advanced talks to", "in a deal to", "has the right to": the phrase before "to" belongs too.
      while (i > b_ && !w_[i].comma_before &&
             (In(w_[i - 1].lower, {"in", "advanced", "preliminary", "early", "active", "ongoing", "final", "late",
                                   "stage", "exclusive", "the", "a", "an", "its", "yet", "close", "about", "has",
                                   "have", "had", "got", "gained", "received", "won", "given", "sought", "signed",
                                   "reached", "struck", "inked", "announced", "made", "entered", "secured",
                                   "obtained", "new", "separate", "formal", "tentative", "definitive"}) ||
              IsAuxiliary(w_[i - 1].lower) || IsAdverb(w_[i - 1].lower)))
        --i;
    } else {
      break;
    }
  }
  return i;
}

bool Syntax::Passive(uint32_t v) const {
  // "is probing" is progressive: a passive's verb is a participle, never an "-ing" form.
  const std::string& verb = w_[v].lower;
  if (verb.size() > 4 && verb.substr(verb.size() - 3) == "ing") return false;
  for (uint32_t i = v; i > b_ && i + 3 > v; --i) {
    const std::string& p = w_[i - 1].lower;
    if (In(p, {"is", "are", "was", "were", "be", "been", "being", "am", "get", "gets", "got"})) return true;
    if (!IsAdverb(p)) return false;
  }
  return false;
}

bool Syntax::Negated(uint32_t v) const {
  for (uint32_t i = GroupStart(v); i < v; ++i) {
    if (IsNegation(w_[i].lower)) return true;
    if (w_[i].lower == "yet" && i + 1 < v && w_[i + 1].lower == "to") return true;
  }
  return false;
}

uint32_t Syntax::ToClauseAcrossPhrase(uint32_t to) const {
  // Back over "with Initech", "in November", "on Friday": a preposition and its noun phrase.
  for (uint32_t k = to; k > b_ && k + 7 > to; --k) {
    if (w_[k].comma_before || w_[k].clause_before) return UINT32_MAX;
    const std::string& x = w_[k - 1].lower;
    if ((In(x, {"agreed", "agreement", "deal", "plans", "planned", "decided", "signed", "option", "options",
               "recommended", "asked", "chosen", "selected", "picked", "tapped", "invited", "allowed", "authorized",
               "authorised", "urged", "forced", "persuaded"}) || BeatsRival(x)) &&
        k < to && (!(k + 1 == to && At(k) != nullptr && !IsPreposition(x)) || BeatsRival(x)))
      return k - 1;
    if (!(IsPreposition(x) || IsDeterminer(x) || At(k - 1) != nullptr || w_[k - 1].date >= 0 || w_[k - 1].capitalized))
      return UINT32_MAX;
  }
  return UINT32_MAX;
}

const Party* Syntax::Subject(uint32_t v) const {
  uint32_t g = GroupStart(v);
  // Past one appositive or relative clause set off by commas: "X, the parent of Y, has won". The
  // subject then ends before its opening comma.
  if (g > b_ && w_[g].comma_before) {
    uint32_t k = g - 1;
    while (k > b_ && !w_[k].comma_before) --k;
    if (k <= b_ || w_[k].clause_before) {
      // "Ryanair is the most profitable airline, having reported record profits": a participle
      // after the main clause shares its subject, the party that opens the sentence.
      const std::string& first = w_[g].lower;
      if (first == "having" || (first.size() > 4 && first.substr(first.size() - 3) == "ing")) {
        uint32_t s = b_;
        if (s < e_ && IsDeterminer(w_[s].lower)) ++s;
        const Party* p = At(s);
        return p != nullptr && !p->reporter ? p : nullptr;
      }
      return nullptr;
    }
    g = k;
  }
  if (g <= b_ || w_[g].clause_before) return nullptr;
  uint32_t i = g - 1;
  // "X has signed a deal with Y, and has reached one with Z": a verb group right after "and" has no
  // subject of its own; it shares the one of the verb group before it, found at that group's
  // auxiliary. Without an auxiliary there, no subject is taken.
  if (w_[i].lower == "and" && g + 3 > v && IsAuxiliary(w_[g].lower)) {
    for (uint32_t k = i; k-- > b_;) {
      if (w_[k].clause_before) break;
      if (!IsAuxiliary(w_[k].lower) || (k > b_ && IsAuxiliary(w_[k - 1].lower))) continue;
      return Subject(k);
    }
    return nullptr;
  }
  // "Y, which was acquired by X": the antecedent of the relative pronoun.
  if (In(w_[i].lower, {"which", "who", "that"})) {
    if (i <= b_) return nullptr;
    const Party* p = At(i - 1);
    return p != nullptr && !p->reporter ? p : nullptr;
  }
  if (const Party* p = At(i); p != nullptr) return p->reporter ? nullptr : p;
  // "for Cisco to file a lawsuit", "prompting Apple Corps to sue": the party before the "to" of
  // the verb's own group is its subject.
  if (w_[i].lower == "to" && i > b_ && !w_[i].comma_before) {
    const Party* p = At(i - 1);
    return p != nullptr && !p->reporter ? p : nullptr;
  }
  // A noun phrase ending before the verb group: the party inside it ("Globex shares", "the
  // Globex board"), or its complement ("shares of Globex" is read by the frames, not here).
  if (w_[i].capitalized || IsPreposition(w_[i].lower) || IsAuxiliary(w_[i].lower) || w_[i].quantity >= 0) return nullptr;
  for (uint32_t k = i; k > b_ && k + 3 > i; --k) {
    if (w_[k].comma_before || w_[k].clause_before) return nullptr;
    const Party* p = At(k - 1);
    if (p != nullptr) return p->reporter ? nullptr : p;
    const std::string& x = w_[k - 1].lower;
    if (IsPreposition(x) || IsAuxiliary(x) || OpensClause(x) || x == "and" || x == "that") return nullptr;
  }
  return nullptr;
}

const Party* Syntax::Object(uint32_t v_end) const {
  uint32_t j = v_end;
  if (j < e_ && In(w_[j].lower, {"up", "out", "over", "off", "down"}) && !w_[j].comma_before) ++j;
  // Up to five words of modifiers before the name: "the Dutch port operator Kestrel Terminals".
  for (uint32_t k = j; k < e_ && k < j + 6; ++k) {
    if (w_[k].comma_before || w_[k].clause_before) return nullptr;
    if (const Party* p = At(k)) return p->reporter ? nullptr : p;
    const std::string& x = w_[k].lower;
    if (IsPreposition(x) || IsAuxiliary(x) || OpensClause(x) || x == "and" || w_[k].quantity >= 0) return nullptr;
  }
  return nullptr;
}

std::string_view Syntax::PrepBefore(uint32_t i) const {
  // "from German airline Air Berlin", "with the UAE Air Force", "against computer and electronics
  // maker Apple Computer": up to four modifiers between, "and" only between two lower-case ones.
  for (uint32_t k = i; k > b_ && k + 5 > i; --k) {
    if (w_[k].comma_before || w_[k].clause_before) return {};
    const std::string& x = w_[k - 1].lower;
    if (IsPreposition(x)) return x;
    bool inner_and = x == "and" && k - 1 > b_ && k < i && !w_[k].capitalized && !w_[k - 2].capitalized &&
                     At(k - 2) == nullptr;
    if (At(k - 1) != nullptr || IsAuxiliary(x) || OpensClause(x) || (x == "and" && !inner_and) ||
        w_[k - 1].quantity >= 0)
      return {};
  }
  return {};
}

uint32_t Syntax::ClauseEnd(uint32_t i) const {
  if (i >= b_ && i < e_) return clause_end_[i - b_];
  for (uint32_t k = i + 1; k < e_; ++k) {
    if (OpensClauseAt(k)) return k;
  }
  return e_;
}

const Party* Syntax::After(uint32_t from, std::initializer_list<std::string_view> preps) const {
  uint32_t end = ClauseEnd(from);
  auto governed = [&](const Party& p) {
    std::string_view prep = PrepBefore(p.w0);
    for (std::string_view x : preps) {
      if (prep == x) return true;
    }
    return false;
  };
  for (const Party& p : parties_) {
    if (p.w0 < from || p.w0 >= end || p.reporter) continue;
    if (!p.possessive) {
      if (governed(p)) return &p;
      continue;
    }
    // A possessive modifies the noun after it ("of Boeing's 777 planes"): it is not what the
    // preposition governs. But when that noun stands for an organisation and an appositive names
    // it ("with the Beatles' record company, Apple Corps"), the appositive's party is.
    if (!governed(p)) continue;
    uint32_t k = p.w1;
    while (k < end && k < p.w1 + 4 && !w_[k].comma_before && !w_[k].clause_before && !w_[k].capitalized) ++k;
    if (k > p.w1 && k < end && w_[k].comma_before && !w_[k].clause_before &&
        (extract::Gazetteer::Get().Flags(w_[k - 1].lower) & extract::kNominal)) {
      const Party* a = At(k);
      if (a != nullptr && a->w0 == k && !a->person && !a->reporter && !a->possessive) return a;
    }
  }
  return nullptr;
}

const Party* Syntax::Agent(uint32_t v) const { return After(v + 1, {"by"}); }

const Party* Syntax::Possessor(uint32_t i) const {
  for (uint32_t k = i; k > b_ && k + 3 > i; --k) {
    const Party* p = At(k - 1);
    if (p != nullptr) return p->possessive && !p->reporter ? p : nullptr;
    if (w_[k - 1].comma_before || w_[k].comma_before || IsPreposition(w_[k - 1].lower)) return nullptr;
  }
  return nullptr;
}

std::vector<const Party*> Syntax::Coordinated(const Party* p) const {
  std::vector<const Party*> out;
  if (p == nullptr) return out;
  // The words between two coordinated parties: a comma, "and", "or", "plus", and determiners or
  // modifiers of the next ("and the Royal Saudi Air Force", "and German airline Air Berlin").
  auto joined = [&](uint32_t from, uint32_t to) {
    bool link = false;
    for (uint32_t k = from; k < to; ++k) {
      const std::string& x = w_[k].lower;
      if (w_[k].clause_before || (k + 4 < to)) return false;
      if (x == "and" || x == "or" || x == "plus") { link = true; continue; }
      if (IsPreposition(x) || IsAuxiliary(x) || OpensClause(x) || w_[k].quantity >= 0) return false;
    }
    return link || (from < w_.size() && w_[from].comma_before) || (to < w_.size() && w_[to].comma_before);
  };
  size_t at = 0;
  while (at < parties_.size() && &parties_[at] != p) ++at;
  if (at == parties_.size()) return {p};
  size_t first = at;
  while (first > 0 && !parties_[first - 1].reporter && parties_[first - 1].person == p->person &&
         !parties_[first - 1].possessive && joined(parties_[first - 1].w1, parties_[first].w0))
    --first;
  size_t last = at;
  while (last + 1 < parties_.size() && !parties_[last + 1].reporter && parties_[last + 1].person == p->person &&
         !parties_[last].possessive && joined(parties_[last].w1, parties_[last + 1].w0))
    ++last;
  for (size_t k = first; k <= last; ++k) out.push_back(&parties_[k]);
  return out;
}

}  // namespace corroborate::events
