// Streaming feed reading (see feed_reader.h): the decoded text is pushed piece by piece into
// libxml2's push parser, which builds the tree in recover mode; each item is read by ItemBuilder as
// soon as it ends and freed when the next one starts (StreamingTree); JSON Feed goes through
// json_feed.h. Tested in feed_reader_test.cc and tests/robust.
#include "ingest/feed_reader.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/SAX2.h>
#include <libxml/parserInternals.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <memory>
#include <set>
#include <vector>

#include "core/utf8.h"
#include "ingest/charset.h"
#include "ingest/json_feed.h"
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


// A news sitemap's <url>: <loc>, and Google's news extension (publication name, date, title).
RawDocument SitemapEntry(const xmlNode* url, size_t max_bytes) {
  RawDocument doc;
  std::string lastmod;
  for (const xmlNode* c = url->children; c != nullptr; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    const std::string_view name = Name(c);
    if (name == "loc") {
      doc.url = CollapseSpace(NodeText(c, max_bytes));
    } else if (name == "lastmod") {
      lastmod = CollapseSpace(NodeText(c, max_bytes));
    } else if (name == "news") {
      for (const xmlNode* n = c->children; n != nullptr; n = n->next) {
        if (n->type != XML_ELEMENT_NODE) continue;
        const std::string_view field = Name(n);
        if (field == "title") doc.title = CollapseSpace(NodeText(n, max_bytes));
        if (field == "publication_date") doc.published = CollapseSpace(NodeText(n, max_bytes));
        if (field == "publication") {
          for (const xmlNode* p = n->children; p != nullptr; p = p->next) {
            if (Is(p, "name")) doc.outlet = CollapseSpace(NodeText(p, max_bytes));
          }
        }
      }
    }
  }
  if (doc.published.empty()) doc.published = lastmod;
  doc.id = doc.url;
  return doc;
}

// The feed's bytes as libxml2 (or the JSON Feed reader) reads them: decoded to UTF-8 piece by piece
// (charset.h), and for XML cleaned the way libxml2 needs: C0 controls that XML 1.0 forbids (libxml2
// would stop at the first, even in recover mode) become U+FFFD; the XML declaration loses its
// encoding (the text is UTF-8 now, and libxml2 would switch to the declared one or give up on an
// unknown name); HTML's named entities become character references, which XML understands without
// a DTD, unless the feed declares entities of its own (then its names mean its entities).
class FeedText {
 public:
  FeedText(ByteSource& in, std::string_view transport_charset) : in_(in), transport_(transport_charset) {}

  // Reads the first bytes and decides the charset; false when the input failed (see status()).
  bool Start() {
    std::string head;
    while (head.size() < 1024) {
      char buf[1024];
      Result<size_t> n = in_.Read(buf, sizeof buf - head.size());
      if (!n.ok()) {
        status_ = n.status();
        return false;
      }
      if (*n == 0) {
        eof_ = true;
        break;
      }
      head.append(buf, *n);
    }
    decoder_ = std::make_unique<Utf8StreamDecoder>(Utf8StreamDecoder::ForXml(head, transport_));
    std::string text = decoder_->Decode(head, eof_);
    const size_t first = text.find_first_not_of(" \t\r\n");
    json_ = first != std::string::npos && text[first] == '{';
    if (!json_ && text.starts_with("<?xml")) {
      const size_t end = text.find("?>");
      if (end != std::string::npos && end <= 1024) text.replace(0, end + 2, "<?xml version=\"1.0\"?>");
    }
    Push(std::move(text));
    return true;
  }

  bool json() const { return json_; }
  const Status& status() const { return status_; }

