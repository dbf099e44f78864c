// Scraped plain-text cleaning (see plain_text.h). Tested in plain_text_test.cc.
#include "clean/plain_text.h"

namespace corroborate {

PlainTextResult CleanPlainText(std::string_view raw) {
  PlainTextResult r;
  size_t pos = 0;
  while (pos <= raw.size()) {
    size_t end = raw.find('\n', pos);
    if (end == std::string_view::npos) end = raw.size();
    r.text.AppendInline(raw.substr(pos, end - pos), pos);
    r.text.LineBreak();
    pos = end + 1;
  }
  return r;
}

}  // namespace corroborate
