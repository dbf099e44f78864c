// Tests for the title, lead, body and debris weights of cluster features (zones.h).
#include "cluster/zones.h"

#include <gtest/gtest.h>

#include <string>

namespace corroborate::cluster {
namespace {

uint32_t At(const std::string& text, const std::string& piece) { return uint32_t(text.find(piece)); }

TEST(Zones, TitleLeadBodyAndFarBody) {
  std::string text = "Tolland floods Marrowby\nThe River Tolland burst its banks on Tuesday.\n";
  const std::string filler = "Residents waited for the water to fall while the council counted the cost. ";
  while (text.size() < 5000) text += filler;
  text += "\nThe embankment was last repaired in the nineties.";
  const TextZones z = FindZones(text, uint32_t(std::string("Tolland floods Marrowby").size()));
  EXPECT_EQ(z.WeightAt(At(text, "floods")), kTitleWeight);
  EXPECT_EQ(z.WeightAt(At(text, "burst")), kLeadWeight);           // within the first 400 body bytes
  EXPECT_EQ(z.WeightAt(uint32_t(text.size() / 2)), kBodyWeight);     // about 2,500 bytes in
  EXPECT_EQ(z.WeightAt(At(text, "nineties")), kFarWeight);          // past 4,000 body bytes
  EXPECT_EQ(z.WeightAt(At(text, "\nThe River")), 0.0f);            // a line break is no word
  EXPECT_EQ(z.debris_lines, 0u);
}

TEST(Zones, ShortFirstLineWithoutATitleIsTheHeadline) {
  const std::string text = "Grellin Bakeries to open 40 shops\nThe chain said on Monday it would hire 600 people.";
  EXPECT_EQ(FindZones(text, 0).WeightAt(At(text, "Bakeries")), kTitleWeight);
  // A first line that ends like a sentence is the lead, not a headline.
  const std::string prose = "The chain said on Monday it would open 40 shops.\nIt employs 2,000 people.";
  EXPECT_EQ(FindZones(prose, 0).WeightAt(At(prose, "chain")), kLeadWeight);
}

TEST(Zones, MenusAndCategoryListsAreDebris) {
  EXPECT_TRUE(IsMenuLine("Home World Business Markets Sport"));
  EXPECT_TRUE(IsMenuLine("SUBSCRIBE TO OUR DAILY NEWSLETTER TODAY"));
  EXPECT_TRUE(IsMenuLine("Agriculture Art Books Budget Business Culture Current Events Defence Economy Editorials "
                         "Education Energy Environment Essays Ethics and Law Geography"));
  // Prose, a sentence, a short subhead and a list of people joined by "and" are not.
  EXPECT_FALSE(IsMenuLine("Fire chief Odile Brennan said crews had rescued 27 people."));
  EXPECT_FALSE(IsMenuLine("Marta Voss, Piotr Salas and Odile Brennan"));
  EXPECT_FALSE(IsMenuLine("Quarterly Results"));
  EXPECT_FALSE(IsMenuLine("Shares Rose Sharply On Tuesday."));

  const std::string text = "Grellin Bakeries to open 40 shops\nHome World Business Markets Sport\n"
                           "Grellin Bakeries plans to open 40 new shops next year.";
  const TextZones z = FindZones(text, 0);
  EXPECT_EQ(z.WeightAt(At(text, "Markets")), 0.0f);
  EXPECT_EQ(z.WeightAt(At(text, "plans")), kLeadWeight);  // debris does not use up the lead
  EXPECT_EQ(z.debris_lines, 1u);
}

TEST(Zones, RepeatedGalleryCaptionsAfterTheFirstAreDebris) {
  std::string text = "Couple split after four years\n";
  const char* captions[] = {"Photos: Famous couples who parted Odile and Piotr announced their split in March.",
                            "Photos: Famous couples who parted Marta and Jonas divorced after ten years.",
                            "Photos: Famous couples who parted Ines and Tomas ended their engagement.",
                            "Photos: Famous couples who parted Lea and Hugo separated quietly."};
  for (const char* c : captions) text += std::string(c) + "\n";
  const TextZones z = FindZones(text, 0);
  EXPECT_GT(z.WeightAt(At(text, "Odile")), 0.0f);  // the first caption is the article's own
  EXPECT_EQ(z.WeightAt(At(text, "Marta")), 0.0f);
  EXPECT_EQ(z.WeightAt(At(text, "Hugo")), 0.0f);
  EXPECT_EQ(z.debris_lines, 3u);
}

}  // namespace
}  // namespace corroborate::cluster
