// Products among the names (see entity_scanner.h): a maker followed by a model number, and names
// the article treats as things launched, owned or versioned. Tested in entities_test.cc.
#include "extract/entity_scanner.h"

namespace corroborate::extract {

// "Acme 737", "Acme 787 Skyliner", "Acme 737s": a maker followed by a model number is one product
// named with its maker. Years and amounts are no model numbers. Runs before Resolve.
void Scanner::ModelNames() {
  auto model = [&](uint32_t i) {
    if (i >= n_ || T(i).newline_before || T(i).sentence_start || title_line_[i]) return false;
    std::string_view w = Tx(i);
    size_t d = 0;
    while (d < w.size() && w[d] >= '0' && w[d] <= '9') ++d;
    if (d < 3 || d > 4) return false;
    if (d == 4 && (w[0] == '1' || w[0] == '2')) return false;  // 1990, 2008: a year
    std::string_view rest = w.substr(d);
    if (!(rest.empty() || rest == "s" || (rest[0] == '-' && rest.size() > 1))) return false;
    // "Acme 500 million": an amount.
    if (i + 1 < n_ && Word(i + 1) && !CapWord(i + 1)) {
      std::string_view nx = Lower(i + 1);
      if (nx == "million" || nx == "billion" || nx == "trillion" || nx == "percent" || nx == "jobs" ||
          nx == "employees" || nx == "workers" || nx == "people" || nx == "staff" || nx == "shares")
        return false;
    }
    return true;
  };
  size_t n = cands_.size();
  for (size_t ci = 0; ci < n; ++ci) {
    Cand& c = cands_[ci];
    if (c.key.empty() || c.type != EntityType::kOrg || c.acronym || !model(c.e)) continue;
    std::string_view last = Lower(c.e - 1);
    if (last == "flight" || last == "route" || last == "gate" || last == "terminal" || last == "street") continue;
    uint32_t e2 = c.e + 1;
    while (e2 < n_ && e2 < c.e + 3 && CapWord(e2) && !T(e2).newline_before && !T(e2).sentence_start &&
           !(F(e2) & kNotName))
      ++e2;
    c.parent = c.canon;
    c.type = EntityType::kProduct;
    c.strength = kLikely;
    c.ticker.clear();
    // Key: the model's words, numbers included ("737", "787 skyliner"); "737s" is the 737.
    c.key.clear();
    for (uint32_t k = c.e; k < e2; ++k) {
      std::string_view w = Tx(k);
      if (k == c.e && w.size() == 4 && w.back() == 's') w.remove_suffix(1);
      if (!c.key.empty()) c.key += ' ';
      AppendLower(c.key, w);
      c.canon += ' ';
      c.canon += w;
    }
    for (size_t k = ci + 1; k < n && cands_[k].b < e2; ++k) cands_[k].key.clear();
    c.e = e2;
  }
}

// An organisation nobody lists that the article treats as a product ("the launch of Kestrel",
// "its Kestrel models", "787 Skyliner") is a product. Names the lists or a legal or organisation
// word make sure stay organisations.
void Scanner::ProductTyping() {
  std::vector<uint8_t> sure(out_.entities.size(), 0);
  std::vector<uint32_t> product(out_.entities.size(), 0), mentions(out_.entities.size(), 0);
  std::vector<int> entity_at(n_, -1);  // per token: the entity whose mention holds it
  for (const Cand& c : cands_)
    if (c.entity >= 0 && !c.nominal)
      for (uint32_t k = c.b; k < c.e; ++k) entity_at[k] = c.entity;
  for (const Cand& c : cands_) {
    if (c.entity < 0 || c.nominal) continue;
    if (c.strength >= kSure && c.type == EntityType::kOrg) sure[c.entity] = 1;
    if (out_.entities[c.entity].type != EntityType::kOrg) continue;
    ++mentions[c.entity];
    bool cue = false;
    // "its Kestrel models", "the Kestrel family": not "rival Kestrel models", a maker's.
    // The determiner may stand before an adjective or two: "the new Kestrel line".
    bool determiner = false;
    for (uint32_t k = c.b; k > 0 && k + 3 > c.b && !determiner; --k) {
      if (T(k - 1).possessive) {  // "Kestrel's forthcoming Falcon operating system"
        determiner = true;
        break;
      }
      if (!Word(k - 1)) break;
      std::string_view det = Lower(k - 1);
      determiner = det == "its" || det == "their" || det == "the" || det == "his" || det == "her" ||
                   det == "a" || det == "an";
      if (CapWord(k - 1)) break;
    }
    if (determiner && c.e < n_ && Word(c.e) && !CapWord(c.e) && (F(c.e) & kProductHead)) {
      cue = Lower(c.e) != "operating" || (c.e + 1 < n_ && Word(c.e + 1) && Lower(c.e + 1) == "system");
    }
    if (c.b >= 2 && Word(c.b - 1) && Lower(c.b - 1) == "of" && Word(c.b - 2) && (F(c.b - 2) & kProductCue))
      cue = true;
    if (c.b >= 1 && Word(c.b - 1) && !CapWord(c.b - 1) && (F(c.b - 1) & kProductCue)) cue = true;
    // "web browser Kestrel", "its operating system, Kestrel": a product noun just before the name.
    uint32_t before = c.b >= 2 && s_.tokens.IsPunct(c.b - 1, ',') ? c.b - 1 : c.b;
    if (before >= 1 && Word(before - 1) && !CapWord(before - 1) && (F(before - 1) & kProductHead)) cue = true;
    // "Kestrel, the newest version of ...": an apposition calling the name a product.
    if (s_.tokens.IsPunct(c.e, ',')) {
      for (uint32_t k = c.e + 1; k < n_ && k < c.e + 5 && Word(k) && !CapWord(k); ++k)
        if (F(k) & (kProductCue | kProductHead)) {
          cue = Lower(c.e + 1) == "the" || Lower(c.e + 1) == "a" || Lower(c.e + 1) == "an";
          break;
        }
    }
    if (c.b >= 1 && T(c.b - 1).kind == NKind::kNumber && !T(c.b).sentence_start && !T(c.b).newline_before &&
        T(c.b - 1).end + 1 == T(c.b).start && Tx(c.b - 1).size() == 3 && Tx(c.b - 1)[0] != '0' &&
        !(c.b >= 2 && T(c.b - 2).kind == NKind::kPunct && T(c.b - 2).end == T(c.b - 1).start) &&
        Tx(c.b - 1).find_first_not_of("0123456789") == std::string_view::npos)
      cue = true;  // "787 Skyliner"; not "2009 | Acme", "5,000 VIP guests"
    // "the firm behind Falcon": what a firm is said to be behind is its product.
    if (c.b >= 3 && Word(c.b - 1) && Lower(c.b - 1) == "behind" && Word(c.b - 2) && (F(c.b - 2) & kNominal))
      cue = true;
    // "Kestrel's Falcon": an unlisted name an organisation owns is its product. Acronyms are left
    // out ("Kestrel's CFO", "Kestrel's XYZ" may be roles or units).
    if (c.b >= 2 && T(c.b - 1).possessive && !T(c.b).upper && entity_at[c.b - 2] >= 0 &&
        entity_at[c.b - 2] != c.entity && out_.entities[entity_at[c.b - 2]].type == EntityType::kOrg)
      cue = true;
    if (cue) ++product[c.entity];
  }
  // At least half its mentions must say so: an organisation that acts all through the article
  // stays one even if one phrase reads like a product's.
  for (size_t i = 0; i < out_.entities.size(); ++i)
    if (product[i] && 2 * product[i] >= mentions[i] && !sure[i] && out_.entities[i].type == EntityType::kOrg)
      out_.entities[i].type = EntityType::kProduct;
  for (const Cand& c : cands_)
    if (c.entity >= 0 && !c.parent.empty() && out_.entities[c.entity].parent.empty())
      out_.entities[c.entity].parent = c.parent;
}

}  // namespace corroborate::extract
