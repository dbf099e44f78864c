// Quotes and their speakers (see entities_scan.h). Tested in quotes_test.cc.
#include "extract/entities_scan.h"

namespace corroborate::extract {

void FindQuotes(const Article& article, const EntityScan& scan, EntityMentions& out) {}

}  // namespace corroborate::extract
