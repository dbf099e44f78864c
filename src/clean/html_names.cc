// Class/id vocabulary for page chrome and content (see html_names.h). Tested through
// html_extractor_test.cc.
#include "clean/html_names.h"

#include <array>

namespace corroborate::html {

namespace {

// Word parts that mark chrome wherever they occur inside a token ("sharebar", "post-comments").
constexpr std::array<std::string_view, 43> kChromeParts = {
    "comment", "share", "sharing", "social", "related", "newsletter", "subscri", "cookie",
    "consent", "gdpr", "sidebar", "breadcrumb", "footer", "navbar", "navigation", "promo",
    "advert", "sponsor", "popup", "recommend", "disqus", "outbrain", "taboola", "signup",
    "pagination", "caption", "byline", "masthead", "skiplink", "toolbar", "readmore",
    "morestories", "trending", "mostpopular", "mostread", "tagcloud", "authorbio", "copyright",
    "banner", "timestamp", "dateline", "newsfeed", "rightrail",
};

// Whole tokens that mark chrome ("ad-slot" → "ad"); too short or too common to match inside words.
constexpr std::array<std::string_view, 34> kChromeTokens = {
    "nav", "menu", "ad", "ads", "adv", "adslot", "advertisement", "header", "masthead", "meta",
    "tags", "keywords", "author", "authors", "modal", "overlay", "lightbox", "tooltip",
    "credit", "credits", "date", "pubdate", "published", "rail", "follow", "login",
    "print", "skip", "topics", "more", "extra", "teaser", "teasers", "feedback",
};

// Tokens that mark content (readability's positive class words).
constexpr std::array<std::string_view, 13> kContentTokens = {
    "article", "content", "body", "entry", "hentry", "main", "post", "story", "text", "blog",
    "articlebody", "storybody", "prose",
};

bool IsAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
}

char LowerAscii(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// Token negation words: "has-sidebar", "no-comments", "with-share" describe a neighbour.
bool IsNegator(std::string_view t) {
  return t == "has" || t == "with" || t == "no" || t == "without" || t == "show";
}

void ReadTokens(std::string_view s, NameSignal& out, bool& chrome_seen, bool& content_seen) {
  char buf[64];
  std::string_view prev;
  char prev_buf[64];
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && !IsAlnum(s[i])) ++i;
    size_t n = 0;
    while (i < s.size() && IsAlnum(s[i])) {
      if (n < sizeof(buf)) buf[n++] = LowerAscii(s[i]);
      ++i;
    }
    if (n == 0) break;
    std::string_view tok(buf, n);
    const bool negated = IsNegator(prev);
    if (!negated) {
      bool chrome = false;
      for (std::string_view w : kChromeTokens) chrome = chrome || tok == w;
      if (!chrome && tok.find("commentary") == std::string_view::npos) {
        for (std::string_view p : kChromeParts) {
          if (tok.find(p) != std::string_view::npos) {
            chrome = true;
            break;
          }
        }
      }
      if (chrome) chrome_seen = true;
      for (std::string_view w : kContentTokens) content_seen = content_seen || tok == w;
    }
    std::copy(buf, buf + n, prev_buf);
    prev = std::string_view(prev_buf, n);
  }
}

}  // namespace

NameSignal ReadNames(std::string_view class_attr, std::string_view id_attr) {
  NameSignal out;
  bool chrome = false, content = false;
  ReadTokens(class_attr, out, chrome, content);
  ReadTokens(id_attr, out, chrome, content);
  out.chrome = chrome;
  out.weight = (content ? 25 : 0) - (chrome ? 25 : 0);
  return out;
}

}  // namespace corroborate::html
