// Named entities of one cleaned article: organisations, people, places and products, each mention
// joined to one entity per article with a canonical name ("Globex.com Inc.", "Globex" and the
// ticker GLBX → "Globex"; an acronym to the name it abbreviates; a later surname to the full
// name; "the company" to the one company it can mean), with roles and organisations for people,
// and the quotes of the article with their speakers. Tested in entities_test.cc, people_test.cc
// and quotes_test.cc.
//
//   EntityMentions em = ExtractEntities(article);
//   for (const EntityMention& m : em.mentions)
//     printf("%s → %s\n", Slice(article.text, m).c_str(), em.entities[m.entity].canonical.c_str());
//
// Offsets are bytes in Article::text. Linear in the text length: no regular expressions, names are
// looked up in hash tables built once (gazetteer.h), and every scan is bounded by a small window.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "clean/article.h"

namespace corroborate {

enum class EntityType : uint8_t { kOrg, kPerson, kLoc, kProduct };
const char* EntityTypeName(EntityType t);  // "ORG", "PERSON", "LOC", "PRODUCT"

struct Entity {
  EntityType type = EntityType::kOrg;
  std::string canonical;  // "Globex", "Steve Jobs", "United States"
  std::string parent;     // an organisation's parent's canonical name ("Globex" for its cloud arm)
  std::string ticker;     // "GLBX" when the article or the listings give one
  std::string role;       // people: the role the article gives them ("CEO", "Portfolio Manager")
  std::string org;        // people: the canonical name of the organisation of that role
};

struct EntityMention {
  uint32_t start = 0;  // bytes in Article::text, [start, end)
  uint32_t end = 0;
  uint32_t entity = 0;   // index into EntityMentions::entities
  bool nominal = false;  // "the company", "the tech giant": names the entity without its name
};

// How a quotation's speaker is known: named next to it, resolved from a pronoun, surname or title
// to a name given elsewhere, described without a name ("a spokeswoman for Acme"), or an
// organisation ("Acme said in a statement").
enum class SpeakerKind : uint8_t { kUnknown, kNamed, kResolved, kNominal, kOrganisation };
const char* SpeakerKindName(SpeakerKind k);  // "unknown", "named", "resolved", "nominal", "organisation"

struct QuoteMention {
  uint32_t start = 0;  // the quoted words in Article::text, marks excluded, [start, end)
  uint32_t end = 0;
  int32_t speaker = -1;  // index into EntityMentions::entities (a PERSON or ORG), or -1
  std::string speaker_name;  // the speaker's full name as the article introduces it; empty when unknown or nominal
  std::string speaker_role;
  std::string speaker_org;
  SpeakerKind speaker_kind = SpeakerKind::kUnknown;
  // The words that name the speaker for this quotation ("he", "Mr. Roe", "a spokeswoman for
  // Acme"), bytes in Article::text; empty (start == end) when none.
  uint32_t mention_start = 0;
  uint32_t mention_end = 0;
};

struct EntityMentions {
  std::vector<Entity> entities;
  std::vector<EntityMention> mentions;  // in text order, not overlapping
  std::vector<QuoteMention> quotes;     // in text order, not overlapping
};

EntityMentions ExtractEntities(const Article& article);

}  // namespace corroborate
