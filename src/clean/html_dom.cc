// Tree helpers for the HTML extractor (see html_dom.h). Tested through html_extractor_test.cc.
#include "clean/html_dom.h"

#include <unordered_map>

namespace corroborate::html {

namespace {

const std::unordered_map<std::string_view, Tag>& TagTable() {
  static const auto* table = new std::unordered_map<std::string_view, Tag>{
      {"html", Tag::kHtml}, {"head", Tag::kHead}, {"body", Tag::kBody}, {"title", Tag::kTitle},
      {"meta", Tag::kMeta}, {"link", Tag::kLink}, {"script", Tag::kScript},
      {"style", Tag::kStyle}, {"noscript", Tag::kNoscript}, {"template", Tag::kTemplate},
      {"a", Tag::kA}, {"br", Tag::kBr}, {"hr", Tag::kHr}, {"img", Tag::kImg}, {"p", Tag::kP},
      {"div", Tag::kDiv}, {"section", Tag::kSection}, {"article", Tag::kArticle},
      {"main", Tag::kMain}, {"span", Tag::kSpan}, {"h1", Tag::kH1}, {"h2", Tag::kH2},
      {"h3", Tag::kH3}, {"h4", Tag::kH4}, {"h5", Tag::kH5}, {"h6", Tag::kH6}, {"ul", Tag::kUl},
      {"ol", Tag::kOl}, {"li", Tag::kLi}, {"dl", Tag::kDl}, {"dt", Tag::kDt}, {"dd", Tag::kDd},
      {"blockquote", Tag::kBlockquote}, {"pre", Tag::kPre}, {"table", Tag::kTable},
      {"thead", Tag::kThead}, {"tbody", Tag::kTbody}, {"tfoot", Tag::kTfoot}, {"tr", Tag::kTr},
      {"td", Tag::kTd}, {"th", Tag::kTh}, {"caption", Tag::kCaption}, {"nav", Tag::kNav},
      {"header", Tag::kHeader}, {"footer", Tag::kFooter}, {"aside", Tag::kAside},
      {"form", Tag::kForm}, {"button", Tag::kButton}, {"input", Tag::kInput},
      {"select", Tag::kSelect}, {"textarea", Tag::kTextarea}, {"label", Tag::kLabel},
      {"option", Tag::kOption}, {"iframe", Tag::kIframe}, {"svg", Tag::kSvg},
      {"canvas", Tag::kCanvas}, {"video", Tag::kVideo}, {"audio", Tag::kAudio},
      {"object", Tag::kObject}, {"embed", Tag::kEmbed}, {"figure", Tag::kFigure},
      {"figcaption", Tag::kFigcaption}, {"picture", Tag::kPicture}, {"time", Tag::kTime},
      {"address", Tag::kAddress}, {"center", Tag::kCenter}, {"font", Tag::kFont},
      {"dialog", Tag::kDialog}, {"menu", Tag::kMenu},
  };
  return *table;
}

}  // namespace

Tag TagOf(const xmlNode* n) {
  if (n == nullptr || n->type != XML_ELEMENT_NODE || n->name == nullptr) return Tag::kOther;
  const auto& t = TagTable();
  auto it = t.find(reinterpret_cast<const char*>(n->name));
  return it == t.end() ? Tag::kOther : it->second;
}

bool IsBlock(Tag t) {
  switch (t) {
    case Tag::kP: case Tag::kDiv: case Tag::kSection: case Tag::kArticle: case Tag::kMain:
    case Tag::kH1: case Tag::kH2: case Tag::kH3: case Tag::kH4: case Tag::kH5: case Tag::kH6:
    case Tag::kUl: case Tag::kOl: case Tag::kLi: case Tag::kDl: case Tag::kDt: case Tag::kDd:
    case Tag::kBlockquote: case Tag::kPre: case Tag::kTable: case Tag::kThead: case Tag::kTbody:
    case Tag::kTfoot: case Tag::kTr: case Tag::kCaption: case Tag::kNav: case Tag::kHeader:
    case Tag::kFooter: case Tag::kAside: case Tag::kForm: case Tag::kFigure:
    case Tag::kFigcaption: case Tag::kAddress: case Tag::kCenter: case Tag::kHr: case Tag::kBody:
    case Tag::kDialog: case Tag::kMenu: case Tag::kHtml:
      return true;
    default:
      return false;
  }
}

std::string_view Attr(const xmlNode* n, std::string_view name) {
  for (const xmlAttr* a = n->properties; a != nullptr; a = a->next) {
    if (a->name == nullptr || name != reinterpret_cast<const char*>(a->name)) continue;
    if (a->children == nullptr || a->children->content == nullptr) return {};
    return reinterpret_cast<const char*>(a->children->content);
  }
  return {};
}

const xmlNode* NextInTree(const xmlNode* n, const xmlNode* root, bool descend) {
  if (descend && n->children != nullptr) return n->children;
  while (n != nullptr && n != root) {
    if (n->next != nullptr) return n->next;
    n = n->parent;
  }
  return nullptr;
}

std::string TextOf(const xmlNode* root) {
  std::string out;
  for (const xmlNode* n = root; n != nullptr;) {
    const Tag t = TagOf(n);
    // Scripts below the root are code; a script asked for itself (JSON-LD) is data.
    const bool skip = n != root && (t == Tag::kScript || t == Tag::kStyle ||
                                    t == Tag::kNoscript || t == Tag::kTemplate);
    if (IsText(n)) out += Content(n);
    n = NextInTree(n, root, !skip);
  }
  return out;
}

std::string Squash(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

}  // namespace corroborate::html
