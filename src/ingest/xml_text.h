// Text out of a libxml2 tree without expanding entities ourselves beyond one level: what the feed
// reader uses to read item fields safely (a billion-laughs feed must not expand in our code even
// though libxml2 keeps its entity references). Tested in feed_reader_test.cc.
#pragma once

#include <libxml/tree.h>

#include <string>
#include <string_view>

namespace corroborate {

// The text inside `node`: text and CDATA, HTML named entities the feed forgot to declare, and
// internal entities whose replacement is plain text. At most `max_bytes` are gathered.
std::string NodeText(const xmlNode* node, size_t max_bytes);

// The serialized children of `node` (Atom's type="xhtml" content), entity references kept as
// written, at most `max_bytes` (longer markup is cut at a node boundary).
std::string InnerXml(xmlNode* node, size_t max_bytes);

// `xml` with HTML's named entities (&nbsp;, &eacute;) written as character references, which XML
// understands without a DTD. libxml2 drops undeclared entities, and feeds use these all the time.
// XML's five predefined entities are left alone.
std::string NumericHtmlEntities(std::string_view xml);

// True when `s` has a tag ("<p", "</", "<!") or a character reference ("&amp;", "&#8217;").
bool LooksLikeMarkup(std::string_view s);

// `s` without leading and trailing whitespace and with inner runs of whitespace as one space.
std::string CollapseSpace(std::string_view s);

}  // namespace corroborate
