// Share-price moves and reported results from a sentence's syntax (see frame_context.h). A move's
// figures keep their measure and sign: a percentage is `change`, a sum of money moved by is
// `change_amount`, a price reached is `price`; a fall is negative. Results keep theirs: revenue,
// profit, a loss as a negative profit, for the period the clause names. Tested in frames_test.cc.
#include <cmath>

#include "events/frame_context.h"
#include "events/orgs.h"

namespace corroborate::events {
namespace {

// +1 for a rise, -1 for a fall, 0 for neither; *factor receives the change in percent a
// multiplying verb states ("tripled": +200).
int MoveDirection(std::string_view w, double* factor) {
  *factor = 0;
  if (In(w, {"rose", "rise", "rises", "rising", "risen", "jumped", "jump", "jumps", "gained", "gain", "gains",
             "climbed", "climb", "climbs", "surged", "surge", "surges", "soared", "soar", "rallied", "rally",
             "increased", "increase", "increases", "up", "advanced", "added", "higher", "edged"}))
    return 1;
  if (In(w, {"fell", "fall", "falls", "falling", "fallen", "dropped", "drop", "drops", "slid", "slide", "slides",
             "declined", "decline", "declines", "tumbled", "tumble", "plunged", "plunge", "sank", "sink", "slumped",
             "slump", "lost", "lose", "loses", "down", "decreased", "decrease", "lower", "retreated", "shed", "dipped",
             "dip", "eased"}))
    return -1;
  if (w == "doubled") { *factor = 100; return 1; }
  if (w == "tripled") { *factor = 200; return 1; }
  if (w == "quadrupled") { *factor = 300; return 1; }
  if (w == "halved") { *factor = -50; return -1; }
  return 0;
}

RoleValue Signed(RoleValue v, int direction) {
  v.quantity.value = direction < 0 ? -std::fabs(v.quantity.value) : std::fabs(v.quantity.value);
  return v;
}

// The date or period role of a figure: a day is the move's date; a month, quarter or year the
// period it is over ("this year", "in 2006").
void SetWhen(const FrameContext& c, Event& ev, int32_t d) {
  if (d < 0) return;
  RoleValue v = c.DateValue(d);
  ev.Set(v.date.grain == DateGrain::kDay ? "date" : "period", v);
}

// "fell 1 percent in early trading", "were down in recent trading": a move told in the trading of
// the day the article was published is that day's, when the clause dates it no other way.
void TradingDay(const FrameContext& c, Event& ev) {
  if (ev.Find("date") != nullptr || ev.Find("period") != nullptr) return;
  bool today = false;
  for (uint32_t k = c.t1; k + 1 < c.syntax.ClauseEnd(c.t1); ++k) {
    const std::string& x = c.W()[k].lower;
    today |= (In(x, {"early", "recent", "morning", "afternoon", "midday", "premarket"}) && c.W()[k + 1].lower == "trading") ||
             x == "today";
  }
  RoleValue v = c.PublishedDay();
  if (today && v.kind == RoleValue::Kind::kDate) ev.Set("date", v);
}

// "Globex expects a $5 billion hit", "Globex says profit will fall": a company's forecast told in
// the present tense is made the day the article is published, when the clause gives no date.
void AnnouncedToday(const FrameContext& c, Event& ev) {
  if (ev.status != EventStatus::kAnnounced || ev.Find("date") != nullptr) return;
  bool present = false;
  for (uint32_t k = c.b(); k < c.t0; ++k) {
    const std::string& x = c.W()[k].lower;
    present |= In(x, {"expects", "says", "forecasts", "warns", "estimates", "predicts", "sees", "projects"}) ||
               (x == "expecting" && k > c.b() && In(c.W()[k - 1].lower, {"is", "are"}));
  }
  RoleValue v = c.PublishedDay();
  if (present && v.kind == RoleValue::Kind::kDate) ev.Set("date", v);
}

// "Globex shares (GLBX)", "Globex (GLBX) shares fell": the stock symbol in brackets just after
// the company's name, in capitals, when it names no other organisation.
void SetTicker(const FrameContext& c, Event& ev, const Party& company) {
  const auto& w = c.W();
  const std::string& text = c.article.text;
  for (uint32_t k = company.w1; k < c.e() && k < company.w1 + 2; ++k) {
    const Word& x = w[k];
    if (x.start == 0 || text[x.start - 1] != '(' || x.end >= text.size() || text[x.end] != ')') continue;
    size_t n = x.end - x.start;
    bool caps = n >= 1 && n <= 5;
    for (size_t i = x.start; caps && i < x.end; ++i) caps = text[i] >= 'A' && text[i] <= 'Z';
    if (!caps) return;
    std::string symbol = text.substr(x.start, n);
    if (x.entity >= 0) {  // the extract stage may read the symbol as a name: the company's or its own
      const std::string& name = c.mentions.entities.entities[c.mentions.entities.mentions[x.entity].entity].canonical;
      if (name != company.name && name != symbol) return;
    }
    RoleValue v;
    v.kind = RoleValue::Kind::kText;
    v.text = symbol;
    v.span = Span{x.start, x.end};
    ev.Set("ticker", v);
    return;
  }
}

// "doubled", "halved": the change in percent the verb itself states, spanning the verb.
RoleValue FactorChange(const FrameContext& c, const Word& verb, double factor) {
  RoleValue f;
  f.kind = RoleValue::Kind::kQuantity;
  f.quantity.kind = QuantityKind::kPercent;
  f.quantity.value = factor;
  f.span = Span{verb.start, verb.end};
  f.quantity.start = f.quantity.phrase_start = verb.start;
  f.quantity.end = verb.end;
  f.text = c.article.text.substr(verb.start, verb.end - verb.start);
  return f;
}

// The figures of one of several coordinated moves, the verb at v and its words up to `end`: a
// percentage is its change, a sum after "to" its price, another sum its change in money; the
// multiplying verbs ("doubled") state their change themselves. False when it has none.
bool MoveFigures(const FrameContext& c, Event& ev, uint32_t v, uint32_t end) {
  const auto& w = c.W();
  double factor = 0;
  int direction = MoveDirection(w[v].lower, &factor);
  bool saw_to = false;
  for (uint32_t k = v + 1; k < end && k < v + 14; ++k) {
    int32_t q = w[k].quantity;
    if (In(w[k].lower, {"to", "at"})) saw_to = true;
    if (q < 0 || (k > v + 1 && w[k - 1].quantity == q)) continue;
    const Quantity& m = c.mentions.quantities[q];
    bool after_to = In(w[k - 1].lower, {"to", "at"});
    if (m.kind == QuantityKind::kPercent && ev.Find("change") == nullptr && !after_to) {
      ev.Set("change", Signed(c.QuantityValue(q), direction));
    } else if (m.kind == QuantityKind::kMoney && (after_to || saw_to) && ev.Find("price") == nullptr) {
      ev.Set("price", c.QuantityValue(q));
    } else if (m.kind == QuantityKind::kMoney && !saw_to && ev.Find("change_amount") == nullptr) {
      ev.Set("change_amount", Signed(c.QuantityValue(q), direction));
    }
  }
  if (factor != 0 && ev.Find("change") == nullptr) {
    ev.Set("change", FactorChange(c, w[v], factor));
  }
  return ev.Find("change") != nullptr || ev.Find("change_amount") != nullptr || ev.Find("price") != nullptr;
}

// The first date mention among words [from, to), or -1.
int32_t SegmentDate(const FrameContext& c, uint32_t from, uint32_t to) {
  for (uint32_t k = from; k < to; ++k) {
    if (c.W()[k].date < 0) continue;
    DateMention told;
    if (NarrativeDate(c.article, c.mentions, c.W()[k].date, &told)) return c.W()[k].date;
  }
  return -1;
}

}  // namespace

bool FillStockMove(const FrameContext& c, Event& ev) {
  const Syntax& syn = c.syntax;
  const auto& w = c.W();
  // The company: "shares of X", "X shares", "X's shares", "the stock capital of X".
  const Party* company = syn.After(c.t1, {"of", "in"});
  if (company != nullptr && company->w0 > c.t1 + 6) company = nullptr;
  if (company == nullptr) company = syn.Possessor(c.t0);
  if (company == nullptr && c.t0 > c.b()) company = syn.At(c.t0 - 1);
  if (company == nullptr || company->person || MarketPlace(company->name)) return false;
  ev.Set("company", c.PartyValue(*company));
  SetTicker(c, ev, *company);
  // "a 2.1% drop in the company's share price": the move named before the shares.
  for (uint32_t k = c.t0; k > c.b() && k + 6 > c.t0; --k) {
    double factor = 0;
    int direction = MoveDirection(w[k - 1].lower, &factor);
    if (direction == 0) continue;
    int32_t q = k >= 2 ? w[k - 2].quantity : -1;
    if (q >= 0 && c.mentions.quantities[q].kind == QuantityKind::kPercent) {
      ev.Set("change", Signed(c.QuantityValue(q), direction));
      SetWhen(c, ev, c.ClauseDate());
      TradingDay(c, ev);
      ev.status = EventStatus::kCompleted;
      return true;
    }
    break;
  }
  // The move: the first verb of direction after the trigger in its clause; "trading around
  // $239.3" and "closed at $41" give a price, "a 134.2% return" a rise.
  uint32_t end = syn.ClauseEnd(c.t1);
  uint32_t v = c.t1;
  int direction = 0;
  double factor = 0;
  for (; v < end && v < c.t1 + 12; ++v) {
    direction = MoveDirection(w[v].lower, &factor);
    if (direction != 0) break;
    if (In(w[v].lower, {"trading", "traded", "trades", "trade", "closed", "closing", "ended", "opened", "stood",
                        "return", "returned", "delivered"}))
      break;
  }
  if (v < end && direction == 0) {
    for (uint32_t k = v + 1; k < end && k < v + 8; ++k) {
      int32_t q = w[k].quantity;
      if (q < 0) continue;
      const Quantity& m = c.mentions.quantities[q];
      if (m.kind == QuantityKind::kMoney && ev.Find("price") == nullptr) ev.Set("price", c.QuantityValue(q));
      if (m.kind == QuantityKind::kPercent && ev.Find("change") == nullptr && k + 1 < end &&
          In(w[k + 1].lower, {"return", "gain", "rise", "increase"}))
        ev.Set("change", c.QuantityValue(q));
    }
    // "…, have delivered a 134.2% return over three years": the next clause of the same shares.
    for (uint32_t k = v; k + 2 < c.e() && k < v + 16; ++k) {
      int32_t q = w[k].quantity;
      if (q >= 0 && c.mentions.quantities[q].kind == QuantityKind::kPercent && ev.Find("change") == nullptr &&
          In(w[k + 1].lower, {"return", "gain", "rise", "increase"}))
        ev.Set("change", c.QuantityValue(q));
    }
    if (ev.Find("price") == nullptr && ev.Find("change") == nullptr) return false;
    SetWhen(c, ev, c.ClauseDate());
    TradingDay(c, ev);
    ev.status = EventStatus::kCompleted;
    return true;
  }
  if (direction == 0) return false;
  // "tripled in 2004, doubled in 2005 and increased by 16 percent in 2006": verbs of direction
  // coordinated after the first are moves of their own, each with the figures and the date up to
  // the next one.
  std::vector<uint32_t> moves = {v};
  for (uint32_t k = v + 1; k < end; ++k) {
    double f = 0;
    if (MoveDirection(w[k].lower, &f) == 0 || In(w[k].lower, {"up", "down", "higher", "lower"})) continue;
    uint32_t j = k;
    while (j > v + 1 && IsAdverb(w[j - 1].lower)) --j;
    if (w[j].comma_before || w[j - 1].lower == "and") moves.push_back(k);
  }
  if (moves.size() > 1 && c.more != nullptr) {
    for (size_t m = 1; m < moves.size(); ++m) {
      Event copy;
      copy.type = ev.type;
      copy.trigger = ev.trigger;
      copy.verbal = ev.verbal;
      copy.evidence = ev.evidence;
      copy.Set("company", *ev.Find("company"));
      if (const RoleValue* t = ev.Find("ticker")) copy.Set("ticker", *t);
      uint32_t seg_end = m + 1 < moves.size() ? moves[m + 1] : end;
      if (MoveFigures(c, copy, moves[m], seg_end)) {
        SetWhen(c, copy, SegmentDate(c, moves[m], seg_end));
        copy.status = EventStatus::kCompleted;
        c.more->push_back(std::move(copy));
      }
    }
    end = moves[1];
    if (!MoveFigures(c, ev, v, end)) return false;
    int32_t d = SegmentDate(c, v, end);
    SetWhen(c, ev, d >= 0 ? d : SegmentDate(c, c.b(), v));
    ev.status = EventStatus::kCompleted;
    return true;
  }
  // "fell 1 percent to $254", "rose US $5.41", "slid $19.37 ... a drop of over 5%", "increased by
  // 5 percent", "rose to $373.72".
  bool saw_to = false;
  for (uint32_t k = v + 1; k < end && k < v + 14; ++k) {
    int32_t q = w[k].quantity;
    if (In(w[k].lower, {"to", "at"})) saw_to = true;
    if (q < 0 || (k > v + 1 && w[k - 1].quantity == q)) continue;
    const Quantity& m = c.mentions.quantities[q];
    bool after_to = k > 0 && In(w[k - 1].lower, {"to", "at"});
    if (m.kind == QuantityKind::kPercent && ev.Find("change") == nullptr && !after_to) {
      ev.Set("change", Signed(c.QuantityValue(q), direction));
    } else if (m.kind == QuantityKind::kMoney && (after_to || saw_to) && ev.Find("price") == nullptr) {
      ev.Set("price", c.QuantityValue(q));
    } else if (m.kind == QuantityKind::kMoney && !saw_to && ev.Find("change_amount") == nullptr) {
      ev.Set("change_amount", Signed(c.QuantityValue(q), direction));
    }
  }
  // "slid $19.37 in after-hours trading — a drop of over 5%": a noun of the same move set off
  // after the clause restates it in percent.
  if (ev.Find("change") == nullptr && end < c.e() && w[end].clause_before) {
    uint32_t k = end;
    while (k < c.e() && k < end + 3 && In(w[k].lower, {"a", "an"})) ++k;
    double noun_factor = 0;
    if (k + 2 < c.e() && MoveDirection(w[k].lower, &noun_factor) == direction && noun_factor == 0 &&
        w[k + 1].lower == "of") {
      // Up to two hedge words before the figure ("of over 5%", "of more than 5%").
      for (uint32_t f = k + 2; f < c.e() && f < k + 5; ++f) {
        if (w[f].comma_before || w[f].clause_before || w[f].capitalized) break;
        int32_t q = w[f].quantity;
        if (q < 0) continue;
        if (c.mentions.quantities[q].kind == QuantityKind::kPercent)
          ev.Set("change", Signed(c.QuantityValue(q), direction));
        break;
      }
    }
  }
  if (factor != 0 && ev.Find("change") == nullptr) {
    ev.Set("change", FactorChange(c, w[v], factor));
  }
  if (ev.Find("change") == nullptr && ev.Find("change_amount") == nullptr && ev.Find("price") == nullptr) return false;
  SetWhen(c, ev, c.ClauseDate());
  TradingDay(c, ev);
  ev.status = EventStatus::kCompleted;  // a price move is a fact of the market once reported
  return true;
}

bool FillEarnings(const FrameContext& c, Event& ev) {
  const Syntax& syn = c.syntax;
  const auto& w = c.W();
  const std::string& measure = c.trigger.detail;  // revenue | profit | loss | "" (earnings)
  // "earnings held abroad", "earnings reinvested overseas": money kept somewhere, not results.
  if (c.t1 < c.e() && In(w[c.t1].lower, {"held", "reinvested", "parked", "abroad", "overseas", "kept", "stashed",
                                         "repatriated", "retained", "per"}))
    return false;
  // The company: "Apple's revenue", "its profit", "X reported a profit", "X earned $2 billion",
  // "the revenue of the company".
  const Party* company = syn.Possessor(c.t0);
  if (company == nullptr && c.t0 > c.b() && syn.At(c.t0 - 1) != nullptr && !syn.At(c.t0 - 1)->person)
    company = syn.At(c.t0 - 1);
  if (company == nullptr) company = syn.After(c.t1, {"of"});
  if (company == nullptr) {
    for (uint32_t k = c.t0 + 1; k > c.b() && k + 8 > c.t0; --k) {
      uint32_t i = k - 1;
      if (i < c.t0 && (w[i + 1].clause_before)) break;
      if (In(w[i].lower, {"reported", "reports", "post", "posted", "posts", "earned", "earns", "booked", "book", "books",
                          "recorded", "record", "made", "expects", "expect", "expected", "forecast", "gained", "take",
                          "takes", "took", "taking", "reaped", "said", "facing", "face", "faces", "faced", "suffered",
                          "announced", "warned"}) ||
          i == c.t0) {
        company = syn.Subject(i);
        if (company != nullptr) break;
      }
    }
  }
  if (company == nullptr) {
    // A clause that names one organisation only: the results are its ("push Globex from $2
    // billion in earnings to a loss").
    const Party* only = nullptr;
    int orgs = 0;
    for (uint32_t k = c.b(); k < c.syntax.ClauseEnd(c.t1); ++k) {
      const Party* p = syn.At(k);
      if (p == nullptr || p->person || p->reporter || (only != nullptr && p == only)) continue;
      if (only == nullptr || p->name != only->name) ++orgs;
      only = p;
      k = p->w1 - 1;
    }
    if (orgs == 1) company = only;
  }
  if (company == nullptr || company->person) return false;
  ev.Set("company", c.PartyValue(*company));
  // The figure linked to the measure ("profit of $269m", "a $565 million profit", "revenue ...
  // made up $7.1 billion", "earned $2 billion"); a hit or a charge against the profit ("a $5
  // billion hit to profits", "knock $5 billion off its profit") is no profit figure, and its words
  // link it to no measure.
  int32_t q = -1;
  if (measure == "charge") {
    // "a $3 billion charge", "a hit of as much as $20 billion": a charge against the results, not
    // a figure of them; it needs its sum to be one.
    if (c.QuantityBefore(c.t0, QuantityKind::kMoney) < 0 && c.QuantityAfter(c.t1, {"of"}, QuantityKind::kMoney) < 0)
      return false;
  } else if (c.verb) {
    q = c.QuantityAt(c.t1);
  } else {
    // Up to the next measure named ("from $1.9 billion in earnings to a loss of $3 billion": the
    // $3 billion is the loss's).
    uint32_t next = c.t1;
    while (next < c.e() && !In(w[next].lower, {"profit", "profits", "loss", "losses", "revenue", "revenues", "sales",
                                               "income", "earnings"}))
      ++next;
    q = c.QuantityAfter(c.t1, {"of", "to", "at", "was", "were", "reached", "totaled", "totalled", "up", "rose", "fell",
                               "grew", "jumped"},
                        QuantityKind::kMoney, next);
    if (q < 0) q = c.QuantityBefore(c.t0, QuantityKind::kMoney);
    // "$1.9 billion in earnings", "$6 billion in revenue".
    if (q < 0 && c.t0 >= c.b() + 2 && w[c.t0 - 1].lower == "in") q = c.QuantityAt(c.t0 - 2);
  }
  // "net profit has made up $1.14 per share": earnings per share, not the profit's total.
  if (q >= 0) {
    uint32_t after = c.b();
    while (after < c.e() && c.W()[after].start < c.mentions.quantities[q].end) ++after;
    if (after + 1 < c.e() && In(w[after].lower, {"per", "a"}) && In(w[after + 1].lower, {"share", "shares"})) q = -1;
  }
  if (q >= 0 && c.mentions.quantities[q].kind == QuantityKind::kMoney) {
    RoleValue v = c.QuantityValue(q);
    if (measure == "loss") v.quantity.value = -std::fabs(v.quantity.value);
    ev.Set(measure == "revenue" ? "revenue" : "profit", v);
  }
  bool hit = false;
  for (uint32_t i = c.b(); i < c.e(); ++i) {
    hit |= In(w[i].lower, {"hit", "charge", "charges", "knock", "cut", "wipe", "reduce", "cost", "costs", "writedown",
                           "impairment"});
  }
  int32_t d = c.ClauseDate();
  if (d >= 0) {
    RoleValue v = c.DateValue(d);
    // "having reported record profits earlier this year": "earlier" or "later" tells when results
    // were reported, not the period they cover.
    const DateMention& m = c.mentions.dates[d];
    std::string_view said = std::string_view(c.article.text).substr(m.start, m.end - m.start);
    bool when = said.size() > 5 && (said.substr(0, 5) == "later" || said.substr(0, 5) == "Later" ||
                                    (said.size() > 7 && (said.substr(0, 7) == "earlier" || said.substr(0, 7) == "Earlier")));
    ev.Set(v.date.grain == DateGrain::kDay || when ? "date" : "period", v);
    // "said in a Dec. 22 filing it could book a charge in its fourth-quarter earnings": the quarter
    // is the period, the day in the same clause the date the results or the forecast were told.
    if (ev.Find("period") != nullptr) {
      int32_t day = c.ClauseDate(true);
      if (day >= 0) ev.Set("date", c.DateValue(day));
    }
  }
  // Results need a figure; a forecast hit to them needs its period.
  bool figure = ev.Find("profit") != nullptr || ev.Find("revenue") != nullptr;
  if (!figure && !(hit && ev.Find("period") != nullptr) && !(hit && measure == "profit") && measure != "charge")
    return false;
  if (measure == "loss" && !figure) return false;  // "hearing loss", "job losses"
  if (measure == "revenue" && !figure) return false;  // "sales of the iPod" are no results
  EventStatus s = c.ClauseStatus();
  ev.status = s == EventStatus::kCompleted && figure ? EventStatus::kCompleted : EventStatus::kAnnounced;
  AnnouncedToday(c, ev);
  return true;
}

}  // namespace corroborate::events
