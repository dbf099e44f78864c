// Extract output (see mentions_json.h). Byte offsets become code-point offsets by counting forward
// from the previous mention, so an article costs one pass whatever its number of mentions.
#include "pipeline/mentions_json.h"

#include <algorithm>
#include <string_view>
#include <vector>

#include "core/utf8.h"

namespace corroborate {
namespace {

// Converts ascending byte offsets to code points incrementally.
class CodePointCounter {
 public:
  explicit CodePointCounter(std::string_view text) : text_(text) {}
  size_t At(size_t byte) {
    if (byte < byte_) {  // not ascending: start over (mentions come sorted, so this is rare)
      byte_ = 0;
      cps_ = 0;
    }
    byte = std::min(byte, text_.size());
    cps_ += utf8::CodePointCount(text_.substr(byte_), byte - byte_);
    byte_ = byte;
    return cps_;
  }

 private:
  std::string_view text_;
  size_t byte_ = 0;
  size_t cps_ = 0;
};

void WriteSpan(JsonWriter& w, std::string_view text, CodePointCounter& cp, uint32_t start, uint32_t end) {
  w.Key("text");
  w.String(text.substr(start, end - start));
  w.Key("start");
  w.Int(static_cast<int64_t>(cp.At(start)));
  w.Key("end");
  w.Int(static_cast<int64_t>(cp.At(end)));
}

}  // namespace

void WriteExtractJson(const Article& a, const Mentions& m, JsonWriter& w) {
  std::string_view text = a.text;
  w.BeginObject();
  w.Key("id");
  w.String(a.id);
  w.Key("published");
  w.StringOrNull(a.published);

  // Quantities and dates are each in text order; offsets are counted with one counter per list.
  CodePointCounter qc(text);
  w.Key("quantities");
  w.BeginArray();
  for (const Quantity& q : m.quantities) {
    w.BeginObject();
    WriteSpan(w, text, qc, q.start, q.end);
    w.Key("kind");
    w.String(KindName(q.kind));
    w.Key("value");
    w.Double(q.value);
    if (q.kind == QuantityKind::kMoney) {
      w.Key("currency");
      w.StringOrNull(std::string_view(q.currency));
    }
    w.Key("qualifier");
    w.String(QualifierName(q.qualifier));
    if (q.qualifier == Qualifier::kRange) {
      w.Key("value_max");
      w.Double(q.value_max);
    }
    if (q.kind == QuantityKind::kCount) {
      w.Key("noun");
      w.String(text.substr(q.noun_start, q.noun_end - q.noun_start));
    }
    w.EndObject();
  }
  w.EndArray();

  CodePointCounter dc(text);
  w.Key("dates");
  w.BeginArray();
  for (const DateMention& d : m.dates) {
    w.BeginObject();
    WriteSpan(w, text, dc, d.start, d.end);
    w.Key("value");
    w.String(DateValue(d));
    w.Key("grain");
    w.String(GrainName(d.grain));
    w.Key("relative");
    w.Bool(d.relative);
    w.EndObject();
  }
  w.EndArray();
  // Entities: the contract's fields, plus what the article says of the entity (parent
  // organisation, ticker, a person's role and organisation). A nominal ("the company") is a
  // reference to an entity, not a name: it goes to the added `references` array, with the
  // canonical name of the entity it stands for, and never among the entities.
  const EntityMentions& em = m.entities;
  for (bool nominals : {false, true}) {
    CodePointCounter ec(text);
    w.Key(nominals ? "references" : "entities");
    w.BeginArray();
    for (const EntityMention& e : em.mentions) {
      if (e.nominal != nominals) continue;
      const Entity& en = em.entities[e.entity];
      w.BeginObject();
      WriteSpan(w, text, ec, e.start, e.end);
      w.Key("type");
      w.String(EntityTypeName(en.type));
      w.Key("canonical");
      w.String(en.canonical);
      if (!en.parent.empty()) {
        w.Key("parent");
        w.String(en.parent);
      }
      if (!en.ticker.empty()) {
        w.Key("ticker");
        w.String(en.ticker);
      }
      if (en.type == EntityType::kPerson && !en.role.empty()) {
        w.Key("role");
        w.String(en.role);
      }
      if (en.type == EntityType::kPerson && !en.org.empty()) {
        w.Key("org");
        w.String(en.org);
      }
      w.EndObject();
    }
    w.EndArray();
  }

  // Quotes: the contract's fields, plus how the speaker is known (`speaker_kind`) and the words
  // that name the speaker for this quote (`speaker_mention`, null when none). A mention may stand
  // before its quote, so mentions get a counter of their own.
  CodePointCounter qtc(text);
  CodePointCounter smc(text);
  w.Key("quotes");
  w.BeginArray();
  for (const QuoteMention& q : em.quotes) {
    w.BeginObject();
    WriteSpan(w, text, qtc, q.start, q.end);
    w.Key("speaker");
    w.StringOrNull(q.speaker_name);
    w.Key("speaker_role");
    w.StringOrNull(q.speaker_role);
    w.Key("speaker_org");
    w.StringOrNull(q.speaker_org);
    w.Key("speaker_kind");
    w.String(SpeakerKindName(q.speaker_kind));
    w.Key("speaker_mention");
    if (q.mention_end > q.mention_start) {
      w.BeginObject();
      WriteSpan(w, text, smc, q.mention_start, q.mention_end);
      w.EndObject();
    } else {
      w.Null();
    }
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
}

}  // namespace corroborate
