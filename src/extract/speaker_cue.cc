// The words naming a quotation's speaker (see speaker_cue.h). Tested in quotes_test.cc.
#include "extract/speaker_cue.h"

#include <algorithm>
#include <string_view>

namespace corroborate::extract {
namespace {

constexpr uint32_t kSentenceWindow = 60;    // tokens looked at before a quotation
constexpr uint32_t kAfterWindow = 24;       // and after it
constexpr uint32_t kPrefixWindow = 14;      // titles and roles before a name: "Acme chief executive"
constexpr uint32_t kNominalWords = 8;       // words of a description: "a senior administration official"
constexpr uint32_t kAppositionWindow = 30;  // "NAME, who …, said"
constexpr uint32_t kBracketWindow = 10;     // "(D-N.Y.)"

bool EndsWith(std::string_view w, std::string_view tail) {
  return w.size() > tail.size() + 1 && w.substr(w.size() - tail.size()) == tail;
}

class CueFinder {
 public:
  explicit CueFinder(const QuoteContext& cx) : cx_(cx), n_(cx.n) {}

  SpeakerCue Find(size_t qi) {
    const QuoteSpan& q = cx_.quotes[qi];
    SpeakerCue c = After(q);
    if (c.kind == CueKind::kNone) c = Before(q);
    return c;
  }

 private:
  static SpeakerCue Cue(CueKind kind, uint32_t b, uint32_t e, int32_t name = -1) {
    SpeakerCue c;
    c.kind = kind;
    c.b = b;
    c.e = e;
    c.name = name;
    return c;
  }
  bool Newline(uint32_t i) const { return i < n_ && cx_.T(i).newline_before; }
  // The full stop of an abbreviation ("Corp.", "Dr.") inside a sentence, not one ending it.
  bool AbbrevDot(uint32_t i) const {
    return cx_.Punct(i, '.') && !cx_.T(i).space_before && i + 1 < n_ && !cx_.T(i + 1).sentence_start && !Newline(i + 1);
  }
  bool OpensQuote(uint32_t i) const {
    const int32_t q = cx_.QuoteAt(i);
    return q >= 0 && cx_.quotes[static_cast<size_t>(q)].open == i;
  }
  bool Verb(uint32_t i) const {
    // A listed reporting verb, lower case (or opening its sentence: "Said Jane Roe:"), not in a name.
    if (!cx_.Word(i) || cx_.NameAt(i) >= 0 || !(cx_.QFlags(i) & kSpeechVerb)) return false;
    return cx_.T(i).lower_initial || cx_.T(i).sentence_start;
  }
  bool Aux(uint32_t i) const { return cx_.Word(i) && cx_.T(i).lower_initial && (cx_.QFlags(i) & kAux); }
  bool Preposition(uint32_t i) const {
    if (!cx_.Word(i)) return false;
    std::string_view w = cx_.Low(i);
    return w == "for" || w == "at" || w == "of" || w == "with" || w == "from" || w == "in" || w == "to" ||
           w == "on" || w == "close" || w == "familiar" || w == "briefed";
  }
  // Whether the name starting at token j follows a preposition (past its honorifics), not before k:
  // "a spokeswoman for Sen. Jane Roe" speaks for her.
  bool ObjectOfPreposition(uint32_t j, uint32_t k) const {
    uint32_t p = j;
    while (p > k && (cx_.Honorific(p - 1) || cx_.Punct(p - 1, '.'))) --p;
    return p > k && Preposition(p - 1);
  }
  // Honorifics and their full stops starting at i ("Sen.", "Dr.").
  uint32_t SkipTitles(uint32_t i, uint32_t limit) const {
    for (uint32_t k = 0; k < 4 && i < limit; ++k) {
      if (cx_.NameAt(i) >= 0) break;
      if (cx_.Honorific(i) || (cx_.Punct(i, '.') && i > 0 && cx_.Honorific(i - 1) && !cx_.T(i).space_before)) {
        ++i;
        continue;
      }
      break;
    }
    return i;
  }
  // The honorifics right before token b ("Mr." of "Mr. Roe"), down to lo.
  uint32_t TitlesBefore(uint32_t b, uint32_t lo) const {
    while (b > lo) {
      if (cx_.Honorific(b - 1) && cx_.NameAt(b - 1) < 0) {
        --b;
      } else if (b >= lo + 2 && cx_.Punct(b - 1, '.') && cx_.Honorific(b - 2) && cx_.NameAt(b - 2) < 0) {
        b -= 2;
      } else {
        break;
      }
    }
    return b;
  }
  SpeakerCue PersonCue(int32_t nm, uint32_t lo) const {
    const NameSpan& s = cx_.Name(nm);
    uint32_t b = std::max(s.b, lo);
    return Cue(CueKind::kName, TitlesBefore(b, lo), s.e, nm);
  }

