// Tests for feed_reader.h and xml_text.h: RSS 2.0, Atom, RDF items; charsets; entity safety; caps.
#include "ingest/feed_reader.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <memory>


#include "ingest/test_util.h"
#include "ingest/xml_text.h"

namespace corroborate {
namespace {

testing::Collected Read(const std::string& xml, ReadLimits limits = {}) {
  testing::Collected c;
  ReadFeed(xml, "feed.xml", limits, c.OnDocument(), c.OnProblem());
  return c;
}

TEST(FeedReaderTest, Rss2ItemFields) {
  auto c = Read(R"(<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"
     xmlns:content="http://purl.org/rss/1.0/modules/content/">
 <channel>
  <title>  Harbour   Gazette </title>
  <link>https://gazette.example/</link>
  <item>
   <title>Ferry   timetable changes</title>
   <link>https://gazette.example/ferry</link>
   <guid isPermaLink="false">gz-1001</guid>
   <dc:creator>Pat Moreno</dc:creator>
   <author>desk@gazette.example (News Desk)</author>
   <pubDate>Tue, 04 Mar 2025 08:00:00 GMT</pubDate>
   <description>Short summary.</description>
   <content:encoded><![CDATA[<p>The ferry now leaves at <b>nine</b>.</p>]]></content:encoded>
  </item>
  <item>
   <title>Second</title>
   <link>https://gazette.example/second</link>
   <description>Plain words only.</description>
  </item>
  <item><title>Third</title></item>
 </channel>
</rss>)");
  ASSERT_TRUE(c.problems.empty());
  ASSERT_EQ(c.docs.size(), 3u);
  const RawDocument& a = c.docs[0];
  EXPECT_EQ(a.id, "gz-1001");
  EXPECT_EQ(a.url, "https://gazette.example/ferry");
  EXPECT_EQ(a.title, "Ferry timetable changes");
  EXPECT_EQ(a.author, "Pat Moreno");  // dc:creator names a person; RSS author is often an address
  EXPECT_EQ(a.published, "Tue, 04 Mar 2025 08:00:00 GMT");
  EXPECT_EQ(a.outlet, "Harbour Gazette");
  EXPECT_EQ(a.kind, ContentKind::kHtml);
  EXPECT_EQ(a.body, "<p>The ferry now leaves at <b>nine</b>.</p>");
  EXPECT_EQ(a.line, 1u);
  EXPECT_EQ(c.docs[1].id, "https://gazette.example/second");  // no guid: the link
  EXPECT_EQ(c.docs[1].kind, ContentKind::kText);
  EXPECT_EQ(c.docs[1].body, "Plain words only.");
  EXPECT_EQ(c.docs[2].id, "feed.xml#3");  // neither guid nor link
  EXPECT_EQ(c.docs[2].line, 3u);
}

TEST(FeedReaderTest, AtomEntryFields) {
  auto c = Read(R"(<feed xmlns="http://www.w3.org/2005/Atom">
 <title>Valley Wire</title>
 <entry>
  <id>tag:valley.example,2025:7</id>
  <title type="text">Mill to close</title>
  <link rel="replies" href="https://valley.example/7/comments"/>
  <link href="https://valley.example/7"/>
  <author><name>Sam Ortiz</name><email>sam@valley.example</email></author>
  <updated>2025-05-02T10:00:00Z</updated>
  <published>2025-05-01T09:30:00Z</published>
  <summary>Summary text.</summary>
  <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>The mill closes in June.</p></div></content>
 </entry>
 <entry>
  <title>Only updated</title>
  <updated>2025-05-03T00:00:00Z</updated>
  <content type="html">&lt;p&gt;Escaped &amp;amp; markup&lt;/p&gt;</content>
 </entry>
</feed>)");
  ASSERT_TRUE(c.problems.empty());
  ASSERT_EQ(c.docs.size(), 2u);
  const RawDocument& a = c.docs[0];
  EXPECT_EQ(a.id, "tag:valley.example,2025:7");
  EXPECT_EQ(a.url, "https://valley.example/7");  // rel="replies" is not the article
  EXPECT_EQ(a.title, "Mill to close");
  EXPECT_EQ(a.author, "Sam Ortiz");
  EXPECT_EQ(a.published, "2025-05-01T09:30:00Z");
  EXPECT_EQ(a.outlet, "Valley Wire");
  EXPECT_EQ(a.kind, ContentKind::kHtml);
  EXPECT_NE(a.body.find("<p>The mill closes in June.</p>"), std::string::npos) << a.body;
  EXPECT_EQ(c.docs[1].published, "2025-05-03T00:00:00Z");  // updated as the fallback
  EXPECT_EQ(c.docs[1].kind, ContentKind::kHtml);
  EXPECT_EQ(c.docs[1].body, "<p>Escaped &amp; markup</p>");
}

TEST(FeedReaderTest, RdfItems) {
  auto c = Read(R"(<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
  xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
 <channel rdf:about="https://old.example/"><title>Old Times</title></channel>
 <item rdf:about="https://old.example/1">
  <title>First</title><link>https://old.example/1</link><dc:date>2004-01-02</dc:date>
  <description>Text.</description>
 </item>
</rdf:RDF>)");
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_EQ(c.docs[0].outlet, "Old Times");
  EXPECT_EQ(c.docs[0].published, "2004-01-02");
  EXPECT_EQ(c.docs[0].url, "https://old.example/1");
}

TEST(FeedReaderTest, DeclaredLegacyCharsetIsConverted) {
  // 0xE9 is e-acute in ISO-8859-1 (read as windows-1252).
  auto c = Read("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss><channel><title>Caf\xE9</title>"
                "<item><description>R\xE9sum\xE9</description></item></channel></rss>");
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_EQ(c.docs[0].outlet, "Caf\u00E9");
  EXPECT_EQ(c.docs[0].body, "R\u00E9sum\u00E9");
}

TEST(FeedReaderTest, UndeclaredHtmlEntitiesAndControlCharacters) {
  auto c = Read("<rss><channel><item><title>A&nbsp;B &copy; C\x01</title></item></channel></rss>");
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_EQ(c.docs[0].title, "A\u00A0B \u00A9 C\uFFFD");
}

TEST(FeedReaderTest, BillionLaughsDoesNotExpand) {
  std::string dtd = "<!DOCTYPE rss [<!ENTITY l0 \"ha\">";
  for (int i = 1; i <= 12; ++i) {
    dtd += "<!ENTITY l" + std::to_string(i) + " \"";
    for (int k = 0; k < 10; ++k) dtd += "&l" + std::to_string(i - 1) + ";";
    dtd += "\">";
  }
  dtd += "]>";
  // Expanded, &l12; would be 10^12 "ha"s: a small result shows the entities were not expanded.
  auto c = Read(dtd + "<rss><channel><item><title>&l12;</title><description>&l0;</description></item></channel></rss>");
  for (const RawDocument& d : c.docs) {
    EXPECT_LT(d.title.size() + d.body.size(), 1000u);
  }
}

TEST(FeedReaderTest, ExternalEntitiesAreNotFetched) {
  auto c = Read("<!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/hostname\">]>"
                "<rss><channel><item><title>t&x;</title></item></channel></rss>");
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_EQ(c.docs[0].title, "t");
}

TEST(FeedReaderTest, ItemCapAndNonFeeds) {
  ReadLimits limits;
  limits.max_feed_items = 2;
  auto c = Read("<rss><channel><item/><item/><item/></channel></rss>", limits);
  EXPECT_EQ(c.docs.size(), 2u);
  ASSERT_EQ(c.problems.size(), 1u);
  EXPECT_NE(c.problems[0].reason.find("more than 2 items"), std::string::npos);

  auto html = Read("<html><body>not a feed</body></html>");
  EXPECT_TRUE(html.docs.empty());
  ASSERT_EQ(html.problems.size(), 1u);
  EXPECT_NE(html.problems[0].reason.find("not an RSS"), std::string::npos);

  auto empty = Read("");
  EXPECT_EQ(empty.problems.size(), 1u);
}

TEST(FeedReaderTest, TruncatedFeedKeepsWhatWasRead) {
  auto c = Read("<rss><channel><title>T</title><item><title>whole</title></item><item><title>cut");
  ASSERT_GE(c.docs.size(), 1u);
  EXPECT_EQ(c.docs[0].title, "whole");
}

// A source that hands out its bytes `step` at a time, so every boundary case of the streaming
// decoder and entity filter is met.
class TrickleSource : public ByteSource {
 public:
  TrickleSource(std::string data, size_t step) : data_(std::move(data)), step_(step) {}
  Result<size_t> Read(char* buf, size_t n) override {
    const size_t k = std::min({n, step_, data_.size() - pos_});
    std::memcpy(buf, data_.data() + pos_, k);
    pos_ += k;
    return k;
  }

