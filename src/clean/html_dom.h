// Small read-only helpers over libxml2's HTML tree: element kinds by tag name, attribute values
// without allocation, and text content. Used by the html_* extractor files; tested through
// html_extractor_test.cc.
#pragma once

#include <libxml/tree.h>

#include <cstdint>
#include <string>
#include <string_view>

namespace corroborate::html {

// What an element is for the extractor. Names follow HTML; kOther is any inline or unknown tag.
enum class Tag : uint8_t {
  kOther, kHtml, kHead, kBody, kTitle, kMeta, kLink, kScript, kStyle, kNoscript, kTemplate,
  kA, kBr, kHr, kImg, kP, kDiv, kSection, kArticle, kMain, kSpan,
  kH1, kH2, kH3, kH4, kH5, kH6, kUl, kOl, kLi, kDl, kDt, kDd, kBlockquote, kPre,
  kTable, kThead, kTbody, kTfoot, kTr, kTd, kTh, kCaption,
  kNav, kHeader, kFooter, kAside, kForm, kButton, kInput, kSelect, kTextarea, kLabel, kOption,
  kIframe, kSvg, kCanvas, kVideo, kAudio, kObject, kEmbed, kFigure, kFigcaption, kPicture,
  kTime, kAddress, kCenter, kFont, kDialog, kMenu,
};

Tag TagOf(const xmlNode* n);

inline bool IsElement(const xmlNode* n) { return n->type == XML_ELEMENT_NODE; }
inline bool IsText(const xmlNode* n) {
  return n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE;
}
inline bool IsHeading(Tag t) { return t >= Tag::kH1 && t <= Tag::kH6; }

// True for tags that start a new block of text when rendered (paragraph breaks around them).
bool IsBlock(Tag t);

// Value of attribute `name` (lower case) or "" when absent; a view into the tree.
std::string_view Attr(const xmlNode* n, std::string_view name);


inline std::string_view Content(const xmlNode* n) {
  return n->content ? std::string_view(reinterpret_cast<const char*>(n->content)) : std::string_view();
}

// Concatenated text of the subtree below `n` (iterative; skips scripts and styles below `n`, so a
// script's own text can be read), whitespace as is.
std::string TextOf(const xmlNode* n);

// `s` without leading and trailing ASCII whitespace, inner runs collapsed to one space.
std::string Squash(std::string_view s);

// ASCII lower-case copy.
std::string Lower(std::string_view s);

// Next node in document order below `root` (pre-order), or nullptr when the walk is done.
// `descend` false skips the children of `n`.
const xmlNode* NextInTree(const xmlNode* n, const xmlNode* root, bool descend);

}  // namespace corroborate::html
