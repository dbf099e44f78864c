// An article's analysis as a blob (see analysis_codec.h): a format byte, the build id, then every
// field of the structures below in declaration order, integers as LEB128 varints, reals as their
// 8 bytes, strings and lists length-prefixed. Field by field (never a struct's bytes, whose padding
// is undefined), so the same analysis always gives the same bytes. Tested in analysis_codec_test.cc.
#include "store/analysis_codec.h"

#include <elf.h>
#include <link.h>

#include <cstring>
#include <type_traits>

namespace corroborate::store {
namespace {

constexpr uint8_t kFormat = 1;

// A field added to one of these must be added to Encode and Decode below: the sizes stop a build
// that forgets (a field left out would be lost for every article read back).
static_assert(sizeof(Span) == 8, "Span changed: update analysis_codec.cc");
static_assert(sizeof(Quantity) == 48, "Quantity changed: update analysis_codec.cc");
static_assert(sizeof(DateMention) == 32, "DateMention changed: update analysis_codec.cc");
static_assert(sizeof(Entity) == 8 + 5 * sizeof(std::string), "Entity changed: update analysis_codec.cc");
static_assert(sizeof(EntityMention) == 16, "EntityMention changed: update analysis_codec.cc");
static_assert(sizeof(QuoteMention) == 16 + 3 * sizeof(std::string) + 16, "QuoteMention changed: update analysis_codec.cc");
static_assert(sizeof(EntityMentions) == 3 * sizeof(std::vector<int>), "EntityMentions changed: update analysis_codec.cc");
static_assert(sizeof(Mentions) == 2 * sizeof(std::vector<int>) + sizeof(EntityMentions),
              "Mentions changed: update analysis_codec.cc");
static_assert(sizeof(Citation) == sizeof(std::string) + 8, "Citation changed: update analysis_codec.cc");
static_assert(sizeof(RoleValue) == 8 + sizeof(std::string) + sizeof(Quantity) + sizeof(DateMention) + sizeof(Span) +
                                       sizeof(Citation) + 2 * sizeof(std::vector<int>),
              "RoleValue changed: update analysis_codec.cc");
static_assert(sizeof(Role) == sizeof(std::string) + sizeof(RoleValue), "Role changed: update analysis_codec.cc");
static_assert(sizeof(Event) == 8 + 2 * sizeof(std::vector<int>) + sizeof(Span) + 8 + sizeof(Citation) + 8,
              "Event changed: update analysis_codec.cc");

class Writer {
 public:
  void U(uint64_t v) {
    while (v >= 0x80) {
      out_.push_back(static_cast<char>((v & 0x7f) | 0x80));
      v >>= 7;
    }
    out_.push_back(static_cast<char>(v));
  }
  void I(int64_t v) { U((static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63)); }  // zigzag
  void D(double v) {
    char b[sizeof v];
    std::memcpy(b, &v, sizeof v);
    out_.append(b, sizeof b);
  }
  void S(std::string_view s) {
    U(s.size());
    out_.append(s);
  }
  void Sp(const Span& s) {
    U(s.start);
    U(s.end);
  }
  template <typename T, typename F>
  void List(const std::vector<T>& v, F&& each) {
    U(v.size());
    for (const T& x : v) each(x);
  }

  void Q(const Quantity& q) {
    U(q.start);
    U(q.end);
    U(q.phrase_start);
    U(static_cast<uint8_t>(q.kind));
    D(q.value);
    D(q.value_max);
    U(static_cast<uint8_t>(q.qualifier));
    out_.append(q.currency, sizeof q.currency);
    U(q.noun_start);
    U(q.noun_end);
  }
  void Date(const DateMention& d) {
    U(d.start);
    U(d.end);
    I(d.year);
    I(d.month);
    I(d.day);
    I(d.quarter);
    I(d.week);
    U(static_cast<uint8_t>(d.grain));
    U(d.relative);
  }
  void Cite(const Citation& c) {
    S(c.origin);
    U(c.news_outlet);
  }
  void Value(const RoleValue& v) {
    U(static_cast<uint8_t>(v.kind));
    S(v.text);
    Q(v.quantity);
    Date(v.date);
    Sp(v.span);
    Cite(v.cited);
    List(v.restatements, [&](const RoleValue& r) { Value(r); });
    List(v.earlier, [&](const RoleValue& r) { Value(r); });
  }

