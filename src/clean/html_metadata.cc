// Page metadata from meta tags, JSON-LD and visible elements (see html_metadata.h). Tested in
// html_extractor_test.cc.
#include "clean/html_metadata.h"

#include <cctype>

#include "clean/html_dom.h"
#include "clean/published_date.h"

namespace corroborate::html {

namespace {

// The first non-empty value seen for each source we care about.
struct Found {
  std::string og_title, twitter_title, title_tag, h1;
  std::string meta_author, article_author, itemprop_author, rel_author, byline;
  std::string article_published, itemprop_published, meta_date, time_datetime, dateline;
  int dateline_tries = 0;
  std::string og_site_name, application_name;
  std::string canonical, og_url;
};

void Keep(std::string& slot, std::string_view value) {
  if (slot.empty()) slot = Squash(value);
}

bool LooksLikeUrl(std::string_view s) {
  return s.find("://") != std::string_view::npos || s.rfind("www.", 0) == 0 ||
         (!s.empty() && s[0] == '/');
}

// Meta names pages use for the publication date besides the Open Graph/article ones.
bool IsDateMetaName(std::string_view k) {
  return k == "pubdate" || k == "publishdate" || k == "publish-date" || k == "publish_date" ||
         k == "date" || k == "dc.date" || k == "dc.date.issued" || k == "dcterms.created" ||
         k == "dcterms.date" || k == "sailthru.date" || k == "parsely-pub-date" ||
         k == "og:published_time" || k == "article.published" || k == "datepublished" ||
         k == "citation_publication_date" || k == "dc.date.created" || k == "original-publish-date";
}

void ReadMeta(const xmlNode* n, Found& f) {
  std::string_view key = Attr(n, "property");
  if (key.empty()) key = Attr(n, "name");
  if (key.empty()) key = Attr(n, "itemprop");
  const std::string_view content = Attr(n, "content");
  if (key.empty() || content.empty()) return;
  const std::string k = Lower(key);
  if (k == "og:title") Keep(f.og_title, content);
  else if (k == "twitter:title") Keep(f.twitter_title, content);
  else if (k == "author" || k == "dc.creator" || k == "parsely-author" || k == "sailthru.author" ||
           k == "byl") {
    if (!LooksLikeUrl(content)) Keep(f.meta_author, content);
  } else if (k == "article:author") {
    if (!LooksLikeUrl(content)) Keep(f.article_author, content);
  } else if (k == "article:published_time") Keep(f.article_published, content);
  else if (k == "datepublished") Keep(f.itemprop_published, content);
  else if (IsDateMetaName(k)) Keep(f.meta_date, content);
  else if (k == "og:site_name") Keep(f.og_site_name, content);
  else if (k == "application-name") Keep(f.application_name, content);
  else if (k == "og:url") Keep(f.og_url, content);
}

bool HasToken(std::string_view list, std::string_view token) {
  size_t i = 0;
  while (i < list.size()) {
    while (i < list.size() && list[i] == ' ') ++i;
    size_t j = i;
    while (j < list.size() && list[j] != ' ') ++j;
    if (j > i && Lower(list.substr(i, j - i)) == token) return true;
    i = j;
  }
  return false;
}

// "By Jane Doe" → "Jane Doe"; bylines longer than a few names are probably not one.
std::string CleanByline(std::string s) {
  for (std::string_view by : {"By ", "by ", "BY "}) {
    if (s.rfind(by, 0) == 0) s = s.substr(by.size());
  }
  return s.size() <= 100 ? s : std::string();
}

// A visible dateline: a block or span whose class or id names a date ("dateline", "post-date",
// "published", "timestamp"). Only read when no machine-readable date is on the page.
bool ContainsLowerAscii(std::string_view hay, std::string_view needle) {
  if (needle.size() > hay.size()) return false;
  for (size_t i = 0; i + needle.size() <= hay.size(); ++i) {
    size_t k = 0;
    while (k < needle.size() && std::tolower(static_cast<unsigned char>(hay[i + k])) == needle[k]) ++k;
    if (k == needle.size()) return true;
  }
  return false;
}

bool IsDatelineElement(const xmlNode* n, Tag t) {
  if (t != Tag::kDiv && t != Tag::kSpan && t != Tag::kP && t != Tag::kOther && t != Tag::kTime) return false;
  for (std::string_view attr : {Attr(n, "class"), Attr(n, "id")}) {
    for (std::string_view w : {"date", "published", "timestamp", "posted"}) {
      if (ContainsLowerAscii(attr, w)) return true;
    }
  }
  return false;
}

// Datelines are near the top of a page; a few tries bound the work on pages that use "date" in
// the class of large containers.
constexpr int kMaxDatelineTries = 8;

void ReadElement(const xmlNode* n, Tag t, Found& f, JsonLdArticle& ld) {
  switch (t) {
    case Tag::kMeta: ReadMeta(n, f); return;
    case Tag::kLink: {
      const std::string_view rel = Attr(n, "rel");
      if (HasToken(rel, "canonical")) Keep(f.canonical, Attr(n, "href"));
      return;
    }
    case Tag::kTitle: Keep(f.title_tag, TextOf(n)); return;
    case Tag::kH1: Keep(f.h1, TextOf(n)); return;
    case Tag::kScript:
      if (Lower(Attr(n, "type")) == "application/ld+json") ReadJsonLd(TextOf(n), ld);
      return;
    case Tag::kTime: {
      const std::string_view dt = Attr(n, "datetime");
      if (Attr(n, "itemprop") == "datePublished") Keep(f.itemprop_published, dt);
      Keep(f.time_datetime, dt);
      return;
    }
    default: break;
  }
  const std::string_view itemprop = Attr(n, "itemprop");
  if (itemprop == "author" && f.itemprop_author.empty()) {
    // The name may sit in a nested itemprop="name" or in the element's own text.
    std::string name = Squash(TextOf(n));
    if (name.empty()) name = Squash(Attr(n, "content"));
    f.itemprop_author = CleanByline(name);
  } else if (itemprop == "datePublished") {
    std::string_view v = Attr(n, "content");
    if (v.empty()) v = Attr(n, "datetime");
    Keep(f.itemprop_published, v);
  }
  if (f.dateline.empty() && f.dateline_tries < kMaxDatelineTries && IsDatelineElement(n, t)) {
    ++f.dateline_tries;
    f.dateline = FindDateInLine(Squash(TextOf(n)));
  }
  if (t == Tag::kA && HasToken(Attr(n, "rel"), "author") && f.rel_author.empty()) {
    f.rel_author = CleanByline(Squash(TextOf(n)));
  }
}

const std::string& FirstOf(std::initializer_list<const std::string*> options) {
  static const std::string kEmpty;
  for (const std::string* s : options) {
    if (!s->empty()) return *s;
  }
  return kEmpty;
}

}  // namespace

std::string StripSiteSuffix(std::string title, std::string_view outlet) {
  for (std::string_view sep : {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " :: ", " \xC2\xBB "}) {
    const size_t at = title.rfind(sep);
    if (at == std::string::npos || at == 0) continue;
    const std::string_view tail = std::string_view(title).substr(at + sep.size());
    size_t words = 1;
    for (char c : tail) words += c == ' ';
    const bool is_outlet = !outlet.empty() && Lower(tail) == Lower(outlet);
    size_t head_words = 1;
    for (size_t i = 0; i < at; ++i) head_words += title[i] == ' ';
    if (is_outlet || (words <= 4 && head_words >= 3)) {
      title.resize(at);
      return title;
    }
  }
  return title;
}

HtmlMetadata ReadMetadata(const ParsedHtml& page, JsonLdArticle& ld) {
  Found f;
  for (const xmlNode* n : page.nodes) {
    if (IsElement(n)) ReadElement(n, TagOf(n), f, ld);
  }
  std::string ld_headline = Squash(ld.headline), ld_author = Squash(ld.author);
  std::string ld_published = Squash(ld.published), ld_publisher = Squash(ld.publisher);

  HtmlMetadata m;
  m.outlet = FirstOf({&f.og_site_name, &ld_publisher, &f.application_name});
  m.url = FirstOf({&f.canonical, &f.og_url});
  m.author = FirstOf({&f.meta_author, &ld_author, &f.article_author, &f.itemprop_author,
                      &f.rel_author});
  m.published = FirstOf({&f.article_published, &ld_published, &f.itemprop_published,
                         &f.meta_date, &f.time_datetime, &f.dateline});
  // Open Graph titles are what the publisher wants shown for the article; JSON-LD headlines and
  // the page's h1 come next; the <title> element most often carries the site's name.
  m.title = StripSiteSuffix(FirstOf({&f.og_title, &ld_headline, &f.twitter_title, &f.h1,
                                     &f.title_tag}),
                            m.outlet);
  return m;
}

}  // namespace corroborate::html