  // ---- reading a subject forward: "Jane Roe", "Acme chief executive Jane Roe", "he", "the
  // chairman", "a spokeswoman for Acme", "Acme", capitals the entity scan left out.
  SpeakerCue SubjectForward(uint32_t k, uint32_t limit) const {
    if (k >= limit || cx_.Quoted(k)) return {};
    if (cx_.Pronoun(k)) return Cue(CueKind::kPronoun, k, k + 1);
    // Titles, roles, organisations and their modifiers before a person's name ("US President",
    // "Chinese defense ministry spokesman"). A title whose last name the entity scan ran together
    // with the person's ("Secretary of the Air Force Jane Roe") ends the chain; a person right
    // after a preposition ("a spokeswoman for Sen. Jane Roe") is the role's, not the speaker.
    bool titled = false, after_preposition = false;
    for (uint32_t j = k, steps = 0; j < limit && steps < kPrefixWindow && !cx_.Quoted(j); ++steps) {
      if (j > k && Newline(j)) break;
      const int32_t nm = cx_.NameAt(j);
      if (nm >= 0) {
        const NameSpan& s = cx_.Name(nm);
        const bool possessed = s.e < n_ && cx_.T(s.e).possessive;  // "Jane Roe's lawyer"
        if (cx_.PersonName(nm) && !possessed) {
          if (after_preposition) break;
          // "Roe campaign spokesman Jim Poe": a lower-case word after the name goes on to the title
          // of someone else, named after it.
          if (s.e < limit && cx_.Word(s.e) && cx_.T(s.e).lower_initial && !Verb(s.e) && !Aux(s.e) &&
              !Preposition(s.e) && !cx_.Determiner(s.e) && !cx_.Pronoun(s.e)) {
            SpeakerCue later = SubjectForward(s.e, limit);
            if (later.kind == CueKind::kName && cx_.PersonName(later.name)) return Cue(CueKind::kName, later.b, later.e, later.name);
          }
          return PersonCue(nm, k);
        }
        if (titled && cx_.PersonTail(nm)) return Cue(CueKind::kName, std::max(s.b, j), s.e, nm);
        j = s.e;
        if (possessed) ++j;
        after_preposition = false;
        continue;
      }
      if (cx_.Word(j)) {
        std::string_view w = cx_.Low(j);
        const bool role = (cx_.Flags(j) & (kRole | kRoleModifier | kHonorific)) != 0;
        titled |= role;
        if (cx_.Honorific(j)) {  // "Sen." before the name: no preposition in between
          ++j;
          continue;
        }
        const bool joiner = j > k && (w == "and" || w == "of" || w == "for" || w == "at" || w == "the");
        const bool stop = Verb(j) || Aux(j) || cx_.Pronoun(j) || Preposition(j) || (cx_.Determiner(j) && w != "the") ||
                          w == "who" || w == "which" || w == "that" || w == "or" || w == "but" || w == "as" ||
                          w == "by" || w == "when" || w == "while" || w == "after" || w == "before";
        if (role || joiner || !stop || (j == k && w == "the")) {
          after_preposition = joiner && w != "and" && w != "the";
          ++j;
          continue;
        }
        break;
      }
      // The full stop of "Dr." or "Inc." inside the chain, not one ending the sentence.
      if (j > k && j + 1 < limit && AbbrevDot(j)) {
        ++j;
        continue;
      }
      if (cx_.T(j).possessive || (cx_.Punct(j, '-') && !cx_.T(j).space_before)) {
        ++j;
        continue;
      }
      // "Acme President and Chief Executive, Jane Roe"; "the district's sub-prefect, Jean Roe,"
      // whom the entity scan did not type: a name set off after the title, then a comma or the
      // sentence's end.
      if (j > k && cx_.Comma(j)) {
        const uint32_t u = SkipTitles(j + 1, limit);
        const int32_t pn = cx_.NameAt(u);
        if (cx_.PersonName(pn)) {
          ++j;
          continue;
        }
        if (titled && pn >= 0 && !cx_.Name(pn).nominal && cx_.Name(pn).b == u) {
          const uint32_t e = cx_.Name(pn).e;
          if (e >= limit || cx_.Comma(e) || cx_.SentenceEnd(e) || Verb(e))
            return Cue(CueKind::kName, u, e, pn);
        }
      }
      break;
    }
    // An organisation, or a description.
    const bool det = cx_.Determiner(k);
    const int32_t nm = cx_.NameAt(k) >= 0 ? cx_.NameAt(k) : det ? cx_.NameAt(k + 1) : -1;
    if (nm >= 0) {
      const NameSpan& s = cx_.Name(nm);
      const uint32_t after = s.e;
      const bool described = after < limit && (cx_.SpeakerNoun(after) || cx_.T(after).possessive);
      if (!described) return Cue(CueKind::kName, std::max(s.b, k), after, nm);
    }
    if (det || nm >= 0 || cx_.SpeakerNoun(k)) return NominalForward(k, limit);
    return CapitalsForward(k, limit);
  }

