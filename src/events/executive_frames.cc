// Appointments and departures of executives from a sentence's syntax (see frame_context.h): the
// person is a named person (or a pronoun resolved to one) in the verb's grammatical role, the
// position a title the sentence gives ("as chief executive", "his post as CEO"), the company the
// one the title is of, or the one that appoints. Tested in frames_test.cc.
#include "events/extract_events.h"
#include "events/frame_context.h"
#include "extract/gazetteer.h"

namespace corroborate::events {
namespace {

// Words a title is made of ("chief executive officer", "senior vice president", "CEO").
bool TitleWord(std::string_view w) {
  return In(w, {"ceo", "cfo", "coo", "cto", "cio", "chief", "executive", "officer", "financial", "operating",
                "technology", "chairman", "chairwoman", "chair", "president", "vice", "senior", "director",
                "managing", "general", "counsel", "head", "interim", "acting", "co", "founder", "treasurer",
                "secretary", "partner", "board", "member", "deputy", "principal", "non"});
}

// The end of the appositive set off by a comma right after a person ("Ada Moss, Globex's finance
// chief, ..."), or the person's end when none follows.
uint32_t AppositiveEnd(const FrameContext& c, const Party& person) {
  const auto& w = c.W();
  uint32_t k = person.w1;
  if (k >= c.e() || !w[k].comma_before || w[k].clause_before) return person.w1;
  uint32_t end = c.syntax.ClauseEnd(k);
  ++k;
  while (k < end && !w[k].comma_before) ++k;
  return k;
}

// The title the clause names for the change: after "as", "post as", "role of", or right after the
// person of an appointment ("named Ada Moss chief executive"); its words [*w0, *w1). An appositive
// right after the person says who the person is, not the post: "filled by Omar Reyes, Globex's
// finance chief" names Reyes's present post.
bool Title(const FrameContext& c, uint32_t from, const Party* person, uint32_t* w0, uint32_t* w1) {
  const auto& w = c.W();
  uint32_t end = c.syntax.ClauseEnd(from);
  uint32_t skip0 = 0, skip1 = 0;
  if (person != nullptr && person->w1 >= from && person->w1 < end) {
    skip0 = person->w1;
    skip1 = AppositiveEnd(c, *person);
  }
  for (uint32_t i = from; i < end; ++i) {
    if (i >= skip0 && i < skip1) continue;
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

// The post a departing person held, as an appositive between the person and the verb says it:
// "Ada Moss, formerly a Globex executive overseeing sales in Asia, is stepping down" → "executive
// overseeing sales in Asia" at Globex. The appositive must name a title (an age, "49", is none);
// an organisation opening it is the post's company, returned in *org. Its words [*w0, *w1).
bool DepartedPost(const FrameContext& c, const Party& person, uint32_t verb_group, uint32_t* w0, uint32_t* w1,
                  const Party** org) {
  const auto& w = c.W();
  uint32_t end = AppositiveEnd(c, person);
  if (end == person.w1 || end != verb_group) return false;
  uint32_t a = person.w1;
  while (a < end && (IsAdverb(w[a].lower) || In(w[a].lower, {"a", "an", "the"}))) ++a;
  *org = nullptr;
  for (uint32_t k = a; k < end && *org == nullptr; ++k) {
    const Party* p = c.syntax.At(k);
    if (p != nullptr && (p->person || p->stand_in)) return false;
    *org = p;
  }
  if (*org != nullptr && (*org)->w0 == a) {
    a = (*org)->w1;
    // "an Acme Inc. executive": the company's suffix after its short name.
    while (a < end && (extract::Gazetteer::Get().Flags(w[a].lower) & extract::kOrgSuffix)) ++a;
  }
  if (a >= end || w[a].quantity >= 0 || w[a].date >= 0) return false;
  bool title = false;
  for (uint32_t k = a; k < end && k < a + 3; ++k) title |= TitleWord(w[k].lower);
  for (uint32_t k = a; k < end; ++k) {
    if (const Party* p = c.syntax.At(k); p != nullptr && p->person) return false;
  }
  if (!title) return false;
  // "chief operating officer of Globex": the post, and its company after "of" or "at".
  if (*org != nullptr && (*org)->w1 == end && (*org)->w0 > a + 1 && In(w[(*org)->w0 - 1].lower, {"of", "at"}))
    end = (*org)->w0 - 1;
  *w0 = a;
  *w1 = end;
  return true;
}

// "Lee's post will be filled by Ada Moss": the post filled is the one the article gave the
// possessor ("P's post", "his job"); nullptr when the subject is no such phrase.
const Party* PostOfSubject(const FrameContext& c) {
  const auto& w = c.W();
  uint32_t g = c.syntax.GroupStart(c.t0);
  if (g <= c.b() || !In(w[g - 1].lower, {"post", "job", "position", "role", "seat"})) return nullptr;
  const Party* p = c.syntax.Possessor(g - 1);
  return p != nullptr && p->person ? p : nullptr;
}

}  // namespace

bool FillExecutiveChange(const FrameContext& c, Event& ev) {
  const Syntax& syn = c.syntax;
  const auto& w = c.W();
  const bool appointed = c.trigger.detail == "appointed";
  const Party* person = nullptr;
  const Party* company = nullptr;
  bool subject_person = false;  // the person is the verb's subject
  if (!c.verb) {
    // "the appointment of Ada Moss", "Moss's departure", "her resignation".
    person = syn.After(c.t1, {"of"});
    if (person == nullptr) person = syn.Possessor(c.t0);
  } else if (w[c.t1 - 1].lower == "by") {
    person = syn.Object(c.t1);  // "the post will be filled by Ada Moss"
  } else if (syn.Passive(c.t0)) {
    person = syn.Subject(c.t0);  // "Moss was named chief executive", "Moss was fired"
    subject_person = true;
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
      subject_person = true;
    }
  }
  if (person == nullptr || !person->person) return false;
  ev.Set("person", c.PartyValue(*person));
  RoleValue dir;
  dir.kind = RoleValue::Kind::kText;
  dir.text = appointed ? "appointed" : "departed";
  ev.Set("direction", dir);
  uint32_t t0 = 0, t1 = 0;
  const Party* post_org = nullptr;
  const Party* previous = nullptr;
  if (Title(c, c.t1, person, &t0, &t1)) {
    ev.Set("position", c.TextValue(t0, t1));
    // "chief executive of Globex", "Globex's chief executive".
    if (company == nullptr) company = syn.After(t1, {"of", "at"});
    if (company == nullptr) company = syn.Possessor(t0);
  } else if (!appointed && subject_person && DepartedPost(c, *person, syn.GroupStart(c.t0), &t0, &t1, &post_org)) {
    // A post of another company than the one left is not the post left.
    const Party* left = company != nullptr ? company : syn.After(c.t1, {"at", "from", "of"});
    if (post_org == nullptr || left == nullptr || SameParty(left->name, post_org->name)) {
      ev.Set("position", c.TextValue(t0, t1));
      if (company == nullptr) company = post_org;
    }
  } else if (appointed && (previous = PostOfSubject(c)) != nullptr) {
    // The post and its company are the ones the article gave the previous holder: the events
    // stage fills them from that person's earlier event (frames.cc), or drops this one.
    RoleValue of;
    of.kind = RoleValue::Kind::kText;
    of.text = previous->name;
    ev.Set("position_of", of);
  }
  if (company == nullptr) company = syn.After(c.t1, {"at", "from", "of"});
  // "left the company": the nominal inside the trigger's words.
  if (company == nullptr && In(w[c.t0].lower, {"left", "leave", "leaves"})) company = syn.At(c.t1 - 1);
  if (company != nullptr && !company->person) {
    ev.Set("company", c.PartyValue(*company));
  } else if (ev.Find("position_of") != nullptr) {
    // the company comes with the previous holder's post
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
