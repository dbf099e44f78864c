// HTML main-text and metadata extraction (see html_extractor.h): parse under limits
// (html_parse.h), read metadata (html_metadata.h), pick and write the main text
// (html_content.h). Tested in html_extractor_test.cc and by eval/score_article_extraction.py.
#include "clean/html_extractor.h"

#include "clean/html_content.h"
#include "clean/html_metadata.h"
#include "clean/html_parse.h"

namespace corroborate {

namespace {

// Below this many bytes the chosen text is suspect: the page's own class names may have hidden
// the article (a wrapper called "has-sidebar-layout"), so a second pass ignores them.
constexpr size_t kShortText = 500;

}  // namespace

Result<HtmlExtraction> ExtractHtml(std::string_view html, const HtmlLimits& limits) {
  Result<ParsedHtml> parsed = ParseHtml(html, limits);
  if (!parsed.ok()) return parsed.status();
  const ParsedHtml& page = *parsed;

  HtmlExtraction out;
  html::JsonLdArticle ld;
  out.metadata = html::ReadMetadata(page, ld);

  html::ExtractMainText(page, html::ContentOptions{}, out.text);
  if (out.text.text().size() < kShortText) {
    TextBuilder retry;
    html::ContentOptions lenient;
    lenient.drop_named_chrome = false;
    html::ExtractMainText(page, lenient, retry);
    if (retry.text().size() > 2 * out.text.text().size()) out.text = std::move(retry);
  }
  // A publisher's own articleBody beats a guess that found much less.
  if (ld.body.size() > 2 * out.text.text().size() && ld.body.size() >= kShortText) {
    TextBuilder from_ld;
    from_ld.AppendInline(ld.body, 0);
    out.text = std::move(from_ld);
  }
  return out;
}

}  // namespace corroborate
