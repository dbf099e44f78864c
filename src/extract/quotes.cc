// Quotes and their speakers (see entities_scan.h). Quotation marks, straight or curly, are paired
// within a paragraph; a paragraph that ends inside a quote continues it only when the next one
// opens with a mark (the English convention for quotes over several paragraphs), otherwise the
// open mark is dropped as unbalanced. The speaker comes from "said NAME", "NAME said", "according
// to NAME", "— NAME, ROLE" after the quote, a label "NAME, ROLE: " before it, or the quote before
// it in the same paragraph. One pass over the tokens; attribution looks at bounded windows.
// Tested in quotes_test.cc.
#include <string_view>

#include "extract/entities_scan.h"
#include "extract/gazetteer.h"

namespace corroborate::extract {
namespace {

constexpr uint32_t kMinQuoteWords = 4;    // shorter quoted phrases are scare quotes or titles…
constexpr uint32_t kMinReportedWords = 2;  // …unless a named person is said to have said them
constexpr uint32_t kLookBefore = 24;      // tokens searched before a quote for its speaker
constexpr uint32_t kLookAfter = 10;       // and after it

bool SpeechVerb(std::string_view w) {
  return w == "said" || w == "says" || w == "told" || w == "added" || w == "adds" || w == "explained" ||
         w == "wrote" || w == "writes" || w == "noted" || w == "notes" || w == "argued" || w == "argues" ||
         w == "stated" || w == "states" || w == "warned" || w == "warns" || w == "asked" || w == "asks" ||
         w == "continued" || w == "insisted" || w == "remarked" || w == "commented" || w == "declared" ||
         w == "replied" || w == "recalled" || w == "predicted" || w == "claimed" || w == "announced" ||
         w == "tweeted" || w == "emailed" || w == "quipped" || w == "saying" ||
         w == "describes" || w == "described";  // "a plan NAME described as \"...\""
}

class Quotes {
 public:
  Quotes(const EntityScan& s, EntityMentions& out) : s_(s), out_(out), n_(static_cast<uint32_t>(s.tokens.size())) {}

  void Run() {
    uint32_t open = kNone;  // token of the open mark of the quote being read
    int32_t last_speaker = -1;
    uint32_t last_quote_para = kNone;
    uint32_t para = 0;  // paragraph number of the current token
    for (uint32_t i = 0; i < n_; ++i) {
      const NToken& t = s_.tokens.items[i];
      if (i > 0 && t.newline_before) {
        ++para;
        if (open != kNone && !(IsMark(i) && Opens(i))) open = kNone;  // unbalanced: drop it
        else if (open != kNone) continue;  // "…\n“More words": the quote goes on
      }
      if (!IsMark(i)) continue;
      if (open == kNone) {
        if (Opens(i)) open = i;
        continue;
      }
      if (Opens(i) && !Closes(i)) continue;  // a stray opening mark inside: keep the first
      // [open+1, i) is the quote.
      uint32_t b = open + 1, e = i;
      open = kNone;
      uint32_t words = 0;
      for (uint32_t k = b; k < e; ++k) words += s_.tokens.items[k].kind == NKind::kWord;
      if (words < kMinReportedWords) continue;
      const bool short_quote = words < kMinQuoteWords;
      while (e > b && (s_.tokens.IsPunct(e - 1, ',') || IsMark(e - 1))) --e;
      QuoteMention q;
      q.start = s_.tokens.items[b].start;
      q.end = s_.tokens.items[e - 1].end;
      if (short_quote) {
        // A fragment quoted inside reported speech ("Jane Roe said the plant was "running flat
        // out"") is the person's words; any other short quoted phrase is a scare quote or a title.
        const int32_t sp = b >= 2 ? SpeakerBefore(b - 2) : -1;
        if (sp < 0 || out_.entities[static_cast<size_t>(sp)].type != EntityType::kPerson) continue;
      }
      int32_t sp = SpeakerAfter(i + 1);
      if (sp < 0 && b >= 2) sp = SpeakerBefore(b - 2);  // the token before the opening mark
      if (sp < 0 && last_quote_para == para) sp = last_speaker;
      if (sp >= 0) {
        const Entity& en = out_.entities[static_cast<size_t>(sp)];
        q.speaker = sp;
        q.speaker_name = en.canonical;
        q.speaker_role = en.role;
        q.speaker_org = en.org;
      }
      out_.quotes.push_back(std::move(q));
      last_speaker = sp;
      last_quote_para = para;
    }
  }