  // "a spokeswoman for Acme", "people familiar with the matter", "Acme officials": a noun
  // phrase holding a speaker noun, up to a verb, a comma or the window's end; after the speaker
  // noun only a prepositional phrase goes on ("… for Acme"). A person's name inside makes it that
  // person ("the current Acme chief executive Jane Roe"); a writing issued by an organisation
  // makes it the organisation ("a statement on Acme's website").
  SpeakerCue NominalForward(uint32_t k, uint32_t limit) const {
    uint32_t j = k, last = k, words = 0;
    bool noun = false, document = false, in_phrase = false;
    if (cx_.Determiner(j)) last = ++j;
    while (j < limit && words < kNominalWords && !(j > k && Newline(j))) {
      if (cx_.T(j).kind == NKind::kPunct && IsQuoteMark(cx_.T(j).cp)) {  // a "Senate aide"
        ++j;
        continue;
      }
      if (cx_.Quoted(j)) break;
      const int32_t nm = cx_.NameAt(j);
      if (nm >= 0) {
        const NameSpan& s = cx_.Name(nm);
        if (cx_.PersonName(nm) && !(s.e < n_ && cx_.T(s.e).possessive) && !ObjectOfPreposition(j, k)) return PersonCue(nm, k);
        if (document && !noun && cx_.EntityOf(nm).type == EntityType::kOrg)
          return Cue(CueKind::kName, std::max(s.b, j), s.e, nm);
        j = std::max(s.e, j + 1);
        if (j < limit && cx_.T(j).possessive) ++j;
        last = j;
        ++words;
        continue;
      }
      if (cx_.T(j).possessive || (cx_.Punct(j, '-') && !cx_.T(j).space_before) || AbbrevDot(j)) {
        ++j;
        continue;
      }
      if (cx_.T(j).kind == NKind::kNumber) {
        last = ++j;
        ++words;
        continue;
      }
      if (!cx_.Word(j) || Verb(j) || Aux(j)) break;
      std::string_view w = cx_.Low(j);
      if (w == "who" || w == "which" || w == "that" || w == "and" || w == "but") break;
      if (Preposition(j) || cx_.Determiner(j)) {
        in_phrase |= noun && Preposition(j);
        ++j;
        continue;
      }
      const bool speaker = cx_.SpeakerNoun(j);
      if (noun && !speaker && !in_phrase && cx_.T(j).lower_initial) break;  // "officials released"
      noun |= speaker;
      document |= (cx_.QFlags(j) & kDocument) != 0;
      last = ++j;
      ++words;
    }
    if (!noun) return {};
    return Cue(CueKind::kNominal, k, last);
  }

  // One to three capitalised words that no list knows and the entity scan did not take; one word
  // opening its sentence is capitalised by its place ("Immediately").
  SpeakerCue CapitalsForward(uint32_t k, uint32_t limit) const {
    if (cx_.T(k).sentence_start && !(cx_.Word(k + 1) && cx_.T(k + 1).cap)) return {};
    uint32_t j = k;
    while (j < limit && j - k < 3 && cx_.Word(j) && cx_.T(j).cap && cx_.NameAt(j) < 0 &&
           !(cx_.Flags(j) & (kNotName | kRole | kRoleModifier)) && !(cx_.QFlags(j) & kSpeechVerb) &&
           !(j > k && Newline(j)))
      ++j;
    if (j == k) return {};
    return Cue(CueKind::kName, k, j);
  }

  // ---- reading a subject backward from its verb at v, not before lo.
  SpeakerCue SubjectBefore(uint32_t v, uint32_t lo) const {
    uint32_t e = v;
    for (int s = 0; s < 3 && e > lo && Aux(e - 1); ++s) --e;
    if (e <= lo || cx_.Quoted(e - 1)) return {};
    uint32_t t = e - 1;
    if (cx_.Pronoun(t)) return Cue(CueKind::kPronoun, t, e);
    if (cx_.Punct(t, ')')) {  // "Jane Roe (D-N.Y.) said"
      uint32_t p = t;
      while (p > lo && t - p < kBracketWindow && !cx_.Punct(p, '(')) --p;
      if (!cx_.Punct(p, '(') || p <= lo) return {};
      e = p;
      t = p - 1;
    }
    if (cx_.Comma(t)) return Apposition(t, lo);
    // "the university said", "the agency said": an organisation named by its kind.
    if (t > lo && cx_.Is(t - 1, "the") && cx_.NameAt(t) < 0 && cx_.Word(t) && cx_.T(t).lower_initial &&
        (cx_.Flags(t) & (kOrgSuffix | kNominal)) && !cx_.SpeakerNoun(t))
      return Cue(CueKind::kNominal, t - 1, e);
    const int32_t nm = cx_.NameAt(t);
    if (nm >= 0 && cx_.Name(nm).e == e) {
      if (cx_.PersonName(nm)) return PersonCue(nm, lo);
      if (cx_.PersonTail(nm)) return Cue(CueKind::kName, std::max(cx_.Name(nm).b, lo), e, nm);
      const uint32_t b = std::max(cx_.Name(nm).b, lo);
      // "a spokeswoman for Acme said"; "Jane Roe of Acme said", "the weather service in Gray said"
      if (b > lo && Preposition(b - 1)) {
        SpeakerCue np = NominalBack(e, lo);
        if (np.kind != CueKind::kNone) return WithApposedPerson(np, lo);
        const int32_t owner = b >= lo + 2 ? cx_.NameAt(b - 2) : -1;
        if (owner >= 0 && cx_.Name(owner).e == b - 1 && !cx_.Name(owner).nominal &&
            cx_.EntityOf(owner).type != EntityType::kLoc)
          return cx_.PersonName(owner) ? PersonCue(owner, lo)
                                       : Cue(CueKind::kName, std::max(cx_.Name(owner).b, lo), b - 1, owner);
      }
      // "Jane Roe, chief executive of Acme said"
      SpeakerCue p = ApposedPerson(b, lo);
      if (p.kind != CueKind::kNone) return p;
      return Cue(CueKind::kName, b, e, nm);
    }
    SpeakerCue np = NominalBack(e, lo);
    if (np.kind != CueKind::kNone) return WithApposedPerson(np, lo);
    // Capitals the entity scan left out: "Jusman Djamal said".
    uint32_t b = e;
    while (b > lo && e - b < 3 && cx_.Word(b - 1) && cx_.T(b - 1).cap && cx_.NameAt(b - 1) < 0 &&
           !(cx_.Flags(b - 1) & (kNotName | kRole | kRoleModifier)))
      --b;
    if (b < e && !(b == lo && cx_.T(b).sentence_start && e - b == 1 && cx_.Determiner(b)))
      return Cue(CueKind::kName, b, e);
    return {};
  }

