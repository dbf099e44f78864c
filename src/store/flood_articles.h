// Short articles written here about an invented flood, which make the clusterer merge two stories,
// move an article and link a later development into the storyline. Used by storyline_store_test.cc
// and cluster_state_store_test.cc.
#pragma once

#include <string>

namespace corroborate::store::testing_util {

inline std::string JsonArticle(const std::string& id, const std::string& outlet, const std::string& published,
                    const std::string& title, const std::string& text) {
  return R"({"id":")" + id + R"(","outlet":")" + outlet + R"(","published":")" + published + R"(","title":")" + title +
         R"(","text":")" + text + "\"}\n";
}

// One development told three ways, published 28 days apart at the ends: the second cannot join the
// first's story (beyond its 14-day window) and opens one; the third, between them, reaches both.
inline const std::string kFloodA = JsonArticle(
    "m-a", "Ansel Courier", "2024-05-02", "River Ansel floods Pellworth",
    "The River Ansel broke through the Pellworth levee on 1 May 2024 and flooded 260 homes, the Dunmere County fire "
    "service said.\\nFire chief Halvard Ostrem said crews lifted 31 people from upper windows on Ferry Lane and Tanner "
    "Row. Families were taken to Pellworth Abbey hall.\\nDunmere County asked the Ministry of Works for 3.5 million "
    "crowns to rebuild the levee.");
inline const std::string kFloodB = JsonArticle(
    "m-b", "Valley Weekly", "2024-05-30", "How the Ansel flood swamped Pellworth",
    "On 1 May 2024 the Pellworth levee gave way to the River Ansel, and water entered 260 homes, according to the "
    "Dunmere County fire service.\\nAlong Tanner Row and Ferry Lane, 31 people were rescued from upper windows by "
    "crews led by fire chief Halvard Ostrem. Pellworth Abbey hall took in the families.\\nThe Ministry of Works has "
    "been asked by Dunmere County for 3.5 million crowns to rebuild the levee.");
inline const std::string kFloodBridge = JsonArticle(
    "m-bridge", "Northern Ledger", "2024-05-16", "Pellworth still drying out after Ansel flood",
    "Two weeks after the River Ansel burst the Pellworth levee on 1 May 2024, 260 homes remain empty, the Dunmere "
    "County fire service said.\\nHalvard Ostrem, the fire chief, recalled that 31 people had to be lifted from "
    "windows on Ferry Lane and Tanner Row, and that Pellworth Abbey hall still shelters families.\\nDunmere County "
    "is waiting for the Ministry of Works to grant 3.5 million crowns for the levee.");

// A report of the flood; a school's shelter that mentions it only in passing (too little in common
// to join it); and a report of both, after which the school article fits the flood story better.
inline const std::string kShelterFlood = JsonArticle(
    "v-t", "Ansel Courier", "2024-05-02", "River Ansel floods Pellworth",
    "The River Ansel broke through the Pellworth levee on 1 May 2024 and flooded 260 homes, the Dunmere County fire "
    "service said.\\nFire chief Halvard Ostrem said crews lifted 31 people from upper windows on Ferry Lane and Tanner "
    "Row.\\nDunmere County asked the Ministry of Works for 3.5 million crowns to rebuild the levee.");
inline const std::string kShelterSchool = JsonArticle(
    "v-x", "School Gazette", "2024-05-02", "Pellworth Abbey School opens its hall to families",
    "Headteacher Margit Solberg opened the hall of Pellworth Abbey School to 40 families on Wednesday night, with camp "
    "beds lent by the Rowan Scouts and blankets from the Solberg bakery.\\nVolunteers from the parish served soup "
    "until midnight. Solberg said lessons would move to the chapel until the families found new rooms.\\nThe Rowan "
    "Scouts said more camp beds would arrive from Lendal.");
inline const std::string kShelterBoth = JsonArticle(
    "v-y", "Northern Ledger", "2024-05-02",
    "Ansel flood: 260 homes under water, families sleep in Pellworth Abbey School hall",
    "The River Ansel burst the Pellworth levee on 1 May 2024, flooding 260 homes, the Dunmere County fire service "
    "said; fire chief Halvard Ostrem said 31 people were lifted from windows on Ferry Lane and Tanner Row.\\n"
    "Headteacher Margit Solberg opened the hall of Pellworth Abbey School to 40 families, with camp beds from the "
    "Rowan Scouts, blankets from the Solberg bakery and soup from parish volunteers.\\nLessons will move to the chapel, "
    "Solberg said, and more camp beds are coming from Lendal. Dunmere County asked the Ministry of Works for 3.5 "
    "million crowns for the levee.");

// Seven weeks after the flood: the levee's rebuilding, another development of the same affair.
inline const std::string kLeveeRebuilt = JsonArticle(
    "m-levee", "Ansel Courier", "2024-06-20", "Work starts on new Pellworth levee",
    "Builders began on 19 June 2024 to replace the Pellworth levee that the River Ansel broke through in May, after "
    "the Ministry of Works granted Dunmere County 3.5 million crowns.\\nFire chief Halvard Ostrem said the new "
    "levee along Ferry Lane and Tanner Row would be a metre higher. The work should end before the autumn rains.");

}  // namespace corroborate::store::testing_util