 private:
  std::string data_;
  size_t step_;
  size_t pos_ = 0;
};

testing::Collected ReadStream(const std::string& bytes, size_t step, std::string_view charset = "",
                              std::vector<std::string>* sitemaps = nullptr, ReadLimits limits = {}) {
  testing::Collected c;
  TrickleSource in(bytes, step);
  FeedCallbacks on{c.OnDocument(), c.OnProblem(), {}};
  if (sitemaps) on.sitemap = [sitemaps](std::string url) { sitemaps->push_back(std::move(url)); };
  ReadFeedStream(in, "feed", charset, limits, on);
  return c;
}

TEST(FeedStreamTest, PiecesOfAnySizeGiveTheSameItems) {
  // Multi-byte characters, named and numeric references and a legacy charset, cut everywhere.
  const std::string utf8 =
      "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss><channel><title>Caf\u00E9 \u2014 Wire</title>"
      "<item><guid>a</guid><title>Na\u00EFve&nbsp;plan &eacute;t&#233; &amp; more \U0001F600</title>"
      "<description>&lt;p&gt;Body&lt;/p&gt;</description></item></channel></rss>";
  const std::string latin1 = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss><channel><title>Caf\xE9</title>"
                             "<item><description>R\xE9sum\xE9 &eacute;</description></item></channel></rss>";
  for (const std::string* feed : {&utf8, &latin1}) {
    const auto whole = Read(*feed);
    ASSERT_EQ(whole.docs.size(), 1u);
    for (size_t step : {1, 2, 3, 5, 7, 64}) {
      const auto c = ReadStream(*feed, step);
      ASSERT_EQ(c.docs.size(), 1u) << step;
      EXPECT_TRUE(c.problems.empty()) << step;
      EXPECT_EQ(c.docs[0].title, whole.docs[0].title) << step;
      EXPECT_EQ(c.docs[0].body, whole.docs[0].body) << step;
      EXPECT_EQ(c.docs[0].outlet, whole.docs[0].outlet) << step;
    }
  }
  EXPECT_EQ(Read(utf8).docs[0].title, "Na\u00EFve\u00A0plan \u00E9t\u00E9 & more \U0001F600");
  EXPECT_EQ(Read(latin1).docs[0].body, "R\u00E9sum\u00E9 \u00E9");
}

TEST(FeedStreamTest, TransportCharsetWinsOverNothing) {
  // No declaration: the HTTP header's charset is the only word on the encoding.
  const auto c = ReadStream("<rss><channel><item><title>\xE9t\xE9</title></item></channel></rss>", 4, "windows-1252");
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_EQ(c.docs[0].title, "\u00E9t\u00E9");
}

TEST(FeedStreamTest, JsonFeed) {
  const std::string feed = R"({"version": "https://jsonfeed.org/version/1.1", "title": "Ridge \u0026 Vale Post",
    "home_page_url": "https://ridge.example/", "items": [
      {"id": "rv-1", "url": "https://ridge.example/1", "title": "Quarry  reopens",
       "content_html": "<p>The quarry {reopens} \"today\".</p>", "date_published": "2026-02-03T08:00:00Z",
       "authors": [{"name": "Lee Okafor"}]},
      {"id": 42, "content_text": "Plain text [with brackets].", "date_modified": "2026-02-04"},
      ["not", "an", "item"],
      {"url": "https://ridge.example/3", "summary": "Only a summary.", "author": {"name": "Old Style"}}
    ]})";
  for (size_t step : {1, 3, 4096}) {
    const auto c = ReadStream(feed, step);
    ASSERT_EQ(c.docs.size(), 3u) << step;
    EXPECT_EQ(c.docs[0].id, "rv-1");
    EXPECT_EQ(c.docs[0].outlet, "Ridge & Vale Post");
    EXPECT_EQ(c.docs[0].title, "Quarry reopens");
    EXPECT_EQ(c.docs[0].author, "Lee Okafor");
    EXPECT_EQ(c.docs[0].kind, ContentKind::kHtml);
    EXPECT_EQ(c.docs[0].body, "<p>The quarry {reopens} \"today\".</p>");
    EXPECT_EQ(c.docs[0].published, "2026-02-03T08:00:00Z");
    EXPECT_EQ(c.docs[1].id, "42");
    EXPECT_EQ(c.docs[1].published, "2026-02-04");
    EXPECT_EQ(c.docs[1].body, "Plain text [with brackets].");
    EXPECT_EQ(c.docs[2].id, "https://ridge.example/3");
    EXPECT_EQ(c.docs[2].author, "Old Style");
    ASSERT_EQ(c.problems.size(), 1u);  // the array among the items
    EXPECT_EQ(c.problems[0].line, 3u);
  }
  EXPECT_EQ(ReadStream(R"({"version": "x", "title": "No items"})", 8).problems.size(), 1u);
  const auto cut = ReadStream(R"({"items": [{"id": "whole", "content_text": "t"}, {"id": "cu)", 8);
  ASSERT_EQ(cut.docs.size(), 1u);
  EXPECT_EQ(cut.docs[0].id, "whole");
  ASSERT_EQ(cut.problems.size(), 1u);
  EXPECT_NE(cut.problems[0].reason.find("ends early"), std::string::npos);
}

