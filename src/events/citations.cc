// Finding whom each sentence cites (see citations.h). Tested in events_test.cc.
#include "events/citations.h"

#include <string_view>

#include "events/news_outlets.h"

namespace corroborate::events {
namespace {

// How much a citation says about its origin: a named news organisation says most (articles citing
// it repeat it), then any other named party, then unnamed people and documents. A back-reference
// ("the report said") names nothing itself and carries an earlier sentence's citation on.
enum class Rank : int { kNone, kBackReference, kUnnamed, kNamed, kNewsOutlet };

struct Source {
  Citation citation;
  Rank rank = Rank::kNone;
  uint32_t end = 0;           // the word after the phrase
  bool publisher = false;     // an organisation or a document "the report" can mean
};

bool In(std::string_view w, std::initializer_list<std::string_view> list) {
  for (std::string_view x : list) {
    if (w == x) return true;
  }
  return false;
}

bool ReportingVerb(std::string_view w) {
  return In(w, {"reported", "reports", "report", "said", "says", "say", "told", "tells", "added", "adds", "wrote",
                "writes", "noted", "notes", "confirmed", "confirms", "stated", "disclosed"});
}

bool Determiner(std::string_view w) { return In(w, {"the", "a", "an"}); }

class Finder {
 public:
  Finder(const Mentions& m, const ArticleWords& words) : m_(m), w_(words.words) {}

  // The citation of the sentence of words [b, e), or one of rank kNone.
  Source Sentence(uint32_t b, uint32_t e) const {
    Source best;
    auto take = [&](Source s) {
      if (s.rank > best.rank) best = std::move(s);
    };
    for (uint32_t i = b; i < e; ++i) {
      if (w_[i].in_quote) continue;
      const std::string& x = w_[i].lower;
      if (x == "according" && i + 1 < e && w_[i + 1].lower == "to") {
        take(At(i + 2, e, true));
      } else if (x == "citing" || (x == "by" && i > b && w_[i - 1].lower == "reported")) {
        take(At(i + 1, e, true));
      } else if (x == "told" || (x == "with" && i >= b + 2 && w_[i - 1].lower == "interview")) {
        // "told Reuters", "in an interview with CNBC": a news organisation only ("told reporters"
        // and "told employees" cite nobody).
        Source s = At(i + 1, e, false);
        if (s.rank == Rank::kNewsOutlet) take(std::move(s));
      } else if (x == "filing" && i >= b + 2 && In(w_[i - 1].lower, {"regulatory", "securities", "exchange", "sec", "a", "its"}) &&
                 (In(w_[i - 2].lower, {"in", "a", "its"}) || (i >= b + 3 && w_[i - 3].lower == "in"))) {
        Source filing = Unnamed("a regulatory filing", i + 1);
        filing.publisher = true;
        take(std::move(filing));
      }
      if (ReportingVerb(x) && !Passive(i, b)) {
        // "X reported", "X first reported", "X, citing …": the phrase that ends before the verb.
        for (uint32_t k = i > b + 8 ? i - 8 : b; k < i; ++k) {
          Source s = At(k, i, true);
          uint32_t gap = s.end <= i ? i - s.end : 99;
          if (s.rank != Rank::kNone && (gap == 0 || (gap == 1 && Adverb(w_[s.end].lower)))) {
            take(std::move(s));
            break;
          }
        }
        // "…, said people familiar with the matter": an unnamed source after the verb.
        if (x == "said" || x == "says") {
          Source s = At(i + 1, e, false);
          if (s.rank == Rank::kUnnamed || s.rank == Rank::kBackReference) take(std::move(s));
        }
      }
      // "a Bloomberg report", "Bloomberg's reporting notes": a news organisation's report.
      if (w_[i].entity >= 0 || w_[i].capitalized) {
        Source s = At(i, e, false);
        if (s.rank == Rank::kNewsOutlet && s.end < e && In(w_[s.end].lower, {"report", "reporting", "story", "article"})) {
          take(std::move(s));
        }
      }
    }
    return best;
  }

 private:
  // "is said to be", "was reported to": a rumour, not an attribution to the subject.
  bool Passive(uint32_t v, uint32_t b) const {
    return v > b && In(w_[v - 1].lower, {"is", "are", "was", "were", "be", "been", "being", "widely", "reportedly"});
  }
  static bool Adverb(std::string_view w) {
    return In(w, {"first", "also", "earlier", "previously", "exclusively", "separately", "later", "had", "has", "have"});
  }

  static Source Unnamed(std::string origin, uint32_t end) {
    Source s;
    s.citation.origin = std::move(origin);
    s.rank = Rank::kUnnamed;
    s.end = end;
    return s;
  }

