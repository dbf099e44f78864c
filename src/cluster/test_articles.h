// Small invented articles for the cluster stage's unit tests (our own words): two floods of the same
// kind in two invented towns on different dates, a differently worded report of the first, a reprint
// of it with small edits, a later development of the first flood, another affair in the same town,
// and two unrelated affairs of one company. Used by *_test.cc in this folder.
#pragma once

#include <string>

#include "clean/article.h"
#include "clean/cleaner.h"
#include "cluster/features.h"
#include "extract/extract.h"
#include "ingest/document.h"

namespace corroborate::cluster::testing {

inline Article MakeArticle(const std::string& id, const std::string& text, const std::string& published = "") {
  RawDocument d;
  d.id = id;
  d.source = id;
  d.kind = ContentKind::kText;
  d.body = text;
  d.published = published;
  Result<Article> a = CleanDocument(std::move(d), CleanOptions{});
  return a.ok() ? a.take() : Article{};
}

inline ArticleFeatures Features(const std::string& id, const std::string& text, const std::string& published = "") {
  Article a = MakeArticle(id, text, published);
  return ExtractFeatures(a, ExtractMentions(a));
}

// The Marrowby flood, 12 March 2024, as one outlet wrote it.
inline const char* kMarrowbyA =
    "River Tolland bursts its banks in Marrowby\n\n"
    "The River Tolland burst its banks in Marrowby on 12 March 2024, flooding more than 340 homes after "
    "three days of heavy rain, the Harlow County fire service said.\n\n"
    "Fire chief Odile Brennan said crews had rescued 27 people from the upper floors of houses on Quay "
    "Street and Mill Lane. A temporary shelter has opened at Marrowby Grammar School.\n\n"
    "Residents said the water rose faster than during the last great flood in the town, and the Harlow "
    "County council has asked for emergency funds to repair the Tolland embankment.";

// The same flood, the same day, in other words.
inline const char* kMarrowbyB =
    "Hundreds of homes under water as Tolland floods Marrowby\n\n"
    "Emergency crews in Marrowby pulled 27 residents from flooded houses on 12 March 2024 when the "
    "Tolland overtopped its embankment, according to Odile Brennan, who leads the Harlow County fire "
    "service.\n\n"
    "About 340 properties were flooded, most of them near Quay Street. Families who left their homes are "
    "sleeping at Marrowby Grammar School, which the council turned into a shelter overnight.\n\n"
    "Brennan warned that more rain was expected and that the embankment would need urgent repairs.";

// A reprint of kMarrowbyA by another outlet: a new headline word, one sentence trimmed, one word changed.
inline const char* kMarrowbyReprint =
    "River Tolland bursts its banks in Marrowby\n\n"
    "The River Tolland burst its banks in Marrowby on 12 March 2024, flooding more than 340 homes after "
    "three days of heavy rain, the Harlow County fire service said.\n\n"
    "Fire chief Odile Brennan said crews had rescued 27 people from the upper floors of houses on Quay "
    "Street and Mill Lane. A temporary shelter has opened at Marrowby Grammar School.\n\n"
    "Residents said the water rose quicker than during the last great flood in the town, and the Harlow "
    "County council has asked for emergency funds.";

// Another flood of the same kind: another river, town, county, date and people.
inline const char* kKettleford =
    "Flooding forces evacuation of Kettleford\n\n"
    "The River Amsel burst its banks in Kettleford on 3 November 2023, flooding about 120 homes after a "
    "night of heavy rain, the Wendle Valley fire service said.\n\n"
    "Station manager Piotr Salas said crews had rescued 9 people from houses on Bridge Row. A shelter has "
    "opened at the Kettleford leisure centre.\n\n"
    "Residents said the water rose within an hour, and the Wendle Valley council has asked for emergency "
    "funds to repair the Amsel flood wall.";

// An unrelated business story.
inline const char* kBakery =
    "Grellin Bakeries to open 40 shops in the north\n\n"
    "Grellin Bakeries plans to open 40 new shops across the north of the country next year, chief "
    "executive Marta Voss said on Monday, creating about 600 jobs.\n\n"
    "The family-owned chain, which sells bread and pastries from 210 shops, said sales rose 8% in its last "
    "financial year. Voss said the new shops would be smaller than existing ones and open earlier.";

// Four weeks after the Marrowby flood: the repair of the embankment, a development of the same
// affair (the same river, town, county and people, other facts and days).
inline const char* kMarrowbyRepairs =
    "Harlow County approves repairs to the Tolland embankment after Marrowby flood\n\n"
    "Harlow County council voted on 9 April 2024 to spend 4.2 million pounds rebuilding the Tolland "
    "embankment that gave way in Marrowby, flooding hundreds of homes last month.\n\n"
    "Odile Brennan, the county fire chief, told councillors that the breach near Quay Street had been "
    "patched with sandbags but would not survive another winter of high water.\n\n"
    "Contractors are to start work in May. Families from Marrowby who lost their homes to the flood "
    "will be offered grants for repairs, the council said.";

// Another affair in the same town the same month: only the place is shared.
inline const char* kMarrowbyMarket =
    "Marrowby market wins regional food award\n\n"
    "The Saturday farmers' market in Marrowby was named the best in the region by the Westfold Food "
    "Guild on 20 March 2024, beating 31 other markets.\n\n"
    "Organiser Jonas Pell said the prize would pay for new stalls and a cheese tent. Visitor numbers "
    "have doubled since the market moved to the old cattle yard, he said.";

// Grellin Bakeries again, a week after kBakery: a recall, an affair unrelated to the new shops.
inline const char* kBakeryRecall =
    "Grellin Bakeries recalls seeded loaves over metal fragments\n\n"
    "Grellin Bakeries is recalling about 12,000 seeded loaves after customers found small metal "
    "fragments in bread bought at its shops, the Food Standards Office said on Thursday.\n\n"
    "A faulty slicing blade at the company's Dunmore plant was to blame, a spokesman said. Shoppers "
    "should return the loaves for a refund; no injuries have been reported.";

}  // namespace corroborate::cluster::testing