  // Up to `n` bytes of cleaned text; 0 at the end; -1 when the input failed.
  int Read(char* out, int n) {
    while (pos_ >= buf_.size()) {
      if (!status_.ok()) return -1;
      if (eof_ && held_.empty()) return 0;
      buf_.clear();
      pos_ = 0;
      if (eof_) {
        Push("", true);
        continue;
      }
      char piece[64 * 1024];
      Result<size_t> got = in_.Read(piece, sizeof piece);
      if (!got.ok()) {
        status_ = got.status();
        return -1;
      }
      if (*got == 0) eof_ = true;
      Push(decoder_->Decode(std::string_view(piece, *got), eof_), eof_);
    }
    const size_t k = std::min(buf_.size() - pos_, static_cast<size_t>(n));
    std::memcpy(out, buf_.data() + pos_, k);
    pos_ += k;
    return static_cast<int>(k);
  }

 private:
  void Push(std::string text, bool last = false) {
    if (json_) {
      buf_ += text;
      return;
    }
    std::string s = std::move(held_);
    held_.clear();
    for (char c : text) {
      const unsigned char u = static_cast<unsigned char>(c);
      if (u < 0x20 && c != '\t' && c != '\n' && c != '\r') {
        utf8::Append(s, utf8::kReplacement);
      } else {
        s.push_back(c);
      }
    }
    if (!own_entities_) {
      own_entities_ = (tail_ + s.substr(0, 16)).find("<!ENTITY") != std::string::npos ||
                      s.find("<!ENTITY") != std::string::npos;
      tail_ = s.size() >= 8 ? s.substr(s.size() - 8) : tail_ + s;
    }
    if (!last) {
      // A reference cut at the end of this piece ("&eac") waits for the rest.
      const size_t amp = s.rfind('&');
      if (amp != std::string::npos && s.size() - amp <= 33 && s.find(';', amp) == std::string::npos) {
        held_ = s.substr(amp);
        s.resize(amp);
      }
    }
    buf_ += own_entities_ ? s : NumericHtmlEntities(s);
  }

  ByteSource& in_;
  std::string transport_;
  std::unique_ptr<Utf8StreamDecoder> decoder_;
  std::string buf_;    // cleaned text not yet handed out
  size_t pos_ = 0;
  std::string held_;   // the end of the last piece, cut inside a reference
  std::string tail_;   // for spotting "<!ENTITY" across pieces
  bool own_entities_ = false;
  bool json_ = false;
  bool eof_ = false;
  Status status_;
};

// The first error libxml2 reports, with its line, for the problem message.
struct ParseError {
  std::string message;
  int line = 0;
};

bool IsFeedRoot(std::string_view name) {
  return name == "rss" || name == "feed" || name == "RDF" || name == "channel" || name == "urlset" ||
         name == "sitemapindex";
}

// libxml2's push parser in recover mode builds the tree as usual (so ill-formed feeds are read as
// far as libxml2 can make sense of them, and items keep the tree that ItemBuilder reads); our
// end-of-element hook hands each finished item on at once, and the start-of-element hook frees
// the finished siblings before it. What stays in memory is the path from the root to the current
// element and the last sibling at each level (which the parser may still be appending text to).
class StreamingTree {
 public:
  StreamingTree(const std::string& path, const ReadLimits& limits, const FeedCallbacks& on)
      : path_(path), limits_(limits), on_(on), builder_(limits) {}

  void Run(FeedText& text) {
    xmlSAXHandler sax;
    xmlSAXVersion(&sax, 2);  // the tree-building SAX2 handlers
    start_ = sax.startElementNs;
    end_ = sax.endElementNs;
    sax.startElementNs = &OnStart;
    sax.endElementNs = &OnEnd;
    sax.serror = &OnError;
    // No user data: the SAX2 handlers get the context itself, and find us in its _private.
    ctxt_ = xmlCreatePushParserCtxt(&sax, nullptr, nullptr, 0, path_.c_str());
    if (ctxt_ == nullptr) {
      on_.problem({path_, 0, "cannot start the XML parser"});
      return;
    }
    ctxt_->_private = this;
    // The text is UTF-8 with an XML declaration that names no encoding (FeedText), which is what
    // libxml2 assumes then.
    xmlCtxtUseOptions(ctxt_, kParseOptions);
    char buf[64 * 1024];
    while (!stop_) {
      const int n = text.Read(buf, sizeof buf);
      if (n < 0) break;
      xmlParseChunk(ctxt_, buf, n, n == 0 ? 1 : 0);
      if (n == 0) break;
    }
    if (!stop_) FinishOpenItems();
    if (ctxt_->myDoc != nullptr) xmlFreeDoc(ctxt_->myDoc);
    xmlFreeParserCtxt(ctxt_);
    if (!text.status().ok()) {
      on_.problem({path_, 0, text.status().message()});
    } else if (root_.empty()) {
      on_.problem({path_, 0, "not a readable XML feed: " + (error_.message.empty() ? "no root element" : error_.message)});
    } else if (!error_.message.empty() && !stop_) {
      on_.problem({path_, 0, "malformed XML" + (error_.line > 0 ? " at line " + std::to_string(error_.line) : std::string()) +
                             ": " + error_.message + " (read on as far as the parser could recover; " +
                             std::to_string(items_) + " items)"});
    }
  }

