// Tests for the HTML extractor (html_extractor.h and the html_* files behind it) on small pages
// written for these tests.
#include "clean/html_extractor.h"

#include <gtest/gtest.h>

#include <string>

#include "core/utf8.h"

namespace corroborate {
namespace {

std::string TextOf(std::string_view html) {
  Result<HtmlExtraction> r = ExtractHtml(html, HtmlLimits{});
  EXPECT_TRUE(r.ok()) << r.status().message();
  if (!r.ok()) return "";
  return std::move(r->text).Finish().text;
}

constexpr char kBridgePage[] = R"(<!DOCTYPE html>
<html><head><title>Harbour bridge reopens | The Daily Example</title>
<meta property="og:site_name" content="The Daily Example">
<meta name="author" content="Jane Roe">
<meta property="article:published_time" content="2024-03-05T09:30:00Z">
<link rel="canonical" href="https://example.org/news/bridge">
<script>var tracking = "should never show";</script>
<style>p { color: red }</style>
</head><body>
<header><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav></header>
<div class="share-bar"><a href="#">Share this story on social media</a></div>
<article>
<h1>Harbour bridge reopens after repairs</h1>
<p>The harbour bridge reopened on Tuesday morning, after six months of repairs, to the relief of commuters.</p>
<h2>What changed</h2>
<p>Engineers replaced the deck, the railings and the lighting, and they added a wider cycle lane.</p>
<ul><li>New deck surface</li><li>Brighter lights</li></ul>
<blockquote>It feels like a new bridge, said one cyclist, smiling.</blockquote>
<table><tr><td>Cost</td><td>12 million</td></tr><tr><td>Duration</td><td>six months</td></tr></table>
<div style="display:none">Hidden promotional text that readers never see.</div>
<p>The council said, in a statement, that tolls would not rise this year.</p>
</article>
<aside><ul><li><a href="/a">Other story one</a></li><li><a href="/b">Other story two</a></li></ul></aside>
<div class="newsletter-signup"><p>Get our newsletter every morning, free of charge, right here.</p></div>
<div id="comments"><p>Reader comment: I love this bridge, it is great, truly, honestly.</p></div>
<footer><p>Copyright The Daily Example, all rights reserved, since forever.</p></footer>
</body></html>)";

TEST(HtmlExtractor, KeepsArticleBlocksAndDropsChrome) {
  // The h1 is the headline (metadata), each heading, paragraph, list item, quote and table row is
  // a block; nav, share bar, aside, newsletter box, comments, footer, script, style and the hidden
  // div are chrome.
  EXPECT_EQ(TextOf(kBridgePage),
            "The harbour bridge reopened on Tuesday morning, after six months of repairs, to the "
            "relief of commuters.\n\n"
            "What changed\n\n"
            "Engineers replaced the deck, the railings and the lighting, and they added a wider "
            "cycle lane.\n\n"
            "New deck surface\n\n"
            "Brighter lights\n\n"
            "It feels like a new bridge, said one cyclist, smiling.\n\n"
            "Cost 12 million\n\n"
            "Duration six months\n\n"
            "The council said, in a statement, that tolls would not rise this year.");
}

TEST(HtmlExtractor, MetadataFromMetaTags) {
  Result<HtmlExtraction> r = ExtractHtml(kBridgePage, HtmlLimits{});
  ASSERT_TRUE(r.ok());
  // No og:title or JSON-LD headline, so the h1 comes before the <title>.
  EXPECT_EQ(r->metadata.title, "Harbour bridge reopens after repairs");
  EXPECT_EQ(r->metadata.author, "Jane Roe");
  EXPECT_EQ(r->metadata.published, "2024-03-05T09:30:00Z");
  EXPECT_EQ(r->metadata.outlet, "The Daily Example");
  EXPECT_EQ(r->metadata.url, "https://example.org/news/bridge");
}

TEST(HtmlExtractor, MetadataFromJsonLd) {
  const std::string page = R"(<html><head>
<title>Ignored title text here | Some Site</title>
<script type="application/ld+json">{"@context": "https://schema.org", "@graph": [
  {"@type": "WebSite", "name": "Not the article"},
  {"@type": "NewsArticle", "headline": "Orchard harvest beats forecasts",
   "author": [{"@type": "Person", "name": "Ann Example"}, {"@type": "Person", "name": "Bob Sample"}],
   "datePublished": "2023-09-14T07:00:00+02:00",
   "publisher": {"@type": "Organization", "name": "Valley Courier"}}]}</script>
</head><body><p>Apples everywhere, growers said, as the harvest came in early and large.</p></body></html>)";
  Result<HtmlExtraction> r = ExtractHtml(page, HtmlLimits{});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->metadata.title, "Orchard harvest beats forecasts");
  EXPECT_EQ(r->metadata.author, "Ann Example, Bob Sample");
  EXPECT_EQ(r->metadata.published, "2023-09-14T07:00:00+02:00");
  EXPECT_EQ(r->metadata.outlet, "Valley Courier");
}

