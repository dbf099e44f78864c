// Entity-safe text gathering from libxml2 trees (see xml_text.h). Tested in feed_reader_test.cc.
#include "ingest/xml_text.h"

#include <libxml/HTMLparser.h>
#include <libxml/entities.h>

#include <cctype>

#include "core/utf8.h"

namespace corroborate {

namespace {

void Gather(const xmlNode* node, std::string& out, size_t max_bytes) {
  for (const xmlNode* c = node->children; c != nullptr && out.size() < max_bytes; c = c->next) {
    switch (c->type) {
      case XML_TEXT_NODE:
      case XML_CDATA_SECTION_NODE:
        if (c->content) out += reinterpret_cast<const char*>(c->content);
        break;
      case XML_ELEMENT_NODE:
        Gather(c, out, max_bytes);
        break;
      case XML_ENTITY_REF_NODE: {
        // One level only: an entity whose replacement holds no further reference or markup is
        // used as written; anything else could be an exponential expansion and is left out.
        xmlEntity* e = xmlGetDocEntity(c->doc, c->name);
        if (e != nullptr && e->etype == XML_INTERNAL_GENERAL_ENTITY && e->content != nullptr) {
          std::string_view v = reinterpret_cast<const char*>(e->content);
          if (v.find_first_of("&<") == std::string_view::npos) out += v;
        } else if (const htmlEntityDesc* h = htmlEntityLookup(c->name); h != nullptr) {
          // Feeds often use HTML's named entities (&nbsp;, &eacute;) without declaring them.
          utf8::Append(out, static_cast<char32_t>(h->value));
        }
        break;
      }
      default:
        break;
    }
  }
}

}  // namespace

std::string NodeText(const xmlNode* node, size_t max_bytes) {
  std::string out;
  Gather(node, out, max_bytes);
  if (out.size() > max_bytes) out.resize(max_bytes);
  return utf8::Repair(out);
}

std::string InnerXml(xmlNode* node, size_t max_bytes) {
  std::string out;
  xmlBuffer* buf = xmlBufferCreate();
  if (buf == nullptr) return out;
  for (xmlNode* c = node->children; c != nullptr; c = c->next) {
    xmlBufferEmpty(buf);
    if (xmlNodeDump(buf, c->doc, c, 0, 0) < 0) continue;
    const std::string_view piece(reinterpret_cast<const char*>(xmlBufferContent(buf)), xmlBufferLength(buf));
    if (out.size() + piece.size() > max_bytes) break;
    out += piece;
  }
  xmlBufferFree(buf);
  return utf8::Repair(out);
}

std::string NumericHtmlEntities(std::string_view xml) {
  std::string out;
  out.reserve(xml.size());
  size_t i = 0;
  while (i < xml.size()) {
    const size_t amp = xml.find('&', i);
    if (amp == std::string_view::npos) break;
    out.append(xml.substr(i, amp - i));
    size_t j = amp + 1;
    while (j < xml.size() && j - amp <= 32 && std::isalnum(static_cast<unsigned char>(xml[j]))) ++j;
    const std::string name(xml.substr(amp + 1, j - amp - 1));
    const htmlEntityDesc* h = nullptr;
    if (j < xml.size() && xml[j] == ';' && !name.empty() && std::isalpha(static_cast<unsigned char>(name[0])) &&
        name != "amp" && name != "lt" && name != "gt" && name != "quot" && name != "apos") {
      h = htmlEntityLookup(reinterpret_cast<const xmlChar*>(name.c_str()));
    }
    if (h != nullptr) {
      out += "&#" + std::to_string(h->value) + ";";
      i = j + 1;
    } else {
      out.push_back('&');
      i = amp + 1;
    }
  }
  if (i < xml.size()) out.append(xml.substr(i));
  return out;
}

bool LooksLikeMarkup(std::string_view s) {
  for (size_t i = 0; i + 1 < s.size(); ++i) {
    const unsigned char next = static_cast<unsigned char>(s[i + 1]);
    if (s[i] == '<' && (std::isalpha(next) || next == '/' || next == '!')) return true;
    if (s[i] == '&' && (std::isalpha(next) || next == '#')) {
      size_t j = i + 1;
      while (j < s.size() && j - i < 12 && (std::isalnum(static_cast<unsigned char>(s[j])) || s[j] == '#')) ++j;
      if (j < s.size() && s[j] == ';') return true;
    }
  }
  return false;
}

std::string CollapseSpace(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      space = !out.empty();
    } else {
      if (space) out.push_back(' ');
      space = false;
      out.push_back(c);
    }
  }
  return out;
}

}  // namespace corroborate