 private:
  static constexpr uint32_t kNone = ~0u;

  bool IsMark(uint32_t i) const {
    const NToken& t = s_.tokens.items[i];
    return t.kind == NKind::kPunct && IsQuoteMark(t.cp);
  }
  bool Opens(uint32_t i) const {
    char32_t c = s_.tokens.items[i].cp;
    if (c == 0x201C || c == 0x201E || c == 0xAB) return true;
    if (c != '"') return false;
    const NToken& t = s_.tokens.items[i];
    return i == 0 || t.space_before || t.newline_before ||
           (s_.tokens.items[i - 1].kind == NKind::kPunct && !IsQuoteMark(s_.tokens.items[i - 1].cp) &&
            s_.tokens.items[i - 1].cp != '.' && s_.tokens.items[i - 1].cp != ',');
  }
  bool Closes(uint32_t i) const {
    char32_t c = s_.tokens.items[i].cp;
    if (c == 0x201D || c == 0xBB) return true;
    if (c != '"') return false;
    return !s_.tokens.items[i].space_before || i + 1 >= n_ || s_.tokens.items[i + 1].space_before ||
           s_.tokens.items[i + 1].newline_before;
  }
  std::string_view Lower(uint32_t i) {
    buf_.clear();
    AppendLower(buf_, s_.tokens.Text(i));
    return buf_;
  }
  bool IsWordTok(uint32_t i) const { return i < n_ && s_.tokens.items[i].kind == NKind::kWord; }
  // The speaking entity of the name span starting at (or covering) token i, or -1.
  int32_t EntityAt(uint32_t i) const {
    if (i >= n_ || s_.name_at[i] < 0) return -1;
    const NameSpan& ns = s_.names[static_cast<size_t>(s_.name_at[i])];
    EntityType t = out_.entities[static_cast<size_t>(ns.entity)].type;
    return (t == EntityType::kPerson || t == EntityType::kOrg) ? ns.entity : -1;
  }
  // Skips honorifics and their full stops ("said Dr. Jane Roe").
  uint32_t SkipTitles(uint32_t i) {
    const Gazetteer& g = Gazetteer::Get();
    for (uint32_t k = 0; k < 3 && i < n_; ++k) {
      if (s_.name_at[i] >= 0) break;
      if (IsWordTok(i) && (g.Flags(Lower(i)) & kHonorific)) { ++i; continue; }
      if (s_.tokens.IsPunct(i, '.')) { ++i; continue; }
      break;
    }
    return i;
  }
  int32_t LastPersonBefore(uint32_t i) const {
    for (uint32_t k = i; k-- > 0 && i - k < 400;) {
      int32_t e = EntityAt(k);
      if (e >= 0 && out_.entities[static_cast<size_t>(e)].type == EntityType::kPerson) return e;
    }
    return -1;
  }

