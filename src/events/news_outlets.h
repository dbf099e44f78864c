// News organisations named one way (data/news_outlets.tsv, news_outlet_aliases.tsv): "WSJ", "Wall
// Street Journal" and "www.wsj.com" are all "The Wall Street Journal". Used for cited origins and for
// an article's own outlet. Tested in events_test.cc.
//
//   std::string_view name = NewsOutletName("Bloomberg News");   // "Bloomberg"; "" when unknown
//   std::string_view own = NewsOutletName("https://www.reuters.com/markets");  // "Reuters"
#pragma once

#include <string_view>

namespace corroborate {

// The canonical name of the news organisation `name` names (a name or alias, with or without a
// leading "the", in any case; or a web domain or address), "" when it names none.
std::string_view NewsOutletName(std::string_view name);

}  // namespace corroborate
