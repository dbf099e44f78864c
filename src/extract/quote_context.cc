// Per-token facts for the speaker scanners (see quote_context.h). Tested through quotes_test.cc.
#include "extract/quote_context.h"

#include <algorithm>
#include <unordered_map>

#include "core/ascii.h"

namespace corroborate::extract {

QuoteContext::QuoteContext(const EntityScan& s, const EntityMentions& m, const std::vector<QuoteSpan>& q)
    : scan(s), em(m), quotes(q), n(static_cast<uint32_t>(s.tokens.size())) {
  para_.resize(n);
  sentence_.resize(n);
  uint32_t para = 0, sentence = 0;
  for (uint32_t i = 0; i < n; ++i) {
    if (i > 0 && T(i).newline_before) ++para;
    if (i > 0 && (T(i).sentence_start || T(i).newline_before)) ++sentence;
    para_[i] = para;
    sentence_[i] = sentence;
  }
  quoted_.assign(n, 0);
  quote_at_.assign(n, -1);
  for (size_t k = 0; k < q.size(); ++k) {
    const uint32_t end = q[k].after < n ? q[k].after : n;
    for (uint32_t i = q[k].open; i < end; ++i) {
      quoted_[i] = 1;
      quote_at_[i] = static_cast<int32_t>(k);
    }
  }
  cache_.assign(n, 0);
  // The whole text lower-cased once (eight bytes at a time), so that Low's views stay valid.
  const std::string_view text = s.tokens.text;
  lower_.resize(text.size());
  ascii::LowerInto(text.data(), text.size(), lower_.data(), 0);
  FindPeople();
}

namespace {
// A word of a name in lower case, without a final full stop, into `out` (reused).
std::string_view LowerWord(std::string_view w, std::string& out) {
  if (w.size() > 1 && w.back() == '.') w.remove_suffix(1);
  out.clear();
  AppendLower(out, w);
  return out;
}
}  // namespace

bool QuoteContext::WrittenInLowerCase(std::string_view w) const {
  const std::string_view text = scan.tokens.text;
  for (size_t at = text.find(w); at != std::string_view::npos; at = text.find(w, at + 1)) {
    const bool starts = at == 0 || !ascii::IsAlpha(static_cast<unsigned char>(text[at - 1]));
    const bool ends = at + w.size() >= text.size() || !ascii::IsAlpha(static_cast<unsigned char>(text[at + w.size()]));
    if (starts && ends) return true;
  }
  return false;
}

void QuoteContext::FindPeople() {
  const size_t ne = em.entities.size();
  person_.assign(ne, 0);
  std::vector<uint32_t> first(ne, UINT32_MAX);
  for (const NameSpan& s : scan.names)
    if (s.entity >= 0) first[static_cast<size_t>(s.entity)] = std::min(first[static_cast<size_t>(s.entity)], s.b);
  std::unordered_map<std::string, std::vector<size_t>> single;  // one-word entities by lower case
  std::string low;
  for (size_t e = 0; e < ne; ++e) {
    const Entity& en = em.entities[e];
    if (en.type == EntityType::kPerson) person_[e] = 1;
    if (first[e] == UINT32_MAX || en.canonical.empty() || en.canonical.find(' ') != std::string::npos) continue;
    single[std::string(LowerWord(en.canonical, low))].push_back(e);
  }
  if (single.empty()) return;
  const Gazetteer& g = Gazetteer::Get();
  for (size_t e = 0; e < ne; ++e) {
    const Entity& en = em.entities[e];
    if (en.type != EntityType::kOrg || !en.ticker.empty() || first[e] == UINT32_MAX) continue;
    const std::string_view name = en.canonical;
    const size_t spaces = static_cast<size_t>(std::count(name.begin(), name.end(), ' '));
    if (spaces < 1 || spaces > 2) continue;
    // Two or three capitalised words, none an organisation or place word.
    bool name_like = true;
    std::string_view last;
    for (size_t at = 0; at <= name.size() && name_like;) {
      size_t end = name.find(' ', at);
      if (end == std::string_view::npos) end = name.size();
      const std::string_view w = name.substr(at, end - at);
      name_like = !w.empty() && w[0] >= 'A' && w[0] <= 'Z' &&
                  !(g.Flags(LowerWord(w, low)) & (kOrgSuffix | kOrgPrefix | kGeneric | kLocSuffix | kNotName));
      last = w;
      at = end + 1;
    }
    if (!name_like) continue;
    auto it = single.find(std::string(LowerWord(last, low)));
    // A last word the article also writes in lower case is a common word ("Falcon Heavy"), no surname.
    if (it == single.end() || WrittenInLowerCase(low)) continue;
    person_[e] = 1;
    for (size_t one : it->second)
      if (em.entities[one].type != EntityType::kLoc || first[one] > first[e]) person_[one] = 1;
  }
}

bool QuoteContext::PersonTail(int32_t k) const {
  if (k < 0 || Name(k).nominal || EntityOf(k).type == EntityType::kPerson) return false;
  const NameSpan& s = Name(k);
  if (s.e < s.b + 3) return false;
  const uint32_t last = s.e - 1, given = s.e - 2;
  return Word(last) && Word(given) && T(last).cap && !T(last).upper && T(given).cap &&
         (Flags(given) & kGivenName) && !(Flags(given) & (kNotName | kOrgSuffix | kRole | kRoleModifier)) &&
         !(Flags(last) & (kOrgSuffix | kLocSuffix | kGeneric | kNotName));
}

bool QuoteContext::Dash(uint32_t i) const {
  if (i >= n || T(i).kind != NKind::kPunct) return false;
  return IsDash(T(i).cp) || (T(i).cp == '-' && T(i).space_before);
}

bool QuoteContext::SentenceEnd(uint32_t i) const {
  if (i >= n || T(i).kind != NKind::kPunct) return false;
  const char32_t c = T(i).cp;
  return c == '.' || c == '!' || c == '?' || c == ';';
}

std::string_view QuoteContext::Low(uint32_t i) const {
  if (!Word(i)) return {};
  const NToken& t = T(i);
  uint32_t len = t.end - t.start;
  if (len > 1 && lower_[t.end - 1] == '.') --len;
  return std::string_view(lower_).substr(t.start, len);
}

// The lists' verdicts on word i, looked up once: bit 0 says they are known, bits 1-16 hold the
// gazetteer's flags, 17-24 the quote words' flags, 25 whether it is a speaker noun.
uint32_t QuoteContext::Known(uint32_t i) const {
  if (cache_[i] != 0) return cache_[i];
  const std::string_view w = Low(i);
  const uint16_t g = Gazetteer::Get().Flags(w);
  const uint8_t q = QuoteWords::Get().Flags(w);
  bool speaker = (q & kSpeakerNoun) || (g & kRole);
  if (!speaker && w.size() >= 4 && w.back() == 's') {  // a plural: "officials", "analysts"
    const std::string_view one = w.substr(0, w.size() - 1);
    speaker = QuoteWords::Get().Has(one, kSpeakerNoun) || (Gazetteer::Get().Flags(one) & kRole);
  }
  cache_[i] = 1u | (uint32_t{g} << 1) | (uint32_t{q} << 17) | (speaker ? 1u << 25 : 0u);
  return cache_[i];
}

uint16_t QuoteContext::Flags(uint32_t i) const { return Word(i) ? static_cast<uint16_t>(Known(i) >> 1) : 0; }

uint8_t QuoteContext::QFlags(uint32_t i) const { return Word(i) ? static_cast<uint8_t>(Known(i) >> 17) : 0; }

bool QuoteContext::SpeakerNoun(uint32_t i) const { return Word(i) && (Known(i) >> 25 & 1u) != 0; }

bool QuoteContext::Pronoun(uint32_t i) const {
  if (!Word(i)) return false;
  std::string_view w = Low(i);
  return w == "he" || w == "she" || w == "they" || w == "it";
}

bool QuoteContext::Determiner(uint32_t i) const {
  if (!Word(i)) return false;
  std::string_view w = Low(i);
  return w == "a" || w == "an" || w == "the" || w == "another" || w == "its" || w == "his" || w == "her" ||
         w == "their" || w == "one" || w == "our";
}

}  // namespace corroborate::extract