  // A description ending at e (exclusive) whose speaker noun is at most kNominalWords back:
  // "a spokeswoman for Acme", "people familiar with the matter", "senior officials".
  SpeakerCue NominalBack(uint32_t e, uint32_t lo) const {
    uint32_t j = e, noun = n_;
    for (uint32_t steps = 0; j > lo && steps < kNominalWords; ++steps) {
      --j;
      if (cx_.Quoted(j)) return {};
      if (cx_.T(j).kind == NKind::kPunct && !cx_.T(j).possessive && !cx_.Punct(j, '-')) return {};
      if (cx_.NameAt(j) < 0 && cx_.SpeakerNoun(j)) {
        noun = j;
        break;
      }
      if (cx_.Word(j) && (Verb(j) || Aux(j))) return {};
      // A determiner not after a preposition opens a phrase of its own: "the activist group the
      // Project on Oversight" is the project's name, "a spokesman for the firm" one phrase.
      if (cx_.NameAt(j) < 0 && cx_.Determiner(j) && !(j > lo && Preposition(j - 1))) return {};
      if (cx_.T(j).newline_before || (cx_.T(j).sentence_start && j > lo)) return {};
    }
    if (noun == n_) return {};
    uint32_t b = noun;
    for (uint32_t words = 0; b > lo && words < kNominalWords; ++words) {
      const uint32_t p = b - 1;
      if (cx_.Quoted(p)) break;
      if (cx_.Determiner(p)) {
        b = p;
        break;
      }
      const int32_t nm = cx_.NameAt(p);
      if (nm >= 0) {
        b = std::max(cx_.Name(nm).b, lo);
        if (cx_.Name(nm).nominal) break;  // "the company's spokesman": its "the" opens the phrase
        continue;
      }
      if (cx_.T(p).possessive || cx_.T(p).kind == NKind::kNumber || (cx_.Punct(p, '-') && !cx_.T(p).space_before)) {
        b = p;
        continue;
      }
      if (!cx_.Word(p) || (cx_.Flags(p) & kNotName) || Verb(p) || Aux(p) || cx_.Pronoun(p)) break;
      b = p;
      if (cx_.T(p).sentence_start || cx_.T(p).newline_before) break;
    }
    return Cue(CueKind::kNominal, b, e);
  }

  // "Jane Roe, chief executive of Acme said": a person, a comma, then only role words and
  // organisations up to b.
  SpeakerCue ApposedPerson(uint32_t b, uint32_t lo) const {
    uint32_t j = b;
    for (uint32_t steps = 0; j > lo + 1 && steps < kPrefixWindow; ++steps) {
      const uint32_t p = j - 1;
      if (cx_.Comma(p)) {
        const int32_t nm = cx_.NameAt(p - 1);
        if (cx_.PersonName(nm) && cx_.Name(nm).e == p) return PersonCue(nm, lo);
        return {};
      }
      const int32_t nm = cx_.NameAt(p);
      if (nm >= 0) {
        j = std::max(cx_.Name(nm).b, lo);
        continue;
      }
      const bool roleish = cx_.Word(p) && ((cx_.Flags(p) & (kRole | kRoleModifier)) || cx_.Is(p, "and") ||
                                           cx_.Is(p, "of") || cx_.Is(p, "at") || cx_.Is(p, "the") ||
                                           cx_.Is(p, "a") || cx_.Is(p, "an") || cx_.T(p).cap);
      if (!roleish && !cx_.T(p).possessive && !cx_.Punct(p, '&')) return {};
      j = p;
    }
    return {};
  }
  SpeakerCue WithApposedPerson(const SpeakerCue& np, uint32_t lo) const {
    SpeakerCue p = ApposedPerson(np.b, lo);
    return p.kind != CueKind::kNone ? p : np;
  }

