// The helpers frame fillers share (see frame_context.h). Tested in frames_test.cc.
#include "events/frame_context.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <string_view>

#include "extract/civil_date.h"

namespace corroborate::events {

bool NarrativeDate(const Article& article, const Mentions& mentions, int32_t di, DateMention* out) {
  const DateMention& d = mentions.dates[di];
  *out = d;
  std::string_view words = std::string_view(article.text).substr(d.start, d.end - d.start);
  auto ends_with = [&](std::string_view x) {
    if (words.size() < x.size()) return false;
    for (size_t i = 0; i < x.size(); ++i) {
      if (std::tolower(static_cast<unsigned char>(words[words.size() - x.size() + i])) != x[i]) return false;
    }
    return true;
  };
  if (!d.relative || !ends_with("later")) return true;
  std::optional<extract::Civil> pub = extract::ParseIsoDate(article.published);
  const DateMention* anchor = nullptr;
  for (int32_t k = di - 1; k >= 0 && anchor == nullptr; --k) {
    if (!mentions.dates[k].relative) anchor = &mentions.dates[k];
  }
  if (!pub || anchor == nullptr || d.grain != DateGrain::kDay) return false;
  bool years = words.find("year") != std::string_view::npos || words.find("Year") != std::string_view::npos;
  if (years) {
    *out = DateMention{};
    out->start = d.start;
    out->end = d.end;
    out->year = anchor->year + (d.year - pub->year);
    out->grain = DateGrain::kYear;
    return anchor->year > 0;
  }
  if (anchor->grain != DateGrain::kDay) return false;
  int64_t shift = extract::DaysFromCivil(d.year, d.month, d.day) - extract::DaysFromCivil(pub->year, pub->month, pub->day);
  extract::Civil c = extract::CivilFromDays(extract::DaysFromCivil(anchor->year, anchor->month, anchor->day) + shift);
  *out = DateMention{};
  out->start = d.start;
  out->end = d.end;
  out->year = c.year;
  out->month = c.month;
  out->day = c.day;
  out->grain = DateGrain::kDay;
  return true;
}

RoleValue FrameContext::PartyValue(const Party& p) const {
  RoleValue v;
  v.kind = RoleValue::Kind::kEntity;
  v.text = p.name;
  v.span = Span{W()[p.w0].start, W()[p.w1 - 1].end};
  return v;
}

RoleValue FrameContext::QuantityValue(int32_t qi) const {
  const Quantity& q = mentions.quantities[qi];
  RoleValue v;
  v.kind = RoleValue::Kind::kQuantity;
  v.quantity = q;
  v.span = Span{q.phrase_start, q.end};
  v.text = article.text.substr(q.phrase_start, q.end - q.phrase_start);
  return v;
}

RoleValue FrameContext::TextValue(uint32_t w0, uint32_t w1) const {
  RoleValue v;
  v.kind = RoleValue::Kind::kText;
  v.span = Span{W()[w0].start, W()[w1 - 1].end};
  v.text = article.text.substr(v.span.start, v.span.end - v.span.start);
  return v;
}

RoleValue FrameContext::DateValue(int32_t di) const {
  DateMention d;
  NarrativeDate(article, mentions, di, &d);
  RoleValue v;
  v.kind = RoleValue::Kind::kDate;
  v.date = d;
  v.text = corroborate::DateValue(d);
  v.span = Span{d.start, d.end};
  return v;
}

RoleValue FrameContext::PublishedDay() const {
  RoleValue v;
  v.kind = RoleValue::Kind::kText;  // no date unless the published day parses
  const std::string& p = article.published;
  if (p.size() < 10 || p[4] != '-' || p[7] != '-') return v;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (p[i] < '0' || p[i] > '9') return v;
  }
  v.kind = RoleValue::Kind::kDate;
  v.text = p.substr(0, 10);
  v.date.year = std::stoi(p.substr(0, 4));
  v.date.month = std::stoi(p.substr(5, 2));
  v.date.day = std::stoi(p.substr(8, 2));
  v.date.grain = DateGrain::kDay;
  v.date.relative = true;
  return v;
}

