// Attribution checks across a story: who is quoted, as what, by how many outlets (see
// story_report.h). Tested in reconcile_test.cc.
#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "events/extract_events.h"
#include "reconcile/story_report.h"

namespace corroborate {
namespace {

struct Person {
  std::string name, role, org, article, outlet;
  bool quoted = false;
  bool reprint = false;  // the article reprints another: it corroborates nothing
};

std::vector<std::string> LowerWords(const std::string& s) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s + " ") {
    if (std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80) {
      cur.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    } else if (!cur.empty()) {
      out.push_back(cur);
      cur.clear();
    }
  }
  return out;
}

std::string NormalName(const std::string& s) {
  std::string out;
  for (const std::string& w : LowerWords(s)) {
    if (w.size() == 1) continue;  // middle initials
    out += (out.empty() ? "" : " ") + w;
  }
  return out;
}

// A role's words with common spellings joined ("chief executive officer" → "ceo").
std::vector<std::string> RoleWords(const std::string& role) {
  std::vector<std::string> w = LowerWords(role);
  std::vector<std::string> out;
  for (size_t i = 0; i < w.size(); ++i) {
    if (w[i] == "chief" && i + 1 < w.size() && w[i + 1] == "executive") {
      out.push_back("ceo");
      i += (i + 2 < w.size() && w[i + 2] == "officer") ? 2 : 1;
      continue;
    }
    if (w[i] == "the" || w[i] == "a" || w[i] == "an" || w[i] == "at" || w[i] == "of") continue;
    out.push_back(w[i]);
  }
  return out;
}

bool Subset(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  for (const std::string& x : a) {
    if (std::find(b.begin(), b.end(), x) == b.end()) return false;
  }
  return true;
}

// Two roles one person could hold at once: one says less than the other ("Portfolio Manager",
// "Tech Portfolio Manager").
bool RolesAgree(const std::string& a, const std::string& b) {
  std::vector<std::string> x = RoleWords(a), y = RoleWords(b);
  if (x.empty() || y.empty()) return true;
  return Subset(x, y) || Subset(y, x);
}

// Two roles of one kind: the same head noun ("manager"), and both former or both current.
bool SameKindOfRole(const std::string& a, const std::string& b) {
  std::vector<std::string> x = RoleWords(a), y = RoleWords(b);
  if (x.empty() || y.empty()) return false;
  bool fx = std::find(x.begin(), x.end(), "former") != x.end();
  bool fy = std::find(y.begin(), y.end(), "former") != y.end();
  return x.back() == y.back() && fx == fy;
}

bool ShareNamePart(const std::string& a, const std::string& b) {
  std::vector<std::string> x = LowerWords(a), y = LowerWords(b);
  if (x.size() < 2 || y.size() < 2) return false;
  return x.front() == y.front() || x.back() == y.back();
}

std::string Describe(const Person& p) {
  std::string s = p.name;
  if (!p.role.empty() || !p.org.empty()) {
    s += " (" + p.role;
    if (!p.org.empty() && p.role.find(p.org) == std::string::npos) s += (p.role.empty() ? "" : ", ") + p.org;
    s += ")";
  }
  return s + " in " + p.article;
}

// One name given two affiliations that cannot both hold: different organisations, or roles that
// neither contain each other nor are one kind of role at one organisation.
bool AffiliationsDiffer(const Person& a, const Person& b) {
  bool org_differs = !a.org.empty() && !b.org.empty() && !SameParty(a.org, b.org);
  bool role_differs = !a.role.empty() && !b.role.empty() && !RolesAgree(a.role, b.role) &&
                      !(a.org.empty() || b.org.empty() ? false : !org_differs && SameKindOfRole(a.role, b.role));
  return org_differs || role_differs;
}

// Another outlet names the same person as the same person: same name, an affiliation that can
// hold at once. A namesake with another job is a different person, or a misattribution; either
// way it does not vouch for the quote.
bool Corroborated(const Person& p, const std::vector<Person>& people) {
  for (const Person& q : people) {
    if (q.reprint || q.outlet == p.outlet || NormalName(q.name) != NormalName(p.name)) continue;
    if (!AffiliationsDiffer(p, q)) return true;
  }
  return false;
}

}  // namespace

