// Acquisitions and contracts from a sentence's syntax (see frame_context.h): buying a company is an
// acquisition, buying goods or services (aircraft, a licence, "$5 billion of cloud capacity") is a
// contract. Parties come from grammatical roles (subject, object, passive agent, "X's acquisition
// of Y", "an order from X"), never from the nearest name. Tested in frames_test.cc.
#include <cstdio>
#include <string_view>

#include "events/frame_context.h"
#include "extract/gazetteer.h"

namespace corroborate::events {
namespace {

// The goods a verb or a noun names after word `from`: a noun phrase of a count and the things
// counted, or of a product ("60 Boeing 787 Dreamliner aircraft", "20 of Boeing's larger 777
// planes", "tankers"); its words [*w0, *w1). Stops at a preposition that opens another role
// ("for $4.6 billion", "from Boeing"), a comma or the clause's end.
bool Goods(const FrameContext& c, uint32_t from, uint32_t* w0, uint32_t* w1) {
  const auto& w = c.W();
  uint32_t end = c.syntax.ClauseEnd(from);
  uint32_t i = from;
  while (i < end && In(w[i].lower, {"a", "an", "the", "up", "to", "as", "many", "some", "about", "new", "further",
                                    "another", "more", "additional"}))
    ++i;
  // "ordered from Vantor": a preposition opens another role; the verb has no goods.
  if (i >= end || IsPreposition(w[i].lower)) return false;
  uint32_t j = i;
  bool counted = false, named = false, plural = false;
  while (j < end && !(j > i && (w[j].comma_before || w[j].clause_before))) {
    const std::string& x = w[j].lower;
    if (j > i && (In(x, {"for", "from", "with", "in", "at", "to", "worth", "valued", "by", "on", "over", "which", "that",
                         "and", "who", "as", "under", "while", "but", "earlier", "later", "last", "next", "this",
                         "yesterday", "today", "ago", "recently", "since"}) ||
                  w[j].date >= 0))
      break;
    if (w[j].quantity >= 0) {
      const Quantity& q = c.mentions.quantities[w[j].quantity];
      if (q.kind == QuantityKind::kMoney || q.kind == QuantityKind::kPercent) break;
      counted = true;
    }
    if (w[j].entity >= 0) {
      EntityType t = c.mentions.entities.entities[c.mentions.entities.mentions[w[j].entity].entity].type;
      if (t == EntityType::kPerson || t == EntityType::kLoc) return false;
      named = true;
    }
    if (x.size() > 3 && x.back() == 's' && !w[j].capitalized) plural = true;
    ++j;
  }
  // "20 of Boeing's larger 777 planes": the count, "of", then the goods.
  if (j == i + 1 && counted && j < end && w[j].lower == "of") return Goods(c, j + 1, w0, w1) && (*w0 = i, true);
  if (j <= i || !(counted || named || plural)) return false;
  // "the Dutch port operator Kestrel Terminals": a noun phrase that ends in an organisation's
  // name is that organisation, bought as a company.
  // A count before the name makes it products again ("20 Dreamliners").
  if (const Party* head = c.syntax.At(j - 1); head != nullptr && !head->possessive && !counted) return false;
  *w0 = i;
  *w1 = j;
  return true;
}

// The maker of goods named in words [w0, w1): the maker a product's name begins with ("Airbus
// A320 jets", found by the extract stage), the maker of a listed model ("20 Skyliners" when the
// model list names Skyliner's maker; a name the list knows as a model is never the maker itself),
// a party among them ("Boeing's 777 planes"), or the company a product's name begins with when
// the company list or the article knows it.
const Party* Maker(const FrameContext& c, uint32_t w0, uint32_t w1, const std::vector<Party>& parties, Party* scratch) {
  const auto& w = c.W();
  auto made_by = [&](uint32_t i, std::string_view name) {
    scratch->name = std::string(name);
    scratch->w0 = i;
    scratch->w1 = i + 1;
    scratch->person = false;
    scratch->possessive = scratch->stand_in = scratch->reporter = false;
    scratch->listed = true;
    return scratch;
  };
  for (uint32_t i = w0; i < w1; ++i) {
    if (w[i].entity >= 0) {
      const Entity& e = c.mentions.entities.entities[c.mentions.entities.mentions[w[i].entity].entity];
      if (e.type == EntityType::kProduct && !e.parent.empty()) return made_by(i, e.parent);
    }
    if (w[i].quantity >= 0) continue;  // "five 737 aircraft": a count is no model
    std::string_view maker = ModelMaker(w[i].lower);
    if (!maker.empty()) return made_by(i, maker);
  }
  // A listed company ("Boeing's 777 planes"); a capitalised guess there is more likely the
  // product's own name ("20 Dreamliners").
  for (const Party& p : parties) {
    if (p.w0 >= w0 && p.w1 <= w1 && !p.person && !p.stand_in && p.listed) return &p;
  }
  for (uint32_t i = w0; i < w1; ++i) {
    if (w[i].entity < 0) continue;
    const EntityMention& m = c.mentions.entities.mentions[w[i].entity];
    if (c.mentions.entities.entities[m.entity].type != EntityType::kProduct) continue;
    const std::string& first = w[i].lower;
    for (const Party& p : parties) {
      if (!p.person && c.W()[p.w0].lower == first) {
        *scratch = p;
        scratch->w0 = i;
        scratch->w1 = i + 1;
        return scratch;
      }
    }
    if (extract::Gazetteer::Get().Company(first) != nullptr) {
      return made_by(i, std::string_view(c.article.text).substr(w[i].start, w[i].end - w[i].start));
    }
  }
  return nullptr;
}

// The goods of words [w0, w1) as a value: counts in figures, without the hedges, determiners and
// common adjectives around them ("60 of its new mid-sized A350 jets" → "60 A350 jets"); the span
// keeps the words as written.
RoleValue GoodsValue(const FrameContext& c, uint32_t w0, uint32_t w1) {
  const auto& w = c.W();
  RoleValue v = c.TextValue(w0, w1);
  std::string text;
  for (uint32_t k = w0; k < w1; ++k) {
    std::string word;
    int32_t q = w[k].quantity;
    if (q >= 0 && (k == w0 || w[k - 1].quantity != q)) {
      char buf[32];
      std::snprintf(buf, sizeof buf, "%.15g", c.mentions.quantities[q].value);
      word = buf;
    } else if (q >= 0) {
      continue;
    } else if (!In(w[k].lower, {"of", "its", "their", "these", "those", "the", "a", "an", "up", "to", "as", "many",
                                "new", "additional", "further", "more", "larger", "large", "massive", "mid", "sized",
                                "extra", "latest", "existing", "brand", "some", "about", "nearly", "around"})) {
      word = c.article.text.substr(w[k].start, w[k].end - w[k].start);
    }
    if (!word.empty()) text += (text.empty() ? "" : " ") + word;
  }
  if (!text.empty()) v.text = text;
  return v;
}

// "to supply the Ruritanian Air Force (RAF) with 14 tankers": the goods follow "with" after the one
// supplied (and a bracketed short name of it); words [*g0, *g1). A comma before "with" ends the
// phrase ("to supply the RAF, with deliveries from 2011" names no goods).
bool GoodsAfterWith(const FrameContext& c, const Party& recipient, uint32_t* g0, uint32_t* g1) {
  const auto& w = c.W();
  uint32_t end = c.syntax.ClauseEnd(recipient.w0);
  uint32_t k = recipient.w1;
  auto gap = [&](uint32_t i) {  // the characters between word i - 1 and word i
    return std::string_view(c.article.text).substr(w[i - 1].end, w[i].start - w[i - 1].end);
  };
  if (k < end && gap(k).find('(') != std::string_view::npos) {
    uint32_t j = k;
    while (j < end && j < k + 4 && gap(j).find(')') == std::string_view::npos) ++j;
    if (j >= end || j == k + 4) return false;
    k = j;
    if (gap(k).find(',') != std::string_view::npos) return false;
  } else if (k < end && (w[k].comma_before || w[k].clause_before)) {
    return false;
  }
  return k + 1 < end && w[k].lower == "with" && Goods(c, k + 1, g0, g1);
}

// "support for Zephyr, which Globex has licensed from Initech", "the 20 jets that Globex ordered":
// in an object relative clause the goods are the antecedent of "which"/"that", the noun phrase
// before it (back to a preposition, a verb or the sentence's start); words [*g0, *g1). The
// clause's subject `buyer` follows the pronoun. What one licenses is named like a company
// ("Zephyr"): a name alone is goods after "licensed", and after other verbs needs the counts or
// plurals Goods asks for.
bool Antecedent(const FrameContext& c, const Party& buyer, uint32_t* g0, uint32_t* g1) {
  const auto& w = c.W();
  uint32_t rel = buyer.w0;
  if (rel < c.b() + 2 || !In(w[rel - 1].lower, {"which", "that"})) return false;
  uint32_t a1 = rel - 1;  // the noun phrase ends before the pronoun
  uint32_t a0 = a1;
  while (a0 > c.b() && a1 - a0 < 6 && !w[a0].clause_before && !(a0 < a1 && w[a0].comma_before) &&
         !IsPreposition(w[a0 - 1].lower) && !IsAuxiliary(w[a0 - 1].lower) && !IsDeterminer(w[a0 - 1].lower) &&
         !In(w[a0 - 1].lower, {"adds", "add", "added", "and", "or", "but", "uses", "use", "used", "said", "says"}))
    --a0;
  if (a0 == a1) return false;
  // The relative clause's verb has no object of its own: the antecedent fills that gap ("the claim
  // that X ordered Lopez to ..." is no relative clause, its "that" opens what is claimed).
  if (c.syntax.Object(c.t1) != nullptr) return false;
  // "that" opens a content clause as often ("the news that X ordered"): its antecedent must count
  // or name what was bought.
  if (w[rel - 1].lower == "that") {
    bool counted_or_named = false;
    for (uint32_t k = a0; k < a1; ++k) counted_or_named |= w[k].quantity >= 0 || w[k].entity >= 0;
    if (!counted_or_named) return false;
  }
  std::string_view verb = w[c.t0].lower;
  if (In(verb, {"licensed", "licenses", "license"})) {
    for (uint32_t k = a0; k < a1; ++k) {
      const Party* p = c.syntax.At(k);
      if (p != nullptr && (p->person || p->stand_in)) return false;
    }
    *g0 = a0;
    *g1 = a1;
    return true;
  }
  return Goods(c, a0, g0, g1) && *g1 == a1;
}

void SetParty(const FrameContext& c, Event& ev, const char* role, const Party* p) {
  if (p != nullptr && ev.Find(role) == nullptr) ev.Set(role, c.PartyValue(*p));
}

// The seller who won a contract: "X and Y won an order", "X and Y defeated Z to win a contract" tell
// of one order won together (a consortium), so the seller is both, named as partners are ("X, Y").
// Orders in the plural ("X and Y won orders") may be one each: the first only is kept then.
void SetSellers(const FrameContext& c, Event& ev, const Party* subject) {
  if (subject == nullptr || ev.Find("seller") != nullptr) return;
  const auto& w = c.W();
  // Each name once ("Globex (GLX)" is one party), the last joined by "and".
  std::vector<const Party*> all;
  for (const Party* p : c.syntax.Coordinated(subject)) {
    bool seen = false;
    for (const Party* q : all) seen |= q->name == p->name;
    if (!seen) all.push_back(p);
  }
  bool joined = false;
  if (all.size() >= 2) {
    for (uint32_t k = all[all.size() - 2]->w1; k < all.back()->w0; ++k) joined |= w[k].lower == "and";
  }
  const std::string& noun = w[c.t1 - 1].lower;
  bool singular = !noun.empty() && noun.back() != 's';
  if (!joined || !singular) {
    SetParty(c, ev, "seller", subject);
    return;
  }
  RoleValue v = c.PartyValue(*all.front());
  for (size_t k = 1; k < all.size(); ++k) {
    if (all[k]->person || all[k]->stand_in) return SetParty(c, ev, "seller", subject);
    v.text += ", " + all[k]->name;
  }
  v.span.end = w[all.back()->w1 - 1].end;
  ev.Set("seller", v);
}

// Amount of a deal: "for $X", "worth $X", "a $X deal", "valued at $X", with a per-share price
// told apart ("$82 a share").
// "raised its offer", "a sweetened bid": the trigger names a new value of a deal told before.
bool Raised(const FrameContext& c) {
  const auto& w = c.W();
  for (uint32_t k = c.t0; k > c.b() && k + 4 > c.t0; --k) {
    if (In(w[k - 1].lower, {"raised", "raises", "raise", "raising", "increased", "increases", "lifted", "lifts",
                            "sweetened", "sweetens", "boosted", "boosts", "upped", "improved", "revised"}))
      return true;
    if (w[k].comma_before || w[k].clause_before) break;
  }
  return false;
}

// Amount of a deal: "for $X", "worth $X", "a $X deal", "valued at $X", with a per-share price
// told apart ("$82 a share"). A raised offer's new value follows "to", its earlier one "from".
void SetAmounts(const FrameContext& c, Event& ev, const char* total_role, const char* per_share_role) {
  const auto& w = c.W();
  bool raised = Raised(c);
  int32_t q = raised ? c.QuantityAfter(c.t1, {"to"}, QuantityKind::kMoney) : -1;
  if (q < 0) q = c.QuantityAfter(c.t1, {"for", "worth", "at", "of", "totaling", "totalling", "valued"}, QuantityKind::kMoney);
  if (q < 0) q = c.QuantityBefore(c.t0, QuantityKind::kMoney);
  if (q < 0) return;
  auto per_share = [&](int32_t x) {
    const Quantity& m = c.mentions.quantities[x];
    uint32_t after = 0;
    while (after < w.size() && w[after].start < m.end) ++after;
    return after + 1 < w.size() && ((In(w[after].lower, {"a", "per"}) && w[after + 1].lower == "share") ||
                                    w[after].lower == "each");
  };
  // A figure with "a share" after it, or one whose earlier figure has it ("to $82 from $75 a share").
  int32_t before = raised ? c.QuantityAfter(c.t1, {"from"}, QuantityKind::kMoney) : -1;
  bool share = per_share(q) || (before >= 0 && per_share(before));
  const char* role = share ? per_share_role : total_role;
  if (role == nullptr) return;
  RoleValue v = c.QuantityValue(q);
  if (before >= 0 && before != q) v.earlier.push_back(c.QuantityValue(before));
  ev.Set(role, v);
}

// The verb that governs a noun trigger ("won a $13 billion contract", "placed an order"): its word,
// or UINT32_MAX.
uint32_t GoverningVerb(const FrameContext& c) {
  const auto& w = c.W();
  // Up to six words back; a figure counts as none ("a US$ 40 billion (GB £20.1 billion) contract").
  int words = 0;
  for (uint32_t k = c.t0; k > c.b() && words < 7; --k) {
    if (w[k].comma_before && w[k - 1].quantity < 0) break;
    if (w[k].clause_before) break;
    if (w[k - 1].quantity < 0) ++words;
    const std::string& x = w[k - 1].lower;
    if (In(x, {"won", "win", "wins", "winning", "secured", "landed", "received", "awarded", "signed", "signs", "sign",
               "placed", "placing", "announced", "announces", "inked", "got", "lost", "defeated", "finalised",
               "finalized", "negotiated", "completed", "agreed", "reached", "struck", "made", "make", "makes",
               "cancelled", "canceled", "scrapped", "revived", "entered"}))
      return k - 1;
    // "X defeated Y for a contract": beating the rival for it wins it.
    if (x == "for" && k >= c.b() + 3) {
      const Party* rival = c.syntax.At(k - 2);
      if (rival != nullptr && rival->w1 == k - 1 && rival->w0 > c.b() &&
          In(w[rival->w0 - 1].lower, {"defeated", "beat", "outbid"}))
        return rival->w0 - 1;
    }
    if (IsPreposition(x) && !In(x, {"of", "to"})) break;
  }
  return UINT32_MAX;
}

// Whether words [w0, w1) name aircraft without naming which: counts, determiners and aircraft
// nouns only ("55", "six of these aeroplanes", "new airliners"). Empty words name nothing.
bool UnnamedAircraft(const FrameContext& c, uint32_t w0, uint32_t w1) {
  const auto& w = c.W();
  bool any = false;
  for (uint32_t i = w0; i < w1; ++i) {
    if (w[i].quantity >= 0) {
      if (c.mentions.quantities[w[i].quantity].kind == QuantityKind::kMoney) return false;
      any = true;
    } else if (EventLexicon::Get().WordClass(w[i].lower) == "aircraft") {
      any = true;
    } else if (w[i].capitalized || !In(w[i].lower, {"of", "these", "those", "the", "its", "their", "new", "more",
                                                   "additional", "further", "extra", "used", "wide", "body",
                                                   "narrow", "long", "short", "haul", "mid", "sized", "passenger",
                                                   "cargo"})) {
      return false;
    }
  }
  return any;
}

// "Launch customer Kestrel Air has ordered 55", "bought six of these aeroplanes": an order of
// aircraft that names neither the model nor its seller, in an article whose headline names one
// maker of the listed models (data/product_makers.tsv), is an order of that maker's aircraft.
// Goods that name anything else, or a headline naming no maker or two, leave the seller empty.
void SellerFromArticle(const FrameContext& c, Event& ev, uint32_t g0, uint32_t g1) {
  const RoleValue* buyer = ev.Find("buyer");
  if (buyer == nullptr || ev.Find("seller") != nullptr || !UnnamedAircraft(c, g0, g1)) return;
  std::string_view maker = MakerInTitle(c.article.title);
  if (maker.empty() || buyer->text == maker) return;
  RoleValue v;
  v.kind = RoleValue::Kind::kEntity;
  v.text = std::string(maker);
  ev.Set("seller", v);
}

}  // namespace

bool FillAcquisition(const FrameContext& c, Event& ev) {
  const Syntax& syn = c.syntax;
  const auto& w = c.W();
  if (c.verb) {
    if (w[c.t0].lower == "pay" || w[c.t0].lower == "pays" || w[c.t0].lower == "paid") {
      // "X agreed to pay $2 billion for Y".
      SetParty(c, ev, "target", syn.After(c.t1, {"for"}));
      SetParty(c, ev, "acquirer", syn.Subject(c.t0));
      int32_t q = c.QuantityAt(c.t1);
      if (q >= 0 && c.mentions.quantities[q].kind == QuantityKind::kMoney) ev.Set("amount", c.QuantityValue(q));
    } else if (syn.Passive(c.t0)) {
      // "Y was acquired by X", "Y, which was bought by X".
      SetParty(c, ev, "target", syn.Subject(c.t0));
      SetParty(c, ev, "acquirer", syn.Agent(c.t1 - 1));
    } else {
      const Party* object = syn.Object(c.t1);
      if (object == nullptr || object->person) return false;  // goods are a contract's (FillContract)
      SetParty(c, ev, "target", object);
      SetParty(c, ev, "acquirer", syn.Subject(c.t0));
    }
  } else {
    // "X's acquisition of Y", "a bid for Y", "the acquisition of Y by X", "X announced the
    // purchase of Y".
    SetParty(c, ev, "target", syn.After(c.t1, {"of", "for"}));
    SetParty(c, ev, "acquirer", syn.Possessor(c.t0));
    SetParty(c, ev, "acquirer", syn.After(c.t1, {"by"}));
    uint32_t v = GoverningVerb(c);
    if (v != UINT32_MAX) SetParty(c, ev, "acquirer", syn.Subject(v));
  }
  // Who buys and what: both, and not one another.
  const RoleValue* target = ev.Find("target");
  const RoleValue* acquirer = ev.Find("acquirer");
  if (target == nullptr || acquirer == nullptr || acquirer->text == target->text) return false;
  if (ev.Find("amount") == nullptr) SetAmounts(c, ev, "amount", "price_per_share");
  int32_t stake = c.QuantityBefore(c.t0, QuantityKind::kPercent);
  if (stake < 0) stake = c.QuantityAfter(c.t1, {"of"}, QuantityKind::kPercent);
  if (stake >= 0) ev.Set("stake", c.QuantityValue(stake));
  int32_t d = c.ClauseDate();
  if (d >= 0) ev.Set("date", c.DateValue(d));
  ev.status = c.ClauseStatus();
  return true;
}

bool FillContract(const FrameContext& c, Event& ev) {
  const Syntax& syn = c.syntax;
  const auto& w = c.W();
  std::vector<Party> none;
  Party scratch;
  uint32_t g0 = 0, g1 = 0;
  const std::string& trig = w[c.t0].lower;
  if (c.verb) {
    // "X ordered 20 jets from Y", "X will purchase 20 of Y's planes", "X leased 100 tankers from
    // Y", "which Apple has licensed from Microsoft".
    // A passive names no buyer as subject; "lease" is said of lessor and lessee alike.
    if (syn.Passive(c.t0) || trig == "lease" || trig == "leases") return false;
    const Party* buyer = syn.Subject(c.t0);
    SetParty(c, ev, "buyer", buyer);
    if (Goods(c, c.t1, &g0, &g1)) {
      ev.Set("subject", GoodsValue(c, g0, g1));
    } else if (buyer != nullptr && Antecedent(c, *buyer, &g0, &g1)) {
      ev.Set("subject", GoodsValue(c, g0, g1));  // "ActiveSync, which Globex has licensed from X"
    }
    SetParty(c, ev, "seller", syn.After(c.t1, {"from", "with"}));
    // "exercising its options with Boeing to purchase five jets": the seller in the phrase the
    // verb's "to" clause hangs on.
    uint32_t g = syn.GroupStart(c.t0);
    if (ev.Find("seller") == nullptr && g < c.t0) SetParty(c, ev, "seller", syn.After(g, {"with", "from"}));
    if (g1 > g0) {
      std::vector<Party> all;
      for (uint32_t i = g0; i < g1; ++i) {
        if (const Party* p = syn.At(i)) all.push_back(*p);
      }
      SetParty(c, ev, "seller", Maker(c, g0, g1, all, &scratch));
    }
    // "X has ordered US$ 6 billion in new airliners": the object is the amount, the goods follow "in".
    int32_t money = c.QuantityAt(c.t1);
    if (money >= 0 && c.mentions.quantities[money].kind == QuantityKind::kMoney) {
      ev.Set("amount", c.QuantityValue(money));
      uint32_t k = c.t1;
      while (k < c.e() && w[k].quantity == money) ++k;
      if (k < c.e() && w[k].lower == "in" && Goods(c, k + 1, &g0, &g1)) SellerFromArticle(c, ev, g0, g1);
    } else {
      SellerFromArticle(c, ev, g0, g1);
    }
  } else {
    uint32_t v = GoverningVerb(c);
    std::string_view verb = v == UINT32_MAX ? std::string_view() : std::string_view(w[v].lower);
    const Party* from = syn.After(c.t1, {"from"});
    if (In(verb, {"won", "win", "wins", "winning", "secured", "landed", "received", "got", "defeated"})) {
      // "X has won an order from Y", "X won a contract to supply Y with ...".
      SetSellers(c, ev, syn.Subject(v));
      SetParty(c, ev, "buyer", from);
      for (uint32_t k = c.t1; k + 1 < syn.ClauseEnd(c.t1); ++k) {
        if (In(w[k].lower, {"supply", "provide", "deliver", "build"}) && k > 0 && w[k - 1].lower == "to") {
          const Party* to = syn.Object(k + 1);
          SetParty(c, ev, "buyer", to);
          if (to != nullptr && !to->person && GoodsAfterWith(c, *to, &g0, &g1)) ev.Set("subject", GoodsValue(c, g0, g1));
          break;
        }
      }
    } else if (In(verb, {"announced", "announces"}) && from != nullptr) {
      // "X announced 35 new orders from Y and Z".
      SetParty(c, ev, "seller", syn.Subject(v));
      SetParty(c, ev, "buyer", from);
    } else if (v != UINT32_MAX) {
      // "X signed a contract with Y", "X placed an order with Y", "the deal to lease ... from Y";
      // but "X signed a contract with Y to supply ...": the one who supplies sells.
      bool supplies = false;
      for (uint32_t k = c.t1; k + 1 < syn.ClauseEnd(c.t1); ++k) {
        supplies |= w[k].lower == "to" && In(w[k + 1].lower, {"supply", "provide", "deliver", "build", "sell", "operate"});
      }
      SetParty(c, ev, supplies ? "seller" : "buyer", syn.Subject(v));
      SetParty(c, ev, supplies ? "buyer" : "seller", syn.After(c.t1, {"with", "from"}));
    }
    // "The Air India order", "Qatar's previous order for 2 A380s": the buyer named before it.
    if (In(trig, {"order", "orders"})) {
      SetParty(c, ev, "buyer", syn.Possessor(c.t0));
      if (ev.Find("buyer") == nullptr && c.t0 > c.b()) {
        const Party* pre = syn.At(c.t0 - 1);
        if (pre != nullptr && !pre->person) SetParty(c, ev, "buyer", pre);
      }
    }
    // "an agreement with Y to purchase $38 billion worth of cloud services", "a contract to supply
    // 14 tankers": the verb after the noun names the sum or the goods.
    for (uint32_t k = c.t1; k + 2 < syn.ClauseEnd(c.t1); ++k) {
      if (w[k].lower != "to" || !In(w[k + 1].lower, {"purchase", "buy", "supply", "provide", "lease", "deliver", "build"}))
        continue;
      int32_t money = c.QuantityAt(k + 2);
      if (money >= 0 && c.mentions.quantities[money].kind == QuantityKind::kMoney) {
        ev.Set("amount", c.QuantityValue(money));
      } else if (Goods(c, k + 2, &g0, &g1)) {
        ev.Set("subject", GoodsValue(c, g0, g1));
      } else if (const Party* to = syn.Object(k + 2); to != nullptr && !to->person && ev.Find("subject") == nullptr &&
                                                       GoodsAfterWith(c, *to, &g0, &g1)) {
        ev.Set("subject", GoodsValue(c, g0, g1));  // "a contract to supply X with 14 tankers"
      }
      break;
    }
    // "negotiated the purchase of 22 Vantor 310 jets": the goods bought after "of" (a company after
    // it is an acquisition's, FillAcquisition).
    if (In(trig, {"purchase", "purchases"}) && c.t1 < syn.ClauseEnd(c.t1) && w[c.t1].lower == "of" &&
        ev.Find("subject") == nullptr && Goods(c, c.t1 + 1, &g0, &g1)) {
      ev.Set("subject", GoodsValue(c, g0, g1));
      std::vector<Party> all;
      for (uint32_t i = g0; i < g1; ++i) {
        if (const Party* p = syn.At(i)) all.push_back(*p);
      }
      SetParty(c, ev, "seller", Maker(c, g0, g1, all, &scratch));
    }
    uint32_t for_at = c.t1;
    while (for_at < syn.ClauseEnd(c.t1) && w[for_at].lower != "for") ++for_at;
    int32_t after_for = for_at + 1 < w.size() ? c.QuantityAt(for_at + 1) : -1;
    bool for_money = after_for >= 0 && c.mentions.quantities[after_for].kind == QuantityKind::kMoney;
    if (for_at < syn.ClauseEnd(c.t1) && !for_money && Goods(c, for_at + 1, &g0, &g1)) {
      ev.Set("subject", GoodsValue(c, g0, g1));
      std::vector<Party> all;
      for (uint32_t i = g0; i < g1; ++i) {
        if (const Party* p = syn.At(i)) all.push_back(*p);
      }
      SetParty(c, ev, "seller", Maker(c, g0, g1, all, &scratch));
    }
  }
  // A contract names who buys (the seller alone, "X has received five orders", says too little).
  const RoleValue* buyer = ev.Find("buyer");
  const RoleValue* seller = ev.Find("seller");
  if (buyer == nullptr || (seller != nullptr && buyer->text == seller->text)) return false;
  // A contract needs a party and one more thing said of it: the other party, the goods or the sum.
  int known = (buyer != nullptr) + (seller != nullptr) + (ev.Find("subject") != nullptr);
  if ((buyer == nullptr && seller == nullptr) || known < 2) {
    SetAmounts(c, ev, "amount", nullptr);
    if (ev.Find("amount") == nullptr || (buyer == nullptr && seller == nullptr)) return false;
  }
  if (ev.Find("amount") == nullptr) SetAmounts(c, ev, "amount", nullptr);
  // An agreement or a deal is a contract when it buys something: goods or a sum. "A deal to buy
  // Initech" is the acquisition's; one for marketing and support a partnership (FillPartnership).
  if (In(trig, {"agreement", "agreements", "deal", "deals"}) && ev.Find("subject") == nullptr &&
      ev.Find("amount") == nullptr)
    return false;
  int32_t d = c.ClauseDate();
  if (d >= 0) ev.Set("date", c.DateValue(d));
  ev.status = c.ClauseStatus();
  return true;
}

bool FillPartnership(const FrameContext& c, Event& ev) {
  const Syntax& syn = c.syntax;
  const auto& w = c.W();
  // The partners: the subject of the verb that governs the noun ("Globex and Initech formed a
  // joint venture", "Globex entered into an alliance with Initech"), the possessor ("Globex's
  // partnership with Initech"), and whom "with" or "between" names.
  std::vector<const Party*> partners;
  auto add = [&](const Party* p) {
    if (p == nullptr || p->person || p->reporter) return;
    for (const Party* q : syn.Coordinated(p)) {
      bool seen = false;
      for (const Party* x : partners) seen |= x->name == q->name;
      if (!seen && !q->person) partners.push_back(q);
    }
  };
  add(syn.Possessor(c.t0));
  uint32_t v = UINT32_MAX;
  for (uint32_t k = c.t0; k > c.b() && k + 7 > c.t0; --k) {
    if (w[k].comma_before || w[k].clause_before) break;
    const std::string& x = w[k - 1].lower;
    if (In(x, {"formed", "form", "forms", "forming", "entered", "enter", "enters", "signed", "sign", "signs", "agreed",
               "announced", "announces", "struck", "reached", "launched", "created", "set", "ending", "ended", "end",
               "ends", "terminated", "dissolved", "extended", "renewed", "expanded"})) {
      v = k - 1;
      break;
    }
  }
  if (v != UINT32_MAX) add(syn.Subject(v));
  add(syn.After(c.t1, {"with", "between"}));
  if (partners.size() < 2) return false;
  // "a deal to buy Initech", "an agreement to supply jets", "a deal worth $2 billion": a purchase,
  // not a partnership.
  for (uint32_t k = c.t1; k < syn.ClauseEnd(c.t1); ++k) {
    if ((w[k].lower == "to" && k + 1 < c.e() &&
         In(w[k + 1].lower, {"buy", "acquire", "purchase", "sell", "supply", "lease", "invest", "take", "merge", "pay"})) ||
        In(w[k].lower, {"worth", "valued"}) ||
        (w[k].quantity >= 0 && c.mentions.quantities[w[k].quantity].kind == QuantityKind::kMoney))
      return false;
  }
  std::string names;
  for (const Party* p : partners) names += (names.empty() ? "" : ", ") + p->name;
  RoleValue parties;
  parties.kind = RoleValue::Kind::kText;
  parties.text = names;
  parties.span = Span{w[partners.front()->w0].start, w[partners.back()->w1 - 1].end};
  if (parties.span.end < parties.span.start) parties.span = Span{};
  ev.Set("parties", parties);
  // "an agreement with Y for worldwide marketing and support for its jets": what the partners do
  // together is the noun phrase after "for", up to the next preposition or comma.
  for (uint32_t k = c.t1; k + 1 < syn.ClauseEnd(c.t1); ++k) {
    if (w[k].comma_before && k > c.t1) break;
    if (w[k].lower != "for" || syn.At(k + 1) != nullptr) continue;
    uint32_t j = k + 1;
    while (j < syn.ClauseEnd(c.t1) && j < k + 9 && !w[j].comma_before && !w[j].clause_before &&
           w[j].quantity < 0 && w[j].date < 0 && syn.At(j) == nullptr &&
           (!IsPreposition(w[j].lower) || w[j].hyphen_after) &&  // "after-sales" is a modifier
           !IsDeterminer(w[j].lower) && !IsAuxiliary(w[j].lower) && !In(w[j].lower, {"which", "that", "who"}))
      ++j;
    bool ends = j >= syn.ClauseEnd(c.t1) || w[j].comma_before || w[j].clause_before ||
                (IsPreposition(w[j].lower) && !w[j].hyphen_after);
    if (j > k + 1 && ends && w[j - 1].lower != "and") ev.Set("subject", c.TextValue(k + 1, j));
    break;
  }
  int32_t d = c.ClauseDate();
  if (d >= 0) ev.Set("date", c.DateValue(d));
  if (v != UINT32_MAX && In(w[v].lower, {"ending", "ended", "end", "ends", "terminated", "dissolved"})) {
    ev.status = EventStatus::kCancelled;
  } else {
    ev.status = c.ClauseStatus();
  }
  return true;
}

}  // namespace corroborate::events