  std::string& out() { return out_; }

 private:
  std::string out_;
};

class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  bool ok() const { return ok_; }
  bool AtEnd() const { return in_.empty(); }

  uint64_t U() {
    uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (in_.empty()) return Fail();
      const uint8_t b = static_cast<uint8_t>(in_[0]);
      in_.remove_prefix(1);
      v |= uint64_t(b & 0x7f) << shift;
      if (!(b & 0x80)) return v;
    }
    return Fail();
  }
  uint32_t U32() {
    const uint64_t v = U();
    return v > UINT32_MAX ? static_cast<uint32_t>(Fail()) : static_cast<uint32_t>(v);
  }
  int I() {
    const uint64_t z = U();
    const int64_t v = static_cast<int64_t>(z >> 1) ^ -static_cast<int64_t>(z & 1);
    return v < INT32_MIN || v > INT32_MAX ? static_cast<int>(Fail()) : static_cast<int>(v);
  }
  bool B() { return U() != 0; }
  // An enumerator up to `last`.
  template <typename E>
  E Enum(E last) {
    const uint64_t v = U();
    return v > static_cast<uint64_t>(last) ? static_cast<E>(Fail()) : static_cast<E>(v);
  }
  double D() {
    double v = 0;
    if (in_.size() < sizeof v) return static_cast<double>(Fail());
    std::memcpy(&v, in_.data(), sizeof v);
    in_.remove_prefix(sizeof v);
    return v;
  }
  std::string S() {
    const uint64_t n = U();
    if (n > in_.size()) return Fail(), std::string();
    std::string s(in_.substr(0, n));
    in_.remove_prefix(n);
    return s;
  }
  Span Sp() {
    Span s;
    s.start = U32();
    s.end = U32();
    return s;
  }
  // Each element takes at least one byte, so a count beyond the bytes left is damage.
  template <typename T, typename F>
  void List(std::vector<T>& v, F&& each) {
    const uint64_t n = U();
    if (n > in_.size()) return (void)Fail();
    v.resize(n);
    for (T& x : v) {
      if (!ok_) return;
      each(x);
    }
  }

  Quantity Q() {
    Quantity q;
    q.start = U32();
    q.end = U32();
    q.phrase_start = U32();
    q.kind = Enum(QuantityKind::kCount);
    q.value = D();
    q.value_max = D();
    q.qualifier = Enum(Qualifier::kRange);
    if (in_.size() < sizeof q.currency) return Fail(), q;
    std::memcpy(q.currency, in_.data(), sizeof q.currency);
    in_.remove_prefix(sizeof q.currency);
    q.noun_start = U32();
    q.noun_end = U32();
    return q;
  }
  DateMention Date() {
    DateMention d;
    d.start = U32();
    d.end = U32();
    d.year = I();
    d.month = I();
    d.day = I();
    d.quarter = I();
    d.week = I();
    d.grain = Enum(DateGrain::kYear);
    d.relative = B();
    return d;
  }
  Citation Cite() {
    Citation c;
    c.origin = S();
    c.news_outlet = B();
    return c;
  }
  // Restatements and earlier values have none of their own (event.h), so the depth stays small;
  // `depth` bounds it for damaged input all the same.
  void Value(RoleValue& v, int depth = 0) {
    if (depth > 4) return (void)Fail();
    v.kind = Enum(RoleValue::Kind::kText);
    v.text = S();
    v.quantity = Q();
    v.date = Date();
    v.span = Sp();
    v.cited = Cite();
    List(v.restatements, [&](RoleValue& r) { Value(r, depth + 1); });
    List(v.earlier, [&](RoleValue& r) { Value(r, depth + 1); });
  }

 private:
  uint64_t Fail() {
    ok_ = false;
    in_ = {};
    return 0;
  }

