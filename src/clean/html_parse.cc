// Limit-checked libxml2 HTML parsing with per-node byte offsets (see html_parse.h for how).
// Tested in html_parse_test.cc and html_extractor_test.cc.
#include "clean/html_parse.h"

#include <libxml/parser.h>
#include <libxml/parserInternals.h>

#include <mutex>

namespace corroborate {

namespace {

// What the wrapped callbacks need: the standard tree builders they forward to, the limits, and
// the offset table they fill.
struct ParseState {
  startElementSAXFunc start_element = nullptr;
  charactersSAXFunc characters = nullptr;
  cdataBlockSAXFunc cdata_block = nullptr;
  size_t max_depth = 0;
  size_t max_nodes = 0;
  std::vector<uint32_t>* offsets = nullptr;
  std::vector<xmlNode*>* nodes = nullptr;
  bool too_deep = false;
  bool too_many = false;
};

ParseState& StateOf(void* ctx) {
  auto* ctxt = static_cast<htmlParserCtxtPtr>(ctx);
  return *static_cast<ParseState*>(ctxt->_private);
}

// Tags `n` with the next index; false (and the parser stopped) when the node budget is spent.
// Bytes of the page the parser has consumed. The page is declared UTF-8, so whether or not libxml2
// runs it through its UTF-8 "decoder", the decoded buffer is byte for byte the page.
long Consumed(htmlParserCtxtPtr ctxt) {
  const xmlParserInput* in = ctxt->input;
  if (in == nullptr || in->cur == nullptr || in->base == nullptr) return 0;
  return static_cast<long>(in->consumed) + static_cast<long>(in->cur - in->base);
}

bool Tag(htmlParserCtxtPtr ctxt, ParseState& st, xmlNode* n, long at) {
  if (st.offsets->size() >= st.max_nodes) {
    st.too_many = true;
    xmlStopParser(ctxt);
    return false;
  }
  st.offsets->push_back(static_cast<uint32_t>(at < 0 ? 0 : at));
  st.nodes->push_back(n);
  n->_private = reinterpret_cast<void*>(static_cast<uintptr_t>(st.offsets->size()));
  return true;
}

void OnStartElement(void* ctx, const xmlChar* name, const xmlChar** atts) {
  auto* ctxt = static_cast<htmlParserCtxtPtr>(ctx);
  ParseState& st = StateOf(ctx);
  // nameNr counts the open elements including this one: the parser's own stack, which also
  // reflects the elements it closed implicitly.
  if (static_cast<size_t>(ctxt->nameNr) > st.max_depth) {
    st.too_deep = true;
    xmlStopParser(ctxt);
    return;
  }
  st.start_element(ctx, name, atts);
  if (ctxt->node != nullptr && ctxt->node->_private == nullptr &&
      xmlStrEqual(ctxt->node->name, name)) {
    Tag(ctxt, st, ctxt->node, Consumed(ctxt));
  }
}

// Forwards a text run and tags the text node it created (a run merged into the previous text
// node keeps that node's offset).
template <typename Fn>
void ForwardText(void* ctx, Fn forward, const xmlChar* ch, int len) {
  auto* ctxt = static_cast<htmlParserCtxtPtr>(ctx);
  ParseState& st = StateOf(ctx);
  xmlNode* parent = ctxt->node;
  xmlNode* before = parent != nullptr ? parent->last : nullptr;
  forward(ctx, ch, len);
  if (parent == nullptr) return;
  xmlNode* last = parent->last;
  if (last != nullptr && last != before && last->_private == nullptr) {
    Tag(ctxt, st, last, Consumed(ctxt) - len);
  }
}

void OnCharacters(void* ctx, const xmlChar* ch, int len) {
  ForwardText(ctx, StateOf(ctx).characters, ch, len);
}

// Script and style bodies are half the bytes of a typical news page and nothing downstream reads
// them, except JSON-LD data; not building text nodes for the rest saves copying and freeing them.
bool KeepRawText(const xmlNode* parent) {
  if (parent == nullptr || parent->name == nullptr) return true;
  if (xmlStrEqual(parent->name, BAD_CAST "style")) return false;
  if (!xmlStrEqual(parent->name, BAD_CAST "script")) return true;
  xmlChar* type = xmlGetProp(parent, BAD_CAST "type");
  const bool json_ld = type != nullptr && xmlStrcasestr(type, BAD_CAST "ld+json") != nullptr;
  xmlFree(type);
  return json_ld;
}

void OnCdataBlock(void* ctx, const xmlChar* ch, int len) {
  if (!KeepRawText(static_cast<htmlParserCtxtPtr>(ctx)->node)) return;
  ForwardText(ctx, StateOf(ctx).cdata_block, ch, len);
}

void InitOnce() {
  static std::once_flag once;
  std::call_once(once, [] { xmlInitParser(); });
}

struct CtxtFree {
  void operator()(htmlParserCtxt* c) const { htmlFreeParserCtxt(c); }
};

}  // namespace

Result<ParsedHtml> ParseHtml(std::string_view html, const HtmlLimits& limits) {
  if (html.size() > limits.max_bytes) {
    return LimitExceeded("page of " + std::to_string(html.size()) + " bytes is over the " +
                         std::to_string(limits.max_bytes) + "-byte limit");
  }
  InitOnce();
  std::unique_ptr<htmlParserCtxt, CtxtFree> ctxt(htmlNewParserCtxt());
  if (!ctxt || ctxt->sax == nullptr) return LimitExceeded("cannot allocate an HTML parser");

  ParsedHtml out;
  out.raw_offset.reserve(html.size() / 40 + 16);
  out.nodes.reserve(html.size() / 40 + 16);
  ParseState st;
  st.start_element = ctxt->sax->startElement;
  st.characters = ctxt->sax->characters;
  st.cdata_block = ctxt->sax->cdataBlock;
  st.max_depth = limits.max_depth;
  st.max_nodes = limits.max_nodes;
  st.offsets = &out.raw_offset;
  st.nodes = &out.nodes;
  if (st.start_element == nullptr || st.characters == nullptr) {
    return Unsupported("libxml2 has no tree-building HTML callbacks");
  }
  ctxt->sax->startElement = OnStartElement;
  ctxt->sax->characters = OnCharacters;
  if (st.cdata_block != nullptr) ctxt->sax->cdataBlock = OnCdataBlock;
  ctxt->_private = &st;

  // Ingest hands us UTF-8; IGNORE_ENC keeps a <meta charset> in the page from switching decoders.
  // XML_PARSE_HUGE: without it libxml2 2.9.14 silently stops building the tree at depth 256 and
  // returns what it has, so a deep page would come back truncated rather than refused; with it
  // our own callback is the only depth limit (and the page size bounds everything else).
  const int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                      HTML_PARSE_NONET | HTML_PARSE_NOBLANKS | HTML_PARSE_IGNORE_ENC |
                      HTML_PARSE_COMPACT | XML_PARSE_HUGE;
  out.doc.reset(htmlCtxtReadMemory(ctxt.get(), html.data(), static_cast<int>(html.size()), nullptr,
                                   "UTF-8", options));
  if (st.too_deep) {
    return LimitExceeded("element nesting deeper than " + std::to_string(limits.max_depth));
  }
  if (st.too_many) {
    return LimitExceeded("page has more than " + std::to_string(limits.max_nodes) + " nodes");
  }
  // An empty or all-garbage page gives no document: that is an empty page, not an error.
  if (!out.doc) {
    out.nodes.clear();
    out.raw_offset.clear();
  }
  return out;
}

}  // namespace corroborate
