// Finds an HTML page's main text and writes it to a TextBuilder, one block per heading,
// paragraph, list item, quote or table row. Used by html_extractor.cc; tested in
// html_extractor_test.cc and by eval/score_article_extraction.py.
//
// How: every node gets statistics in linear passes over the parse order (children come after
// their parents, so a backwards pass sees a node after all its descendants; no recursion):
//  1. chrome is marked: scripts, forms' controls, hidden elements, <nav>/<aside>/<footer>/<header>/
//     <figure>, ARIA landmark roles, and elements whose class/id words say chrome (html_names.h);
//     an element that holds the <article>/<main>/articleBody is never dropped as chrome;
//  2. text, link text, commas, paragraphs, items, images and form inputs are summed bottom-up;
//  3. every paragraph-like element (p, pre, td, or a div with no block children) of 25+ bytes
//     gives points (1 + commas + length/100, capped) to five ancestors, fading with distance;
//     an ancestor's total is scaled by its share of non-link text;
//  4. the best-scoring container is widened to an ancestor that scores higher or whose only child
//     it is, and joined by siblings that score well or read as prose;
//  5. the chosen subtrees are written out, skipping chrome, h1s (the headline is metadata) and
//     containers that look like link lists, image strips or widgets (few commas, high link density).
#pragma once

#include "clean/html_parse.h"
#include "text/text_builder.h"

namespace corroborate::html {

struct ContentOptions {
  // Drop elements whose class/id words say chrome; the extractor retries without when the result
  // is suspiciously short (a page that names its article wrapper "has-sidebar", say).
  bool drop_named_chrome = true;
};

void ExtractMainText(const ParsedHtml& page, const ContentOptions& options, TextBuilder& out);

}  // namespace corroborate::html
