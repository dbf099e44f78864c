// The clean stage's entry point (see cleaner.h): dispatch on content kind, merge metadata,
// normalise to NFC, and find paragraphs and sentences. Tested in cleaner_test.cc.
#include "clean/cleaner.h"

#include "clean/plain_text.h"
#include "clean/published_date.h"
#include "text/normalize.h"
#include "text/segment.h"

namespace corroborate {

namespace {

// Metadata the container states (a JSON Lines field, a feed element) is what the publisher said
// about the article; what we read from the page only fills the gaps.
void Fill(std::string& field, std::string found) {
  if (field.empty()) field = std::move(found);
}

}  // namespace

Result<Article> CleanDocument(RawDocument doc, const CleanOptions& options) {
  Article a;
  a.id = std::move(doc.id);
  a.source = std::move(doc.source);
  a.url = std::move(doc.url);
  a.title = std::move(doc.title);
  a.author = std::move(doc.author);
  a.outlet = std::move(doc.outlet);
  a.published = std::move(doc.published);

  TextBuilder::Output text;
  if (doc.kind == ContentKind::kHtml) {
    auto extracted = ExtractHtml(doc.body, options.html);
    if (!extracted.ok()) return extracted.status();
    HtmlMetadata& m = extracted->metadata;
    Fill(a.title, std::move(m.title));
    Fill(a.author, std::move(m.author));
    Fill(a.outlet, std::move(m.outlet));
    Fill(a.published, std::move(m.published));
    Fill(a.url, std::move(m.url));
    text = std::move(extracted->text).Finish();
  } else {
    PlainTextResult plain = CleanPlainText(doc.body);
    Fill(a.title, std::move(plain.title));
    Fill(a.author, std::move(plain.author));
    a.author_role = std::move(plain.author_role);
    Fill(a.published, std::move(plain.published));
    text = std::move(plain.text).Finish();
  }

  std::string().swap(doc.body);  // the raw input is done with: not held while the text is finished
  a.published = NormalizePublishedDate(a.published);
  NormalizedText nfc = NormalizeNfc(std::move(text.text));
  a.text = std::move(nfc.text);
  // Built by appending, the text may have up to twice its size in capacity, and every later stage
  // (and analyze, for every article of the run) holds it: trimmed once here.
  a.text.shrink_to_fit();
  a.raw_map = std::move(text.map);
  if (!nfc.map.empty()) a.raw_map.ComposeWith(nfc.map);
  a.paragraphs = FindParagraphs(a.text);
  a.sentences = FindSentences(a.text, a.paragraphs);
  return a;
}

}  // namespace corroborate