  // The subject before the comma at t that closes an apposition: "ROLE, NAME, said" (the name
  // between the commas), else "NAME, APPOSITION, said" (the nearest person followed by a comma;
  // failing that an organisation or a description so followed).
  SpeakerCue Apposition(uint32_t t, uint32_t lo) const {
    for (uint32_t p = t; p-- > lo && t - p < kBracketWindow;) {
      if (cx_.Quoted(p)) break;
      if (!cx_.Comma(p)) continue;
      const uint32_t u = SkipTitles(p + 1, t);
      const int32_t nm = cx_.NameAt(u);
      if (cx_.PersonName(nm) && cx_.Name(nm).b == u && cx_.Name(nm).e == t) return PersonCue(nm, lo);
      break;
    }
    SpeakerCue other;
    for (uint32_t j = t; j-- > lo && t - j < kAppositionWindow;) {
      if (cx_.Quoted(j)) break;
      if (!cx_.Comma(j + 1) || j + 1 >= t) continue;
      const int32_t nm = cx_.NameAt(j);
      if (nm >= 0 && cx_.Name(nm).e == j + 1) {
        if (cx_.PersonName(nm)) return PersonCue(nm, lo);
        if (other.kind == CueKind::kNone) other = Cue(CueKind::kName, std::max(cx_.Name(nm).b, lo), j + 1, nm);
      } else if (other.kind == CueKind::kNone && cx_.Pronoun(j)) {
        other = Cue(CueKind::kPronoun, j, j + 1);
      } else if (other.kind == CueKind::kNone && cx_.SpeakerNoun(j)) {
        other = NominalBack(j + 1, lo);
      }
    }
    return other;
  }

  // "according to Jane Roe", "according to a statement from Acme".
  SpeakerCue AccordingTo(uint32_t k, uint32_t limit) const {
    uint32_t j = cx_.Determiner(k) ? k + 1 : k;
    while (j < limit && j - k < 3 && cx_.Word(j) && cx_.NameAt(j) < 0 && !(cx_.QFlags(j) & kDocument) &&
           cx_.T(j).lower_initial)
      ++j;  // "a joint statement", "a written statement"
    if (j < limit && (cx_.QFlags(j) & kDocument) && cx_.NameAt(j) < 0) {
      uint32_t f = j + 1;
      if (f < limit && (cx_.Is(f, "from") || cx_.Is(f, "by") || cx_.Is(f, "of") || cx_.Is(f, "released"))) {
        if (cx_.Is(f, "released") && cx_.Is(f + 1, "by")) ++f;
        return SubjectForward(f + 1, limit);
      }
      return {};
    }
    return SubjectForward(k, limit);
  }

  // The sentence's own subject, after an opening phrase ("In a statement, Jane Roe said").
  SpeakerCue SentenceSubject(uint32_t lo, uint32_t v) const {
    uint32_t s = lo;
    while (s < v && (cx_.Quoted(s) || cx_.T(s).kind == NKind::kPunct)) ++s;
    if (s >= v || !cx_.Word(s)) return {};
    std::string_view w = cx_.Low(s);
    const bool opener = (cx_.Flags(s) & kNotName) || EndsWith(w, "ing") || w == "speaking" || w == "asked";
    if (opener && !cx_.Pronoun(s) && !cx_.Determiner(s)) {
      while (s < v && !(cx_.Comma(s) && !cx_.Quoted(s))) ++s;
      if (s >= v) return {};
      ++s;
    }
    SpeakerCue c = SubjectForward(s, v);
    if (c.kind == CueKind::kNone || c.e > v) return {};
    return c;
  }

  // A word that can follow a subject as its verb: lower case, and no preposition, conjunction,
  // determiner or speaker noun ("Jane Roe started", "officials released").
  bool VerbLike(uint32_t m, uint32_t v) const {
    if (m >= v || !cx_.Word(m) || !cx_.T(m).lower_initial || cx_.NameAt(m) >= 0) return false;
    if (Preposition(m) || cx_.Determiner(m) || cx_.SpeakerNoun(m) || cx_.Pronoun(m)) return false;
    if (cx_.QFlags(m) & (kSpeechVerb | kAux)) return true;
    std::string_view w = cx_.Low(m);
    // Without a part-of-speech lexicon: the regular past and present forms, and common irregular
    // past forms ("Jane Roe started", "officials met"; not "the student paper").
    if (EndsWith(w, "ed") || (EndsWith(w, "s") && !EndsWith(w, "ss") && !EndsWith(w, "us"))) return true;
    static constexpr std::string_view kIrregular[] = {
        "went", "came", "gave", "took", "made", "left", "met", "saw", "got", "put", "ran", "sent", "spent",
        "held", "kept", "felt", "found", "brought", "thought", "sought", "began", "became", "spoke", "stood",
        "told", "wrote", "knew", "led", "rose", "fell", "won", "lost", "paid", "built", "chose", "drove"};
    for (std::string_view v2 : kIrregular)
      if (w == v2) return true;
    return false;
  }