  // After the closing mark: ", said NAME", "NAME said", "according to NAME", "— NAME, ROLE",
  // "he said".
  int32_t SpeakerAfter(uint32_t i) {
    uint32_t k = i;
    while (k < n_ && k < i + 2 && s_.tokens.items[k].kind == NKind::kPunct &&
           (s_.tokens.items[k].cp == ',' || IsDash(s_.tokens.items[k].cp) || s_.tokens.items[k].cp == '-')) {
      if (IsDash(s_.tokens.items[k].cp) || s_.tokens.items[k].cp == '-') {
        int32_t e = EntityAt(SkipTitles(k + 1));
        if (e >= 0) return e;
      }
      ++k;
    }
    if (k >= n_ || s_.tokens.items[k].newline_before) return -1;
    if (IsWordTok(k) && SpeechVerb(Lower(k))) {
      uint32_t m = SkipTitles(k + 1);
      int32_t e = EntityAt(m);
      if (e >= 0) return e;
      if (IsWordTok(m) && (Lower(m) == "the")) return -1;
    }
    if (IsWordTok(k) && Lower(k) == "according" && IsWordTok(k + 1) && Lower(k + 1) == "to")
      return EntityAt(SkipTitles(k + 2));
    int32_t e = EntityAt(SkipTitles(k));
    if (e >= 0) {
      uint32_t m = k;
      while (m < n_ && m < k + kLookAfter && s_.name_at[m] >= 0) ++m;
      if (IsWordTok(m) && SpeechVerb(Lower(m))) return e;
      // "NAME, a ROLE, said"
      if (s_.tokens.IsPunct(m, ',')) {
        for (uint32_t j = m + 1; j < n_ && j < m + kLookAfter; ++j) {
          if (s_.tokens.items[j].newline_before || s_.tokens.IsPunct(j, '.')) break;
          if (IsWordTok(j) && SpeechVerb(Lower(j))) return e;
        }
      }
    }
    if (IsWordTok(k)) {
      std::string_view w = Lower(k);
      if ((w == "he" || w == "she") && IsWordTok(k + 1) && SpeechVerb(Lower(k + 1))) return LastPersonBefore(k);
    }
    return -1;
  }

  // Before the opening mark (token i): "NAME, ROLE at ORG:" as a label opening the paragraph,
  // "NAME said:", "said NAME:", "According to NAME,", "NAME said in an interview".
  int32_t SpeakerBefore(uint32_t i) {
    if (i >= n_) return -1;
    uint32_t k = i;
    // The label form: the paragraph opens with a name and the quote follows a colon.
    if (s_.tokens.IsPunct(k, ':')) {
      uint32_t p = k;
      while (p > 0 && !s_.tokens.items[p].newline_before && k - p < kLookBefore) --p;
      if (s_.tokens.items[p].newline_before || p == 0) {
        int32_t e = EntityAt(SkipTitles(p));
        if (e >= 0 && out_.entities[static_cast<size_t>(e)].type == EntityType::kPerson) return e;
      }
    }
    // Within the sentence before the quote: a speech verb next to a name.
    for (uint32_t j = k + 1; j-- > 0 && k - j < kLookBefore;) {
      const NToken& t = s_.tokens.items[j];
      if (t.kind == NKind::kPunct && (t.cp == '.' || t.cp == '!' || t.cp == '?' || IsQuoteMark(t.cp))) break;
      if (IsWordTok(j) && SpeechVerb(Lower(j))) {
        // "NAME said" (name just before, maybe with an apposition) or "said NAME"
        for (uint32_t m = j; m-- > 0 && j - m < 12;) {
          if (s_.tokens.items[m].kind == NKind::kPunct && s_.tokens.items[m].cp == '.') break;
          int32_t e = EntityAt(m);
          if (e >= 0) return e;
          if (IsWordTok(m)) {
            std::string_view w = Lower(m);
            if (w == "he" || w == "she") return LastPersonBefore(m);
          }
        }
        int32_t e = EntityAt(SkipTitles(j + 1));
        if (e >= 0) return e;
      }
      if (IsWordTok(j) && Lower(j) == "according" && IsWordTok(j + 1) && Lower(j + 1) == "to") {
        int32_t e = EntityAt(SkipTitles(j + 2));
        if (e >= 0) return e;
      }
      if (t.newline_before) break;
    }
    return -1;
  }

  const EntityScan& s_;
  EntityMentions& out_;
  const uint32_t n_;
  std::string buf_;
};

}  // namespace

void FindQuotes(const Article& article, const EntityScan& scan, EntityMentions& out) {
  (void)article;
  Quotes(scan, out).Run();
}

}  // namespace corroborate::extract
