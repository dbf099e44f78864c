// A quotation's speaker from the words that name it (see speaker_resolve.h). Tested in
// quotes_test.cc.
#include "extract/speaker_resolve.h"

#include <algorithm>
#include <string_view>

namespace corroborate::extract {
namespace {

constexpr size_t kLookBack = 400;  // mentions searched back for a pronoun's or title's person

// The lower-case words of a name or role, without a final full stop.
std::vector<std::string> LowerWords(std::string_view s) {
  std::vector<std::string> out;
  std::string cur;
  for (size_t i = 0; i <= s.size(); ++i) {
    const char c = i < s.size() ? s[i] : ' ';
    if (c == ' ' || c == ',') {
      if (!cur.empty() && cur.back() == '.') cur.pop_back();
      if (!cur.empty()) out.push_back(cur);
      cur.clear();
    } else {
      cur.push_back((c >= 'A' && c <= 'Z') ? static_cast<char>(c | 0x20) : c);
    }
  }
  return out;
}

bool Suffix(const std::string& w) { return w == "jr" || w == "sr" || w == "ii" || w == "iii" || w == "iv"; }

// Whether a role names the job `key` ("chairman"; "ceo" also stands for "chief executive").
bool RoleHas(const std::string& role, std::string_view key) {
  const std::vector<std::string> w = LowerWords(role);
  for (size_t i = 0; i < w.size(); ++i) {
    if (w[i] == key) return true;
    if (key == "ceo" && w[i] == "chief" && i + 1 < w.size() && w[i + 1] == "executive") return true;
  }
  return false;
}

}  // namespace

SpeakerResolver::SpeakerResolver(const QuoteContext& cx) : cx_(cx) {
  const size_t ne = cx.em.entities.size();
  first_.assign(ne, UINT32_MAX);
  gender_.assign(ne, Gender::kUnknown);
  for (const NameSpan& s : cx.scan.names)
    if (s.entity >= 0) first_[static_cast<size_t>(s.entity)] = std::min(first_[static_cast<size_t>(s.entity)], s.b);
  const Gazetteer& g = Gazetteer::Get();
  for (size_t k = 0; k < cx.scan.names.size(); ++k) {
    const NameSpan& s = cx.scan.names[k];
    if (s.entity < 0 || s.nominal || cx.Quoted(s.b)) continue;
    const size_t e = static_cast<size_t>(s.entity);
    if (cx.PersonEntity(e)) people_.push_back({s.b, static_cast<int32_t>(k)});
    else if (cx.em.entities[e].type == EntityType::kOrg) orgs_.push_back({s.b, static_cast<int32_t>(k)});
  }
  for (size_t e = 0; e < ne; ++e) {
    const Entity& en = cx.em.entities[e];
    if (!cx.PersonEntity(e) || first_[e] == UINT32_MAX) continue;
    std::vector<std::string> w = LowerWords(en.canonical);
    while (w.size() > 2 && Suffix(w.back())) w.pop_back();
    if (w.empty()) continue;
    gender_[e] = g.GivenNameGender(w.front());
    if (w.size() < 2) continue;
    by_surname_[w.back()].push_back(static_cast<int32_t>(e));
    by_given_[w.front()].push_back(static_cast<int32_t>(e));
  }
  auto by_first = [&](int32_t a, int32_t b) { return first_[static_cast<size_t>(a)] < first_[static_cast<size_t>(b)]; };
  for (auto& [_, v] : by_surname_) std::sort(v.begin(), v.end(), by_first);
  for (auto& [_, v] : by_given_) std::sort(v.begin(), v.end(), by_first);
  // "Mr." and "Ms." say what the given name may not.
  for (const Mention& m : people_) {
    uint32_t t = m.tok;
    if (t > 0 && cx.Punct(t - 1, '.')) --t;
    if (t == 0 || !cx.Word(t - 1)) continue;
    std::string_view h = cx.Low(t - 1);
    const Gender sex = h == "mr" ? Gender::kMale : (h == "ms" || h == "mrs" || h == "miss") ? Gender::kFemale : Gender::kUnknown;
    if (sex != Gender::kUnknown) {
      const int32_t p = PersonOf(m);
      if (p >= 0) gender_[static_cast<size_t>(p)] = sex;
    }
  }
}

int32_t SpeakerResolver::FullPerson(std::string_view lower_word, uint32_t at) const {
  const std::string key(lower_word);
  const std::vector<int32_t>* v = nullptr;
  if (auto s = by_surname_.find(key); s != by_surname_.end()) {
    v = &s->second;
  } else if (auto f = by_given_.find(key); f != by_given_.end()) {
    v = &f->second;
  } else {
    return -1;
  }
  int32_t best = v->front();  // introduced only later: the first of them
  for (int32_t p : *v)
    if (first_[static_cast<size_t>(p)] <= at) best = p;  // the latest introduced before `at`
  return best;
}

int32_t SpeakerResolver::PersonOf(const Mention& m) const {
  const int32_t e = cx_.Name(m.span).entity;
  const std::string& c = cx_.em.entities[static_cast<size_t>(e)].canonical;
  if (c.find(' ') != std::string::npos) return e;
  std::string low;
  AppendLower(low, c);
  const int32_t p = FullPerson(low, m.tok);
  return p >= 0 ? p : e;
}

int32_t SpeakerResolver::RecentPerson(uint32_t at, Gender g) const {
  // A person whose given name (or "Mr."/"Ms.") says the pronoun's sex is preferred to a more
  // recent one whose name says nothing ("Kestrel Roe" may be no person at all), when no more than
  // this many sentences further back.
  constexpr uint32_t kSexedReach = 4;
  const int32_t any = RecentPersonOf(at, g, false);
  if (any < 0 || g == Gender::kUnknown || gender_[static_cast<size_t>(any)] != Gender::kUnknown) return any;
  if (spoke_.count(any)) return any;  // named as the speaker of an earlier quote: a person indeed
  const uint32_t any_seen = last_seen_;
  const int32_t sexed = RecentPersonOf(at, g, true);
  if (sexed >= 0 && cx_.Sentence(any_seen) <= cx_.Sentence(last_seen_) + kSexedReach) return sexed;
  last_seen_ = any_seen;
  return any;
}

int32_t SpeakerResolver::RecentPersonOf(uint32_t at, Gender g, bool need_sex) const {
  auto it = std::lower_bound(people_.begin(), people_.end(), at, [](const Mention& m, uint32_t t) { return m.tok < t; });
  const size_t idx = static_cast<size_t>(it - people_.begin());
  // The latest sentence naming a fitting person; in it, the one a reporting verb follows
  // ("Mr. Roe said"), else the earliest (most often the sentence's subject).
  int32_t best = -1;
  uint32_t sentence = UINT32_MAX;
  bool speaking = false;
  for (size_t i = idx; i-- > 0 && idx - i < kLookBack;) {
    const Mention& m = people_[i];
    if (sentence != UINT32_MAX && cx_.Sentence(m.tok) != sentence) break;
    const int32_t p = PersonOf(m);
    const Gender pg = gender_[static_cast<size_t>(p)];
    if (g != Gender::kUnknown && pg != Gender::kUnknown && pg != g) continue;
    if (need_sex && pg == Gender::kUnknown) continue;
    sentence = cx_.Sentence(m.tok);
    const bool says = SaysNext(cx_.Name(m.span).e);
    if (speaking && !says) continue;
    best = p;
    last_seen_ = m.tok;
    speaking |= says;
  }
  return best;
}

uint32_t SpeakerResolver::DescribedSince(uint32_t from, uint32_t at, Gender g) const {
  constexpr uint32_t kWindow = 300;  // tokens searched back
  uint32_t found = cx_.n;
  for (uint32_t t = std::max(from + 1, at > kWindow ? at - kWindow : 0); t + 2 < at; ++t) {
    if (!(cx_.T(t).sentence_start || cx_.T(t).newline_before) || cx_.Quoted(t)) continue;
    const std::string_view d = cx_.Low(t);  // a view into the context's lower-case text: stays valid
    if (d != "the" && d != "a" && d != "an" && d != "another" && d != "one") continue;
    for (uint32_t k = t + 1; k <= t + 2 && k < at; ++k) {
      if (!cx_.Word(k) || !cx_.T(k).lower_initial || cx_.NameAt(k) >= 0) break;
      // "the man", "a spokeswoman"; not "the chairman": a title with "the" names someone named
      if (!cx_.SpeakerNoun(k) || (d == "the" && (cx_.Flags(k) & kRole))) continue;
      if (NounSex(cx_.Low(k)) != Gender::kUnknown && g != Gender::kUnknown && NounSex(cx_.Low(k)) != g) break;
      // "A spokeswoman did not respond to a request for comment" quotes nobody afterwards.
      bool silent = false;
      for (uint32_t j = k + 1; j < at && j < k + 12 && !cx_.T(j).sentence_start; ++j) {
        const std::string_view w = cx_.Low(j);
        silent |= w == "declined" || w == "respond" || w == "responded" || w == "reached" || w == "unavailable";
      }
      if (!silent) found = k;
      break;
    }
  }
  return found;
}

Gender SpeakerResolver::NounSex(std::string_view w) {
  if (w == "man" || w == "men" || w == "father" || w == "husband" || w == "son" || w == "brother" ||
      w == "spokesman" || w == "chairman" || w == "boy")
    return Gender::kMale;
  if (w == "woman" || w == "women" || w == "mother" || w == "wife" || w == "daughter" || w == "sister" ||
      w == "spokeswoman" || w == "chairwoman" || w == "girl")
    return Gender::kFemale;
  return Gender::kUnknown;
}

bool SpeakerResolver::SaysNext(uint32_t i) const {
  for (int k = 0; k < 2 && i < cx_.n && cx_.Word(i) && (cx_.QFlags(i) & kAux); ++k) ++i;
  return i < cx_.n && cx_.Word(i) && (cx_.QFlags(i) & kSpeechVerb) && cx_.T(i).lower_initial;
}

int32_t SpeakerResolver::RecentOrg(uint32_t at) const {
  auto it = std::lower_bound(orgs_.begin(), orgs_.end(), at, [](const Mention& m, uint32_t t) { return m.tok < t; });
  const size_t idx = static_cast<size_t>(it - orgs_.begin());
  int32_t best = -1;
  uint32_t sentence = UINT32_MAX;
  for (size_t i = idx; i-- > 0 && idx - i < kLookBack;) {
    const Mention& m = orgs_[i];
    if (sentence != UINT32_MAX && cx_.Sentence(m.tok) != sentence) break;
    best = cx_.Name(m.span).entity;
    sentence = cx_.Sentence(m.tok);
  }
  return best;
}

int32_t SpeakerResolver::RecentOrgNamed(std::string_view word, uint32_t at) const {
  const std::string key(word);
  auto it = std::lower_bound(orgs_.begin(), orgs_.end(), at, [](const Mention& m, uint32_t t) { return m.tok < t; });
  const size_t idx = static_cast<size_t>(it - orgs_.begin());
  for (size_t i = idx; i-- > 0 && idx - i < kLookBack;) {
    const int32_t e = cx_.Name(orgs_[i].span).entity;
    for (const std::string& w : LowerWords(cx_.em.entities[static_cast<size_t>(e)].canonical))
      if (w == key) return e;
  }
  return -1;
}

int32_t SpeakerResolver::PersonWithRole(std::string_view key, const std::string& org, uint32_t at) const {
  auto it = std::lower_bound(people_.begin(), people_.end(), at, [](const Mention& m, uint32_t t) { return m.tok < t; });
  const size_t idx = static_cast<size_t>(it - people_.begin());
  for (size_t i = idx; i-- > 0 && idx - i < kLookBack;) {
    const int32_t p = PersonOf(people_[i]);
    const Entity& en = cx_.em.entities[static_cast<size_t>(p)];
    if (!RoleHas(en.role, key)) continue;
    if (!org.empty() && !en.org.empty() && en.org != org) continue;
    return p;
  }
  return -1;
}

ResolvedSpeaker SpeakerResolver::FromEntity(int32_t entity, SpeakerKind kind) const {
  ResolvedSpeaker r;
  if (entity < 0) return r;
  const Entity& en = cx_.em.entities[static_cast<size_t>(entity)];
  r.entity = entity;
  r.name = en.canonical;
  if (en.type == EntityType::kPerson) {
    r.role = en.role;
    r.org = en.org;
  }
  r.kind = kind;
  return r;
}

ResolvedSpeaker SpeakerResolver::Nominal(const SpeakerCue& cue) const {
  // The head: the last speaker noun outside names ("a spokeswoman for Acme", "the company's
  // chief executive").
  uint32_t head = cue.e;
  for (uint32_t j = cue.b; j < cue.e; ++j)
    if (cx_.NameAt(j) < 0 && cx_.SpeakerNoun(j)) head = j;
  if (head == cue.e) {
    // "the university": the latest organisation whose name has that word.
    const uint32_t w = cue.e - 1;
    if (!(cx_.Flags(w) & (kOrgSuffix | kNominal))) return {};
    return FromEntity(RecentOrgNamed(cx_.Low(w), cue.b), SpeakerKind::kOrganisation);
  }
  // The organisation the phrase names; "… for Acme" after the head is not part of the role.
  std::string org;
  uint32_t rb = cue.b, re = cue.e;
  for (uint32_t j = cue.b; j < cue.e; ++j) {
    const int32_t nm = cx_.NameAt(j);
    if (nm < 0) continue;
    const Entity& en = cx_.EntityOf(nm);
    // "a spokeswoman for Sen. Jane Roe": she speaks for a person, named in the organisation's place.
    if (en.type == EntityType::kPerson && org.empty() && j > head && !cx_.Name(nm).nominal) {
      org = en.canonical;
      for (uint32_t p = head + 1; p < j && re == cue.e; ++p)
        if (cx_.Word(p) && cx_.T(p).lower_initial && !cx_.Determiner(p) && !cx_.SpeakerNoun(p)) re = p;
    }
    if (en.type == EntityType::kOrg && org.empty()) {
      org = en.canonical;
      for (uint32_t p = head + 1; p < j && re == cue.e; ++p)
        if (cx_.Word(p) && cx_.T(p).lower_initial && !cx_.Determiner(p) && !cx_.SpeakerNoun(p)) re = p;
    }
    j = std::max(j, cx_.Name(nm).e - 1);
  }
  while (rb < head && (cx_.Determiner(rb) || cx_.NameAt(rb) >= 0 || cx_.T(rb).possessive)) {
    const int32_t nm = cx_.NameAt(rb);
    rb = nm >= 0 ? std::max(cx_.Name(nm).e, rb + 1) : rb + 1;
  }
  // "the chairman", "the company's chief executive": a role the article gives a person.
  const std::string_view first = cx_.Low(cue.b);
  const bool definite = first == "the" || first == "its" || first == "his" || first == "her" || first == "their" ||
                        (cx_.NameAt(cue.b) >= 0 && head > cue.b && cx_.T(head - 1).possessive);
  if (definite && (cx_.Flags(head) & kRole)) {
    std::string key(cx_.Low(head));
    if (key == "executive" && head > cue.b && cx_.Low(head - 1) == "chief") key = "ceo";
    const int32_t p = PersonWithRole(key, org, cue.b);
    if (p >= 0) return FromEntity(p, SpeakerKind::kResolved);
  }
  // "the spokesperson" after "an Acme spokesperson": the organisation it was introduced with.
  if (org.empty() && definite) org = IntroducedOrg(cx_.Low(head), cue.b);
  ResolvedSpeaker r;
  r.kind = SpeakerKind::kNominal;
  if (rb < re) {
    const uint32_t s = cx_.T(rb).start, e = cx_.T(re - 1).end;
    r.role = std::string(cx_.scan.tokens.text.substr(s, e - s));
  }
  r.org = org;
  return r;
}

std::string SpeakerResolver::IntroducedOrg(std::string_view head, uint32_t at) const {
  constexpr uint32_t kWindow = 300;  // tokens searched back
  const std::string word(head);
  for (uint32_t t = at; t-- > 0 && at - t < kWindow;) {
    if (cx_.Quoted(t) || !cx_.Word(t) || cx_.Low(t) != word) continue;
    // "an Acme spokesperson", "Acme's spokesperson": an organisation just before (past one modifier)
    for (uint32_t p = t; p > 0 && t - p < 3; --p) {
      const int32_t nm = cx_.NameAt(p - 1);
      if (nm >= 0) {
        if (cx_.EntityOf(nm).type == EntityType::kOrg) return cx_.EntityOf(nm).canonical;
        break;
      }
      if (!cx_.Word(p - 1) && !cx_.T(p - 1).possessive) break;
    }
    // "a spokesperson for Acme"
    uint32_t f = t + 1;
    if (f < cx_.n && (cx_.Is(f, "for") || cx_.Is(f, "at") || cx_.Is(f, "of"))) {
      if (cx_.Determiner(f + 1)) ++f;
      const int32_t nm = cx_.NameAt(f + 1);
      if (nm >= 0 && cx_.EntityOf(nm).type == EntityType::kOrg) return cx_.EntityOf(nm).canonical;
    }
  }
  return {};
}

ResolvedSpeaker SpeakerResolver::Resolve(const SpeakerCue& cue) const {
  ResolvedSpeaker r = ResolveCue(cue);
  if (cue.kind == CueKind::kName && r.entity >= 0) spoke_.insert(r.entity);
  return r;
}

ResolvedSpeaker SpeakerResolver::ResolveCue(const SpeakerCue& cue) const {
  switch (cue.kind) {
    case CueKind::kNone:
      return {};
    case CueKind::kPronoun: {
      const std::string_view w = cx_.Low(cue.b);
      if (w == "he" || w == "she") {
        const int32_t p = RecentPerson(cue.b, w == "he" ? Gender::kMale : Gender::kFemale);
        // A person described without a name since ("The man, who had hurt his ankle, …") is
        // more recent than any named one: a nominal speaker.
        const Gender sex = w == "he" ? Gender::kMale : Gender::kFemale;
        const uint32_t from = p >= 0 ? last_seen_ : 0;
        const uint32_t noun = DescribedSince(from, cue.b, sex);
        if (noun < cx_.n) {
          ResolvedSpeaker r;
          r.kind = SpeakerKind::kNominal;
          r.role = std::string(cx_.Text(noun));
          return r;
        }
        return FromEntity(p, SpeakerKind::kResolved);
      }
      return FromEntity(RecentOrg(cue.b), SpeakerKind::kOrganisation);
    }
    case CueKind::kNominal:
      return Nominal(cue);
    case CueKind::kName:
      break;
  }
  if (cue.name < 0) {  // capitals the entity scan left out: a surname of someone named, or a name
    const int32_t p = FullPerson(cx_.Low(cue.e - 1), cue.b);
    if (p >= 0) return FromEntity(p, SpeakerKind::kResolved);
    // The last word of a longer name given before, which the entity scan did not take for a
    // person's ("Zorvat Keel" … "Keel said").
    const std::string word(cx_.Low(cue.e - 1));
    for (size_t e = 0; e < cx_.em.entities.size(); ++e) {
      const Entity& en = cx_.em.entities[e];
      if (en.type != EntityType::kOrg || first_[e] >= cue.b || !en.ticker.empty()) continue;
      const std::vector<std::string> w = LowerWords(en.canonical);
      if (w.size() >= 2 && w.size() <= 3 && w.back() == word) return FromEntity(static_cast<int32_t>(e), SpeakerKind::kResolved);
    }
    ResolvedSpeaker r;
    const uint32_t s = cx_.T(cue.b).start, e = cx_.T(cue.e - 1).end;
    r.name = std::string(cx_.scan.tokens.text.substr(s, e - s));
    r.kind = SpeakerKind::kNamed;
    return r;
  }
  const NameSpan& span = cx_.Name(cue.name);
  const int32_t e = span.entity;
  const Entity& en = cx_.em.entities[static_cast<size_t>(e)];
  if (span.nominal) return FromEntity(e, en.type == EntityType::kOrg ? SpeakerKind::kOrganisation : SpeakerKind::kResolved);
  const bool one_word = en.canonical.find(' ') == std::string::npos;
  if (cx_.PersonEntity(static_cast<size_t>(e))) {
    if (one_word) {
      std::string low;
      AppendLower(low, en.canonical);
      const int32_t p = FullPerson(low, cue.b);
      if (p >= 0 && p != e) return FromEntity(p, SpeakerKind::kResolved);
    }
    return FromEntity(e, span.e - span.b >= 2 ? SpeakerKind::kNamed : SpeakerKind::kResolved);
  }
  if (cx_.PersonTail(cue.name)) {  // "Air Force for Acquisition Jane Roe": her name is the tail
    ResolvedSpeaker r;
    const uint32_t s = cx_.T(span.e - 2).start, end = cx_.T(span.e - 1).end;
    r.name = std::string(cx_.scan.tokens.text.substr(s, end - s));
    r.kind = SpeakerKind::kNamed;
    return r;
  }
  if (en.type != EntityType::kOrg && one_word) {  // "said Jordan" after "Jim Jordan", typed a place
    std::string low;
    AppendLower(low, en.canonical);
    const int32_t p = FullPerson(low, cue.b);
    if (p >= 0) return FromEntity(p, SpeakerKind::kResolved);
  }
  return FromEntity(e, SpeakerKind::kOrganisation);
}

}  // namespace corroborate::extract
