// Roles and organisations of people (see entities_scan.h): from a title before the name ("Globex
// CEO Jane Doe", "Airbus chief executive Jean Roe") and from an apposition after it ("Jane Doe,
// Acme's chief executive", "Jane Doe, a strategist at the Example Institution", "Jane Doe, Law
// Professor, Example University"). Each mention looks at a window of a few tokens: linear.
// Tested in people_test.cc.
#include <string_view>

#include "extract/entities_scan.h"
#include "extract/gazetteer.h"

namespace corroborate::extract {
namespace {

constexpr uint32_t kRoleWindow = 9;  // words a role phrase may take

std::string_view LowerWord(const EntityScan& s, uint32_t i, std::string& buf) {
  buf.clear();
  std::string_view w = s.tokens.Text(i);
  if (w.size() > 1 && w.back() == '.') w.remove_suffix(1);
  AppendLower(buf, w);
  return buf;
}

bool IsWord(const EntityScan& s, uint32_t i) {
  return i < s.tokens.size() && s.tokens.items[i].kind == NKind::kWord;
}

bool StopsRole(std::string_view w) {
  return w == "who" || w == "which" || w == "that" || w == "said" || w == "says" || w == "told" ||
         w == "is" || w == "was" || w == "has" || w == "had" || w == "will" || w == "at" || w == "for" ||
         w == "with" || w == "in" || w == "on" || w == "to" || w == "from" || w == "by" || w == "when" ||
         w == "where" || w == "as" || w == "but" || w == "he" || w == "she" || w == "they" || w == "it";
}

// The entity of a name span starting at token i (skipping "the"), or -1; `end` gets its end.
int NameAt(const EntityScan& s, uint32_t i, uint32_t& end) {
  std::string buf;
  if (IsWord(s, i) && LowerWord(s, i, buf) == "the") ++i;
  if (i >= s.tokens.size() || s.name_at[i] < 0) return -1;
  const NameSpan& ns = s.names[static_cast<size_t>(s.name_at[i])];
  if (ns.b != i) return -1;
  end = ns.e;
  return ns.entity;
}

std::string SpanText(const EntityScan& s, uint32_t b, uint32_t e) {
  if (b >= e) return {};
  return std::string(s.tokens.text.substr(s.tokens.items[b].start, s.tokens.items[e - 1].end - s.tokens.items[b].start));
}

}  // namespace

uint32_t RolePhraseEnd(const EntityScan& s, uint32_t i, uint32_t limit) {
  const Gazetteer& g = Gazetteer::Get();
  std::string buf;
  uint32_t k = i, last_role = i, words = 0;
  if (IsWord(s, k)) {
    std::string_view w = LowerWord(s, k, buf);
    if (w == "a" || w == "an" || w == "the") ++k;
  }
  for (; k < limit && words < kRoleWindow; ++k) {
    const NToken& t = s.tokens.items[k];
    if (k > i && t.newline_before) break;
    if (t.kind == NKind::kPunct) {
      if (t.cp == '&' || t.cp == '-' || t.possessive) continue;
      break;
    }
    if (t.kind != NKind::kWord) break;
    std::string_view w = LowerWord(s, k, buf);
    if (StopsRole(w)) break;
    if (w == "of") {  // "minister of transport", but not "of Acme Corp"
      if (k + 1 < limit && IsWord(s, k + 1) && !s.tokens.items[k + 1].cap) continue;
      break;
    }
    ++words;
    if (g.Flags(w) & kRole) last_role = k + 1;
  }
  return last_role;
}

void AttachRoles(const EntityScan& s, EntityMentions& out) {
  const Gazetteer& g = Gazetteer::Get();
  const uint32_t n = static_cast<uint32_t>(s.tokens.size());
  std::string buf;
  size_t role_i = 0;
  for (const NameSpan& ns : s.names) {
    Entity& person = out.entities[static_cast<size_t>(ns.entity)];
    if (person.type != EntityType::kPerson || ns.nominal) continue;
    std::string role, org;
    // Before: a role phrase ending right at the name, then an organisation or "ORG's".
    while (role_i < s.roles.size() && s.roles[role_i].e < ns.b) ++role_i;
    uint32_t rb = ns.b;
    if (role_i < s.roles.size() && s.roles[role_i].e == ns.b) {
      rb = s.roles[role_i].b;
    } else {
      // Lower-case titles: "chief executive", "spokeswoman".
      uint32_t k = ns.b;
      while (k > 0 && ns.b - k < 5 && IsWord(s, k - 1) && (g.Flags(LowerWord(s, k - 1, buf)) & (kRole | kRoleModifier)))
        --k;
      bool has_role = false;
      for (uint32_t j = k; j < ns.b; ++j) has_role |= (g.Flags(LowerWord(s, j, buf)) & kRole) != 0;
      if (has_role) rb = k;
    }
    if (rb < ns.b) {
      role = SpanText(s, rb, ns.b);
      uint32_t before = rb;
      if (before > 0 && s.tokens.items[before - 1].possessive) --before;
      if (before > 0 && s.name_at[before - 1] >= 0) {
        const NameSpan& o = s.names[static_cast<size_t>(s.name_at[before - 1])];
        const Entity& oe = out.entities[static_cast<size_t>(o.entity)];
        if (oe.type == EntityType::kOrg) org = oe.canonical;
      }
    }
    // Before, set off by a comma: "Acme's chairman, Jane Doe," / "the company's chief executive,
    // Jane Doe".
    if (role.empty() && ns.b >= 2 && s.tokens.IsPunct(ns.b - 1, ',')) {
      uint32_t k = ns.b - 1;
      while (k > 0 && ns.b - 1 - k < 5 && IsWord(s, k - 1) && !s.tokens.items[k - 1].cap &&
             (g.Flags(LowerWord(s, k - 1, buf)) & (kRole | kRoleModifier)))
        --k;
      bool has_role = false;
      for (uint32_t j = k; j + 1 < ns.b; ++j) has_role |= (g.Flags(LowerWord(s, j, buf)) & kRole) != 0;
      if (has_role && k + 1 < ns.b) {
        role = SpanText(s, k, ns.b - 1);
        uint32_t before = k;
        if (before > 0 && s.tokens.items[before - 1].possessive) --before;
        if (before < k && before > 0 && s.name_at[before - 1] >= 0) {
          const NameSpan& o = s.names[static_cast<size_t>(s.name_at[before - 1])];
          const Entity& oe = out.entities[static_cast<size_t>(o.entity)];
          if (oe.type == EntityType::kOrg) org = oe.canonical;
        }
      }
    }
    // After: ", ORG's ROLE" or ", ROLE (at|of|for|with|,) ORG".
    // (Not ", and its auditor, …": a coordination, not an apposition.)
    const bool coordination = ns.e + 1 < n && IsWord(s, ns.e + 1) &&
                              (LowerWord(s, ns.e + 1, buf) == "and" || LowerWord(s, ns.e + 1, buf) == "or");
    if (role.empty() && ns.e + 1 < n && s.tokens.IsPunct(ns.e, ',') && !coordination) {
      uint32_t k = ns.e + 1, end = 0;
      int e = NameAt(s, k, end);
      if (e >= 0 && out.entities[static_cast<size_t>(e)].type == EntityType::kOrg && end < n &&
          s.tokens.items[end].possessive) {
        uint32_t re = RolePhraseEnd(s, end + 1, n);
        if (re > end + 1) {
          role = SpanText(s, end + 1, re);
          org = out.entities[static_cast<size_t>(e)].canonical;
        }
      } else {
        uint32_t re = RolePhraseEnd(s, k, n);
        if (re > k) {
          uint32_t rs = k;
          if (IsWord(s, rs)) {
            std::string_view w = LowerWord(s, rs, buf);
            if (w == "a" || w == "an" || w == "the") ++rs;
          }
          role = SpanText(s, rs, re);
          // An organisation inside the role ("Former Acme Operations Manager").
          for (uint32_t j = rs; j < re; ++j) {
            if (s.name_at[j] >= 0) {
              const Entity& oe = out.entities[static_cast<size_t>(s.names[static_cast<size_t>(s.name_at[j])].entity)];
              if (oe.type == EntityType::kOrg) org = oe.canonical;
            }
          }
          if (re < n && (IsWord(s, re) || s.tokens.IsPunct(re, ','))) {
            std::string_view w = IsWord(s, re) ? LowerWord(s, re, buf) : std::string_view(",");
            if (w == "at" || w == "of" || w == "for" || w == "with" || w == "," || w == "in") {
              int oe = NameAt(s, re + 1, end);
              if (oe >= 0 && out.entities[static_cast<size_t>(oe)].type != EntityType::kPerson)
                org = out.entities[static_cast<size_t>(oe)].canonical;
            }
          }
        }
      }
    }
    if (role.empty()) continue;
    // The first role the article gives stands; a later one fills only what is missing.
    if (person.role.empty()) person.role = role;
    if (person.org.empty() && !org.empty() && org != person.canonical) person.org = org;
  }
}

}  // namespace corroborate::extract