 private:
  static StreamingTree& Self(void* ctx) {
    return *static_cast<StreamingTree*>(static_cast<xmlParserCtxtPtr>(ctx)->_private);
  }

  static void OnStart(void* ctx, const xmlChar* localname, const xmlChar* prefix, const xmlChar* uri, int nb_ns,
                      const xmlChar** ns, int nb_attributes, int nb_defaulted, const xmlChar** attributes) {
    StreamingTree& t = Self(ctx);
    xmlParserCtxtPtr ctxt = static_cast<xmlParserCtxtPtr>(ctx);
    if (t.stop_) return;
    if (t.root_.empty()) {
      t.root_ = reinterpret_cast<const char*>(localname);
      if (!IsFeedRoot(t.root_)) {
        t.on_.problem({t.path_, 0, "not an RSS, Atom or JSON feed nor a sitemap (root element <" + t.root_ + ">)"});
        t.Stop();
        return;
      }
    }
    if (ctxt->node != nullptr && !t.InsideItem(ctxt->node)) t.FreeFinishedChildren(ctxt->node);
    t.start_(ctx, localname, prefix, uri, nb_ns, ns, nb_attributes, nb_defaulted, attributes);
  }

  static void OnEnd(void* ctx, const xmlChar* localname, const xmlChar* prefix, const xmlChar* uri) {
    StreamingTree& t = Self(ctx);
    xmlParserCtxtPtr ctxt = static_cast<xmlParserCtxtPtr>(ctx);
    xmlNode* node = ctxt->node;  // the element this tag closes
    t.end_(ctx, localname, prefix, uri);
    if (t.stop_ || node == nullptr || node->type != XML_ELEMENT_NODE) return;
    if (t.InsideItem(node->parent)) return;  // a part of an item: read with the item
    if (t.IsItem(Name(node))) return t.Take(node);
    // The outlet: the title of the channel (RSS, RDF) or of the feed (Atom).
    const std::string_view name = Name(node);
    if (name == "title" && t.outlet_.empty() && node->parent != nullptr && node->parent->type == XML_ELEMENT_NODE &&
        (Name(node->parent) == "channel" || (Name(node->parent) == "feed" && node->parent->parent != nullptr &&
                                             node->parent->parent->type == XML_DOCUMENT_NODE))) {
      t.outlet_ = CollapseSpace(NodeText(node, t.limits_.max_document_bytes));
    }
  }

  static void OnError(void* ctx, xmlErrorPtr e) {
    StreamingTree* t = &Self(ctx);
    if (!t->error_.message.empty() || e == nullptr || e->level < XML_ERR_ERROR) return;
    t->error_.message = e->message ? CollapseSpace(e->message) : "malformed XML";
    t->error_.line = e->line;
  }

  // Whether `n` is an item or inside one. Asked of the tree rather than counted from the events,
  // since recovering from a malformed feed may close elements without an end event.
  bool InsideItem(const xmlNode* n) const {
    for (; n != nullptr && n->type == XML_ELEMENT_NODE; n = n->parent) {
      if (IsItem(Name(n))) return true;
    }
    return false;
  }

