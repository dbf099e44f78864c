// ExtractEvents: triggers, roles, status and the article-level merge (see extract_events.h).
// Tested in events_test.cc.
#include <algorithm>
#include <cstdint>
#include <cctype>
#include <cmath>
#include <string>
#include <unordered_set>

#include "events/citations.h"
#include "events/extract_events.h"
#include "events/frame_context.h"
#include "events/lexicon.h"
#include "events/orgs.h"
#include "events/words.h"
#include "extract/gazetteer.h"

namespace corroborate {
namespace {

using events::ArticleWords;
using events::EventLexicon;
using events::OrgRef;
using events::OrgResolver;
using events::TriggerEntry;
using events::Word;

const TriggerEntry& PurchaseEntry() {
  static const TriggerEntry kPurchase = [] {
    TriggerEntry t;
    t.type = EventType::kContract;
    t.verb = true;
    return t;
  }();
  return kPurchase;
}

struct Trig {
  const TriggerEntry* entry = nullptr;
  uint32_t w0 = 0, w1 = 0;
};

bool HasDigit(std::string_view s) {
  for (char c : s) {
    if (c >= '0' && c <= '9') return true;
  }
  return false;
}

bool Accepts(EventType t, QuantityKind k) {
  // Frames that read the clause's syntax find their own figures (frame_context.h).
  if (t == EventType::kAcquisition || t == EventType::kContract || t == EventType::kLegal || t == EventType::kPartnership ||
      t == EventType::kExecutiveChange || t == EventType::kEarnings || t == EventType::kStockMove ||
      t == EventType::kClosure || t == EventType::kBankruptcy || t == EventType::kFinancing)
    return false;
  switch (k) {
    case QuantityKind::kMoney:
      return t != EventType::kLayoffs && t != EventType::kHiring && t != EventType::kPartnership;
    case QuantityKind::kCount:
    case QuantityKind::kNumber: return t == EventType::kLayoffs || t == EventType::kHiring;
    case QuantityKind::kPercent:
      return t == EventType::kStockMove || t == EventType::kLayoffs || t == EventType::kInvestment ||
             t == EventType::kAcquisition;
  }
  return false;
}

RoleValue EntityValue(const OrgRef& o, const std::vector<Word>& w) {
  RoleValue v;
  v.kind = RoleValue::Kind::kEntity;
  v.text = o.name;
  v.span = Span{w[o.w0].start, w[o.w1 - 1].end};
  return v;
}

class Framer {
 public:
  Framer(const Article& a, const Mentions& m)
      : a_(a), m_(m), words_(events::BuildWords(a, m)), orgs_(a, m, words_), lex_(EventLexicon::Get()) {}

  std::vector<Event> Run() {
    for (uint32_t s = 0; s < a_.sentences.size(); ++s) Sentence(s);
    std::vector<Event> out = MergeWithinArticle();
    DropDealsOfContracts(out);
    ApplyBackReferences(out);
    Cite(out);
    return out;
  }

 private:
  const std::vector<Word>& W() const { return words_.words; }
  std::string_view Cls(uint32_t i) const { return i < W().size() ? lex_.WordClass(W()[i].lower) : std::string_view(); }
  // A job noun; "corporate" only as the modifier of one ("corporate roles", not "corporate tax").
  bool JobWordAt(uint32_t i) const {
    if (Cls(i) != "job") return false;
    return W()[i].lower != "corporate" || (i + 1 < W().size() && Cls(i + 1) == "job");
  }

