// Placeholder until the real extractor lands: keeps the page's visible text.
#include "clean/html_extractor.h"

namespace corroborate {

Result<HtmlExtraction> ExtractHtml(std::string_view html, const HtmlLimits& limits) {
  if (html.size() > limits.max_bytes) return LimitExceeded("page over size limit");
  HtmlExtraction out;
  out.text.AppendInline(html, 0);
  return out;
}

}  // namespace corroborate