TEST(FeedStreamTest, NewsSitemapAndIndex) {
  const auto c = ReadStream(R"(<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
 <url><loc>https://tide.example/a</loc>
  <news:news><news:publication><news:name>Tide Daily</news:name><news:language>en</news:language></news:publication>
   <news:publication_date>2026-03-01T10:00:00+00:00</news:publication_date><news:title>Pier rebuilt</news:title></news:news></url>
 <url><loc>https://tide.example/b</loc><lastmod>2026-03-02</lastmod></url>
</urlset>)", 5);
  ASSERT_EQ(c.docs.size(), 2u);
  EXPECT_TRUE(c.problems.empty());
  EXPECT_EQ(c.docs[0].id, "https://tide.example/a");
  EXPECT_EQ(c.docs[0].url, "https://tide.example/a");
  EXPECT_EQ(c.docs[0].outlet, "Tide Daily");
  EXPECT_EQ(c.docs[0].title, "Pier rebuilt");
  EXPECT_EQ(c.docs[0].published, "2026-03-01T10:00:00+00:00");
  EXPECT_TRUE(c.docs[0].body.empty());
  EXPECT_EQ(c.docs[1].published, "2026-03-02");

  std::vector<std::string> sitemaps;
  const auto index = ReadStream(R"(<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
 <sitemap><loc>https://tide.example/news-1.xml</loc></sitemap><sitemap><loc>https://tide.example/news-2.xml</loc></sitemap>
</sitemapindex>)", 7, "", &sitemaps);
  EXPECT_TRUE(index.docs.empty());
  EXPECT_EQ(sitemaps, (std::vector<std::string>{"https://tide.example/news-1.xml", "https://tide.example/news-2.xml"}));
}