  bool IsItem(std::string_view name) const {
    return name == "item" || name == "entry" || (name == "url" && root_ == "urlset") ||
           (name == "sitemap" && root_ == "sitemapindex");
  }

  // Every child of `parent` but its last is finished: items were handed on at their end, the rest
  // (text between items, the channel's own fields) was read or is of no use.
  void FreeFinishedChildren(xmlNode* parent) {
    for (xmlNode* c = parent->children; c != nullptr && c != parent->last;) {
      xmlNode* next = c->next;
      taken_.erase(c);  // its address may come back for a later node
      xmlUnlinkNode(c);
      xmlFreeNode(c);
      c = next;
    }
  }

  void Take(xmlNode* node) {
    taken_.insert(node);
    const std::string_view name = Name(node);
    if (name == "sitemap") {
      for (const xmlNode* c = node->children; c != nullptr; c = c->next) {
        if (Is(c, "loc") && on_.sitemap) on_.sitemap(CollapseSpace(NodeText(c, limits_.max_document_bytes)));
      }
      return;
    }
    if (items_ == limits_.max_feed_items) {
      on_.problem({path_, 0, "more than " + std::to_string(limits_.max_feed_items) + " items; the rest were skipped"});
      Stop();
      return;
    }
    ++items_;
    RawDocument d = name == "url" ? SitemapEntry(node, limits_.max_document_bytes) : builder_.Build(node);
    d.source = path_;
    d.line = items_;
    if (d.outlet.empty()) d.outlet = outlet_;
    if (d.id.empty()) d.id = path_ + "#" + std::to_string(items_);
    on_.document(std::move(d));
  }

  // A feed cut short leaves its last items open; what they hold is read as the tree parser would.
  void FinishOpenItems() {
    if (ctxt_->myDoc == nullptr) return;
    std::vector<xmlNode*> open;
    Collect(xmlDocGetRootElement(ctxt_->myDoc), open);
    for (xmlNode* n : open) {
      if (!stop_) Take(n);
    }
  }
  void Collect(xmlNode* n, std::vector<xmlNode*>& out) {
    for (xmlNode* c = n ? n->children : nullptr; c != nullptr; c = c->next) {
      if (c->type != XML_ELEMENT_NODE) continue;
      if (IsItem(Name(c))) {
        if (!taken_.count(c)) out.push_back(c);
      } else {
        Collect(c, out);
      }
    }
  }

  void Stop() {
    stop_ = true;
    xmlStopParser(ctxt_);
  }

  const std::string& path_;
  const ReadLimits& limits_;
  const FeedCallbacks& on_;
  ItemBuilder builder_;
  xmlParserCtxtPtr ctxt_ = nullptr;
  startElementNsSAX2Func start_ = nullptr;
  endElementNsSAX2Func end_ = nullptr;
  std::string root_, outlet_;
  size_t items_ = 0;
  std::set<const xmlNode*> taken_;  // items handed on (only the unfreed ones matter)
  bool stop_ = false;
  ParseError error_;
};

}  // namespace

void ReadFeedStream(ByteSource& in, const std::string& path, std::string_view transport_charset,
                    const ReadLimits& limits, const FeedCallbacks& on) {
  FeedText text(in, transport_charset);
  if (!text.Start()) {
    on.problem({path, 0, text.status().message()});
    return;
  }
  if (text.json()) {
    ReadJsonFeed([&](char* buf, size_t n) { return text.Read(buf, static_cast<int>(std::min<size_t>(n, INT32_MAX))); },
                 path, limits, on.document, on.problem);
    if (!text.status().ok()) on.problem({path, 0, text.status().message()});
    return;
  }
  StreamingTree(path, limits, on).Run(text);
}

void ReadFeed(std::string_view bytes, const std::string& path, const ReadLimits& limits,
              const DocumentCallback& on_document, const ProblemCallback& on_problem) {
  MemorySource in{std::string(bytes)};
  ReadFeedStream(in, path, "", limits, FeedCallbacks{on_document, on_problem, {}});
}

}  // namespace corroborate