  std::string_view in_;
  bool ok_ = true;
};

int FindBuildId(dl_phdr_info* info, size_t, void* data) {
  // The first object listed is the executable itself.
  auto* out = static_cast<std::string*>(data);
  for (int i = 0; i < info->dlpi_phnum; ++i) {
    const ElfW(Phdr)& ph = info->dlpi_phdr[i];
    if (ph.p_type != PT_NOTE) continue;
    const char* p = reinterpret_cast<const char*>(info->dlpi_addr + ph.p_vaddr);
    const char* end = p + ph.p_memsz;
    while (p + sizeof(ElfW(Nhdr)) <= end) {
      ElfW(Nhdr) note;
      std::memcpy(&note, p, sizeof note);
      const char* name = p + sizeof note;
      const char* desc = name + ((note.n_namesz + 3) & ~3u);
      const char* next = desc + ((note.n_descsz + 3) & ~3u);
      if (next > end) break;
      if (note.n_type == NT_GNU_BUILD_ID && note.n_namesz == 4 && std::memcmp(name, "GNU", 4) == 0) {
        static const char kHex[] = "0123456789abcdef";
        for (uint32_t k = 0; k < note.n_descsz; ++k) {
          const auto b = static_cast<uint8_t>(desc[k]);
          out->push_back(kHex[b >> 4]);
          out->push_back(kHex[b & 15]);
        }
        return 1;
      }
      p = next;
    }
  }
  return 1;  // only the executable
}

// Whether every offset lies within the text (of `size` bytes): what later stages take for granted.
bool WithinText(const AnalyzedArticle& a, const std::vector<Span>& paragraphs, const std::vector<Span>& sentences,
                const Mentions& m, const std::vector<Event>& events) {
  const size_t size = a.article.text.size();
  auto in = [size](uint32_t start, uint32_t end) { return start <= end && end <= size; };
  auto span = [&](const Span& s) { return in(s.start, s.end); };
  for (const std::vector<Span>* list : {&paragraphs, &sentences}) {
    for (const Span& s : *list) {
      if (!span(s)) return false;
    }
  }
  for (const Quantity& q : m.quantities) {
    if (!in(q.start, q.end) || q.phrase_start > q.end || !in(q.noun_start, q.noun_end)) return false;
  }
  for (const DateMention& d : m.dates) {
    if (!in(d.start, d.end)) return false;
  }
  for (const EntityMention& e : m.entities.mentions) {
    if (!in(e.start, e.end) || e.entity >= m.entities.entities.size()) return false;
  }
  for (const QuoteMention& q : m.entities.quotes) {
    if (!in(q.start, q.end) || !in(q.mention_start, q.mention_end) ||
        q.speaker >= static_cast<int64_t>(m.entities.entities.size()) || q.speaker < -1) {
      return false;
    }
  }
  auto value = [&](const RoleValue& v) { return span(v.span) && in(v.quantity.start, v.quantity.end); };
  for (const Event& e : events) {
    if (!span(e.trigger)) return false;
    for (const Span& s : e.evidence) {
      if (!span(s)) return false;
    }
    for (const Role& r : e.roles) {
      if (!value(r.value)) return false;
      for (const std::vector<RoleValue>* list : {&r.value.restatements, &r.value.earlier}) {
        for (const RoleValue& v : *list) {
          if (!value(v)) return false;
        }
      }
    }
  }
  return true;
}

}  // namespace

const std::string& BuildId() {
  static const std::string id = [] {
    std::string s;
    dl_iterate_phdr(&FindBuildId, &s);
    return s;
  }();
  return id;
}