std::vector<AttributionIssue> CheckAttributions(const std::vector<StoryArticle>& articles) {
  std::vector<Person> people;
  for (const StoryArticle& sa : articles) {
    const EntityMentions& em = sa.mentions->entities;
    std::string outlet = sa.outlet.empty() ? sa.article->id : sa.outlet;
    // Who is quoted: each quote's resolved speaker (extract/speaker_resolve.h), the person its
    // "he", "Mr. Roe" or "the chairman" stands for, not the name nearest the quote.
    std::map<uint32_t, bool> quoted;  // entity → quoted in this article
    for (const QuoteMention& q : em.quotes) {
      if (q.speaker >= 0) quoted[static_cast<uint32_t>(q.speaker)] = true;
    }
    std::set<uint32_t> seen;
    for (const EntityMention& m : em.mentions) {
      const Entity& e = em.entities[m.entity];
      if (e.type != EntityType::kPerson || !seen.insert(m.entity).second) continue;
      if (LowerWords(e.canonical).size() < 2) continue;  // a lone surname or first name
      Person p{e.canonical, e.role, e.org, sa.article->id, outlet, quoted.count(m.entity) > 0,
               !sa.duplicate_of.empty()};
      people.push_back(std::move(p));
    }
  }
  std::vector<AttributionIssue> out;
  // One name, different organisations or roles that cannot both hold.
  std::set<std::string> flagged;
  for (size_t i = 0; i < people.size(); ++i) {
    for (size_t j = i + 1; j < people.size(); ++j) {
      const Person& a = people[i];
      const Person& b = people[j];
      if (a.article == b.article || NormalName(a.name) != NormalName(b.name)) continue;
      if (!AffiliationsDiffer(a, b)) continue;
      if (!flagged.insert("a:" + NormalName(a.name)).second) continue;
      out.push_back({"affiliation_variant", {a.name}, {a.article, b.article},
                     Describe(a) + " against " + Describe(b)});
    }
  }
  // One role at one organisation, different names that share a part.
  for (size_t i = 0; i < people.size(); ++i) {
    for (size_t j = i + 1; j < people.size(); ++j) {
      const Person& a = people[i];
      const Person& b = people[j];
      if (a.article == b.article || NormalName(a.name) == NormalName(b.name)) continue;
      if (a.org.empty() || b.org.empty() || !SameParty(a.org, b.org)) continue;
      if (!ShareNamePart(a.name, b.name)) continue;
      if (!RolesAgree(a.role, b.role) && !SameKindOfRole(a.role, b.role)) continue;
      if (!flagged.insert("n:" + NormalName(a.name) + "|" + NormalName(b.name)).second) continue;
      out.push_back({"name_variant", {a.name, b.name}, {a.article, b.article},
                     Describe(a) + " and " + Describe(b) + ": one role at one organisation, two names"});
    }
  }
  // Quoted people whom no other outlet names as the same person: one issue per name, with every
  // article that quotes them so (two outlets may each quote a namesake with another job).
  std::map<std::string, size_t> speaker_issue;  // normalised name → index in out
  for (const Person& p : people) {
    if (!p.quoted || Corroborated(p, people)) continue;
    const std::string key = NormalName(p.name);
    auto it = speaker_issue.find(key);
    if (it != speaker_issue.end()) {
      std::vector<std::string>& sources = out[it->second].sources;
      if (std::find(sources.begin(), sources.end(), p.article) == sources.end()) sources.push_back(p.article);
      continue;
    }
    if (!flagged.insert("u:" + key).second) continue;
    speaker_issue.emplace(key, out.size());
    out.push_back({"uncorroborated_speaker", {p.name}, {p.article},
                   Describe(p) + " is quoted, and no other outlet names them with a compatible affiliation"});
  }
  return out;
}

}  // namespace corroborate
