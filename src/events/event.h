// The events one article states (../shared/spec/EVENTS.md): a type, roles filled from the sentence
// and its neighbours, a status from the hedges around the trigger, and the evidence spans. Made by
// events/extract_events.h, merged across a story by reconcile/. Tested in events_test.cc.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "extract/mentions.h"
#include "text/span.h"

namespace corroborate {

enum class EventType : uint8_t {
  kInvestment, kFundingRound, kValuation, kAcquisition, kIpo, kLayoffs, kHiring, kCapex,
  kFacility, kContract, kPartnership, kStockMove, kEarnings, kExecutiveChange, kBankruptcy, kFinancing,
  kLegal, kClosure,
};
constexpr int kEventTypeCount = 18;

// Ordered from least to most certain; kUnknown is "the sentence claims no status".
enum class EventStatus : uint8_t {
  kUnknown, kRumored, kConsidering, kInTalks, kPlanned, kAgreed, kAnnounced, kCompleted,
  kDenied, kCancelled,
};
enum class TalkStage : uint8_t { kNone, kPreliminary, kActive, kAdvanced };

const char* EventTypeName(EventType t);
const char* EventStatusName(EventStatus s);
const char* TalkStageName(TalkStage s);  // "" for kNone
bool ParseEventType(std::string_view name, EventType* out);
bool ParseEventStatus(std::string_view name, EventStatus* out);
bool ParseTalkStage(std::string_view name, TalkStage* out);

// Whom an article attributes a statement to ("according to Bloomberg", "people familiar with the
// matter said"); an empty origin when it attributes it to nobody.
struct Citation {
  std::string origin;        // "Reuters", "people familiar with the matter", "a regulatory filing"
  bool news_outlet = false;  // a news organisation, named as events/news_outlets.h names it
  friend bool operator==(const Citation&, const Citation&) = default;
};

// One filled role. Entity roles hold a canonical name; amounts, counts, percentages and prices a
// number with its qualifier; dates the mention they came from.
struct RoleValue {
  enum class Kind : uint8_t { kEntity, kQuantity, kDate, kText };
  Kind kind = Kind::kText;
  std::string text;          // canonical entity name, ISO date, or free text
  Quantity quantity;         // kQuantity
  DateMention date;          // kDate
  Span span;                 // the words that state it in the article, its hedge included
  Citation cited;            // whom the article cites for it
  // The article's other statements of the same value ("$5 billion" in the headline, "up to $5
  // billion, according to X" in the body), each with its own words and citation; none of these
  // has restatements of its own.
  std::vector<RoleValue> restatements;

  // Makes `other` (and its restatements) restatements of this value, unless it states it with the
  // same words as one of them already.
  void Restate(const RoleValue& other);
  // Makes `other` the value this article states, with the value it replaces as a restatement.
  void Replace(RoleValue other);
};

struct Role {
  std::string name;  // "investor", "amount", "date", ...
  RoleValue value;
};

struct Event {
  EventType type = EventType::kInvestment;
  EventStatus status = EventStatus::kUnknown;
  TalkStage stage = TalkStage::kNone;
  bool cumulative = false;     // a running total ("bringing total cuts to", "since October")
  std::vector<Role> roles;     // at most one value per role name, except "investors"/"parties"
  std::vector<Span> evidence;  // the sentences that state it, in text order
  Span trigger;                // the word(s) that named the event in its first sentence
  bool verbal = false;         // the trigger is a verb ("raise"), not a noun ("funding round")
  Citation cited;              // whom the article cites for the event (its first sentence's source)
  // Its roles were read from the clause's grammar (events/frame_context.h), which abstains when
  // they do not hang together: it stands as an event even without its figure.
  bool from_syntax = false;

  const RoleValue* Find(std::string_view role) const;
  RoleValue* Find(std::string_view role);
  void Set(std::string_view role, RoleValue value);  // replaces an earlier value of the role
};

// The role whose number identifies the event ("amount" of an investment, "count" of layoffs), or
// "" when the type has none.
const char* PrimaryRole(EventType t);
// The entity roles that say who the event is about, in order of weight ("investor", "investee").
const std::vector<std::string>& KeyRoles(EventType t);

}  // namespace corroborate