std::string EncodeAnalysis(const AnalyzedArticle& a) {
  Writer w;
  w.out().push_back(static_cast<char>(kFormat));
  w.S(BuildId());
  w.List(a.article.paragraphs, [&](const Span& s) { w.Sp(s); });
  w.List(a.article.sentences, [&](const Span& s) { w.Sp(s); });
  const Mentions& m = a.mentions;
  w.List(m.quantities, [&](const Quantity& q) { w.Q(q); });
  w.List(m.dates, [&](const DateMention& d) { w.Date(d); });
  w.List(m.entities.entities, [&](const Entity& e) {
    w.U(static_cast<uint8_t>(e.type));
    w.S(e.canonical);
    w.S(e.parent);
    w.S(e.ticker);
    w.S(e.role);
    w.S(e.org);
  });
  w.List(m.entities.mentions, [&](const EntityMention& e) {
    w.U(e.start);
    w.U(e.end);
    w.U(e.entity);
    w.U(e.nominal);
  });
  w.List(m.entities.quotes, [&](const QuoteMention& q) {
    w.U(q.start);
    w.U(q.end);
    w.I(q.speaker);
    w.S(q.speaker_name);
    w.S(q.speaker_role);
    w.S(q.speaker_org);
    w.U(static_cast<uint8_t>(q.speaker_kind));
    w.U(q.mention_start);
    w.U(q.mention_end);
  });
  w.List(a.events, [&](const Event& e) {
    w.U(static_cast<uint8_t>(e.type));
    w.U(static_cast<uint8_t>(e.status));
    w.U(static_cast<uint8_t>(e.stage));
    w.U(e.cumulative);
    w.List(e.roles, [&](const Role& r) {
      w.S(r.name);
      w.Value(r.value);
    });
    w.List(e.evidence, [&](const Span& s) { w.Sp(s); });
    w.Sp(e.trigger);
    w.U(e.verbal);
    w.Cite(e.cited);
    w.U(e.from_syntax);
  });
  return std::move(w.out());
}

bool DecodeAnalysis(std::string_view blob, AnalyzedArticle& a) {
  if (BuildId().empty() || blob.empty() || static_cast<uint8_t>(blob[0]) != kFormat) return false;
  Reader r(blob.substr(1));
  if (r.S() != BuildId() || !r.ok()) return false;
  std::vector<Span> paragraphs, sentences;
  Mentions m;
  std::vector<Event> events;
  r.List(paragraphs, [&](Span& s) { s = r.Sp(); });
  r.List(sentences, [&](Span& s) { s = r.Sp(); });
  r.List(m.quantities, [&](Quantity& q) { q = r.Q(); });
  r.List(m.dates, [&](DateMention& d) { d = r.Date(); });
  r.List(m.entities.entities, [&](Entity& e) {
    e.type = r.Enum(EntityType::kProduct);
    e.canonical = r.S();
    e.parent = r.S();
    e.ticker = r.S();
    e.role = r.S();
    e.org = r.S();
  });
  r.List(m.entities.mentions, [&](EntityMention& e) {
    e.start = r.U32();
    e.end = r.U32();
    e.entity = r.U32();
    e.nominal = r.B();
  });
  r.List(m.entities.quotes, [&](QuoteMention& q) {
    q.start = r.U32();
    q.end = r.U32();
    q.speaker = r.I();
    q.speaker_name = r.S();
    q.speaker_role = r.S();
    q.speaker_org = r.S();
    q.speaker_kind = r.Enum(SpeakerKind::kOrganisation);
    q.mention_start = r.U32();
    q.mention_end = r.U32();
  });
  r.List(events, [&](Event& e) {
    e.type = r.Enum(static_cast<EventType>(kEventTypeCount - 1));
    e.status = r.Enum(EventStatus::kCancelled);
    e.stage = r.Enum(TalkStage::kAdvanced);
    e.cumulative = r.B();
    r.List(e.roles, [&](Role& role) {
      role.name = r.S();
      r.Value(role.value);
    });
    r.List(e.evidence, [&](Span& s) { s = r.Sp(); });
    e.trigger = r.Sp();
    e.verbal = r.B();
    e.cited = r.Cite();
    e.from_syntax = r.B();
  });
  if (!r.ok() || !r.AtEnd() || !WithinText(a, paragraphs, sentences, m, events)) return false;
  a.article.paragraphs = std::move(paragraphs);
  a.article.sentences = std::move(sentences);
  a.mentions = std::move(m);
  a.events = std::move(events);
  return true;
}

}  // namespace corroborate::store
