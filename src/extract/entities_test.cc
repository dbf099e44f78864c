// Tests for entities.h: types, canonical names, aliases (suffixes, tickers, acronyms, surnames),
// parents, title-case lines and debris, and bad input. Examples are our own sentences.
#include "extract/entities.h"

#include <gtest/gtest.h>

#include <string>

namespace corroborate {
namespace {

EntityMentions ExtractFrom(const std::string& text) {
  Article a;
  a.text = text;
  return ExtractEntities(a);
}

struct Found {
  std::string text, type, canonical, parent;
};

std::vector<Found> List(const std::string& text) {
  EntityMentions em = ExtractFrom(text);
  std::vector<Found> out;
  for (const EntityMention& m : em.mentions) {
    const Entity& e = em.entities[m.entity];
    out.push_back({text.substr(m.start, m.end - m.start), EntityTypeName(e.type), e.canonical, e.parent});
  }
  return out;
}

const Found* Get(const std::vector<Found>& v, const std::string& text, size_t nth = 0) {
  for (const Found& f : v)
    if (f.text == text && nth-- == 0) return &f;
  return nullptr;
}

TEST(Entities, ListedCompanyWithSuffixAndTickerIsOneEntity) {
  // Cisco is in the listings (ticker CSCO); "Inc." and the ticker name the same company.
  std::string s = "Cisco Systems Inc. (NASDAQ: CSCO) said on Monday that Cisco will cut jobs.";
  auto v = List(s);
  const Found* full = Get(v, "Cisco Systems Inc.");
  const Found* tick = Get(v, "CSCO");
  const Found* shrt = Get(v, "Cisco");
  ASSERT_TRUE(full && tick && shrt);
  EXPECT_EQ(full->type, "ORG");
  EXPECT_EQ(full->canonical, "Cisco");
  EXPECT_EQ(tick->canonical, "Cisco");
  EXPECT_EQ(shrt->canonical, "Cisco");
}

TEST(Entities, DotComAndLegalWordsAreDropped) {
  auto v = List("Example.com Inc. grew fast. Analysts say Example.com will keep growing.");
  const Found* a = Get(v, "Example.com Inc.");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->canonical, "Example");
}

TEST(Entities, AcronymJoinsTheNameItAbbreviatesAndParentIsTheFirstWords) {
  // "Globex" must stand inside a sentence once: a sentence's first word alone proves nothing.
  std::string s = "Shares of Globex rose. Its unit Globex Cloud Platform sells storage, and GCP grew 20% last year.";
  auto v = List(s);
  const Found* unit = Get(v, "Globex Cloud Platform");
  const Found* acro = Get(v, "GCP");
  ASSERT_TRUE(unit && acro);
  EXPECT_EQ(unit->parent, "Globex");
  EXPECT_EQ(acro->canonical, "Globex Cloud Platform");
}

TEST(Entities, BracketedAcronymJoinsTheNameBeforeIt) {
  auto v = List("Northwind Regional Carriers (NRX) ordered ten planes. Later NRX cancelled two of them.");
  const Found* acro = Get(v, "NRX", 1);
  ASSERT_TRUE(acro);
  EXPECT_EQ(acro->canonical, "Northwind Regional Carriers");
}

TEST(Entities, LaterSurnameJoinsTheFullName) {
  std::string s = "The board met Karen Holloway on Tuesday. Holloway said the plan was sound.";
  auto v = List(s);
  const Found* full = Get(v, "Karen Holloway");
  const Found* sur = Get(v, "Holloway");
  ASSERT_TRUE(full && sur);
  EXPECT_EQ(full->type, "PERSON");
  EXPECT_EQ(sur->type, "PERSON");
  EXPECT_EQ(sur->canonical, "Karen Holloway");
}

TEST(Entities, PlacesAndCountryAbbreviations) {
  auto v = List("The plant in Toulouse, France will supply buyers in the U.S. and in Germany.");
  ASSERT_TRUE(Get(v, "Toulouse") && Get(v, "France") && Get(v, "U.S.") && Get(v, "Germany"));
  EXPECT_EQ(Get(v, "Toulouse")->type, "LOC");
  EXPECT_EQ(Get(v, "U.S.")->canonical, "United States");
}

TEST(Entities, OrganisationWordsMakeOrganisations) {
  auto v = List("Funds from Meridian Capital went to the University of Leeds and to Kestrel Airlines.");
  ASSERT_TRUE(Get(v, "Meridian Capital") && Get(v, "University of Leeds") && Get(v, "Kestrel Airlines"));
  EXPECT_EQ(Get(v, "Meridian Capital")->type, "ORG");
  EXPECT_EQ(Get(v, "University of Leeds")->type, "ORG");
}

TEST(Entities, HeadlineCapitalsAndDebrisAreNotNames) {
  // The first line is title case: only names the body confirms count there.
  std::string s =
      "Globex Eyes Massive Deal As Rivals Weigh Options\n\n"
      "Shares of Globex rose as Globex said it is in talks to buy a rival.\n\nShare:\n\nLeave a Reply\n";
  auto v = List(s);
  EXPECT_TRUE(Get(v, "Globex"));
  for (const char* w : {"Eyes", "Massive", "Deal", "Weigh", "Options", "Share", "Leave", "Reply", "Rivals"}) {
    for (const Found& f : v) EXPECT_EQ(f.text.find(w), std::string::npos) << w;
  }
}

TEST(Entities, ModelNumbersAreProductsAndTheMakerStaysAnOrganisation) {
  // "Avionix A990" is one product named with its maker; the maker alone is an organisation and
  // the product's parent; the bare model joins the product.
  auto v = List("The carrier flies the Avionix A990 on long routes, and Avionix builds it in Spain. "
                "Each A990 seats 300.");
  ASSERT_TRUE(Get(v, "Avionix A990"));
  EXPECT_EQ(Get(v, "Avionix A990")->type, "PRODUCT");
  EXPECT_EQ(Get(v, "Avionix A990")->parent, "Avionix");
  ASSERT_TRUE(Get(v, "Avionix"));
  EXPECT_EQ(Get(v, "Avionix")->type, "ORG");
  ASSERT_TRUE(Get(v, "A990"));
  EXPECT_EQ(Get(v, "A990")->canonical, "Avionix A990");
}

TEST(Entities, MakerAndModelNumberWordsAreOneProduct) {
  // A model number is its own token here; "Skyliner" after it belongs to the same product, and
  // a later bare "Skyliner" joins it. An amount after a name is no model.
  auto v = List("Pelican Aero said the Pelican 828 Skyliner is late. The Skyliner flew in May. "
                "Later, Pelican 500 million was mentioned by nobody.");
  ASSERT_TRUE(Get(v, "Pelican 828 Skyliner"));
  EXPECT_EQ(Get(v, "Pelican 828 Skyliner")->type, "PRODUCT");
  EXPECT_EQ(Get(v, "Pelican 828 Skyliner")->parent, "Pelican");
  ASSERT_TRUE(Get(v, "Skyliner"));
  EXPECT_EQ(Get(v, "Skyliner")->canonical, "Pelican 828 Skyliner");
}

TEST(Entities, LegalFormsOfOtherCountriesLeaveTheCanonicalNameAndShortFormsJoin) {
  // "ASA", "AG", "N.V." are legal forms like "Inc."; a later first word joins the full name.
  auto v = List("Fjellvik Shipping ASA agreed to buy Brennholt Logistik AG on Monday. Fjellvik will pay "
                "in cash, and Brennholt shareholders agreed.");
  ASSERT_TRUE(Get(v, "Fjellvik Shipping ASA"));
  EXPECT_EQ(Get(v, "Fjellvik Shipping ASA")->canonical, "Fjellvik Shipping");
  ASSERT_TRUE(Get(v, "Brennholt Logistik AG"));
  EXPECT_EQ(Get(v, "Brennholt Logistik AG")->canonical, "Brennholt Logistik");
  ASSERT_TRUE(Get(v, "Fjellvik"));
  EXPECT_EQ(Get(v, "Fjellvik")->canonical, "Fjellvik Shipping");
  ASSERT_TRUE(Get(v, "Brennholt"));
  EXPECT_EQ(Get(v, "Brennholt")->canonical, "Brennholt Logistik");
}

TEST(Entities, CamelCaseAndBusinessSubjectsAreOrganisationsAtSentenceStart) {
  // No list knows these; a capital inside the word, or a business sentence, makes them names.
  auto v = List("Markets were calm. QuillStream is weighing a bid for a rival. Trevanto agreed a $2 billion "
                "deal with its lenders. Yesterday was quiet.");
  ASSERT_TRUE(Get(v, "QuillStream"));
  EXPECT_EQ(Get(v, "QuillStream")->type, "ORG");
  ASSERT_TRUE(Get(v, "Trevanto"));
  EXPECT_EQ(Get(v, "Trevanto")->type, "ORG");
  EXPECT_FALSE(Get(v, "Markets"));
  EXPECT_FALSE(Get(v, "Yesterday"));
}

TEST(Entities, ProductsByContext) {
  // Names the lists do not know, used as things launched or as model families, are products.
  auto v = List("Since the launch of Verbalo in 2023, revenue at Nimbara has grown. Nimbara said its Verbalo "
                "models now serve banks.");
  ASSERT_TRUE(Get(v, "Verbalo"));
  EXPECT_EQ(Get(v, "Verbalo")->type, "PRODUCT");
  ASSERT_TRUE(Get(v, "Nimbara"));
  EXPECT_EQ(Get(v, "Nimbara")->type, "ORG");
}

TEST(Entities, ParticlesAndAppositionsAfterRolesMakePeople) {
  auto v = List("Trading was slow. Kestrel's chairman, Joost van Rijnhout, said the yards were full.");
  ASSERT_TRUE(Get(v, "Joost van Rijnhout"));
  EXPECT_EQ(Get(v, "Joost van Rijnhout")->type, "PERSON");
}

TEST(Entities, AnOrganisationThatActsStaysOneDespiteOneProductPhrase) {
  // Nimbara acts in three sentences; "future Nimbara models" does not make it a product.
  auto v = List("Shares of Nimbara rose. Investors in Nimbara cheered, and partners of Nimbara agreed. "
                "Buyers want future Nimbara models.");
  ASSERT_TRUE(Get(v, "Nimbara"));
  EXPECT_EQ(Get(v, "Nimbara")->type, "ORG");
}

std::vector<std::pair<std::string, std::string>> Nominals(const std::string& text) {
  EntityMentions em = ExtractFrom(text);
  std::vector<std::pair<std::string, std::string>> out;
  for (const EntityMention& m : em.mentions)
    if (m.nominal) out.push_back({text.substr(m.start, m.end - m.start), em.entities[m.entity].canonical});
  return out;
}

TEST(Entities, NominalsNameTheOrganisationTheyStandFor) {
  // The subject carries on into the next sentence; the place modifier is not the referent.
  auto n = Nominals("Fjellvik Shipping ASA reported higher profit on Tuesday. The Bergen-based group "
                    "also raised its dividend.");
  ASSERT_EQ(n.size(), 1u);
  EXPECT_EQ(n[0].first, "The Bergen-based group");
  EXPECT_EQ(n[0].second, "Fjellvik Shipping");
  // Apposition: the phrase beside a name is that name.
  n = Nominals("Pelican Aero will invest in Quorvia, the startup behind a translation tool, its chief said.");
  ASSERT_EQ(n.size(), 1u);
  EXPECT_EQ(n[0].second, "Quorvia");
  // Within one clause a name and a phrase for it do not meet: the startup is the other one.
  n = Nominals("Shares of Quorvia rose. Pelican Aero invested $5 million in the startup.");
  ASSERT_EQ(n.size(), 1u);
  EXPECT_EQ(n[0].second, "Quorvia");
  // Across a reporting verb they do.
  n = Nominals("Pelican Aero Group said the company would hire 200 engineers.");
  ASSERT_EQ(n.size(), 1u);
  EXPECT_EQ(n[0].second, "Pelican Aero");
}

TEST(Entities, NominalsThatMayMeanAnotherAreLeftAlone) {
  auto n = Nominals("Pelican Aero agreed to buy Quorvia. The other company declined to comment. The group of "
                    "investors was pleased, and the new firm will be based in Oslo.");
  EXPECT_TRUE(n.empty());
  n = Nominals("The company said nothing.");  // nothing named before it
  EXPECT_TRUE(n.empty());
}

TEST(Entities, BadInputIsHandledAndBounded) {
  // 10,000 capitalised words in a row, no sentence end, unbalanced quotes, a 1 MB quote: each is
  // scanned without a crash and yields at most one mention per byte. That the time is linear is
  // measured, not timed here: bench/extract/extract_stages_bench fits O(n) from 64 KB to 4 MB.
  std::string caps;
  for (int i = 0; i < 10000; ++i) caps += (i % 3 == 0 ? "Alpha " : i % 3 == 1 ? "Beta " : "Gamma ");
  std::string quote = "He said \"" + std::string(1 << 20, 'a') + " and more";
  std::string unbalanced;
  for (int i = 0; i < 20000; ++i) unbalanced += "\u201Cword \" said Jane Doe ";
  for (const std::string& s : {caps, quote, unbalanced}) {
    EntityMentions em = ExtractFrom(s);
    EXPECT_LE(em.mentions.size(), s.size());
  }
}

TEST(Entities, UnitsCurrenciesAndHolidaysAreNoOrganisations) {
  // Capitals that measure or date something name no organisation.
  auto v = List("The Kestrel tablet has 64 GB of storage and sells for 499 USD before Christmas.");
  EXPECT_EQ(Get(v, "GB"), nullptr);
  EXPECT_EQ(Get(v, "USD"), nullptr);
  EXPECT_EQ(Get(v, "Christmas"), nullptr);
}

TEST(Entities, NamesAnOrganisationOwnsOrCallsAVersionAreProducts) {
  // "Orvane's Pellucid" is owned by a company; "Tessaly, the newest version of ..." is called a
  // release: both are products, and Orvane stays an organisation.
  auto v = List("Orvane Corp. said its sales rose. Orvane's Pellucid sold well in May.\n"
                "Users praised Tessaly, the newest version of the Orvane operating system.\n"
                "Investors backed Quillon, the startup behind Marrowtalk, in a new round.");
  const Found* org = Get(v, "Orvane Corp.");
  const Found* own = Get(v, "Pellucid");
  const Found* ver = Get(v, "Tessaly");
  ASSERT_TRUE(org && own && ver);
  EXPECT_EQ(org->type, "ORG");
  EXPECT_EQ(own->type, "PRODUCT");
  EXPECT_EQ(ver->type, "PRODUCT");
  const Found* behind = Get(v, "Marrowtalk");
  ASSERT_TRUE(behind);
  EXPECT_EQ(behind->type, "PRODUCT");
}

TEST(Entities, APlaceNamedByItsBuildingIsAPlaceAndNoPerson) {
  // "Everett" is a given name, but a run ending in "Factory" or "Center" names a site.
  auto v = List("The jets are built at the Everett Factory. The launch was held at the Moscone Center.");
  const Found* f = Get(v, "Everett Factory");
  const Found* c = Get(v, "Moscone Center");
  ASSERT_TRUE(f && c);
  EXPECT_EQ(f->type, "LOC");
  EXPECT_EQ(c->type, "LOC");
}

TEST(Entities, AGivenNameBeforeAnAcronymIsNoPerson) {
  // "Dale" is a given name, but people's names hold no acronyms: "Dale XR Falcon" is a thing; the
  // possessive before it and the product noun after it make it a product.
  auto v = List("Orvane Corp. showed a preview of Orvane's forthcoming Dale XR Falcon operating system.");
  const Found* f = Get(v, "Dale XR Falcon");
  ASSERT_TRUE(f);
  EXPECT_EQ(f->type, "PRODUCT");
}

TEST(Entities, ModelSuffixesAndInnerCapitalsNameProducts) {
  // "Pro" ends a model's name; "eReader" (a lower-case initial, a capital inside) is a product of
  // its own and the place before it stays a place.
  auto v = List("Shoppers in the UK bought the Tessaly Pro. They also bought UK eReader books.");
  const Found* pro = Get(v, "Tessaly Pro");
  const Found* uk = Get(v, "UK", 1);
  const Found* reader = Get(v, "eReader");
  ASSERT_TRUE(pro && uk && reader);
  EXPECT_EQ(pro->type, "PRODUCT");
  EXPECT_EQ(uk->type, "LOC");
  EXPECT_EQ(reader->type, "PRODUCT");
}

TEST(Entities, ASentencesFirstNounBeforeOfIsNoPartOfTheName) {
  // "prices" is written in lower case too, so "Prices of" is no organisation's name; "Bank of"
  // opens one.
  auto v = List("Shoppers watched prices closely. Prices of Tessaly Pro models fell. Bank of Orvane said so.");
  const Found* pro = Get(v, "Tessaly Pro");
  const Found* bank = Get(v, "Bank of Orvane");
  ASSERT_TRUE(pro && bank);
  EXPECT_EQ(pro->type, "PRODUCT");
  EXPECT_EQ(bank->type, "ORG");
}

TEST(Entities, AUnitOfAnOrganisationHasItAsParent) {
  // "Orvane's QXR cloud division" and "its QXR unit" call QXR a unit of Orvane; a unit named in
  // another sentence after "its" gets no guessed parent.
  auto v = List("Orvane Corp. grew. Sales at Orvane's QXR cloud division rose.\n"
                "Orvane Corp. said its ZPQ unit would grow. Its TLV unit shrank.");
  const Found* qxr = Get(v, "QXR");
  const Found* zpq = Get(v, "ZPQ");
  const Found* tlv = Get(v, "TLV");
  ASSERT_TRUE(qxr && zpq && tlv);
  EXPECT_EQ(qxr->parent, "Orvane");
  EXPECT_EQ(zpq->parent, "Orvane");
  EXPECT_EQ(tlv->parent, "");
}

TEST(Entities, OpeningWordsAreCutUnlessTheyBeginAListedName) {
  // A quotation's first word opens a sentence too ("Today" is no part of a name), but "New" stays
  // where it begins a place the lists hold (New York is in the place list).
  auto v = List("Shares fell. New York officials met.\nHe said: \"Today Orvane will grow.\"");
  EXPECT_NE(Get(v, "New York"), nullptr);
  EXPECT_NE(Get(v, "Orvane"), nullptr);
  EXPECT_EQ(Get(v, "Today Orvane"), nullptr);
}

}  // namespace
}  // namespace corroborate
