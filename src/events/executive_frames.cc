// Appointments and departures of executives from a sentence's syntax (see frame_context.h): the
// person is a named person (or a pronoun resolved to one) in the verb's grammatical role, the
// position a title the sentence gives ("as chief executive", "his post as CEO"), the company the
// one the title is of, or the one that appoints. Tested in frames_test.cc.
#include "events/frame_context.h"

namespace corroborate::events {
namespace {

bool In(std::string_view w, std::initializer_list<std::string_view> list) {
  for (std::string_view x : list) {
    if (w == x) return true;
  }
  return false;
}

// Words a title is made of ("chief executive officer", "senior vice president", "CEO").
bool TitleWord(std::string_view w) {
  return In(w, {"ceo", "cfo", "coo", "cto", "cio", "chief", "executive", "officer", "financial", "operating",
                "technology", "chairman", "chairwoman", "chair", "president", "vice", "senior", "director",
                "managing", "general", "counsel", "head", "interim", "acting", "co", "founder", "treasurer",
                "secretary", "partner", "board", "member", "deputy", "principal", "non"});
}

// The title the clause names for the change: after "as", "post as", "role of", or right after the
// person of an appointment ("named Ada Moss chief executive"); its words [*w0, *w1).
bool Title(const FrameContext& c, uint32_t from, uint32_t* w0, uint32_t* w1) {
  const auto& w = c.W();
  uint32_t end = c.syntax.ClauseEnd(from);
  for (uint32_t i = from; i < end; ++i) {
    uint32_t j = i;
    if (In(w[i].lower, {"as", "of"}) && i + 1 < end) j = i + 1;
    if (j < end && In(w[j].lower, {"the", "its", "his", "her", "their"})) ++j;
    // A title right after its organisation's possessive ("Apple's senior vice president") also.
    bool after_possessive = j == i && i > c.b() && c.syntax.At(i - 1) != nullptr && c.syntax.At(i - 1)->possessive;
    if (j == i && i != from && !after_possessive) continue;
    uint32_t k = j;
    while (k < end && TitleWord(w[k].lower) && !(k > j && w[k].comma_before)) ++k;
    if (k > j && !(k == j + 1 && In(w[j].lower, {"executive", "general", "member", "board", "head", "co", "non"}))) {
      *w0 = j;
      *w1 = k;
      return true;
    }
  }
  return false;
}

}  // namespace

bool FillExecutiveChange(const FrameContext& c, Event& ev) {
  const Syntax& syn = c.syntax;
  const auto& w = c.W();
  const bool appointed = c.trigger.detail == "appointed";
  const Party* person = nullptr;
  const Party* company = nullptr;
  if (!c.trigger.verb) {
    // "the appointment of Ada Moss", "Moss's departure", "her resignation".
    person = syn.After(c.t1, {"of"});
    if (person == nullptr) person = syn.Possessor(c.t0);
  } else if (w[c.t1 - 1].lower == "by") {
    person = syn.Object(c.t1);  // "the post will be filled by Ada Moss"
  } else if (syn.Passive(c.t0)) {
    person = syn.Subject(c.t0);  // "Moss was named chief executive", "Moss was fired"
    company = syn.Agent(c.t1 - 1);
  } else {
    const Party* subject = syn.Subject(c.t0);
    const Party* object = syn.Object(c.t1);
    if (appointed && subject != nullptr && !subject->person && object == nullptr) {
      // "Globex hired former deputy minister of trade Ada Moss": the first person after the verb.
      for (uint32_t k = c.t1; k < syn.ClauseEnd(c.t1) && k < c.t1 + 12; ++k) {
        const Party* p = syn.At(k);
        if (p != nullptr && p->person) { object = p; break; }
        if (p != nullptr) break;
      }
    }
    if (appointed && subject != nullptr && !subject->person && object != nullptr && object->person) {
      company = subject;  // "Globex named Ada Moss chief executive"
      person = object;
    } else if (In(w[c.t0].lower, {"fired", "ousted"}) && subject != nullptr && !subject->person && object != nullptr) {
      company = subject;  // "Globex fired its chief executive, Ada Moss"
      person = object;
    } else {
      person = subject;  // "Moss resigned", "Moss will succeed Lee as chief executive", "Moss took over as"
    }
  }
  if (person == nullptr || !person->person) return false;
  ev.Set("person", c.PartyValue(*person));
  RoleValue dir;
  dir.kind = RoleValue::Kind::kText;
  dir.text = appointed ? "appointed" : "departed";
  ev.Set("direction", dir);
  uint32_t t0 = 0, t1 = 0;
  if (Title(c, c.t1, &t0, &t1)) {
    ev.Set("position", c.TextValue(t0, t1));
    // "chief executive of Globex", "Globex's chief executive".
    if (company == nullptr) company = syn.After(t1, {"of", "at"});
    if (company == nullptr) company = syn.Possessor(t0);
  }
  if (company == nullptr) company = syn.After(c.t1, {"at", "from", "of"});
  // "left the company": the nominal inside the trigger's words.
  if (company == nullptr && In(w[c.t0].lower, {"left", "leave", "leaves"})) company = syn.At(c.t1 - 1);
  if (company != nullptr && !company->person) {
    ev.Set("company", c.PartyValue(*company));
  } else if (!c.salient.empty() && ev.Find("position") != nullptr) {
    // "Moss resigned as chief executive": the article's company, when it names one.
    RoleValue v;
    v.kind = RoleValue::Kind::kEntity;
    v.text = c.salient;
    ev.Set("company", v);
  } else {
    return false;
  }
  int32_t d = c.ClauseDate();
  if (d >= 0) ev.Set("date", c.DateValue(d));
  ev.status = c.ClauseStatus();
  return true;
}

}  // namespace corroborate::events
