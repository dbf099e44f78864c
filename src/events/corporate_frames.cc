// Closures, bankruptcies and financings from a sentence's syntax (see frame_context.h). A closure
// needs what is closed to be a site or a line ("close its Janesville plant"): closing a deal or a
// share price closing at a figure is none. Tested in frames_test.cc.
#include "events/frame_context.h"

namespace corroborate::events {
namespace {

bool In(std::string_view w, std::initializer_list<std::string_view> list) {
  for (std::string_view x : list) {
    if (w == x) return true;
  }
  return false;
}

bool SiteNoun(std::string_view w) {
  return In(w, {"plant", "plants", "factory", "factories", "store", "stores", "shop", "shops", "outlet", "outlets",
                "branch", "branches", "mine", "mines", "line", "lines", "office", "offices", "site", "sites",
                "facility", "facilities", "warehouse", "warehouses", "mill", "mills", "refinery", "refineries",
                "restaurants", "hotel", "hotels", "centre", "center", "centres", "centers", "division", "unit",
                "operations", "depot", "depots", "yard", "yards", "smelter", "studio", "studios"});
}

// The site a closure names after word `from`: up to eight words ending in a site noun, with no
// comma or preposition but "of" between; its words [*w0, *w1).
bool Site(const FrameContext& c, uint32_t from, uint32_t* w0, uint32_t* w1) {
  const auto& w = c.W();
  uint32_t end = c.syntax.ClauseEnd(from);
  for (uint32_t k = from; k < end && k < from + 8; ++k) {
    if (k > from && (w[k].comma_before || w[k].clause_before)) return false;
    if (SiteNoun(w[k].lower)) {
      *w0 = from;
      while (*w0 < k && In(w[*w0].lower, {"the", "a", "an", "its", "their", "down", "of"})) ++*w0;
      *w1 = k + 1;
      return true;
    }
    if (IsPreposition(w[k].lower) && w[k].lower != "of") return false;
  }
  return false;
}

}  // namespace

bool FillClosure(const FrameContext& c, Event& ev) {
  const Syntax& syn = c.syntax;
  const auto& w = c.W();
  uint32_t s0 = 0, s1 = 0;
  const Party* company = nullptr;
  if (c.trigger.verb) {
    if (!Site(c, c.t1, &s0, &s1)) return false;
    company = syn.Passive(c.t0) ? syn.Agent(c.t1 - 1) : syn.Subject(c.t0);
    if (syn.Passive(c.t0)) {
      // "The Janesville plant will be closed": the site is the subject.
      return false;
    }
  } else {
    // "the closure of three plants", "its plant closures".
    if (!Site(c, c.t1, &s0, &s1) && !(c.t0 > c.b() && SiteNoun(w[c.t0 - 1].lower) && (s0 = c.t0 - 1, s1 = c.t0, true)))
      return false;
    company = syn.Possessor(s0 < c.t0 ? s0 : c.t0);
  }
  if (company == nullptr && !c.salient.empty()) {
    RoleValue v;
    v.kind = RoleValue::Kind::kEntity;
    v.text = c.salient;
    ev.Set("company", v);
  } else if (company != nullptr && !company->person) {
    ev.Set("company", c.PartyValue(*company));
  } else {
    return false;
  }
  ev.Set("subject", c.TextValue(s0, s1));
  for (uint32_t k = s0; k < s1; ++k) {
    int32_t q = w[k].quantity;
    if (q >= 0 && c.mentions.quantities[q].kind != QuantityKind::kMoney) {
      ev.Set("count", c.QuantityValue(q));
      break;
    }
  }
  // "in Long Beach, California": a place after the site.
  for (uint32_t k = s1; k < syn.ClauseEnd(s1) && k < s1 + 6; ++k) {
    if (w[k].entity < 0) continue;
    const EntityMention& m = c.mentions.entities.mentions[w[k].entity];
    if (c.mentions.entities.entities[m.entity].type != EntityType::kLoc) continue;
    RoleValue v;
    v.kind = RoleValue::Kind::kEntity;
    v.text = c.mentions.entities.entities[m.entity].canonical;
    v.span = Span{m.start, m.end};
    ev.Set("location", v);
    break;
  }
  int32_t d = c.ClauseDate();
  if (d >= 0) ev.Set("date", c.DateValue(d));
  ev.status = c.ClauseStatus();
  return true;
}

bool FillBankruptcy(const FrameContext& c, Event& ev) {
  const Party* company = c.syntax.Subject(c.t0);
  if (company == nullptr) company = c.syntax.Possessor(c.t0);
  if (company == nullptr || company->person) return false;
  ev.Set("company", c.PartyValue(*company));
  const auto& w = c.W();
  for (uint32_t k = c.b(); k + 1 < c.e(); ++k) {
    if (w[k].lower == "chapter" && w[k + 1].quantity >= 0) {
      ev.Set("chapter", c.TextValue(k, k + 2));
      break;
    }
  }
  int32_t d = c.ClauseDate();
  if (d >= 0) ev.Set("date", c.DateValue(d));
  ev.status = c.ClauseStatus();
  if (ev.status == EventStatus::kUnknown) ev.status = EventStatus::kCompleted;
  return true;
}

bool FillFinancing(const FrameContext& c, Event& ev) {
  const Syntax& syn = c.syntax;
  const Party* lender = nullptr;
  const Party* borrower = nullptr;
  if (c.trigger.verb) {
    // "the Treasury will lend Globex $4 billion", "lent $4 billion to Globex", "bail out Globex".
    lender = syn.Subject(c.t0);
    borrower = syn.Object(c.t1);
    if (borrower == nullptr) borrower = syn.After(c.t1, {"to"});
  } else {
    // "a $4 billion loan from the Treasury", "Globex received a bailout", "the bailout of Globex by X".
    lender = syn.After(c.t1, {"from", "by"});
    borrower = syn.After(c.t1, {"to", "of", "for"});
    if (borrower == nullptr) borrower = syn.Possessor(c.t0);
    if (borrower == nullptr) {
      for (uint32_t k = c.t0; k > c.b() && k + 6 > c.t0; --k) {
        if (In(c.W()[k - 1].lower, {"received", "receives", "secured", "obtained", "got", "won", "sought", "seeks",
                                    "needs", "took"})) {
          borrower = syn.Subject(k - 1);
          break;
        }
        if (In(c.W()[k - 1].lower, {"provided", "provides", "offered", "offers", "granted", "approved", "extended"})) {
          lender = lender != nullptr ? lender : syn.Subject(k - 1);
          break;
        }
      }
    }
  }
  if (borrower == nullptr || (lender != nullptr && lender->name == borrower->name)) return false;
  ev.Set("borrower", c.PartyValue(*borrower));
  if (lender != nullptr) ev.Set("lender", c.PartyValue(*lender));
  RoleValue instrument;
  instrument.kind = RoleValue::Kind::kText;
  instrument.text = c.trigger.detail;
  ev.Set("instrument", instrument);
  int32_t q = c.QuantityBefore(c.t0, QuantityKind::kMoney);
  if (q < 0) q = c.QuantityAfter(c.t1, {"of", "worth", "totaling", "totalling"}, QuantityKind::kMoney);
  if (q < 0) {
    for (uint32_t k = c.t1; k < syn.ClauseEnd(c.t1) && k < c.t1 + 6; ++k) {
      int32_t x = c.W()[k].quantity;
      if (x >= 0 && c.mentions.quantities[x].kind == QuantityKind::kMoney) { q = x; break; }
    }
  }
  if (q >= 0) ev.Set("amount", c.QuantityValue(q));
  int32_t d = c.ClauseDate();
  if (d >= 0) ev.Set("date", c.DateValue(d));
  ev.status = c.ClauseStatus();
  return true;
}

}  // namespace corroborate::events