  bool JobCount(const Quantity& q, uint32_t qw1) const {
    if (q.noun_end > q.noun_start) {
      std::string noun;
      for (uint32_t k = q.noun_start; k < q.noun_end; ++k) noun.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(a_.text[k]))));
      if (lex_.WordClass(noun) == "job") return true;
    }
    return JobWordAt(qw1) || JobWordAt(qw1 + 1);
  }

  // A comma or clause mark before word j, not the comma inside a figure ("12,500").
  bool BreakBefore(uint32_t j) const {
    const auto& w = W();
    if (!w[j].comma_before && !w[j].clause_before) return false;
    return !(j > 0 && w[j].quantity >= 0 && w[j].quantity == w[j - 1].quantity);
  }

  // "4,300 jobs in France, 3,700 in Germany and 400 in Spain": one part of a total told place by
  // place, not the figure of the event.
  bool PartOfBreakdown(uint32_t qw1, uint32_t e) const {
    const auto& w = W();
    auto in_place = [&](uint32_t k) {
      return k + 1 < e && w[k].lower == "in" && w[k + 1].entity >= 0 &&
             m_.entities.entities[m_.entities.mentions[w[k + 1].entity].entity].type == EntityType::kLoc;
    };
    uint32_t k = qw1;
    if (k < e && JobWordAt(k)) ++k;
    if (!in_place(k)) return false;
    for (uint32_t j = k + 2; j < e && j < k + 6; ++j) {
      if (w[j].quantity >= 0 && (w[j].comma_before || w[j - 1].lower == "and")) {
        uint32_t after = j;
        while (after < e && w[after].quantity == w[j].quantity) ++after;
        return in_place(after) || (after < e && JobWordAt(after) && in_place(after + 1));
      }
    }
    return false;
  }

  bool ShareOfJobs(uint32_t qw1, uint32_t e) const {
    if (qw1 >= e || W()[qw1].lower != "of") return false;
    for (uint32_t i = qw1 + 1; i < e && i < qw1 + 5; ++i) {
      if (JobWordAt(i)) return true;
    }
    return false;
  }

  void Sentence(uint32_t s) {
    const auto& w = W();
    uint32_t b = words_.sentence_begin[s], e = words_.sentence_begin[s + 1];
    if (b >= e) return;
    // 1. Triggers.
    std::vector<Trig> trigs;
    for (uint32_t i = b; i < e; ++i) {
      if (w[i].in_quote) continue;
      size_t len = 0;
      const TriggerEntry* t = lex_.MatchTrigger(words_.lower, i, &len);
      if (t == nullptr || i + len > e) continue;
      Trig tr{t, i, static_cast<uint32_t>(i + len)};
      // "to purchase $5 billion of chips", "buy $2 billion worth of": buying an amount of goods or
      // services is a supply contract, not a takeover ("pay $2 billion for Initech" stays one).
      if (t->type == EventType::kAcquisition && tr.w1 < e && w[tr.w1].quantity >= 0 &&
          m_.quantities[w[tr.w1].quantity].kind == QuantityKind::kMoney) {
        uint32_t after = tr.w1;
        while (after < e && w[after].quantity == w[tr.w1].quantity) ++after;
        if (after < e && (w[after].lower == "of" || w[after].lower == "worth")) tr.entry = &PurchaseEntry();
      }
      if (!Viable(tr, e) || NotAnEvent(tr, b, e)) {
        // Another reading of the same words ("hired" a person rather than staff).
        const TriggerEntry* other = lex_.OtherReading(*t);
        if (other == nullptr) continue;
        tr.entry = other;
        if (!Viable(tr, e) || NotAnEvent(tr, b, e)) continue;
      }
      if (!trigs.empty() && trigs.back().entry->type == tr.entry->type && trigs.back().w1 + 1 >= i &&
          tr.entry->type == EventType::kFacility) {
        trigs.back().w1 = tr.w1;  // "data centre campus"
      } else {
        trigs.push_back(tr);
      }
      i = tr.w1 - 1;
    }
    if (trigs.empty()) {
      NotePeople(s);
      return;
    }
    // 2. Quantities go to the nearest trigger that takes their kind.
    std::vector<std::vector<int32_t>> quants(trigs.size());
    for (uint32_t i = b; i < e; ++i) {
      if (w[i].quantity < 0 || (i > b && w[i - 1].quantity == w[i].quantity) || w[i].in_quote) continue;
      const Quantity& q = m_.quantities[w[i].quantity];
      if (!HasDigit(std::string_view(a_.text).substr(q.start, q.end - q.start))) continue;  // "thousands"
      uint32_t qw1 = i;
      while (qw1 < e && w[qw1].quantity == w[i].quantity) ++qw1;
      if (PartOfBreakdown(qw1, e)) continue;
      int best = -1;
      int best_d = 1 << 30;
      for (size_t k = 0; k < trigs.size(); ++k) {
        EventType type = trigs[k].entry->type;
        if (!Accepts(type, q.kind)) continue;
        if ((type == EventType::kLayoffs || type == EventType::kHiring) && trigs[k].entry->verb && !JobCount(q, qw1) &&
            q.kind != QuantityKind::kPercent)
          continue;
        // A cut's share is "10% of its workforce"; a bare percentage nearby is a price move or a
        // margin, not a share of jobs.
        if (type == EventType::kLayoffs && q.kind == QuantityKind::kPercent && !ShareOfJobs(qw1, e)) continue;
        if ((type == EventType::kLayoffs || type == EventType::kHiring) && q.kind == QuantityKind::kNumber &&
            trigs[k].entry->verb && !JobCount(q, qw1))
          continue;
        int d = i >= trigs[k].w1 ? static_cast<int>(i - trigs[k].w1) : static_cast<int>(trigs[k].w0 - qw1) + 1;
        if (d < best_d) { best_d = d; best = static_cast<int>(k); }
      }
      if (best >= 0 && best_d <= 12) quants[best].push_back(w[i].quantity);
    }
    // 3. One draft event per trigger.
    std::vector<OrgRef> orgs = orgs_.SentenceOrgs(s);
    std::vector<events::Party> parties = Parties(s, orgs);
    events::Syntax syntax(words_, b, e, parties);
    std::vector<Event> drafts;
    for (size_t k = 0; k < trigs.size(); ++k) {
      if (trigs[k].entry->members) {
        Members(s, trigs[k], orgs, drafts);
        continue;
      }
      Event ev;
      ev.type = trigs[k].entry->type;
      ev.trigger = Span{w[trigs[k].w0].start, w[trigs[k].w1 - 1].end};
      ev.verbal = trigs[k].entry->verb;
      ev.evidence.push_back(a_.sentences[s]);
      if (ReadsSyntax(ev.type)) {
        // Frames that read the clause's grammatical roles fill the event or abstain.
        std::vector<Event> more;  // told after this one, in text order
        if (!FillFromSyntax(syntax, trigs[k], ev, &more)) continue;
        if (ev.Find("position_of") != nullptr && !PreviousHoldersPost(ev)) continue;
        ev.from_syntax = true;
        FanOut(syntax, parties, ev, drafts);
        if (ev.status == EventStatus::kUnknown) {
          Status(s, trigs[k], ev);
        } else if (ev.status == EventStatus::kInTalks) {
          Event hedges;  // the stage of the talks ("in advanced talks") from the hedge list
          Status(s, trigs[k], hedges);
          ev.stage = hedges.stage;
        }
        if (ev.Find("date") == nullptr && ev.Find("period") == nullptr) WeekdayHint(s, ev);
        drafts.push_back(std::move(ev));
        for (Event& m : more) {
          m.from_syntax = true;
          drafts.push_back(std::move(m));
        }
        continue;
      }
      Roles(s, trigs[k], orgs, quants[k], ev);
      Status(s, trigs[k], ev);
      // A price move is a fact of the market, not a deal: the hedges around it are the deal's.
      if (ev.type == EventType::kStockMove) ev.status = EventStatus::kUnknown, ev.stage = TalkStage::kNone;
      DateRole(s, trigs, k, ev);
      drafts.push_back(std::move(ev));
    }
    Attach(drafts);
    for (Event& ev : drafts) Keep(std::move(ev));
  }

  static bool ReadsSyntax(EventType t) {
    switch (t) {
      case EventType::kAcquisition:
      case EventType::kContract:
      case EventType::kLegal:
      case EventType::kExecutiveChange:
      case EventType::kEarnings:
      case EventType::kStockMove:
      case EventType::kClosure:
      case EventType::kBankruptcy:
      case EventType::kFinancing:
      case EventType::kPartnership: return true;
      default: return false;
    }
  }

  // The sentence's organisations and people as the syntax sees them: a pronoun for a person
  // ("he", "her") stands for the person last named in the article.
  std::vector<events::Party> Parties(uint32_t s, const std::vector<OrgRef>& orgs) {
    const auto& w = W();
    uint32_t b = words_.sentence_begin[s], e = words_.sentence_begin[s + 1];
    std::vector<events::Party> out;
    const extract::Gazetteer& g = extract::Gazetteer::Get();
    for (const OrgRef& o : orgs) {
      events::Party p;
      p.name = o.name;
      p.w0 = o.w0;
      p.w1 = o.w1;
      p.possessive = o.possessive;
      p.stand_in = o.stand_in;
      p.reporter = o.reporter;
      p.listed = o.listed;
      // A name the entity list does not know that opens with a given name is a person's ("Ada
      // Moss"), not an organisation's.
      p.person = !o.listed && !o.stand_in && o.w1 > o.w0 + 1 && (g.Flags(w[o.w0].lower) & extract::kGivenName) &&
                 !(g.Flags(w[o.w1 - 1].lower) & extract::kOrgSuffix);
      out.push_back(std::move(p));
    }
    for (uint32_t i = b; i < e; ++i) {
      events::Party p;
      if (w[i].entity >= 0) {
        const EntityMention& m = m_.entities.mentions[w[i].entity];
        const Entity& ent = m_.entities.entities[m.entity];
        uint32_t j = i;
        while (j < e && w[j].entity == w[i].entity) ++j;
        if (ent.type != EntityType::kPerson || m.nominal) { i = j - 1; continue; }
        p.name = ent.canonical;
        p.w0 = i;
        p.w1 = j;
        p.listed = true;
        last_person_ = ent.canonical;
      } else if ((w[i].lower == "he" || w[i].lower == "she" || w[i].lower == "his" || w[i].lower == "him" ||
                  w[i].lower == "her") && !last_person_.empty() && !w[i].in_quote) {
        p.name = last_person_;
        p.w0 = i;
        p.w1 = i + 1;
        p.stand_in = true;
      } else {
        continue;
      }
      p.person = true;
      p.possessive = w[p.w1 - 1].possessive || w[i].lower == "his" || w[i].lower == "her";
      i = p.w1 - 1;
      out.push_back(std::move(p));
    }
    std::sort(out.begin(), out.end(), [](const events::Party& x, const events::Party& y) { return x.w0 < y.w0; });
    for (const events::Party& p : out) {
      if (p.person && !p.stand_in) last_person_ = p.name;
    }
    return out;
  }

  // The person a sentence without events names last, for "he" and "she" in a later one.
  void NotePeople(uint32_t s) {
    const auto& w = W();
    for (uint32_t i = words_.sentence_begin[s]; i < words_.sentence_begin[s + 1]; ++i) {
      if (w[i].entity < 0) continue;
      const EntityMention& m = m_.entities.mentions[w[i].entity];
      const Entity& ent = m_.entities.entities[m.entity];
      if (ent.type == EntityType::kPerson && !m.nominal) last_person_ = ent.canonical;
    }
  }

  // One event per party coordinated with the one a frame took for the role that tells such
  // events apart: "deals with A, B and C" are three contracts, "Barclays, UBS and Shell expect a
  // charge" three earnings events. The copies go to `drafts`; `ev` keeps the first party.
  void FanOut(const events::Syntax& syntax, const std::vector<events::Party>& parties, Event& ev,
              std::vector<Event>& drafts) {
    const char* role = ev.type == EventType::kContract ? "buyer" : ev.type == EventType::kEarnings ? "company" : nullptr;
    const RoleValue* v = role ? ev.Find(role) : nullptr;
    if (v == nullptr || v->span.end <= v->span.start) return;
    const events::Party* taken = nullptr;
    for (const events::Party& p : parties) {
      if (W()[p.w0].start == v->span.start) taken = &p;
    }
    if (taken == nullptr || taken->stand_in) return;
    std::vector<const events::Party*> all = syntax.Coordinated(taken);
    if (all.size() < 2) return;
    const RoleValue* other = ev.type == EventType::kContract ? ev.Find("seller") : nullptr;
    Event model = ev;
    bool first = true;
    for (const events::Party* p : all) {
      if (p->stand_in || (other != nullptr && p->name == other->text)) continue;
      RoleValue pv;
      pv.kind = RoleValue::Kind::kEntity;
      pv.text = p->name;
      pv.span = Span{W()[p->w0].start, W()[p->w1 - 1].end};
      if (first) {
        ev.Set(role, pv);
        first = false;
      } else {
        Event copy = model;
        copy.Set(role, pv);
        drafts.push_back(std::move(copy));
      }
    }
  }

  // "The airline signed the agreement in Paris on June 15": a definite contract noun that a verb of
  // concluding governs tells more of a contract the article told before; the sentence's subject
  // is one of its parties, and the day in its clause the day it was concluded. Noted here, given to
  // that contract by ApplyBackReferences.
  struct BackReference {
    std::string party;
    int32_t date = -1;
    Span sentence;
  };
  void NoteBackReference(const events::FrameContext& c) {
    const auto& w = W();
    if (c.verb || c.t0 < c.b() + 3 || w[c.t0 - 1].lower != "the" ||
        !events::In(w[c.t0].lower, {"agreement", "deal", "contract", "order", "purchase"}))
      return;
    uint32_t v = c.t0 - 2;
    if (!events::In(w[v].lower, {"signed", "inked", "sealed", "concluded", "finalised", "finalized", "completed"}) ||
        c.syntax.Negated(v))
      return;
    const events::Party* subject = c.syntax.Subject(v);
    int32_t d = c.ClauseDate(true);
    if (subject == nullptr || subject->person || d < 0) return;
    back_refs_.push_back(BackReference{subject->name, d, a_.sentences[w[c.t0].sentence]});
  }

  // Each noted back reference dates the one contract of its party that has no date yet; with
  // none or several such, it dates none.
  void ApplyBackReferences(std::vector<Event>& out) const {
    for (const BackReference& r : back_refs_) {
      Event* only = nullptr;
      int n = 0;
      for (Event& ev : out) {
        if (ev.type != EventType::kContract) continue;
        bool party = false;
        for (const char* role : {"buyer", "seller"}) {
          const RoleValue* p = ev.Find(role);
          party |= p != nullptr && SameParty(p->text, r.party);
        }
        if (!party) continue;
        ++n;
        only = &ev;
      }
      if (n != 1 || only->Find("date") != nullptr) continue;
      DateMention d;
      if (!events::NarrativeDate(a_, m_, r.date, &d)) continue;
      RoleValue v;
      v.kind = RoleValue::Kind::kDate;
      v.date = d;
      v.text = DateValue(d);
      v.span = Span{d.start, d.end};
      only->Set("date", v);
      if (std::find(only->evidence.begin(), only->evidence.end(), r.sentence) == only->evidence.end()) {
        only->evidence.push_back(r.sentence);
        std::sort(only->evidence.begin(), only->evidence.end(),
                  [](const Span& x, const Span& y) { return x.start < y.start; });
      }
    }
  }

  // "a deal between Globex and Initech" in an article that tells of Globex buying from Initech is
  // that purchase, not a partnership besides it: a partnership named only by the generic "deal" or
  // "agreement", saying nothing of what the partners do, whose two parties are the buyer and the
  // seller of one of the article's contracts, is dropped.
  void DropDealsOfContracts(std::vector<Event>& out) const {
    auto generic = [&](const Event& ev) {
      std::string_view word = std::string_view(a_.text).substr(ev.trigger.start, ev.trigger.end - ev.trigger.start);
      return word == "deal" || word == "deals" || word == "agreement" || word == "agreements";
    };
    auto of_contract = [&](const Event& ev) {
      const RoleValue* parties = ev.Find("parties");
      if (ev.type != EventType::kPartnership || ev.Find("subject") != nullptr || parties == nullptr || !generic(ev))
        return false;
      size_t comma = parties->text.find(", ");
      if (comma == std::string::npos || parties->text.find(", ", comma + 2) != std::string::npos) return false;
      std::string a = parties->text.substr(0, comma), b = parties->text.substr(comma + 2);
      for (const Event& c : out) {
        const RoleValue* buyer = c.type == EventType::kContract ? c.Find("buyer") : nullptr;
        const RoleValue* seller = c.type == EventType::kContract ? c.Find("seller") : nullptr;
        if (buyer == nullptr || seller == nullptr) continue;
        if ((SameParty(buyer->text, a) && SameParty(seller->text, b)) ||
            (SameParty(buyer->text, b) && SameParty(seller->text, a)))
          return true;
      }
      return false;
    };
    out.erase(std::remove_if(out.begin(), out.end(), of_contract), out.end());
  }

  // "Lee's post will be filled by Ada Moss": the post and its company are those the article gave
  // Lee in an earlier event; without one the appointment names neither, and is dropped (false).
  bool PreviousHoldersPost(Event& ev) const {
    std::string holder = ev.Find("position_of")->text;
    ev.roles.erase(std::remove_if(ev.roles.begin(), ev.roles.end(), [](const Role& r) { return r.name == "position_of"; }),
                   ev.roles.end());
    // The latest of the holder's events that names the post, with its company; else the latest
    // that names a company.
    for (bool need_post : {true, false}) {
      for (auto it = events_.rbegin(); it != events_.rend(); ++it) {
        const RoleValue* person = it->type == EventType::kExecutiveChange ? it->Find("person") : nullptr;
        if (person == nullptr || !SameParty(person->text, holder)) continue;
        const RoleValue* post = it->Find("position");
        const RoleValue* company = it->Find("company");
        if (need_post ? post == nullptr : company == nullptr) continue;
        if (post != nullptr && ev.Find("position") == nullptr) ev.Set("position", *post);
        if (company != nullptr && ev.Find("company") == nullptr) ev.Set("company", *company);
        break;
      }
    }
    return ev.Find("company") != nullptr;
  }

  // Fills an event whose frame reads the sentence's syntax (frame_context.h); false to abstain. A
  // word the list gives as a noun but used as a verb ("agreed to purchase 60 jets") is read as the
  // verb; buying goods rather than a company is a contract.
  bool FillFromSyntax(const events::Syntax& syntax, const Trig& t, Event& ev, std::vector<Event>* more) {
    const auto& w = W();
    bool verb = t.entry->verb;
    uint32_t before = t.w0;
    while (before > syntax.begin() && events::IsAdverb(w[before - 1].lower)) --before;  // "will also purchase"
    if (!verb && before > syntax.begin() && (w[before - 1].lower == "to" || events::IsAuxiliary(w[before - 1].lower))) {
      // Only "purchase" buys as a verb; "offer", "bid", "order" as verbs mean something else.
      if (w[t.w0].lower != "purchase") return false;
      verb = true;
    }
    // "did not buy", "has yet to sign": a denied verb group states no event.
    if (verb && syntax.Negated(t.w0)) return false;
    events::FrameContext c{a_, m_, words_, syntax, *t.entry, t.w0, t.w1, orgs_.Salient(), verb, more};
    switch (ev.type) {
      case EventType::kAcquisition:
        if (events::FillAcquisition(c, ev)) return true;
        ev.roles.clear();
        ev.type = EventType::kContract;
        return events::FillContract(c, ev);
      case EventType::kContract: {
        if (events::FillContract(c, ev)) return true;
        NoteBackReference(c);
        // "the deal" refers back to a deal told before; "deals with A, B and C" are usually sales
        // whose direction the clause does not give.
        const std::string& word = w[t.w0].lower;
        if ((word != "agreement" && word != "deal") || (t.w0 > syntax.begin() && w[t.w0 - 1].lower == "the"))
          return false;
        ev.roles.clear();
        ev.type = EventType::kPartnership;  // an agreement that buys nothing
        return events::FillPartnership(c, ev);
      }
      case EventType::kPartnership: return events::FillPartnership(c, ev);
      case EventType::kLegal: return events::FillLegal(c, ev);
      case EventType::kExecutiveChange: return events::FillExecutiveChange(c, ev);
      case EventType::kEarnings: return events::FillEarnings(c, ev);
      case EventType::kStockMove: return events::FillStockMove(c, ev);
      case EventType::kClosure: return events::FillClosure(c, ev);
      case EventType::kBankruptcy: return events::FillBankruptcy(c, ev);
      case EventType::kFinancing: return events::FillFinancing(c, ev);
      default: return false;
    }
  }

  // Trigger words that name no event where they stand: a noun that modifies another ("an
  // investment bank", "investment decisions"), a verb form used as a noun ("the catalogue value
  // of"), a word inside a name ("the Everett Factory").
  bool NotAnEvent(const Trig& t, uint32_t b, uint32_t e) const {
    const auto& w = W();
    const std::string& first = w[t.w0].lower;
    if (t.w0 > b && w[t.w0].capitalized && !w[t.w0].clause_before) return true;
    if (t.w1 < e && !w[t.w1].comma_before && !w[t.w1].clause_before) {
      static const std::unordered_set<std::string> kHeads = {
          "bank", "banks", "banker", "bankers", "banking", "firm", "firms", "fund", "funds", "grade", "advice",
          "adviser", "advisers", "advisor", "decisions", "decision", "strategy", "strategies", "vehicle",
          "management", "manager", "managers", "portfolio", "returns", "income", "research", "analyst", "analysts",
          "committee", "officer", "policy", "team", "unit", "arm", "division", "business", "community", "climate"};
      if ((first == "investment" || first == "investments" || first == "acquisition" || first == "acquisitions") &&
          kHeads.count(w[t.w1].lower))
        return true;
    }
    // "raised its offer", "raised prices", "raised its forecast": raising something other than money.
    if (t.entry->type == EventType::kFundingRound && t.entry->verb) {
      static const std::unordered_set<std::string> kNotMoney = {
          "offer", "offers", "bid", "bids", "price", "prices", "stake", "forecast", "forecasts", "guidance",
          "outlook", "dividend", "dividends", "rate", "rates", "concerns", "questions", "estimate", "estimates",
          "target", "targets", "wages", "salaries", "fees", "tariffs", "taxes", "doubts", "hopes", "awareness"};
      for (uint32_t k = t.w1; k < e && k < t.w1 + 3; ++k) {
        if (kNotMoney.count(w[k].lower)) return true;
        if (w[k].quantity >= 0 || w[k].comma_before) break;
      }
    }
    // "assembled at the main Globex factory in Lyon": a facility named with "the" after "at" is the
    // known place where something else happens, not news of a facility ("at a new site" may be).
    if (t.entry->type == EventType::kFacility && !t.entry->verb) {
      uint32_t k = t.w0;
      while (k > b && k + 4 > t.w0 && !events::IsDeterminer(w[k - 1].lower) && !events::IsPreposition(w[k - 1].lower) &&
             !w[k].comma_before && !w[k].clause_before)
        --k;
      if (k > b + 1 && w[k - 1].lower == "the" && w[k - 2].lower == "at") return true;
    }
    if (t.entry->verb && t.w1 == t.w0 + 1 && (first == "value" || first == "values") &&
        ((t.w1 < e && w[t.w1].lower == "of") || (t.w0 > b && events::IsDeterminer(w[t.w0 - 1].lower))))
      return true;
    return false;
  }

  bool Viable(const Trig& t, uint32_t e) const {
    const auto& w = W();
    if (t.entry->jobs) {
      for (uint32_t i = t.w1; i < e && i < t.w1 + 6; ++i) {
        if (JobWordAt(i)) return true;
        if (w[i].quantity >= 0) {
          const Quantity& q = m_.quantities[w[i].quantity];
          uint32_t qw1 = i;
          while (qw1 < e && w[qw1].quantity == w[i].quantity) ++qw1;
          return JobCount(q, qw1) || JobWordAt(qw1);
        }
        if (i > t.w1 && w[i].clause_before) break;
      }
      return false;
    }
    if (t.entry->value) {
      for (uint32_t i = t.w1; i < e && i < t.w1 + 7; ++i) {
        if (w[i].quantity >= 0 && m_.quantities[w[i].quantity].kind == QuantityKind::kMoney) return true;
      }
      return false;
    }
    return true;
  }

  // "investors such as A, B and C", "backers include A and B": one investment per member.
  void Members(uint32_t s, const Trig& t, const std::vector<OrgRef>& orgs, std::vector<Event>& drafts) {
    const auto& w = W();
    uint32_t e = words_.sentence_begin[s + 1];
    bool listed = false;
    for (uint32_t i = t.w1; i < e && i < t.w1 + 3; ++i) {
      const std::string& x = w[i].lower;
      if (x == "include" || x == "includes" || x == "including" || x == "such" || x == "like" || x == "are") listed = true;
    }
    if (!listed) return;
    for (const OrgRef& o : orgs) {
      if (o.w0 < t.w1 || o.reporter || o.stand_in) continue;
      if (o.w0 > t.w1 + 3 && !(o.prep == "and" || w[o.w0].comma_before)) break;
      Event ev;
      ev.type = EventType::kInvestment;
      ev.trigger = Span{w[t.w0].start, w[t.w1 - 1].end};
      ev.evidence.push_back(a_.sentences[s]);
      ev.Set("investor", EntityValue(o, w));
      Status(s, t, ev);
      ev.roles.push_back(events_member_marker_);
      drafts.push_back(std::move(ev));
    }
  }

  // A name between an article and a common noun ("the Zephyr family of models", "a Nimbus
  // update") modifies that noun: it is no clause's subject while another candidate exists.
  bool Attributive(const OrgRef& o) const {
    const auto& w = W();
    if (o.stand_in || o.possessive || o.w0 == 0 || o.w1 >= w.size()) return false;
    const std::string& before = w[o.w0 - 1].lower;
    return (before == "the" || before == "a" || before == "an") && !w[o.w1].capitalized && w[o.w1].quantity < 0 &&
           !w[o.w1].comma_before && !w[o.w1].clause_before && w[o.w1].sentence == w[o.w0].sentence;
  }

  // The trigger's subject: the last organisation before it that no preposition governs. One that
  // only modifies a noun ("the Globex board") serves when there is no other.
  const OrgRef* Subject(const std::vector<OrgRef>& orgs, const Trig& t) const {
    const OrgRef* best = nullptr;
    const OrgRef* modifier = nullptr;
    for (const OrgRef& o : orgs) {
      if (o.w1 > t.w0) break;
      if (o.reporter) continue;
      if (Attributive(o)) {
        if (o.prep.empty()) modifier = &o;
        continue;
      }
      // "X in talks to lead Y's round with a $5 billion investment": X, not the possessive Y.
      if ((o.prep.empty() || o.prep == "and" || o.prep == "including" || o.prep == "like") &&
          (!o.possessive || best == nullptr || best->possessive))
        best = &o;
      else if (best == nullptr && o.possessive) best = &o;
    }
    return best != nullptr ? best : modifier;
  }

  // An organisation written just before a noun trigger: "Initech's latest funding round", "an
  // Initech investment".
  const OrgRef* Prenominal(const std::vector<OrgRef>& orgs, const Trig& t) const {
    const auto& w = W();
    for (const OrgRef& o : orgs) {
      if (o.w1 > t.w0 || t.w0 - o.w1 > 2) continue;
      bool clean = true;
      for (uint32_t i = o.w1; i <= t.w0 && i < w.size(); ++i) clean &= !w[i].comma_before && !w[i].clause_before;
      for (uint32_t i = o.w1; i < t.w0; ++i) clean &= !w[i].capitalized || w[i].quantity >= 0;
      if (clean) return &o;
    }
    return nullptr;
  }

  // The first organisation after the trigger, taking the head of "Initech rival Globex".
  const OrgRef* Object(const std::vector<OrgRef>& orgs, const Trig& t, bool (*prep_ok)(const std::string&)) const {
    const auto& w = W();
    for (size_t k = 0; k < orgs.size(); ++k) {
      const OrgRef& o = orgs[k];
      if (o.w0 < t.w1 || o.reporter) continue;
      if (o.w0 > t.w1 + 10) return nullptr;
      // "if the investment reaches its upper range, Globex could emerge as ...": a bare name past
      // a comma opens another clause; it is not the trigger's object.
      if (o.prep.empty()) {
        bool boundary = false;
        for (uint32_t i = t.w1; i <= o.w0 && i < w.size(); ++i) boundary |= BreakBefore(i);
        if (boundary) return nullptr;
      }
      if (!prep_ok(o.prep)) continue;
      if (k + 1 < orgs.size() && orgs[k + 1].w0 <= o.w1 + 2 && !w[orgs[k + 1].w0].comma_before) {
        bool lower_between = true;
        for (uint32_t i = o.w1; i < orgs[k + 1].w0; ++i) lower_between &= !w[i].capitalized && w[i].lower != "and";
        if (lower_between && orgs[k + 1].prep.empty()) return &orgs[k + 1];
      }
      return &o;
    }
    return nullptr;
  }

  static bool InPrep(const std::string& p) { return p == "in" || p == "into" || p.empty() || p == "of"; }
  static bool IntoPrep(const std::string& p) { return p == "in" || p == "into"; }
  static bool WithPrep(const std::string& p) { return p == "with" || p == "from"; }
  static bool ForPrep(const std::string& p) { return p == "for" || p == "by" || p == "of"; }

  void SetOrg(Event& ev, const char* role, const OrgRef* o) {
    if (o != nullptr && ev.Find(role) == nullptr) ev.Set(role, EntityValue(*o, W()));
  }
  void SetResolved(Event& ev, const char* role, uint32_t s, uint32_t before, const char* other) {
    if (ev.Find(role) != nullptr) return;
    const RoleValue* ov = other ? ev.Find(other) : nullptr;
    std::string name = orgs_.Resolve(s, before, ov ? ov->text : std::string());
    if (name.empty()) return;
    RoleValue v;
    v.kind = RoleValue::Kind::kEntity;
    v.text = name;
    ev.Set(role, v);
  }

  void Roles(uint32_t s, const Trig& t, const std::vector<OrgRef>& orgs, const std::vector<int32_t>& qs, Event& ev) {
    const auto& w = W();
    uint32_t b = words_.sentence_begin[s], e = words_.sentence_begin[s + 1];
    const OrgRef* subj = Subject(orgs, t);
    const OrgRef* pre = t.entry->verb ? nullptr : Prenominal(orgs, t);
    // Quantities by kind.
    const Quantity* money = nullptr;
    const Quantity* money2 = nullptr;
    const Quantity* count = nullptr;
    const Quantity* pct = nullptr;
    for (int32_t qi : qs) {
      const Quantity& q = m_.quantities[qi];
      if (q.kind == QuantityKind::kMoney) { if (!money) money = &q; else if (!money2) money2 = &q; }
      else if (q.kind == QuantityKind::kPercent) { if (!pct) pct = &q; }
      else if (!count) count = &q;
    }
    auto qv = [&](const Quantity* q) {
      RoleValue v;
      v.kind = RoleValue::Kind::kQuantity;
      v.quantity = *q;
      v.span = Span{q->phrase_start, q->end};
      v.text = a_.text.substr(q->phrase_start, q->end - q->phrase_start);
      return v;
    };
    switch (ev.type) {
      case EventType::kInvestment: {
        if (pre != nullptr && pre->possessive) SetOrg(ev, "investor", pre);
        else if (pre != nullptr) SetOrg(ev, "investee", pre);
        // A verb takes its object bare ("backed Initech"); a noun only through "in" ("an
        // investment in Initech"), or a name after it is just the sentence going on.
        SetOrg(ev, "investee", Object(orgs, t, t.entry->verb ? &InPrep : &IntoPrep));
        const OrgRef* from = Object(orgs, t, &WithPrep);
        if (from != nullptr && !t.entry->verb) SetOrg(ev, "investor", from);
        if (subj != nullptr && subj != pre) {
          SetOrg(ev, "investor", subj);
          // "Globex and Initech are in talks": the other members of the subject's list.
          for (const OrgRef& o : orgs) {
            if (&o != subj && o.w1 <= subj->w0 && subj->prep == "and" && (o.prep == "including" || o.prep.empty() || o.prep == "and") &&
                subj->w0 - o.w1 <= 1) {
              RoleValue v = EntityValue(o, w);
              ev.roles.push_back(Role{"co_investor", v});
            }
          }
        }
        if (money) ev.Set("amount", qv(money));
        if (pct) ev.Set("stake", qv(pct));
        // "X has been in discussions with Y about a potential investment": the counterparty of
        // the talks is the one invested in.
        if (!t.entry->verb && ev.Find("investee") == nullptr) {
          for (const OrgRef& o : orgs) {
            if (o.w1 > t.w0) break;
            const RoleValue* inv = ev.Find("investor");
            if (o.prep == "with" && !o.reporter && (inv == nullptr || !SameParty(inv->text, o.name))) SetOrg(ev, "investee", &o);
          }
        }
        break;
      }
      case EventType::kFundingRound:
        SetOrg(ev, "company", pre);
        if (!t.entry->verb) SetOrg(ev, "company", Object(orgs, t, &ForPrep));
        SetOrg(ev, "company", subj);
        if (money) ev.Set("amount", qv(money));
        break;
      case EventType::kValuation:
      case EventType::kIpo:
      case EventType::kCapex:
      case EventType::kLayoffs:
      case EventType::kHiring:
      case EventType::kFacility:
        SetOrg(ev, "company", pre);
        if (ev.type == EventType::kIpo) SetOrg(ev, "company", Object(orgs, t, &ForPrep));
        SetOrg(ev, "company", subj);
        if (ev.type == EventType::kLayoffs || ev.type == EventType::kHiring) {
          if (count) {
            ev.Set("count", qv(count));
            ev.cumulative = Cumulative(t, *count, b, e);
          }
          if (pct && ev.type == EventType::kLayoffs) ev.Set("share", qv(pct));
        } else if (ev.type == EventType::kIpo) {
          if (money) ev.Set("valuation", qv(money));
          // "floated on British and Irish stock markets", "listed on the Nasdaq": where the shares
          // go, when the words after "on" name a market.
          if (t.w1 < e && w[t.w1].lower == "on" && !w[t.w1].comma_before) {
            uint32_t x0 = t.w1 + 1;
            if (x0 < e && w[x0].lower == "the") ++x0;
            uint32_t x1 = x0;
            bool market = false;
            while (x1 < e && x1 < x0 + 6 && !w[x1].comma_before && !w[x1].clause_before && w[x1].date < 0 &&
                   w[x1].quantity < 0 && (x1 == x0 || w[x1].lower == "and" || !events::IsPreposition(w[x1].lower))) {
              market |= events::In(w[x1].lower, {"exchange", "exchanges", "market", "markets", "bourse", "nasdaq",
                                                 "nyse"});
              ++x1;
            }
            if (market && x1 > x0 && w[x1 - 1].lower != "and") {
              RoleValue v;
              v.kind = RoleValue::Kind::kText;
              v.span = Span{w[x0].start, w[x1 - 1].end};
              v.text = a_.text.substr(v.span.start, v.span.end - v.span.start);
              ev.Set("exchange", v);
            }
          }
        } else if (money) {
          ev.Set("amount", qv(money));
        }
        // "a market value of $X", "its market capitalisation": the valuation's basis is in its words.
        if (ev.type == EventType::kValuation && t.w1 > t.w0 + 1 && w[t.w0].lower == "market") {
          RoleValue basis;
          basis.kind = RoleValue::Kind::kText;
          basis.text = a_.text.substr(w[t.w0].start, w[t.w1 - 1].end - w[t.w0].start);
          basis.span = Span{w[t.w0].start, w[t.w1 - 1].end};
          ev.Set("basis", basis);
        }
        if (ev.type == EventType::kFacility) {
          // What the facility is, in the article's words with the modifiers before it: "a 500,000
          // square foot data center" → "500,000 square foot data center". A bare "facility",
          // "factory" or "site" says nothing of it.
          uint32_t k = t.w0;
          auto one_figure = [&](uint32_t i) { return w[i].quantity >= 0 && w[i - 1].quantity == w[i].quantity; };
          while (k > b && k + 6 > t.w0 && (!w[k].comma_before || one_figure(k)) && !w[k].clause_before &&
                 !w[k - 1].capitalized &&
                 !events::IsDeterminer(w[k - 1].lower) && !events::IsPreposition(w[k - 1].lower) &&
                 !events::IsAuxiliary(w[k - 1].lower) &&
                 w[k - 1].entity < 0 && w[k - 1].date < 0 &&
                 (w[k - 1].quantity < 0 || m_.quantities[w[k - 1].quantity].kind == QuantityKind::kNumber))
            --k;
          bool bare = k == t.w0 && t.w1 == t.w0 + 1 &&
                      events::In(w[t.w0].lower, {"facility", "facilities", "site", "sites", "campus", "plant", "plants",
                                                 "factory", "factories"});
          if (!bare && !t.entry->verb) {
            RoleValue v;
            v.kind = RoleValue::Kind::kText;
            v.span = Span{w[k].start, w[t.w1 - 1].end};
            v.text = a_.text.substr(v.span.start, v.span.end - v.span.start);
            ev.Set("purpose", v);
          }
          for (uint32_t i = t.w1; i < e && i < t.w1 + 8; ++i) {
            if (w[i].entity < 0) continue;
            const EntityMention& em = m_.entities.mentions[w[i].entity];
            if (m_.entities.entities[em.entity].type != EntityType::kLoc) continue;
            RoleValue v;
            v.kind = RoleValue::Kind::kEntity;
            v.text = m_.entities.entities[em.entity].canonical;
            v.span = Span{em.start, em.end};
            ev.Set("location", v);
            break;
          }
        }
        break;
      default:
        break;  // the frames that read the clause's grammar (FillFromSyntax)
    }
    // Parties the sentence names only through a stand-in or not at all come from context.
    const std::vector<std::string>& keys = KeyRoles(ev.type);
    if (ev.type == EventType::kInvestment) {
      SetResolved(ev, "investor", s, t.w0, "investee");
    } else if (keys.size() == 1 && keys[0] == "company" && ev.type != EventType::kFundingRound) {
      SetResolved(ev, "company", s, t.w0, nullptr);
    }
  }

  bool Cumulative(const Trig& t, const Quantity& q, uint32_t b, uint32_t e) const {
    const auto& w = W();
    for (uint32_t i = t.w0 >= b + 4 ? t.w0 - 4 : b; i < t.w0; ++i) {
      if (Cls(i) == "cumulative" && w[i].lower != "since") return true;
    }
    uint32_t qi = b;
    while (qi < e && w[qi].start < q.end) ++qi;
    for (uint32_t i = qi; i < e && i < qi + 3; ++i) {
      if (w[i].clause_before || w[i].comma_before) break;
      if (w[i].lower == "since" || w[i].lower == "total" || w[i].lower == "altogether") return true;
    }
    return false;
  }

  void Status(uint32_t s, const Trig& t, Event& ev) {
    const auto& w = W();
    uint32_t b = words_.sentence_begin[s], e = words_.sentence_begin[s + 1];
    int best_d = 1 << 30;
    const events::StatusEntry* best = nullptr;
    TalkStage stage = TalkStage::kNone;
    uint32_t end = std::min(e, t.w1 + 3);
    for (uint32_t i = b; i < end; ++i) {
      if (i >= t.w0 && i < t.w1) continue;
      size_t len = 0;
      const events::StatusEntry* st = lex_.MatchStatus(words_.lower, i, &len);
      if (st == nullptr) continue;
      bool conditional = false;
      for (uint32_t k = i >= b + 2 ? i - 2 : b; k < i; ++k) conditional |= Cls(k) == "conditional";
      uint32_t j = static_cast<uint32_t>(i + len);
      // "The talks are striking because X has already invested": a subordinator between the hedge
      // and the trigger puts them in different clauses.
      for (uint32_t k = j; k < t.w0; ++k) conditional |= Cls(k) == "subordinate";
      if (!conditional) {
        int d = j <= t.w0 ? static_cast<int>(t.w0 - j) : static_cast<int>(i - t.w1) + 1;
        if (d < best_d) { best_d = d; best = st; }
        if (st->stage != TalkStage::kNone) stage = std::max(stage, st->stage);
      }
      i = j - 1;
    }
    if (best != nullptr) {
      ev.status = best->status;
      if (best->status == EventStatus::kInTalks) ev.stage = stage;
    } else if (t.entry->past) {
      ev.status = EventStatus::kCompleted;
    }
    (void)w;
  }

  void DateRole(uint32_t s, const std::vector<Trig>& trigs, size_t k, Event& ev) {
    const auto& w = W();
    const Trig& t = trigs[k];
    uint32_t b = words_.sentence_begin[s], e = words_.sentence_begin[s + 1];
    // Words from the trigger to the date; a date before it counts more, and more again across a
    // comma ("... in October 2031, bringing total cuts to ..." dates the clause before the comma).
    // Dates after the trigger across a comma count more too.
    auto dist = [this](const Trig& x, uint32_t i) {
      if (i >= x.w1) {
        // "invested in Initech, a startup founded in 2019": past a comma, a date usually belongs
        // to an aside about the last name.
        for (uint32_t j = x.w1; j <= i; ++j) {
          if (BreakBefore(j)) return static_cast<int>(i - x.w1) + 8;
        }
        return static_cast<int>(i - x.w1);
      }
      int d = static_cast<int>(x.w0 - i) + 2;
      for (uint32_t j = i + 1; j <= x.w0; ++j) {
        if (BreakBefore(j)) return d + 6;
      }
      return d;
    };
    int best_d = 1 << 30;
    int32_t best = -1;
    DateMention told;
    for (uint32_t i = b; i < e; ++i) {
      if (w[i].date < 0 || (i > b && w[i - 1].date == w[i].date)) continue;
      if (!events::NarrativeDate(a_, m_, w[i].date, &told)) continue;  // "days later" with nothing before
      int d = dist(t, i);
      // "This sale follows cuts of 2,300 in March": the date is the nearer one's.
      bool nearer_twin = false;
      for (size_t j = 0; j < trigs.size(); ++j) {
        nearer_twin |= j != k && trigs[j].entry->type == t.entry->type && dist(trigs[j], i) < d;
      }
      if (nearer_twin) continue;
      if (d < best_d && d <= 14) { best_d = d; best = w[i].date; }
    }
    // A date set off at the sentence's start ("By late 2031, X had ... and built ...", "Days
    // earlier, on May 4, the group said it had cut ...") dates every clause of the sentence, however
    // far the trigger.
    for (uint32_t i = b; best < 0 && i < e && i < b + 8 && i < t.w0; ++i) {
      if (w[i].date < 0) continue;
      uint32_t j = i;
      while (j < e && w[j].date == w[i].date) ++j;
      if (j < e && w[j].comma_before && j <= t.w0 && events::NarrativeDate(a_, m_, w[i].date, &told)) best = w[i].date;
      break;
    }
    if (best < 0) {
      WeekdayHint(s, ev);
      return;
    }
    DateMention d;
    events::NarrativeDate(a_, m_, best, &d);
    RoleValue v;
    v.kind = RoleValue::Kind::kDate;
    v.date = d;
    v.text = DateValue(d);
    v.span = Span{d.start, d.end};
    ev.Set(ev.type == EventType::kCapex ? "period" : "date", v);
  }

  // A weekday the extractor could not resolve (no publication date yet) is kept as a hint, from
  // which reconcile/published.h infers the article's date.
  void WeekdayHint(uint32_t s, Event& ev) const {
    const auto& w = W();
    static const char* kDays[] = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
    for (uint32_t i = words_.sentence_begin[s]; i < words_.sentence_begin[s + 1]; ++i) {
      for (int d = 0; d < 7; ++d) {
        if (w[i].lower != kDays[d] || w[i].date >= 0) continue;
        RoleValue v;
        v.kind = RoleValue::Kind::kText;
        v.text = kDays[d];
        v.span = Span{w[i].start, w[i].end};
        ev.Set("weekday", v);
      }
    }
  }

  // The round or offering nearest to a valuation's trigger: "a raise ... as it prepares for an
  // offering that could value it at $X" values the offering, not the raise named first.
  static Event* NearestHost(std::vector<Event>& drafts, const Event& val) {
    Event* host = nullptr;
    uint32_t best = UINT32_MAX;
    for (Event& ev : drafts) {
      if (ev.type != EventType::kFundingRound && ev.type != EventType::kIpo) continue;
      uint32_t d = ev.trigger.end <= val.trigger.start ? val.trigger.start - ev.trigger.end
                                                       : ev.trigger.start - std::min(ev.trigger.start, val.trigger.end);
      if (d < best) { best = d; host = &ev; }
    }
    return host;
  }

  // Within one sentence: a valuation beside a round or an offering is that event's valuation; a
  // round without a company takes the investee of the sentence's investment; members take the
  // sentence's round company.
  void Attach(std::vector<Event>& drafts) {
    Event* host = nullptr;
    const RoleValue* investee = nullptr;
    for (Event& ev : drafts) {
      if ((ev.type == EventType::kFundingRound || ev.type == EventType::kIpo) && host == nullptr) host = &ev;
      if (ev.type == EventType::kInvestment && ev.Find("investee") && !investee) investee = ev.Find("investee");
    }
    // One sentence tells of one round: "Initech's round, which seeks to raise $10 billion" —
    // the verb's subject is the relative clause's antecedent, the round named with its company.
    const RoleValue* round_company = nullptr;
    for (const Event& ev : drafts) {
      if (ev.type == EventType::kFundingRound && ev.Find("company") && !round_company && !ev.verbal) round_company = ev.Find("company");
    }
    if (round_company != nullptr) {
      RoleValue keep = *round_company;
      for (Event& ev : drafts) {
        if (ev.type == EventType::kFundingRound && ev.verbal) ev.Set("company", keep);
      }
    }
    for (Event& ev : drafts) {
      if (ev.type != EventType::kFundingRound || investee == nullptr) continue;
      // "X is in talks to invest $5 billion in Y, half of the $10 billion round": X invests in the
      // round; the round is Y's.
      const RoleValue* company = ev.Find("company");
      bool investor_named = false;
      for (const Event& inv : drafts) {
        const RoleValue* x = inv.type == EventType::kInvestment ? inv.Find("investor") : nullptr;
        investor_named |= x != nullptr && company != nullptr && SameParty(x->text, company->text);
      }
      if (company == nullptr || investor_named) ev.Set("company", *investee);
    }
    // With no investee in the sentence, a round whose "company" invests in it has no company yet:
    // the article's topic fills it (see Keep).
    for (Event& ev : drafts) {
      const RoleValue* company = ev.type == EventType::kFundingRound ? ev.Find("company") : nullptr;
      if (company == nullptr || investee != nullptr) continue;
      bool investor_named = false;
      for (const Event& inv : drafts) {
        const RoleValue* x = inv.type == EventType::kInvestment ? inv.Find("investor") : nullptr;
        investor_named |= x != nullptr && SameParty(x->text, company->text);
      }
      if (investor_named) {
        ev.roles.erase(std::remove_if(ev.roles.begin(), ev.roles.end(), [](const Role& r) { return r.name == "company"; }),
                       ev.roles.end());
      }
    }
    for (Event& ev : drafts) {
      Event* vhost = ev.type == EventType::kValuation ? NearestHost(drafts, ev) : nullptr;
      if (vhost != nullptr && ev.Find("amount")) {
        if (vhost->Find("valuation") == nullptr) vhost->Set("valuation", *ev.Find("amount"));
        if (vhost->Find("company")) ev.Set("company", *vhost->Find("company"));
        if (ev.status != EventStatus::kCompleted) ev.roles.clear();  // a hoped-for value, not a valuation
      }
    }
    for (Event& ev : drafts) {
      if (IsMember(ev)) {
        ev.roles.pop_back();
        if (host != nullptr && host->Find("company")) ev.Set("investee", *host->Find("company"));
        else if (investee) ev.Set("investee", *investee);
        ev.roles.push_back(events_member_marker_);
      }
    }
  }

  bool IsMember(const Event& ev) const { return !ev.roles.empty() && ev.roles.back().name == "_member"; }

  // Keeps a sentence's event for the article: fills what only context gives, drops what names no
  // party.
  void Keep(Event ev) {
    bool member = IsMember(ev);
    if (member) ev.roles.pop_back();
    if (ev.roles.empty()) return;
    if (ev.type == EventType::kInvestment || member) {
      if (ev.Find("investee") == nullptr && !topic_.empty()) {
        RoleValue v;
        v.kind = RoleValue::Kind::kEntity;
        v.text = topic_;
        ev.Set("investee", v);
      }
    }
    if (ev.type == EventType::kFundingRound && ev.Find("company") == nullptr && !topic_.empty()) {
      RoleValue v;
      v.kind = RoleValue::Kind::kEntity;
      v.text = topic_;
      ev.Set("company", v);
    }
    // The topic of talk about money raised: the last party named as receiving it.
    if (ev.type == EventType::kInvestment && ev.Find("investee") && ev.Find("investee")->span.end > 0) topic_ = ev.Find("investee")->text;
    if (ev.type == EventType::kFundingRound && ev.Find("company")) topic_ = ev.Find("company")->text;
    const RoleValue* inv = ev.Find("investor");
    const RoleValue* inee = ev.Find("investee");
    if (inv && inee && SameParty(inv->text, inee->text)) return;
    // Co-investors become events of their own.
    std::vector<Event> out;
    for (const Role& r : ev.roles) {
      if (r.name != "co_investor") continue;
      Event co = ev;
      co.roles.erase(std::remove_if(co.roles.begin(), co.roles.end(), [](const Role& x) { return x.name == "co_investor"; }),
                     co.roles.end());
      co.Set("investor", r.value);
      out.push_back(std::move(co));
    }
    ev.roles.erase(std::remove_if(ev.roles.begin(), ev.roles.end(), [](const Role& x) { return x.name == "co_investor"; }),
                   ev.roles.end());
    out.push_back(std::move(ev));
    for (Event& x : out) {
      bool has_key = false;
      for (const std::string& k : KeyRoles(x.type)) has_key |= x.Find(k) != nullptr;
      const char* primary = PrimaryRole(x.type);
      bool complete = true;
      for (const std::string& k : KeyRoles(x.type)) complete &= x.Find(k) != nullptr;
      if (!has_key) continue;
      if (ReadsSyntax(x.type)) {  // its frame has already decided
        events_.push_back(std::move(x));
        continue;
      }
      // Types whose trigger words are common ("shares", "plant", "agreement") need their number.
      bool needs_value = x.type == EventType::kStockMove || x.type == EventType::kFacility ||
                         x.type == EventType::kCapex || x.type == EventType::kValuation || x.type == EventType::kContract ||
                         x.type == EventType::kEarnings;
      if (needs_value && *primary && x.Find(primary) == nullptr && !(x.type == EventType::kStockMove && x.Find("price")) &&
          !(x.type == EventType::kFacility && x.Find("location")) && !(x.type == EventType::kContract && complete))
        continue;
      if (x.type == EventType::kAcquisition && x.Find("target") == nullptr) continue;
      events_.push_back(std::move(x));
    }
  }

  std::vector<Event> MergeWithinArticle();

  // The first paragraph when it is the article's title, else an empty span.
  Span Headline() const {
    if (a_.paragraphs.empty() || a_.title.empty()) return Span{};
    Span p = a_.paragraphs[0];
    return std::string_view(a_.text).substr(p.start, p.end - p.start) == a_.title ? p : Span{};
  }

  // Each value takes the citation of the sentence that states it; a value the sentence leaves to
  // context, and the event itself, that of the event's first sentence.
  void Cite(std::vector<Event>& events) const {
    if (events.empty()) return;
    std::vector<Citation> by_sentence = events::SentenceCitations(a_, m_, words_);
    auto sentence_of = [&](uint32_t byte) {
      auto it = std::upper_bound(a_.sentences.begin(), a_.sentences.end(), byte,
                                 [](uint32_t b, const Span& s) { return b < s.start; });
      return it == a_.sentences.begin() ? size_t{0} : static_cast<size_t>(it - a_.sentences.begin() - 1);
    };
    for (Event& ev : events) {
      if (!ev.evidence.empty() && !by_sentence.empty()) ev.cited = by_sentence[sentence_of(ev.evidence[0].start)];
      auto cite = [&](RoleValue& v) {
        v.cited = v.span.end > v.span.start && !by_sentence.empty() ? by_sentence[sentence_of(v.span.start)] : ev.cited;
      };
      for (Role& r : ev.roles) {
        cite(r.value);
        for (RoleValue& again : r.value.restatements) cite(again);
      }
    }
  }

  const Article& a_;
  const Mentions& m_;
  ArticleWords words_;
  OrgResolver orgs_;
  const EventLexicon& lex_;
  std::string topic_;
  std::string last_person_;  // the person the article named last, for "he" and "she"
  std::vector<BackReference> back_refs_;
  std::vector<Event> events_;
  const Role events_member_marker_{"_member", RoleValue{}};
};

