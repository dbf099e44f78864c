// Parses an HTML page into a libxml2 tree under explicit limits, remembering for every element and
// text node the byte offset in the page where it started. Used by html_extractor.cc; tested in
// html_extractor_test.cc (offsets, limits, malformed markup).
//
//   Result<ParsedHtml> p = ParseHtml(page, limits);
//   if (p.ok()) for (xmlNode* n = ...) size_t at = p->RawOffset(n);
//
// How offsets are found: libxml2's tree keeps no byte positions, so the parse runs through
// htmlCtxtReadMemory with our own SAX callbacks wrapped around the standard tree builders. When a
// start tag or a text run reaches us, xmlByteConsumed() tells how far the parser has read (the page
// is declared UTF-8, so no decoder sits in between and the count is cheap and exact). A start tag is
// recorded at the end of the tag (where its content begins), a text node at the first byte of its
// first character run (exact unless the run starts with an entity reference). Each node's
// `_private` field holds its index + 1 into our table.
//
// Limits: the page size is checked before parsing; the depth of open elements (the parser's own
// name stack) and the number of nodes are checked in the callbacks, which stop the parser at once,
// so a page of 100,000 nested <div>s costs only max_depth levels before it is refused. (libxml2
// 2.9.14 on its own stops building at depth 256 and returns the truncated tree as if all were
// well; XML_PARSE_HUGE lifts that so the refusal is ours and explicit.) Script and style bodies
// other than JSON-LD get no text nodes: nothing reads them, and they are half of a page's bytes.
#pragma once

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "clean/html_extractor.h"
#include "core/status.h"

namespace corroborate {

struct XmlDocFree {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};

struct ParsedHtml {
  std::unique_ptr<xmlDoc, XmlDocFree> doc;  // null for a page with nothing in it
  std::vector<uint32_t> raw_offset;  // by node index
  std::vector<xmlNode*> nodes;       // by node index: document (pre-)order, parents first

  // Index of a node we tagged during parsing, or SIZE_MAX for one we did not (comments, the doc).
  static size_t Index(const xmlNode* n) {
    const auto v = reinterpret_cast<uintptr_t>(n->_private);
    return v == 0 ? SIZE_MAX : static_cast<size_t>(v - 1);
  }
  size_t RawOffset(const xmlNode* n) const {
    const size_t i = Index(n);
    return i < raw_offset.size() ? raw_offset[i] : 0;
  }
  size_t node_count() const { return raw_offset.size(); }
};

Result<ParsedHtml> ParseHtml(std::string_view html, const HtmlLimits& limits);

}  // namespace corroborate