  // The subject of the clause before the verb at v, for a verb whose subject stands further back
  // ("Jane Roe defended the plan, saying"): the first person, "he"/"she" or description that a
  // verb follows, else the sentence's opening subject.
  SpeakerCue ClauseSubject(uint32_t lo, uint32_t v) const {
    for (uint32_t j = lo; j < v; ++j) {
      if (cx_.Quoted(j)) continue;
      SpeakerCue c;
      const int32_t nm = cx_.NameAt(j);
      if (nm >= 0) {
        const uint32_t e = cx_.Name(nm).e;
        if (cx_.PersonName(nm)) c = PersonCue(nm, lo);
        j = e - 1;
      } else if (cx_.Is(j, "he") || cx_.Is(j, "she")) {
        c = Cue(CueKind::kPronoun, j, j + 1);
      } else if (cx_.T(j).lower_initial && cx_.SpeakerNoun(j)) {
        c = NominalBack(j + 1, lo);
      }
      if (c.kind == CueKind::kNone) continue;
      uint32_t m = c.e;
      while (m < v && Aux(m)) ++m;
      if (VerbLike(m, v) || (m < v && Verb(m))) return c;
    }
    return SentenceSubject(lo, v);
  }

  bool BeForm(uint32_t i) const {
    if (!cx_.Word(i)) return false;
    std::string_view w = cx_.Low(i);
    return w == "is" || w == "was" || w == "are" || w == "were" || w == "be" || w == "been" || w == "being";
  }

  // Whether the attribution clause ends within a few tokens of i ("Jane Roe said on Monday."),
  // rather than going on to a statement of its own ("Jane Roe said that …").
  bool ClauseEnds(uint32_t i) const {
    for (uint32_t steps = 0; steps < 8; ++steps, ++i) {
      if (i >= n_ || Newline(i) || cx_.SentenceEnd(i) || cx_.Comma(i) || cx_.Quoted(i)) return true;
      // "said that …", "said he would …", "said the bill was …": a statement follows.
      if (cx_.Is(i, "that") || Verb(i) || cx_.Pronoun(i) || (cx_.Word(i) && (cx_.QFlags(i) & kAux) && !cx_.Is(i, "also") &&
                                                           !cx_.Is(i, "later") && !cx_.Is(i, "earlier") &&
                                                           !cx_.Is(i, "today") && !cx_.Is(i, "yesterday") &&
                                                           !cx_.Is(i, "tonight")))
        return false;
    }
    return false;
  }

