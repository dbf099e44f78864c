// RSS/RDF/Atom item extraction over a libxml2 tree (see feed_reader.h). Tested in
// feed_reader_test.cc and tests/robust.
#include "ingest/feed_reader.h"

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <cstdint>
#include <memory>
#include <vector>

#include "core/utf8.h"
#include "ingest/charset.h"
#include "ingest/xml_text.h"

namespace corroborate {

namespace {

// Recover from ill-formed feeds; never touch the network; keep entity references as references
// (no XML_PARSE_NOENT, no DTD loading) and keep libxml2's default amplification limits (no
// XML_PARSE_HUGE). Errors are reported by us, not printed by libxml2.
constexpr int kParseOptions = XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                              XML_PARSE_NOCDATA | XML_PARSE_COMPACT;

std::string_view Name(const xmlNode* n) { return reinterpret_cast<const char*>(n->name); }

bool Is(const xmlNode* n, std::string_view name) { return n->type == XML_ELEMENT_NODE && Name(n) == name; }

std::string Attr(const xmlNode* n, const char* name) {
  xmlChar* v = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
  if (v == nullptr) return "";
  std::string s = reinterpret_cast<const char*>(v);
  xmlFree(v);
  return s;
}

// Whether the element is in the namespace whose URI contains `fragment` ("purl.org/dc/").
bool InNamespace(const xmlNode* n, std::string_view fragment) {
  return n->ns != nullptr && n->ns->href != nullptr &&
         std::string_view(reinterpret_cast<const char*>(n->ns->href)).find(fragment) != std::string_view::npos;
}

// XML 1.0 forbids most C0 controls; libxml2 would stop at the first one even in recover mode.
std::string WithoutForbiddenControls(std::string s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (u < 0x20 && c != '\t' && c != '\n' && c != '\r') {
      utf8::Append(out, utf8::kReplacement);
    } else {
      out.push_back(c);
    }
  }
  return out;
}

// The text is UTF-8 now; an encoding named in the XML declaration would make libxml2 switch to it
// (or give up on an unknown name), so the declaration is replaced by a plain one.
std::string WithoutEncodingDeclaration(std::string xml) {
  if (!xml.starts_with("<?xml")) return xml;
  const size_t end = xml.find("?>");
  if (end == std::string::npos || end > 1024) return xml;
  return xml.replace(0, end + 2, "<?xml version=\"1.0\"?>");
}

class ItemBuilder {
 public:
  ItemBuilder(const ReadLimits& limits) : limits_(limits) {}

  RawDocument Build(xmlNode* item) {
    RawDocument doc;
    std::string id, link, title, creator, author, published, updated;
    xmlNode* body = nullptr;
    int body_rank = 99;
    for (xmlNode* c = item->children; c != nullptr; c = c->next) {
      if (c->type != XML_ELEMENT_NODE) continue;
      const std::string_view name = Name(c);
      if (name == "title" && title.empty()) {
        title = Text(c);
      } else if (name == "guid" || name == "id") {
        if (id.empty()) id = Text(c);
      } else if (name == "link") {
        const std::string href = Attr(c, "href");
        const std::string rel = Attr(c, "rel");
        if (!href.empty()) {
          if ((rel.empty() || rel == "alternate") && link.empty()) link = CollapseSpace(href);
        } else if (link.empty()) {
          link = Text(c);
        }
      } else if (name == "creator" && InNamespace(c, "purl.org/dc/")) {
        if (creator.empty()) creator = Text(c);
      } else if (name == "author" && author.empty()) {
        author = AuthorName(c);
      } else if (name == "pubDate" || name == "published" || name == "issued" ||
                 (name == "date" && InNamespace(c, "purl.org/dc/"))) {
        if (published.empty()) published = Text(c);
      } else if (name == "updated" || name == "modified") {
        if (updated.empty()) updated = Text(c);
      } else {
        const int rank = BodyRank(c);
        if (rank < body_rank) {
          body_rank = rank;
          body = c;
        }
      }
    }
    doc.id = !id.empty() ? id : link;
    doc.url = link;
    doc.title = title;
    doc.author = !creator.empty() ? creator : author;
    doc.published = !published.empty() ? published : updated;
    if (body != nullptr) SetBody(body, doc);
    return doc;
  }

 private:
  std::string Text(const xmlNode* n) const { return CollapseSpace(NodeText(n, limits_.max_document_bytes)); }

  // Atom's author holds <name>; RSS's holds text ("editor@example.com (Ann Lee)").
  std::string AuthorName(const xmlNode* n) const {
    for (const xmlNode* c = n->children; c != nullptr; c = c->next) {
      if (Is(c, "name")) return Text(c);
    }
    return Text(n);
  }