// Two statements of one article are one event when their type and parties agree and their numbers
// do; what one leaves out the other may fill.
bool Compatible(const Event& a, const Event& b) {
  if (!KeysAgree(a, b, false) || !NumbersAgree(a, b)) return false;
  // One article telling of a lawsuit in 1989 and another in 2003 tells of two.
  const RoleValue* x = a.Find("date");
  const RoleValue* y = b.Find("date");
  return !(a.from_syntax && x && y && !ValuesAgree(*x, *y) && !ValuesAgree(*y, *x));
}

// `headline` is the span of the article's headline when its text opens with it: a headline drops
// the hedges its body states ("$5 billion" over "up to $5 billion"), so a body's value replaces it.
void Absorb(Event& into, const Event& from, Span headline) {
  auto in_headline = [&](const RoleValue& v) { return v.span.end > v.span.start && v.span.end <= headline.end; };
  for (const Role& r : from.roles) {
    RoleValue* mine = into.Find(r.name);
    if (mine == nullptr) {
      into.roles.push_back(r);
    } else if (!ValuesAgree(*mine, r.value)) {
      // A raised offer told after the first one replaces it, which it names as its earlier value.
      if (Supersedes(r.value, *mine)) {
        RoleValue older = *mine;
        older.restatements.clear();
        older.earlier.clear();
        *mine = r.value;
        bool known = false;
        for (const RoleValue& e : mine->earlier) known |= ValuesAgree(e, older);
        if (!known) mine->earlier.insert(mine->earlier.begin(), older);
      }
      continue;
    } else if (in_headline(*mine) && !in_headline(r.value) && r.value.span.end > r.value.span.start) {
      mine->Replace(r.value);
    } else if (r.value.kind == RoleValue::Kind::kDate && mine->kind == RoleValue::Kind::kDate &&
               r.value.date.grain < mine->date.grain) {
      mine->Replace(r.value);  // the more precise of two agreeing dates
    } else if (r.value.kind == RoleValue::Kind::kQuantity && mine->quantity.qualifier == Qualifier::kAbout &&
               r.value.quantity.qualifier == Qualifier::kExact) {
      mine->Replace(r.value);  // a precise figure over its approximation
    } else {
      mine->Restate(r.value);
    }
  }
  if (from.status == EventStatus::kDenied || from.status == EventStatus::kCancelled) into.status = from.status;
  else if (into.status != EventStatus::kDenied && into.status != EventStatus::kCancelled) into.status = std::max(into.status, from.status);
  into.stage = std::max(into.stage, from.stage);
  into.cumulative |= from.cumulative;
  for (const Span& s : from.evidence) {
    if (std::find(into.evidence.begin(), into.evidence.end(), s) == into.evidence.end()) into.evidence.push_back(s);
  }
}

std::vector<Event> Framer::MergeWithinArticle() {
  std::vector<Event> out;
  // Events with their number first, so that a later bare mention joins the right one.
  for (Event& ev : events_) {
    Event* target = nullptr;
    for (Event& o : out) {
      if (Compatible(o, ev) || Supersedes(ev, o)) { target = &o; break; }
    }
    if (target) Absorb(*target, ev, Headline());
    else out.push_back(std::move(ev));
  }
  // A second pass: an event without its number that several candidates could take stays apart;
  // one that now matches exactly one earlier event joins it.
  std::vector<Event> merged;
  for (Event& ev : out) {
    Event* target = nullptr;
    int n = 0;
    for (Event& o : merged) {
      if (Compatible(o, ev)) { target = &o; ++n; }
    }
    if (n == 1) Absorb(*target, ev, Headline());
    else merged.push_back(std::move(ev));
  }
  for (Event& ev : merged) std::sort(ev.evidence.begin(), ev.evidence.end(), [](const Span& x, const Span& y) { return x.start < y.start; });
  return merged;
}

}  // namespace

std::vector<Event> ExtractEvents(const Article& article, const Mentions& mentions) {
  Framer f(article, mentions);
  return f.Run();
}

}  // namespace corroborate
