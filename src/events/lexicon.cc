// Parsing and phrase matching of the event word lists (see lexicon.h). Tested in events_test.cc.
#include "events/lexicon.h"

#include <cctype>

#include "core/embedded_data.h"

namespace corroborate::events {
namespace {

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (true) {
    size_t tab = line.find('\t', start);
    out.push_back(line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  return out;
}

// Words of a phrase: split on spaces and hyphens, as the matcher sees the text.
std::vector<std::string> PhraseWords(std::string_view phrase) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : phrase) {
    if (c == ' ' || c == '-') {
      if (!cur.empty()) out.push_back(std::move(cur));
      cur.clear();
    } else {
      cur.push_back(c);
    }
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

template <typename F>
void ForEachRow(std::string_view data, F&& f) {
  while (!data.empty()) {
    size_t nl = data.find('\n');
    std::string_view line = data.substr(0, nl);
    data = nl == std::string_view::npos ? std::string_view() : data.substr(nl + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    f(SplitTabs(line));
  }
}

template <typename E, typename M>
const E* Longest(const M& map,
                 const std::vector<std::string_view>& words, size_t i, size_t* len) {
  if (i >= words.size()) return nullptr;
  auto it = map.find(words[i]);
  if (it == map.end()) return nullptr;
  const E* best = nullptr;
  for (const E& e : it->second) {
    if (i + e.words.size() > words.size()) continue;
    bool ok = true;
    for (size_t k = 1; k < e.words.size() && ok; ++k) ok = words[i + k] == e.words[k];
    if (ok && (best == nullptr || e.words.size() > best->words.size())) best = &e;
  }
  if (best != nullptr) *len = best->words.size();
  return best;
}

}  // namespace

EventLexicon EventLexicon::Parse(std::string_view triggers, std::string_view statuses, std::string_view words) {
  EventLexicon lex;
  ForEachRow(triggers, [&](const std::vector<std::string_view>& f) {
    if (f.size() < 3) return;
    TriggerEntry e;
    e.words = PhraseWords(f[0]);
    if (e.words.empty() || !ParseEventType(f[1], &e.type)) return;
    e.verb = f[2] == "verb";
    std::string_view flags = f.size() > 3 ? f[3] : std::string_view();
    e.past = flags.find("past") != std::string_view::npos;
    e.jobs = flags.find("jobs") != std::string_view::npos;
    e.object = flags.find("object") != std::string_view::npos;
    e.members = flags.find("members") != std::string_view::npos;
    e.value = flags.find("value") != std::string_view::npos;
    if (f.size() > 4) e.detail = std::string(f[4]);
    std::string first = e.words[0];
    lex.triggers_[first].push_back(std::move(e));
  });
  ForEachRow(statuses, [&](const std::vector<std::string_view>& f) {
    if (f.size() < 2) return;
    StatusEntry e;
    e.words = PhraseWords(f[0]);
    if (e.words.empty() || !ParseEventStatus(f[1], &e.status)) return;
    if (f.size() > 2 && !f[2].empty()) ParseTalkStage(f[2], &e.stage);
    std::string first = e.words[0];
    lex.statuses_[first].push_back(std::move(e));
  });
  ForEachRow(words, [&](const std::vector<std::string_view>& f) {
    if (f.size() < 2) return;
    lex.classes_[std::string(f[0])] = std::string(f[1]);
  });
  return lex;
}

const EventLexicon& EventLexicon::Get() {
  static const EventLexicon lex = Parse(EmbeddedData("event_triggers.tsv"), EmbeddedData("event_status.tsv"),
                                        EmbeddedData("event_words.tsv"));
  return lex;
}

const TriggerEntry* EventLexicon::MatchTrigger(const std::vector<std::string_view>& words, size_t i,
                                               size_t* len) const {
  return Longest<TriggerEntry>(triggers_, words, i, len);
}

const TriggerEntry* EventLexicon::OtherReading(const TriggerEntry& entry) const {
  auto it = triggers_.find(entry.words[0]);
  if (it == triggers_.end()) return nullptr;
  bool after = false;
  for (const TriggerEntry& e : it->second) {
    if (&e == &entry) { after = true; continue; }
    if (after && e.words == entry.words && e.type != entry.type) return &e;
  }
  return nullptr;
}

const StatusEntry* EventLexicon::MatchStatus(const std::vector<std::string_view>& words, size_t i,
                                             size_t* len) const {
  return Longest<StatusEntry>(statuses_, words, i, len);
}

std::string_view EventLexicon::WordClass(std::string_view lower) const {
  auto it = classes_.find(lower);
  return it == classes_.end() ? std::string_view() : std::string_view(it->second);
}

namespace {

struct Makers {
  std::unordered_map<std::string_view, std::string_view> by_model;  // views into the embedded list
  std::vector<std::string_view> makers;
};

const Makers& ProductMakers() {
  static const Makers m = [] {
    Makers out;
    ForEachRow(EmbeddedData("product_makers.tsv"), [&](const std::vector<std::string_view>& f) {
      if (f.size() < 2 || f[0].empty() || f[1].empty()) return;
      out.by_model[f[0]] = f[1];
      bool seen = false;
      for (std::string_view x : out.makers) seen |= x == f[1];
      if (!seen) out.makers.push_back(f[1]);
    });
    return out;
  }();
  return m;
}

}  // namespace

std::string_view ModelMaker(std::string_view lower) {
  const Makers& m = ProductMakers();
  // "a380's", "787s", "dreamliners": the model without its possessive or plural ending.
  if (lower.size() > 2 && lower.substr(lower.size() - 2) == "'s") lower.remove_suffix(2);
  for (int pass = 0; pass < 2; ++pass) {
    auto it = m.by_model.find(lower);
    if (it != m.by_model.end()) return it->second;
    if (lower.size() < 3 || lower.back() != 's') break;
    lower.remove_suffix(1);
  }
  return {};
}

std::string_view MakerInTitle(std::string_view title) {
  auto letter = [](char ch) { return std::isalnum(static_cast<unsigned char>(ch)) != 0; };
  std::string_view found;
  for (std::string_view maker : ProductMakers().makers) {
    for (size_t at = title.find(maker); at != std::string_view::npos; at = title.find(maker, at + 1)) {
      size_t end = at + maker.size();
      if ((at > 0 && letter(title[at - 1])) || (end < title.size() && letter(title[end]))) continue;
      if (!found.empty() && found != maker) return {};
      found = maker;
      break;
    }
  }
  return found;
}

}  // namespace corroborate::events