  // Lower is better; 99 means "not a body". Atom content with src= points elsewhere.
  static int BodyRank(const xmlNode* n) {
    const std::string_view name = Name(n);
    if (name == "encoded" && InNamespace(n, "purl.org/rss/1.0/modules/content")) return 0;
    if (name == "content" && !InNamespace(n, "purl.org/rss/1.0/modules/content")) {
      return xmlHasProp(n, reinterpret_cast<const xmlChar*>("src")) ? 99 : 1;
    }
    if (name == "description") return 2;
    if (name == "summary") return 3;
    return 99;
  }

  void SetBody(xmlNode* n, RawDocument& doc) const {
    const std::string type = Attr(n, "type");
    const std::string mode = Attr(n, "mode");
    if (type == "xhtml" || type == "application/xhtml+xml" || mode == "xml") {
      doc.body = InnerXml(n, limits_.max_document_bytes);
      doc.kind = ContentKind::kHtml;
      return;
    }
    doc.body = NodeText(n, limits_.max_document_bytes);
    if (type == "text" || type == "text/plain") {
      doc.kind = ContentKind::kText;
    } else if (type == "html" || type == "text/html" || LooksLikeMarkup(doc.body)) {
      doc.kind = ContentKind::kHtml;
    }
  }

  const ReadLimits& limits_;
};

// Items are <item> (RSS, RDF) or <entry> (Atom) elements; we do not look inside one for another.
void CollectItems(xmlNode* n, std::vector<xmlNode*>& items, size_t cap) {
  for (xmlNode* c = n->children; c != nullptr && items.size() <= cap; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    if (Name(c) == "item" || Name(c) == "entry") {
      items.push_back(c);
    } else {
      CollectItems(c, items, cap);
    }
  }
}

// The channel (RSS, RDF) or feed (Atom) title: the publishing outlet's name.
std::string OutletName(xmlNode* root, size_t max_bytes) {
  xmlNode* channel = Is(root, "feed") || Is(root, "channel") ? root : nullptr;
  for (xmlNode* c = root->children; channel == nullptr && c != nullptr; c = c->next) {
    if (Is(c, "channel")) channel = c;
  }
  if (channel == nullptr) return "";
  for (xmlNode* c = channel->children; c != nullptr; c = c->next) {
    if (Is(c, "title")) return CollapseSpace(NodeText(c, max_bytes));
  }
  return "";
}

}  // namespace

void ReadFeed(std::string_view bytes, const std::string& path, const ReadLimits& limits,
              const DocumentCallback& on_document, const ProblemCallback& on_problem) {
  std::string xml = WithoutEncodingDeclaration(WithoutForbiddenControls(DecodeXml(bytes, "")));
  // A feed with its own entity declarations means its names; the others mean HTML's.
  if (xml.find("<!ENTITY") == std::string::npos) xml = NumericHtmlEntities(xml);
  if (xml.size() > static_cast<size_t>(INT32_MAX)) {
    on_problem({path, 0, "feed too large"});
    return;
  }
  std::unique_ptr<xmlParserCtxt, void (*)(xmlParserCtxtPtr)> ctxt(xmlNewParserCtxt(), &xmlFreeParserCtxt);
  if (ctxt == nullptr) {
    on_problem({path, 0, "cannot start the XML parser"});
    return;
  }
  // The text is UTF-8 now whatever the declaration says, so the encoding is forced.
  std::unique_ptr<xmlDoc, void (*)(xmlDocPtr)> doc(
      xmlCtxtReadMemory(ctxt.get(), xml.data(), static_cast<int>(xml.size()), path.c_str(), "UTF-8", kParseOptions),
      &xmlFreeDoc);
  xmlNode* root = doc ? xmlDocGetRootElement(doc.get()) : nullptr;
  if (root == nullptr) {
    const xmlError* e = xmlCtxtGetLastError(ctxt.get());
    std::string why = e && e->message ? CollapseSpace(e->message) : "no root element";
    on_problem({path, 0, "not a readable XML feed: " + why});
    return;
  }
  std::vector<xmlNode*> items;
  CollectItems(root, items, limits.max_feed_items);
  const std::string_view root_name = Name(root);
  if (items.empty() && root_name != "rss" && root_name != "feed" && root_name != "RDF" && root_name != "channel") {
    on_problem({path, 0, "not an RSS or Atom feed (root element <" + std::string(root_name) + ">)"});
    return;
  }
  const std::string outlet = OutletName(root, limits.max_document_bytes);
  ItemBuilder builder(limits);
  for (size_t i = 0; i < items.size() && i < limits.max_feed_items; ++i) {
    RawDocument d = builder.Build(items[i]);
    d.source = path;
    d.line = i + 1;
    d.outlet = outlet;
    if (d.id.empty()) d.id = path + "#" + std::to_string(i + 1);
    on_document(std::move(d));
  }
  if (items.size() > limits.max_feed_items) {
    on_problem({path, 0, "more than " + std::to_string(limits.max_feed_items) + " items; the rest were skipped"});
  }
}

}  // namespace corroborate