  // ---- after the closing mark: "…," said NAME / NAME said / he said / — NAME, ROLE
  // A quotation ending in a full stop ends its sentence: what follows names its speaker only as
  // a clause of its own ("“….” Jane Roe said."), not as the next sentence's subject.
  // A quotation inside a sentence may be attributed at the sentence's end instead: "… the
  // “beginning of the end” for the circus, said Jane Roe."
  SpeakerCue After(const QuoteSpan& q) const {
    const bool full_stop = cx_.Punct(q.e - 1, '.');
    SpeakerCue c = AfterClause(q.after);
    if (c.kind != CueKind::kNone) {
      if (!full_stop) return c;
      return verb_end_ > 0 && ClauseEnds(verb_end_) ? c : SpeakerCue{};
    }
    if (full_stop || cx_.Punct(q.e - 1, '?') || cx_.Punct(q.e - 1, '!')) return {};
    for (uint32_t k = q.after; k < n_ && k - q.after < kAfterWindow; ++k) {
      if (Newline(k) || cx_.Quoted(k) || cx_.SentenceEnd(k)) break;
      if (!cx_.Comma(k)) continue;
      c = AfterClause(k);
      if (c.kind != CueKind::kNone && verb_end_ > 0 && ClauseEnds(verb_end_) && !cx_.Comma(verb_end_)) return c;
    }
    return {};
  }
  SpeakerCue AfterClause(uint32_t k) const {
    verb_end_ = 0;
    bool dash = false;
    for (int s = 0; s < 2 && k < n_ && !Newline(k); ++s) {
      if (cx_.Comma(k)) {
        ++k;
      } else if (cx_.Dash(k) || cx_.Punct(k, '-')) {
        dash = true;
        ++k;
        if (cx_.Punct(k, '-')) ++k;  // "--"
      } else {
        break;
      }
    }
    if (k >= n_ || Newline(k) || cx_.Quoted(k)) return {};
    uint32_t limit = k;
    while (limit < n_ && limit - k < kAfterWindow && !(limit > k && Newline(limit)) && !cx_.Quoted(limit)) ++limit;
    if (dash) {
      SpeakerCue c = SubjectForward(k, limit);
      if (c.kind != CueKind::kName) return {};
      verb_end_ = c.e;
      return c;
    }
    if (cx_.Is(k, "according") && cx_.Is(k + 1, "to")) {
      SpeakerCue c = AccordingTo(k + 2, limit);
      verb_end_ = c.e;
      return c;
    }
    if (Verb(k)) {
      if (!(cx_.QFlags(k) & kInverts)) return {};
      uint32_t s = k + 1;
      while (s < limit && Aux(s) && s - k < 3) ++s;  // "said today Jane Roe" is rare, "said also" is not
      SpeakerCue c = SubjectForward(s, limit);
      if (c.kind == CueKind::kNone && Preposition(s)) {  // "wrote on Twitter Jane Roe"
        uint32_t p = s + 1;
        if (cx_.Determiner(p)) ++p;
        for (int w = 0; w < 2 && p < limit && cx_.Word(p) && cx_.NameAt(p) < 0; ++w) ++p;
        if (cx_.NameAt(p) >= 0) p = cx_.Name(cx_.NameAt(p)).e;
        c = SubjectForward(p, limit);
        if (c.kind != CueKind::kName || !cx_.PersonName(c.name)) c = {};
      }
      if (c.kind == CueKind::kPronoun) return {};  // "said it was": the pronoun begins a clause
      verb_end_ = c.e;
      return c;
    }
    // A verb the list lacks before a person: "…," enthused Jane Roe, …
    if (cx_.Word(k) && cx_.T(k).lower_initial && cx_.NameAt(k) < 0) {
      std::string_view w = cx_.Low(k);
      if (EndsWith(w, "ed") || EndsWith(w, "s")) {
        SpeakerCue c = SubjectForward(k + 1, limit);
        if (c.kind == CueKind::kName && cx_.PersonName(c.name) &&
            (c.e >= limit || cx_.Comma(c.e) || cx_.SentenceEnd(c.e))) {
          verb_end_ = c.e;
          return c;
        }
      }
    }
    SpeakerCue c = SubjectForward(k, limit);
    if (c.kind == CueKind::kNone) return {};
    uint32_t m = c.e;
    if (AbbrevDot(m)) ++m;  // "Acme Corp. said"
    if (cx_.Punct(m, '(')) {
      while (m < limit && !cx_.Punct(m, ')') && m - c.e < kBracketWindow) ++m;
      if (!cx_.Punct(m, ')')) return {};
      ++m;
    }
    if (cx_.Comma(m) && (Verb(m + 1) || Aux(m + 1))) {  // "the spokesman, Jane Roe, said": the comma closed it
      ++m;
    } else if (cx_.Comma(m)) {  // "Jane Roe, a California Democrat, said"
      uint32_t j = m + 1;
      while (j < limit && !(cx_.Comma(j) && (Verb(j + 1) || Aux(j + 1))) && !cx_.SentenceEnd(j) && j - m < kAppositionWindow) ++j;
      if (!cx_.Comma(j)) return {};
      m = j + 1;
    }
    for (int s = 0; s < 3 && m < limit && Aux(m); ++s) ++m;
    if (m < limit && Verb(m)) {
      verb_end_ = m + 1;
      // "Acme quoted Jane Roe as saying" names the speaker after the verb.
      if (cx_.Is(m, "quoted")) {
        SpeakerCue o = SubjectForward(m + 1, limit);
        if (o.kind != CueKind::kNone && cx_.Is(o.e, "as")) return o;
      }
      return c;
    }
    // A verb the list lacks right after a name: "Jane Roe enthused."
    if (c.kind == CueKind::kName && m < limit && cx_.Word(m) && cx_.T(m).lower_initial && EndsWith(cx_.Low(m), "ed") &&
        (m + 1 >= limit || cx_.Comma(m + 1) || cx_.SentenceEnd(m + 1))) {
      verb_end_ = m + 1;
      return c;
    }
    return {};
  }

