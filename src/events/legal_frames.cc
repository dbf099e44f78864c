// Lawsuits, settlements, fines, charges and investigations from a sentence's syntax (see
// frame_context.h). `company` is the business party the case is about: the one sued, fined,
// charged or investigated when that is an organisation, else the one that sues; `counterparty` is
// the other side. Tested in frames_test.cc.
#include "events/frame_context.h"

namespace corroborate::events {
namespace {

bool In(std::string_view w, std::initializer_list<std::string_view> list) {
  for (std::string_view x : list) {
    if (w == x) return true;
  }
  return false;
}

// Words that make "settle" and "settlement" legal: what is settled is a case, a claim or a dispute.
bool LegalContext(const FrameContext& c) {
  for (uint32_t i = c.b(); i < c.e(); ++i) {
    if (In(c.W()[i].lower, {"lawsuit", "lawsuits", "suit", "dispute", "court", "case", "claims", "litigation",
                            "charges", "allegations", "trademark", "patent", "infringement", "legal", "sued",
                            "antitrust", "regulators", "regulator", "complaint"}))
      return true;
  }
  return false;
}

}  // namespace

bool FillLegal(const FrameContext& c, Event& ev) {
  const Syntax& syn = c.syntax;
  const auto& w = c.W();
  const std::string& kind = c.trigger.detail;
  const Party* plaintiff = nullptr;  // who sues, fines, charges or investigates
  const Party* defendant = nullptr;  // who is sued, fined, charged or investigated
  if (kind == "settlement" && !LegalContext(c)) return false;
  if (c.trigger.verb) {
    if (syn.Passive(c.t0)) {
      // "Globex was sued by Initech", "Globex was fined $2 million by the regulator".
      defendant = syn.Subject(c.t0);
      plaintiff = syn.Agent(c.t1 - 1);
    } else if (kind == "settlement") {
      // "Globex settled its dispute with Initech", "Globex and Initech settled".
      defendant = syn.Subject(c.t0);
      plaintiff = syn.After(c.t1, {"with"});
    } else if (kind == "charge") {
      return false;  // "charged with" is passive in all but form: handled above
    } else {
      // "Initech sued Globex", "the regulator is investigating Globex", "Initech filed suit against Globex".
      plaintiff = syn.Subject(c.t0);
      defendant = syn.Object(c.t1);
      if (defendant == nullptr) defendant = syn.After(c.t1, {"against", "into"});
    }
  } else {
    // "Initech's lawsuit against Globex", "a lawsuit was filed against Globex", "Initech filed a
    // lawsuit against Globex", "an investigation by the Commission into Globex", "charges against
    // Globex's finance chief".
    defendant = syn.After(c.t1, {"against", "into", "of"});
    plaintiff = syn.After(c.t1, {"by"});
    if (plaintiff == nullptr) plaintiff = syn.Possessor(c.t0);
    if (plaintiff == nullptr && c.t0 > c.b()) {
      const Party* pre = syn.At(c.t0 - 1);  // "an Initech lawsuit"
      if (pre != nullptr && !pre->possessive) plaintiff = pre;
    }
    if (plaintiff == nullptr) {
      // The subject of the verb that governs the noun ("Initech filed a lawsuit", "Globex reached a
      // settlement with Initech").
      for (uint32_t k = c.t0; k > c.b() && k + 6 > c.t0; --k) {
        if (w[k].comma_before || w[k].clause_before) break;
        const std::string& x = w[k - 1].lower;
        if (In(x, {"filed", "file", "files", "brought", "launched", "opened", "lost", "won", "reached", "settled",
                   "faces", "faced", "dropped", "withdrew"})) {
          const Party* subj = syn.Subject(k - 1);
          if (In(x, {"faces", "faced", "lost"}) && kind != "lawsuit") defendant = defendant ? defendant : subj;
          else if (kind == "settlement" || x == "reached") defendant = defendant ? defendant : subj;
          else plaintiff = subj;
          if (kind == "settlement" && plaintiff == nullptr) plaintiff = syn.After(c.t1, {"with"});
          break;
        }
      }
    }
    if (kind == "settlement" && plaintiff == nullptr) plaintiff = syn.After(c.t1, {"with", "between"});
  }
  if (plaintiff != nullptr && defendant != nullptr && plaintiff->name == defendant->name) return false;
  // A case is against someone: without the one sued, fined, charged or investigated there is no
  // legal event to report ("the safety board is probing two incidents"), save a settlement that
  // names both sides.
  if (defendant == nullptr && !(kind == "settlement" && plaintiff != nullptr)) return false;
  const Party* company = defendant != nullptr && !defendant->person ? defendant : plaintiff;
  const Party* counterparty = company == defendant ? plaintiff : defendant;
  if (company == nullptr || company->person) {
    if (counterparty == nullptr || counterparty->person) return false;
    std::swap(company, counterparty);
  }
  if (company == nullptr) return false;
  ev.Set("company", c.PartyValue(*company));
  if (counterparty != nullptr) ev.Set("counterparty", c.PartyValue(*counterparty));
  RoleValue k;
  k.kind = RoleValue::Kind::kText;
  k.text = kind;
  ev.Set("kind", k);
  // "agreed to pay $26.5 million", "fined $2 million", "a $100 million settlement".
  int32_t q = c.QuantityBefore(c.t0, QuantityKind::kMoney);
  if (q < 0) q = c.QuantityAfter(c.t0, {"of", "pay", "paying", "fined", "for"}, QuantityKind::kMoney);
  if (q < 0 && c.trigger.verb && c.QuantityAt(c.t1) >= 0 &&
      c.mentions.quantities[c.QuantityAt(c.t1)].kind == QuantityKind::kMoney)
    q = c.QuantityAt(c.t1);
  if (q >= 0 && kind != "investigation") ev.Set("amount", c.QuantityValue(q));
  int32_t d = c.ClauseDate();
  if (d >= 0) ev.Set("date", c.DateValue(d));
  ev.status = c.ClauseStatus();
  // A case brought or a settlement reached is done; a probe or a charge that is reported is under way.
  if (ev.status == EventStatus::kUnknown) ev.status = EventStatus::kCompleted;
  return true;
}

}  // namespace corroborate::events
