// Entity extraction (see entities.h), the driver and token facts: the article's name tokens, their
// lower-case forms and list flags, title-case lines, and the capitalised runs handed to
// entity_candidates.cc; then entity_resolve.cc joins the mentions into entities,
// entity_products.cc and entity_nominals.cc type products and resolve "the company", and Emit
// writes the mentions. Tested in entities_test.cc.
#include "extract/entities.h"

#include <algorithm>

#include "core/ascii.h"
#include "extract/entity_scanner.h"
#include "text/segment.h"

namespace corroborate {

const char* EntityTypeName(EntityType t) {
  switch (t) {
    case EntityType::kOrg: return "ORG";
    case EntityType::kPerson: return "PERSON";
    case EntityType::kLoc: return "LOC";
    case EntityType::kProduct: return "PRODUCT";
  }
  return "ORG";
}

namespace extract {

void Scanner::PrepareTokens() {
  n_ = static_cast<uint32_t>(s_.tokens.size());
  flags_.assign(n_, 0);
  // The words are at most the text: written in place, then cut to size (no growth per word).
  // Since a word's lower-case copy starts at or before the word itself, the bytes after it in the
  // text are also free in lower_: eight bytes are lower-cased at a time, over the word's end.
  const std::string_view all = s_.tokens.text;
  lower_.resize(all.size());
  lower_at_.assign(n_ + 1, 0);
  uint32_t at = 0;
  for (uint32_t i = 0; i < n_; ++i) {
    lower_at_[i] = at;
    if (T(i).kind != NKind::kWord) continue;
    std::string_view w = Tx(i);
    if (w.size() > 1 && w.back() == '.') w.remove_suffix(1);
    ascii::LowerInto(w.data(), w.size(), &lower_[at], all.size() - (T(i).start + w.size()));
    at += static_cast<uint32_t>(w.size());
  }
  lower_at_[n_] = at;
  lower_.resize(at);
  hyphen_lower_.assign(n_, 0);
  word_id_.assign(n_, 0);
  seen_lower_.clear();
  // One hash per word serves the lists' look-up and the article's own word ids.
  for (uint32_t i = 0; i < n_; ++i) {
    if (T(i).kind != NKind::kWord) continue;
    const std::string_view lw = Lower(i);
    const uint64_t hash = HashWord(lw);
    flags_[i] = g_.Flags(lw, hash);
    bool added = false;
    uint32_t& id = ids_.Insert(lw, hash, &added);
    if (added) {
      id = static_cast<uint32_t>(seen_lower_.size());
      seen_lower_.push_back(0);
    }
    word_id_[i] = id;
    if (!T(i).cap && !T(i).upper) {
      seen_lower_[id] = 1;
      continue;  // hyphen_lower_ is read of capitalised words only (CapWord)
    }
    std::string_view w = Tx(i);
    size_t h = w.rfind('-');
    if (h != std::string_view::npos && h + 1 < w.size() && w[h + 1] >= 'a' && w[h + 1] <= 'z') hyphen_lower_[i] = 1;
  }
  midcap_.assign(seen_lower_.size(), 0);
  for (uint32_t i = 1; i < n_; ++i) {
    // Capitalised inside a sentence and not continuing another capitalised word: a name's start.
    if (CapWord(i) && !T(i).sentence_start && !T(i).newline_before && !CapWord(i - 1) &&
        !(T(i - 1).kind == NKind::kPunct && T(i - 1).cp != ',' && T(i - 1).cp != '('))
      midcap_[word_id_[i]] = 1;
  }
}

// A line is title case when its only lower-case words are a title's function words: headlines and section
// labels ("Market Voices"), whose capitals say nothing about names.
void Scanner::MarkTitleLines() {
  title_line_.assign(n_, 0);
  uint32_t line_b = 0;
  for (uint32_t i = 0; i <= n_; ++i) {
    if (i < n_ && !(i > line_b && T(i).newline_before)) continue;
    uint32_t words = 0, lower_long = 0, cap_words = 0;
    bool ends_stop = false;
    for (uint32_t k = line_b; k < i && lower_long == 0; ++k) {  // one plain word settles it
      if (T(k).kind == NKind::kWord) {
        ++words;
        if (T(k).cap || T(k).upper) ++cap_words;
        else if (!IsTitleFunctionWord(Lower(k))) ++lower_long;
      }
    }
    if (i > line_b) {
      const NToken& last = T(i - 1);
      ends_stop = last.kind == NKind::kPunct && (last.cp == '.' || last.cp == '!' || last.cp == '?');
    }
    bool title = words >= 2 && lower_long == 0 && cap_words >= 2 && (!ends_stop || words > kMaxRun);
    if (title) std::fill(title_line_.begin() + line_b, title_line_.begin() + i, 1);
    line_b = i;
  }
}

void Scanner::ScanRuns() {
  uint32_t i = 0;
  while (i < n_) {
    if (title_line_[i] || !CapWord(i)) {
      ++i;
      continue;
    }
    uint32_t j = i + 1, last = i;
    while (j < n_ && j - i < 3 * kMaxRun) {
      const NToken& t = T(j);
      if (t.newline_before || title_line_[j]) break;
      if (t.sentence_start && !(T(j - 1).kind == NKind::kPunct && T(j - 1).cp == '.')) break;
      if (CapWord(j)) {
        last = j++;
        continue;
      }
      // "Dr. Lena", "Maria L. Ortega", "Globex.com Inc. (": a full stop after an abbreviation.
      if (t.kind == NKind::kPunct && t.cp == '.' && !t.space_before && last == j - 1) {
        std::string_view w = Lower(j - 1);
        bool abbrev = (F(j - 1) & kHonorific) || w.size() == 1 || IsLegalAbbrev(w) || w == "st" || w == "mt";
        if (abbrev && CapWord(j + 1) && !T(j + 1).newline_before && !IsLegalAbbrev(w)) {
          j += 1;
          continue;
        }
        break;
      }
      if (t.sentence_start) break;
      if (Word(j) && !t.cap && CapWord(j + 1) && !T(j + 1).newline_before && !T(j + 1).sentence_start &&
          (IsConnector(Lower(j)) || (Lower(j) == "the" && j > i && Lower(j - 1) == "of"))) {
        ++j;
        continue;
      }
      if (t.kind == NKind::kPunct && t.cp == '&' && CapWord(j + 1)) {
        ++j;
        continue;
      }
      break;
    }
    // Title-case runs too long to be one name are read like title lines.
    if (last + 1 - i > kMaxRun) {
      std::fill(title_line_.begin() + i, title_line_.begin() + last + 1, 1);
    } else {
      ClassifyRun(i, last + 1);
    }
    i = last + 1;
  }
}

void Scanner::Emit() {
  SortCandidates();
  s_.names.clear();
  s_.name_at.assign(n_, -1);
  uint32_t covered = 0;
  for (const Cand& c : cands_) {
    if (c.entity < 0 || c.b < covered) continue;
    uint32_t end_byte = T(c.e - 1).end;
    // "Inc." and "Corp." keep their full stop.
    if (c.e < n_ && s_.tokens.IsPunct(c.e, '.') && !T(c.e).space_before && IsLegalAbbrev(Lower(c.e - 1)))
      end_byte = T(c.e).end;
    EntityMention m;
    m.start = T(c.b).start;
    m.end = end_byte;
    m.entity = static_cast<uint32_t>(c.entity);
    m.nominal = c.nominal;
    out_.mentions.push_back(m);
    s_.names.push_back({c.b, c.e, c.entity, c.nominal});
    for (uint32_t k = c.b; k < c.e; ++k) s_.name_at[k] = static_cast<int32_t>(s_.names.size() - 1);
    covered = c.e;
  }
}

void Scanner::Run() {
  TokenizeNames(text_, a_.sentences, s_.tokens);
  PrepareTokens();
  MarkTitleLines();
  ScanRuns();
  FindTickers();
  ModelNames();
  Resolve();
  size_t before = cands_.size();
  ScanTitleLines();
  if (cands_.size() > before) {
    for (size_t k = before; k < cands_.size(); ++k) {
      if (cands_[k].entity >= 0) continue;
      auto it = by_key_.find(cands_[k].key);
      if (it != by_key_.end()) {
        cands_[k].entity = it->second;
      } else {
        Entity en;
        en.type = cands_[k].type;
        en.canonical = cands_[k].canon;
        cands_[k].entity = static_cast<int>(out_.entities.size());
        out_.entities.push_back(std::move(en));
        by_key_.emplace(cands_[k].key, cands_[k].entity);
      }
    }
  }
  ProductTyping();
  UnitParents();
  Nominals();
  Emit();
}

}  // namespace extract

EntityMentions ExtractEntities(const Article& article) {
  EntityMentions out;
  thread_local extract::EntityScan scan;
  scan.names.clear();
  scan.roles.clear();
  if (article.sentences.empty() && !article.text.empty()) {
    // Callers that skipped cleaning (unit tests): segment here. Copies the article once.
    Article a = article;
    a.paragraphs = FindParagraphs(a.text);
    a.sentences = FindSentences(a.text, a.paragraphs);
    if (!a.sentences.empty()) return ExtractEntities(a);
  }
  extract::Scanner(article, scan, out).Run();
  extract::AttachRoles(scan, out);
  extract::FindQuotes(article, scan, out);
  scan.tokens.text = {};
  // Room kept for the next article, not for the largest one this thread ever met (see
  // ReextractQuantitiesAndDates): per-token vectors grown past a long article's size are given back.
  constexpr size_t kKeptTokens = 1u << 16;
  if (scan.tokens.items.capacity() > kKeptTokens || scan.name_at.capacity() > kKeptTokens) scan = extract::EntityScan{};
  return out;
}

}  // namespace corroborate
