// Tests for people's roles and organisations (people.cc, through entities.h), on our own sentences.
#include "extract/entities.h"

#include <gtest/gtest.h>

#include <string>

namespace corroborate {
namespace {

const Entity* Person(const EntityMentions& em, const std::string& name) {
  for (const Entity& e : em.entities)
    if (e.type == EntityType::kPerson && e.canonical == name) return &e;
  return nullptr;
}

EntityMentions ExtractFrom(const std::string& text) {
  Article a;
  a.text = text;
  return ExtractEntities(a);
}

TEST(People, OrganisationRoleNameTitle) {
  // "ORG CEO NAME": the organisation is listed (Cisco), the role is the title before the name.
  EntityMentions em = ExtractFrom("Cisco CEO Laura Bennett spoke to investors on Monday.");
  const Entity* p = Person(em, "Laura Bennett");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->role, "CEO");
  EXPECT_EQ(p->org, "Cisco");
}

TEST(People, PossessiveApposition) {
  EntityMentions em = ExtractFrom("The deal was signed by Tom Keller, Globex Holdings's chief executive, in May.");
  const Entity* p = Person(em, "Tom Keller");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->role, "chief executive");
  EXPECT_EQ(p->org, "Globex");
}

TEST(People, RoleAtOrganisationApposition) {
  EntityMentions em = ExtractFrom("\"Prices will rise,\" said Dr. Helen Park, a senior economist at the Westbury Institution.");
  const Entity* p = Person(em, "Helen Park");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->role, "senior economist");
  EXPECT_EQ(p->org, "Westbury Institution");
}

TEST(People, RoleCommaOrganisation) {
  EntityMentions em = ExtractFrom("The view came from Peter J. Lowe, Tax Law Professor, Harwell University.");
  const Entity* p = Person(em, "Peter J. Lowe");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->role, "Tax Law Professor");
  EXPECT_EQ(p->org, "Harwell University");
}

TEST(People, OrganisationInsideTheRole) {
  EntityMentions em = ExtractFrom("Comments came from Nina Ford, Former Cisco Sales Manager, on Friday.");
  const Entity* p = Person(em, "Nina Ford");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->role, "Former Cisco Sales Manager");
  EXPECT_EQ(p->org, "Cisco");
}

TEST(People, RoleSetOffBeforeTheName) {
  // "the chairman, NAME," gives the role; ", and its auditor, …" after the name is someone else's.
  EntityMentions em = ExtractFrom("The company's chairman, Harold Quint, and its auditor, Nina Ford, met the board.");
  const Entity* p = Person(em, "Harold Quint");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->role, "chairman");
  const Entity* a = Person(em, "Nina Ford");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->role, "auditor");
}

}  // namespace
}  // namespace corroborate
