// Tests for feed_reader.h and xml_text.h: RSS 2.0, Atom, RDF items; charsets; entity safety; caps.
#include "ingest/feed_reader.h"

#include <gtest/gtest.h>


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
  EXPECT_NE(html.problems[0].reason.find("not an RSS or Atom feed"), std::string::npos);

  auto empty = Read("");
  EXPECT_EQ(empty.problems.size(), 1u);
}

TEST(FeedReaderTest, TruncatedFeedKeepsWhatWasRead) {
  auto c = Read("<rss><channel><title>T</title><item><title>whole</title></item><item><title>cut");
  ASSERT_GE(c.docs.size(), 1u);
  EXPECT_EQ(c.docs[0].title, "whole");
}

TEST(XmlTextTest, MarkupDetection) {
  EXPECT_TRUE(LooksLikeMarkup("a <p>b"));
  EXPECT_TRUE(LooksLikeMarkup("AT&amp;T"));
  EXPECT_FALSE(LooksLikeMarkup("3 < 4 & 5 > 2"));
  EXPECT_EQ(CollapseSpace("  a \n\t b  "), "a b");
}

}  // namespace
}  // namespace corroborate