int32_t FrameContext::QuantityAfter(uint32_t from, std::initializer_list<std::string_view> preps,
                                    QuantityKind kind, uint32_t limit) const {
  uint32_t end = std::min(syntax.ClauseEnd(from), limit);
  for (uint32_t i = from; i + 1 < end; ++i) {
    if (!In(W()[i].lower, preps)) continue;
    // "for $4.6 billion", "worth US$ 7.2 bn", "for up to $60 million", "of about 10,000".
    for (uint32_t k = i + 1; k < end && k < i + 6; ++k) {
      int32_t q = W()[k].quantity;
      if (q >= 0) return mentions.quantities[q].kind == kind ? q : -1;
      if (!In(W()[k].lower, {"up", "to", "as", "much", "about", "around", "nearly", "almost", "roughly", "some",
                             "approximately", "more", "than", "over", "an", "a", "estimated"}))
        break;
    }
  }
  return -1;
}

int32_t FrameContext::QuantityBefore(uint32_t i, QuantityKind kind) const {
  // Back over a parenthesis that restates the figure ("US$ 40 billion (GB £20.1 billion) contract"),
  // adjectives and a possessive, to the figure.
  for (uint32_t k = i; k > b() && k + 8 > i; --k) {
    int32_t q = W()[k - 1].quantity;
    if (q >= 0) {
      // The figure that opens a run of figures: the first of "US$ 40 billion (GB £20.1 billion)",
      // past a currency's code that opens the bracket.
      uint32_t j = k - 1;
      while (j > b()) {
        if (W()[j - 1].quantity >= 0) {
          --j;
        } else if (j > b() + 1 && W()[j - 1].comma_before && W()[j - 2].quantity >= 0 && W()[j - 1].camel &&
                   W()[j - 1].lower.size() <= 3) {
          j -= 2;
        } else {
          break;
        }
      }
      int32_t first = W()[j].quantity;
      return mentions.quantities[first].kind == kind ? first : -1;
    }
    const std::string& x = W()[k - 1].lower;
    if (IsPreposition(x) || IsAuxiliary(x) || W()[k - 1].clause_before || syntax.At(k - 1) != nullptr) return -1;
  }
  return -1;
}

int32_t FrameContext::ClauseDate() const { return ClauseDate(false); }

int32_t FrameContext::ClauseDate(bool day_only) const {
  uint32_t end = syntax.ClauseEnd(t1);
  // The clause begins at the last clause opener before the trigger, or the sentence's start.
  uint32_t begin = b();
  // A relative clause is a clause of its own: "In 1986 he bought Pixel, which was acquired by
  // Globex in 2005" dates the second purchase 2005, with or without the comma.
  for (uint32_t k = t0; k > b(); --k) {
    if (W()[k].clause_before || In(W()[k - 1].lower, {"which", "who"})) { begin = k; break; }
  }
  // "X stated on Thursday that it had signed a contract": the date before a reporting verb's
  // "that" dates the report, and the past perfect after it puts the event before the report.
  for (uint32_t k = t0; k > begin + 1; --k) {
    if (W()[k - 1].lower != "that") continue;
    bool reported = false;
    for (uint32_t r = k - 1; r > begin && r + 6 > k; --r) {
      reported |= In(W()[r - 1].lower, {"said", "says", "stated", "states", "announced", "announces", "confirmed",
                                        "confirms", "reported", "reports", "disclosed", "discloses", "told"});
    }
    bool perfect = false;
    for (uint32_t h = k; h < t0; ++h) perfect |= W()[h].lower == "had";
    if (reported && perfect) begin = k;
    break;
  }
  int32_t best = -1;
  uint32_t best_d = UINT32_MAX;
  for (uint32_t i = begin; i < end; ++i) {
    int32_t d = W()[i].date;
    if (d < 0 || (i > begin && W()[i - 1].date == d)) continue;
    DateMention told;
    if (!NarrativeDate(article, mentions, d, &told)) continue;  // "three days later" with nothing before
    if (day_only && told.grain != DateGrain::kDay) continue;
    uint32_t dist = i >= t1 ? i - t1 : t0 - i;
    if (dist < best_d) { best_d = dist; best = d; }
  }
  return best;
}

