// Reads what a page's class and id attributes say about an element: page chrome (comments, share
// bars, related links, navigation, newsletter boxes, ads...) or article content. General web
// conventions only, matched on lower-cased word tokens without regular expressions. Used by
// html_content.cc; tested in html_extractor_test.cc.
#pragma once

#include <string_view>

namespace corroborate::html {

struct NameSignal {
  bool chrome = false;  // the names say this is page chrome: drop it with everything inside
  int weight = 0;       // readability-style class weight: +25 content-like, -25 chrome-like
};

NameSignal ReadNames(std::string_view class_attr, std::string_view id_attr);

}  // namespace corroborate::html