  // The reporting verb nearest before token o in [lo, o) and the speaker it names (see Before);
  // found_verb_ tells whether there was one.
  SpeakerCue VerbCue(uint32_t lo, uint32_t o) const {
    found_verb_ = false;
    for (uint32_t j = o; j-- > lo;) {
      if (cx_.Quoted(j)) continue;
      if (cx_.Is(j, "according") && cx_.Is(j + 1, "to")) {
        SpeakerCue c = AccordingTo(j + 2, o);
        if (c.kind != CueKind::kNone) return c;
      }
      if (!Verb(j)) continue;
      found_verb_ = true;
      // The passive names its speaker after "by" ("was praised by Jane Roe as"), or not at all.
      uint32_t p = j;
      while (p > lo && Aux(p - 1) && !BeForm(p - 1) && j - p < 2) --p;
      if (p > lo && BeForm(p - 1) && !cx_.Is(j, "saying")) {
        if (cx_.Is(j + 1, "by")) {
          SpeakerCue c = SubjectForward(j + 2, o);
          if (c.kind != CueKind::kNone) return c;
        }
        continue;
      }
      // "Acme quoted Jane Roe as saying", "Jane Roe was quoted as saying"
      if (cx_.Is(j, "saying") && j > lo && cx_.Is(j - 1, "as")) {
        for (uint32_t k = j - 1; k-- > lo && j - k < 12;) {
          if (!cx_.Is(k, "quoted") && !cx_.Is(k, "quotes")) continue;
          if (k > lo && BeForm(k - 1)) return SubjectBefore(k - 1, lo);
          SpeakerCue c = SubjectForward(k + 1, j - 1);
          if (c.kind != CueKind::kNone) return c;
          break;
        }
      }
      // "…, saying", "in a letter stating": the clause's subject, most often a pronoun standing
      // for it; but "with Jane Roe saying" is hers.
      if (EndsWith(cx_.Low(j), "ing")) {
        uint32_t b = j;
        while (b > lo && Aux(b - 1) && j - b < 2) --b;
        if (b > lo && cx_.PersonName(cx_.NameAt(b - 1))) return PersonCue(cx_.NameAt(b - 1), lo);
        SpeakerCue c = ClauseSubject(lo, j);
        if (c.kind == CueKind::kPronoun || (c.kind == CueKind::kName && cx_.PersonName(c.name))) return c;
        for (uint32_t k = j - 1; k-- > lo;)
          if (!cx_.Quoted(k) && (cx_.Is(k, "he") || cx_.Is(k, "she"))) return Cue(CueKind::kPronoun, k, k + 1);
        return c;
      }
      SpeakerCue c = SubjectBefore(j, lo);
      if (c.kind != CueKind::kNone) return c;
      if (cx_.QFlags(j) & kInverts) {  // "said Jane Roe: “…”" (but "said it was “…”" begins a clause)
        c = SubjectForward(j + 1, o);
        if (c.kind != CueKind::kNone && c.kind != CueKind::kPronoun && c.e + 2 >= o) return c;
      }
      return ClauseSubject(lo, j);
    }
    return {};
  }

  // A quotation opening a sentence with no speaker of its own, after a sentence of the same
  // paragraph that reports someone's words: "Jane Roe said the plant would close. “We tried.”"
  // A paragraph that opens with a quotation may follow one whose last sentence reports the
  // speaker ("Jane Roe said she saw the cars. ¶ “It was sad.”"), unless that ends in a quotation.
  SpeakerCue PreviousSentence(uint32_t o) const {
    if (o == 0 || (Newline(o) && cx_.Quoted(o - 1))) return {};
    uint32_t lo = o - 1;
    while (lo > 0 && o - lo < kSentenceWindow && !Newline(lo) &&
           !(cx_.T(lo).sentence_start && (!cx_.Quoted(lo) || OpensQuote(lo))))
      --lo;
    if (!(cx_.T(lo).sentence_start || Newline(lo) || lo == 0)) return {};
    return VerbCue(lo, o);
  }

  // ---- before the opening mark, in its sentence.
  SpeakerCue Before(const QuoteSpan& q) const {
    const uint32_t o = q.open;
    if (o == 0) return {};
    uint32_t lo = o;
    // The sentence holding the opening mark; a paragraph ending in a colon leads into the next.
    while (lo > 0 && o - lo < kSentenceWindow) {
      const NToken& t = cx_.T(lo);
      if (lo < o && t.newline_before) break;
      if (lo == o && (t.newline_before || t.sentence_start) && !cx_.Punct(o - 1, ':')) break;
      if (lo < o && t.sentence_start && (!cx_.Quoted(lo) || OpensQuote(lo))) break;
      --lo;
    }
    if (lo == o) return PreviousSentence(o);
    SpeakerCue c = VerbCue(lo, o);
    if (c.kind != CueKind::kNone || found_verb_) return c;
    // A label: "Jane Roe, chief executive of Acme: “…”": the nearest person before the colon
    // whose name a comma (a role follows) or the colon ends.
    if (cx_.Punct(o - 1, ':')) {
      for (uint32_t j = o - 1; j-- > lo;) {
        const int32_t nm = cx_.NameAt(j);
        if (nm < 0 || cx_.Name(nm).e != j + 1 || !(cx_.Comma(j + 1) || cx_.Punct(j + 1, ':'))) continue;
        if (cx_.PersonName(nm)) return PersonCue(nm, lo);
        if (cx_.PersonTail(nm)) return Cue(CueKind::kName, std::max(cx_.Name(nm).b, lo), j + 1, nm);
      }
    }
    // No reporting verb, but a clause of a person's leading into the quotation: "Jane Roe left
    // this farewell, “…”".
    if (cx_.Comma(o - 1) || cx_.Punct(o - 1, ':')) {
      c = ClauseSubject(lo, o - 1);
      if ((c.kind == CueKind::kName && cx_.PersonName(c.name)) || c.kind == CueKind::kPronoun) return c;
    }
    return {};
  }

  const QuoteContext& cx_;
  const uint32_t n_;
  mutable uint32_t verb_end_ = 0;  // AfterClause: the token after the attribution's verb (or subject)
  mutable bool found_verb_ = false;  // VerbCue: a reporting verb was seen
};

}  // namespace

SpeakerCue FindSpeakerCue(const QuoteContext& cx, size_t q) { return CueFinder(cx).Find(q); }

}  // namespace corroborate::extract