EventStatus FrameContext::ClauseStatus() const {
  const auto& w = W();
  // A noun trigger's status comes from the verb that governs it: "filed a lawsuit", "won a
  // contract", "agreed to a deal", "announced 35 new orders", "the now-cancelled deal".
  uint32_t v = t0;
  if (!verb) {
    bool found = false;
    // Up to five words back; a figure counts as none, and a bracket that restates one is no break
    // ("defeated Y for a US$ 40 billion (GB £20.1 billion) contract").
    int words = 0;
    for (uint32_t k = t0; k > b() && words < 6; --k) {
      const std::string& x = w[k - 1].lower;
      if (In(x, {"cancelled", "canceled", "scrapped", "abandoned", "terminated"})) return EventStatus::kCancelled;
      if ((w[k].comma_before && w[k - 1].quantity < 0) || w[k].clause_before) break;
      if (w[k - 1].quantity < 0) ++words;
      // "had been expected to post net income of", "an estimated profit": a forecast, told now.
      if (In(x, {"expected", "expects", "expect", "forecast", "forecasts", "estimated", "projected", "predicted",
                 "anticipated", "likely"}))
        return EventStatus::kAnnounced;
      if (x.size() > 2 && (x.substr(x.size() - 2) == "ed" || In(x, {"won", "lost", "reached", "struck", "made", "took",
                                                                      "signed", "announce", "announces", "file",
                                                                      "files", "plans", "seeks", "faces", "face",
                                                                      "wins", "signs", "reach", "reaches"}))) {
        v = k - 1;
        found = true;
        break;
      }
    }
    if (!found) return EventStatus::kUnknown;
  }
  if (syntax.Negated(v)) return EventStatus::kUnknown;
  const std::string& word = w[v].lower;
  if (In(word, {"announced", "announce", "announces", "unveiled", "unveils"})) return EventStatus::kAnnounced;
  if (In(word, {"plans", "planned", "proposed", "seeks", "sought"})) return EventStatus::kPlanned;
  if (In(word, {"faces", "face"})) return EventStatus::kAnnounced;
  uint32_t g = syntax.GroupStart(v);
  bool will = false, perfect = false, to = false;
  for (uint32_t k = g; k < v; ++k) {
    const std::string& x = w[k].lower;
    if (In(x, {"agreed", "agree", "agrees"})) return EventStatus::kAgreed;
    if (In(x, {"plans", "plan", "planned", "planning", "intends", "intend", "aims", "seeks", "wants", "expects",
               "expected", "set", "going", "preparing", "hopes", "hoped", "decided", "attempting", "trying", "poised",
               "scheduled", "slated", "due"}))
      return EventStatus::kPlanned;
    if (In(x, {"talks", "negotiations", "discussions"})) return EventStatus::kInTalks;
    if (In(x, {"considering", "weighing", "exploring", "mulling"})) return EventStatus::kConsidering;
    if (In(x, {"said", "reported", "rumored", "rumoured", "reportedly"}) && k > g) return EventStatus::kRumored;
    if (In(x, {"will", "would", "shall", "wo"})) will = true;
    if (In(x, {"has", "have", "had"})) perfect = true;
    if (x == "to") to = true;
  }
  if (will || to) return EventStatus::kAnnounced;
  if (perfect || trigger.past || (word.size() > 2 && word.substr(word.size() - 2) == "ed")) return EventStatus::kCompleted;
  // The present tense of a headline or a lead ("Globex sues Initech", "Globex wins order") reports
  // what happened.
  if (word.size() > 1 && word.back() == 's') return EventStatus::kCompleted;
  return EventStatus::kUnknown;
}

}  // namespace corroborate::events
