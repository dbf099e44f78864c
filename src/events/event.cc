// Names and role tables of events (see event.h). Tested in events_test.cc.
#include "events/event.h"

#include <array>

namespace corroborate {
namespace {

constexpr std::array<const char*, kEventTypeCount> kTypeNames = {
    "investment", "funding_round", "valuation", "acquisition", "ipo",        "layoffs",  "hiring",
    "capex",      "facility",      "contract",  "partnership", "stock_move", "earnings", "executive_change",
    "bankruptcy", "financing",     "legal",     "closure",
};
constexpr std::array<const char*, 10> kStatusNames = {
    "unknown", "rumored", "considering", "in_talks", "planned",
    "agreed",  "announced", "completed", "denied",   "cancelled",
};
constexpr std::array<const char*, 4> kStageNames = {"", "preliminary", "active", "advanced"};

}  // namespace

const char* EventTypeName(EventType t) { return kTypeNames[static_cast<size_t>(t)]; }
const char* EventStatusName(EventStatus s) { return kStatusNames[static_cast<size_t>(s)]; }
const char* TalkStageName(TalkStage s) { return kStageNames[static_cast<size_t>(s)]; }

bool ParseEventType(std::string_view name, EventType* out) {
  for (size_t i = 0; i < kTypeNames.size(); ++i) {
    if (name == kTypeNames[i]) { *out = static_cast<EventType>(i); return true; }
  }
  return false;
}
bool ParseEventStatus(std::string_view name, EventStatus* out) {
  for (size_t i = 0; i < kStatusNames.size(); ++i) {
    if (name == kStatusNames[i]) { *out = static_cast<EventStatus>(i); return true; }
  }
  return false;
}
bool ParseTalkStage(std::string_view name, TalkStage* out) {
  for (size_t i = 1; i < kStageNames.size(); ++i) {
    if (name == kStageNames[i]) { *out = static_cast<TalkStage>(i); return true; }
  }
  return false;
}

const RoleValue* Event::Find(std::string_view role) const {
  for (const Role& r : roles) {
    if (r.name == role) return &r.value;
  }
  return nullptr;
}
RoleValue* Event::Find(std::string_view role) {
  for (Role& r : roles) {
    if (r.name == role) return &r.value;
  }
  return nullptr;
}
void Event::Set(std::string_view role, RoleValue value) {
  if (RoleValue* v = Find(role)) { *v = std::move(value); return; }
  roles.push_back(Role{std::string(role), std::move(value)});
}

const char* PrimaryRole(EventType t) {
  switch (t) {
    case EventType::kLayoffs:
    case EventType::kHiring: return "count";
    case EventType::kIpo: return "valuation";
    case EventType::kStockMove: return "change";
    case EventType::kEarnings: return "revenue";
    case EventType::kPartnership:
    case EventType::kExecutiveChange:
    case EventType::kBankruptcy:
    case EventType::kClosure: return "";
    default: return "amount";
  }
}

const std::vector<std::string>& KeyRoles(EventType t) {
  static const std::vector<std::string> kInvestment = {"investor", "investee"};
  static const std::vector<std::string> kAcquisition = {"acquirer", "target"};
  static const std::vector<std::string> kContract = {"buyer", "seller"};
  static const std::vector<std::string> kPartnership = {"parties"};
  static const std::vector<std::string> kCompany = {"company"};
  static const std::vector<std::string> kExecutive = {"person", "company"};
  static const std::vector<std::string> kFinancing = {"borrower", "lender"};
  static const std::vector<std::string> kLegal = {"company", "counterparty"};
  switch (t) {
    case EventType::kInvestment: return kInvestment;
    case EventType::kAcquisition: return kAcquisition;
    case EventType::kContract: return kContract;
    case EventType::kPartnership: return kPartnership;
    case EventType::kExecutiveChange: return kExecutive;
    case EventType::kFinancing: return kFinancing;
    case EventType::kLegal: return kLegal;
    default: return kCompany;
  }
}

void RoleValue::Restate(const RoleValue& other) {
  auto add = [&](const RoleValue& v) {
    if (v.span.end <= v.span.start || v.span == span) return;
    for (const RoleValue& r : restatements) {
      if (r.span == v.span) return;
    }
    RoleValue copy = v;
    copy.restatements.clear();
    restatements.push_back(std::move(copy));
  };
  add(other);
  for (const RoleValue& r : other.restatements) add(r);
}

void RoleValue::Replace(RoleValue other) {
  RoleValue old = std::move(*this);
  *this = std::move(other);
  Restate(old);
}

}  // namespace corroborate