TEST(HtmlExtractor, TitleLosesSiteSuffix) {
  const std::string page =
      "<html><head><title>Rain expected all week long | Weather Desk</title></head>"
      "<body><p>Bring an umbrella.</p></body></html>";
  Result<HtmlExtraction> r = ExtractHtml(page, HtmlLimits{});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->metadata.title, "Rain expected all week long");
}

TEST(HtmlExtractor, OffsetsPointIntoThePage) {
  const std::string page =
      "<html><body><div><p>First paragraph of the story, long enough to count.</p>\n"
      "<p>Second paragraph &amp; more words to make it count as well.</p></div></body></html>";
  Result<HtmlExtraction> r = ExtractHtml(page, HtmlLimits{});
  ASSERT_TRUE(r.ok());
  TextBuilder::Output out = std::move(r->text).Finish();
  ASSERT_EQ(out.text.rfind("First paragraph", 0), 0u);
  EXPECT_EQ(out.map.ToRaw(0), page.find("First paragraph"));
  const size_t second = out.text.find("Second");
  ASSERT_NE(second, std::string::npos);
  EXPECT_EQ(out.map.ToRaw(second), page.find("Second"));
}

TEST(HtmlExtractor, TooLargePageIsRefused) {
  HtmlLimits limits;
  limits.max_bytes = 1000;
  const std::string page = "<html><body><p>" + std::string(2000, 'x') + "</p></body></html>";
  Result<HtmlExtraction> r = ExtractHtml(page, limits);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kLimitExceeded);

  const std::string huge(HtmlLimits{}.max_bytes + 1, ' ');
  Result<HtmlExtraction> r2 = ExtractHtml(huge, HtmlLimits{});
  ASSERT_FALSE(r2.ok());
  EXPECT_EQ(r2.status().code(), StatusCode::kLimitExceeded);
}

std::string NestedDivs(size_t depth) {
  std::string page = "<html><body>";
  for (size_t i = 0; i < depth; ++i) page += "<div>";
  page += "deep text";
  for (size_t i = 0; i < depth; ++i) page += "</div>";
  return page + "</body></html>";
}

TEST(HtmlExtractor, TooDeepPageIsRefused) {
  Result<HtmlExtraction> r = ExtractHtml(NestedDivs(100000), HtmlLimits{});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kLimitExceeded);

  // html + body + 600 divs is over 512; html + body + 400 divs is not.
  EXPECT_FALSE(ExtractHtml(NestedDivs(600), HtmlLimits{}).ok());
  Result<HtmlExtraction> ok = ExtractHtml(NestedDivs(400), HtmlLimits{});
  ASSERT_TRUE(ok.ok()) << ok.status().message();
  EXPECT_EQ(std::move(ok->text).Finish().text, "deep text");
}

TEST(HtmlExtractor, TooManyNodesIsRefused) {
  HtmlLimits limits;
  limits.max_nodes = 100;
  std::string page = "<html><body>";
  for (int i = 0; i < 200; ++i) page += "<p>x</p>";
  Result<HtmlExtraction> r = ExtractHtml(page + "</body></html>", limits);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kLimitExceeded);
}

TEST(HtmlExtractor, MalformedMarkupDoesNotCrash) {
  const char* pages[] = {
      "",
      "plain words without any markup at all",
      "<p><b><i>crossed tags</p></b></i> and </div></div></span> stray closers",
      "<<<>>><</ <!-- unterminated comment",
      "<html><body><table><tr><td>cell<td>cell<tr>row</table></li></ul><p>after</body>",
      "<div class=\"a\" id=>attribute trouble <a href='x>link</div>",
      "<script>never closed script var x = '<p>';",
      "\xff\xfe\x00\x01 bytes <p>\xc3\x28 bad utf8 \xe2\x82</p>",
  };
  for (const char* p : pages) {
    Result<HtmlExtraction> r = ExtractHtml(p, HtmlLimits{});
    ASSERT_TRUE(r.ok()) << p;
    EXPECT_TRUE(utf8::IsValid(r->text.text())) << p;
  }
}

TEST(HtmlExtractor, LinkListInsideArticleIsDropped) {
  // A "read more" list of links in the middle of the article is navigation, not prose.
  const std::string page = R"(<html><body><div class="story">
<p>Farmers gathered in the square on Saturday, as they do every year, to sell their produce.</p>
<ul><li><a href="/1">Earlier market coverage</a></li><li><a href="/2">Photos from last year</a></li>
<li><a href="/3">Where to park downtown</a></li></ul>
<p>Prices were steady, traders said, though tomatoes cost a little more than in spring.</p>
</div></body></html>)";
  EXPECT_EQ(TextOf(page),
            "Farmers gathered in the square on Saturday, as they do every year, to sell their "
            "produce.\n\n"
            "Prices were steady, traders said, though tomatoes cost a little more than in spring.");
}

}  // namespace
}  // namespace corroborate
