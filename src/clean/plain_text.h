// Cleaning of scraped plain text: drops debris lines (share and comment widgets, photo credits,
// image-file remnants, a repeated headline) and reads the metadata such text carries (a leading
// date field, a "By NAME | ROLE" byline, a headline line). Tested in plain_text_test.cc.
#pragma once

#include <string>
#include <string_view>

#include "text/text_builder.h"

namespace corroborate {

struct PlainTextResult {
  TextBuilder text;
  std::string title;
  std::string author;
  std::string author_role;
  std::string published;  // as found, e.g. "2026-01-30"
};

PlainTextResult CleanPlainText(std::string_view raw);

}  // namespace corroborate
