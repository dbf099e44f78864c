// What entities.cc hands on to people.cc and quotes.cc: the article's name tokens and the name
// spans found in them, with their entities. Internal to the extract stage; tested through
// entities.h in entities_test.cc, people_test.cc and quotes_test.cc.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "clean/article.h"
#include "extract/entities.h"
#include "extract/entities_tokens.h"

namespace corroborate::extract {

struct NameSpan {
  uint32_t b = 0;  // tokens [b, e)
  uint32_t e = 0;
  int entity = -1;
  bool nominal = false;
};

struct RoleSpan {
  uint32_t b = 0;  // tokens [b, e) of a role phrase inside a capitalised run ("Portfolio Manager")
  uint32_t e = 0;
};

struct EntityScan {
  NTokens tokens;
  std::vector<NameSpan> names;    // in token order, not overlapping
  std::vector<int32_t> name_at;   // per token: index into `names`, or -1
  std::vector<RoleSpan> roles;    // in token order
};

// people.cc: gives PERSON entities a role and organisation from titles and appositions around
// their mentions. Linear: each mention looks at a bounded window of tokens.
void AttachRoles(const EntityScan& scan, EntityMentions& out);

// Role phrase starting at token i and going right ("chief executive", "a technology strategist",
// "Tech Ethics Advocate & Former ... Manager"): returns the end token (exclusive) of the last role
// word within a bounded window, or i when there is none. Stops at `limit`.
uint32_t RolePhraseEnd(const EntityScan& scan, uint32_t i, uint32_t limit);

// quotes.cc: finds the article's quotes and their speakers.
void FindQuotes(const Article& article, const EntityScan& scan, EntityMentions& out);

}  // namespace corroborate::extract