  // The source phrase that starts at word i (before e): a news organisation or another named
  // party, unnamed people ("people familiar with the matter", "a spokesperson"), or a
  // back-reference ("the report"). With `loose`, "a"/"the" may open it.
  Source At(uint32_t i, uint32_t e, bool loose) const {
    Source none;
    if (i >= e) return none;
    uint32_t j = i;
    if (loose && j + 1 < e && Determiner(w_[j].lower)) ++j;
    const std::string& x = w_[j].lower;
    // Back-references: "the report", "the newspaper said", "the people said".
    if (j > i && w_[i].lower == "the" &&
        In(x, {"report", "newspaper", "paper", "agency", "publication", "outlet", "journal", "people", "person",
               "sources", "filing", "broadcaster"})) {
      Source s;
      s.rank = Rank::kBackReference;
      s.end = j + 1;
      // "the people" go back to unnamed people, "the report" to a news organisation or a document.
      s.citation.origin = In(x, {"people", "person", "sources"}) ? "people" : "report";
      return s;
    }
    if (In(x, {"people", "persons", "person", "sources", "source", "insiders", "officials", "executives"})) {
      // "people familiar with the matter", "sources close to the talks", "a person briefed on".
      for (uint32_t k = j + 1; k < e && k <= j + 3; ++k) {
        if (In(w_[k].lower, {"familiar", "close", "briefed", "knowledge", "knowledgeable", "involved"})) {
          uint32_t end = k + 1;
          while (end < e && end <= k + 6 && !w_[end].comma_before && !w_[end].clause_before && !ReportingVerb(w_[end].lower)) ++end;
          return Unnamed("people familiar with the matter", end);
        }
      }
      if (x == "sources") return Unnamed("sources", j + 1);
      return none;
    }
    // "a spokesperson", "an Initech spokeswoman", "a spokesman for Initech".
    for (uint32_t k = j; k < e && k <= j + 3; ++k) {
      if (In(w_[k].lower, {"spokesperson", "spokesman", "spokeswoman", "representative"})) {
        bool plain = true;
        for (uint32_t q = j; q < k; ++q) plain &= w_[q].entity >= 0 || w_[q].capitalized || In(w_[q].lower, {"company", "a", "an"});
        if (plain) return Unnamed("a spokesperson", k + 1);
      }
    }
    if (w_[j].entity >= 0) {
      const EntityMention& em = m_.entities.mentions[w_[j].entity];
      uint32_t end = j;
      while (end < e && w_[end].entity == w_[j].entity) ++end;
      const std::string& canonical = m_.entities.entities[em.entity].canonical;
      Source s;
      s.end = end;
      std::string_view outlet = NewsOutletName(canonical);
      if (outlet.empty()) outlet = NewsOutletName(std::string_view(text_of(j, end)));
      if (!outlet.empty()) {
        s.citation = Citation{std::string(outlet), true};
        s.rank = Rank::kNewsOutlet;
      } else {
        s.citation = Citation{canonical, false};
        s.rank = Rank::kNamed;
      }
      s.publisher = m_.entities.entities[em.entity].type == EntityType::kOrg;
      return s;
    }
    // A news organisation the entity scan did not take ("The Information", "WSJ").
    if (w_[j].capitalized || (j > i && w_[i].capitalized)) {
      std::string name;
      for (uint32_t end = j; end < e && end < j + 5 && (w_[end].capitalized || In(w_[end].lower, {"of", "and"})); ++end) {
        name += (name.empty() ? "" : " ") + w_[end].lower;
        std::string_view outlet = NewsOutletName(name);
        if (!outlet.empty()) {
          Source s;
          s.citation = Citation{std::string(outlet), true};
          s.rank = Rank::kNewsOutlet;
          s.end = end + 1;
          s.publisher = true;
          return s;
        }
      }
    }
    return none;
  }

  std::string text_of(uint32_t b, uint32_t e) const {
    std::string out;
    for (uint32_t k = b; k < e; ++k) out += (out.empty() ? "" : " ") + w_[k].lower;
    return out;
  }

  const Mentions& m_;
  const std::vector<Word>& w_;
};

}  // namespace

std::vector<Citation> SentenceCitations(const Article& article, const Mentions& mentions, const ArticleWords& words) {
  std::vector<Citation> out(article.sentences.size());
  Finder f(mentions, words);
  // The last organisation or document cited ("the report" may mean it), and the last unnamed people.
  Citation last_report, last_people;
  for (uint32_t s = 0; s < article.sentences.size(); ++s) {
    Source src = f.Sentence(words.sentence_begin[s], words.sentence_begin[s + 1]);
    if (src.rank == Rank::kBackReference) {
      // "the report added", "the people said": an earlier attribution of that kind goes on.
      out[s] = src.citation.origin == "people" ? last_people : last_report;
    } else if (src.rank != Rank::kNone) {
      out[s] = src.citation;
      if (src.publisher) last_report = src.citation;
      else if (src.rank == Rank::kUnnamed) last_people = src.citation;
    }
  }
  return out;
}

}  // namespace corroborate::events