TEST(FeedStreamTest, MalformedFeedKeepsItemsBeforeTheBreakAndNamesTheLine) {
  const auto c = ReadStream("<rss><channel><item><title>one</title></item>\n<item><title>two</title></item>\n"
                            "<item><title>three</tit></item></channel></rss>", 16);
  ASSERT_GE(c.docs.size(), 2u);
  EXPECT_EQ(c.docs[1].title, "two");
  ASSERT_EQ(c.problems.size(), 1u);
  EXPECT_NE(c.problems[0].reason.find("line 3"), std::string::npos) << c.problems[0].reason;
}

TEST(FeedStreamTest, GzipBombBreaksOffWithTheSourcesReason) {
  // A feed whose gzip stream inflates past the limit: the items before the limit are kept and the
  // problem is the source's ("expands past").
  std::string feed = "<rss><channel><title>W</title><item><title>first</title></item>";
  feed += std::string(3u << 20, ' ');
  feed += "<item><title>never</title></item></channel></rss>";
  auto gz = std::make_unique<MemorySource>(testing::GzipMember(feed));
  GzipSource in(std::move(gz), 1u << 20);
  testing::Collected c;
  ReadFeedStream(in, "bomb.rss.gz", "", ReadLimits{}, FeedCallbacks{c.OnDocument(), c.OnProblem(), {}});
  ASSERT_EQ(c.docs.size(), 1u);
  ASSERT_EQ(c.problems.size(), 1u);
  EXPECT_NE(c.problems[0].reason.find("expands past"), std::string::npos) << c.problems[0].reason;
}

TEST(XmlTextTest, MarkupDetection) {
  EXPECT_TRUE(LooksLikeMarkup("a <p>b"));
  EXPECT_TRUE(LooksLikeMarkup("AT&amp;T"));
  EXPECT_FALSE(LooksLikeMarkup("3 < 4 & 5 > 2"));
  EXPECT_EQ(CollapseSpace("  a \n\t b  "), "a b");
}

}  // namespace
}  // namespace corroborate
