// Main-text selection and output for HTML pages (see html_content.h for the method). Tested in
// html_extractor_test.cc and by eval/score_article_extraction.py.
#include "clean/html_content.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <vector>

#include "clean/html_dom.h"
#include "clean/html_names.h"
#include "core/utf8.h"

namespace corroborate::html {

namespace {

constexpr size_t kNone = SIZE_MAX;

struct Stats {
  uint32_t raw_text = 0;  // text bytes below, chrome included (for protecting page wrappers)
  uint32_t text = 0;      // visible text bytes below, chrome excluded, whitespace runs as one
  uint32_t link = 0;      // of which inside links
  uint32_t commas = 0;
  uint32_t paragraphs = 0, items = 0, images = 0, inputs = 0, embeds = 0;
  float score = 0;
  int16_t weight = 0;
  Tag tag = Tag::kOther;
  bool element = false;
  bool dropped = false;
  bool holds_article = false;  // is or contains <article>, <main> or itemprop=articleBody
  bool has_block = false;      // has a block-level child that is not chrome
  bool scored = false;
};

// Tags that never hold article text.
bool AlwaysDropped(Tag t) {
  switch (t) {
    case Tag::kScript: case Tag::kStyle: case Tag::kNoscript: case Tag::kTemplate:
    case Tag::kHead: case Tag::kTitle: case Tag::kMeta: case Tag::kLink: case Tag::kButton:
    case Tag::kInput: case Tag::kSelect: case Tag::kTextarea: case Tag::kOption:
    case Tag::kLabel: case Tag::kIframe: case Tag::kSvg: case Tag::kCanvas: case Tag::kVideo:
    case Tag::kAudio: case Tag::kObject: case Tag::kEmbed: case Tag::kDialog:
      return true;
    default:
      return false;
  }
}

// Tags for page parts around an article (unless they turn out to hold it).
bool ChromeTag(Tag t) {
  switch (t) {
    case Tag::kNav: case Tag::kAside: case Tag::kFooter: case Tag::kHeader: case Tag::kFigure:
    case Tag::kMenu: case Tag::kForm:
      return true;
    default:
      return false;
  }
}

bool ChromeRole(std::string_view role) {
  return role == "navigation" || role == "banner" || role == "contentinfo" ||
         role == "complementary" || role == "search" || role == "dialog" ||
         role == "alertdialog" || role == "menu" || role == "menubar" || role == "toolbar";
}

bool ContainsCi(std::string_view hay, std::string_view needle) {
  if (needle.size() > hay.size()) return false;
  for (size_t i = 0; i + needle.size() <= hay.size(); ++i) {
    size_t k = 0;
    while (k < needle.size()) {
      char c = hay[i + k];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if (c != needle[k]) break;
      ++k;
    }
    if (k == needle.size()) return true;
  }
  return false;
}

bool Hidden(const xmlNode* n) {
  if (n->properties == nullptr) return false;
  if (Attr(n, "aria-hidden") == "true") return true;
  for (const xmlAttr* a = n->properties; a != nullptr; a = a->next) {
    if (a->name != nullptr && std::string_view(reinterpret_cast<const char*>(a->name)) == "hidden") {
      return true;
    }
  }
  const std::string_view style = Attr(n, "style");
  return !style.empty() && (ContainsCi(style, "display:none") || ContainsCi(style, "display: none") ||
                            ContainsCi(style, "visibility:hidden") ||
                            ContainsCi(style, "visibility: hidden"));
}

// Visible length of a text run: non-space bytes plus one per inner whitespace run.
void MeasureText(std::string_view s, uint32_t& length, uint32_t& commas) {
  bool space = true;
  uint32_t len = 0, c = 0;
  for (char ch : s) {
    const bool ws = ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r' || ch == '\f';
    if (ws) {
      if (!space) ++len;
      space = true;
      continue;
    }
    space = false;
    ++len;
    c += ch == ',';
  }
  length = len;
  commas = c;
}

int TagBaseScore(Tag t) {
  switch (t) {
    case Tag::kDiv: return 5;
    case Tag::kPre: case Tag::kTd: case Tag::kBlockquote: return 3;
    case Tag::kAddress: case Tag::kOl: case Tag::kUl: case Tag::kDl: case Tag::kDd:
    case Tag::kDt: case Tag::kLi: case Tag::kForm: return -3;
    case Tag::kH1: case Tag::kH2: case Tag::kH3: case Tag::kH4: case Tag::kH5: case Tag::kH6:
    case Tag::kTh: return -5;
    default: return 0;
  }
}

class Extractor {
 public:
  Extractor(const ParsedHtml& page, const ContentOptions& options)
      : page_(page), options_(options), stats_(page.node_count()), parent_(page.node_count()) {}

  void Run(TextBuilder& out) {
    Classify();
    MarkChrome();
    Measure();
    ScoreParagraphs();
    const size_t top = ChooseTop();
    std::vector<size_t> roots = top == kNone ? std::vector<size_t>{} : WithSiblings(top);
    if (roots.empty()) roots.push_back(FallbackRoot());
    for (size_t r : roots) {
      if (r != kNone) Emit(r, out);
    }
  }

 private:
  const xmlNode* node(size_t i) const { return page_.nodes[i]; }

  // Pass 1 (backwards): tags, parents, raw text, where the article wrapper is.
  void Classify() {
    const size_t n = stats_.size();
    for (size_t i = 0; i < n; ++i) {
      const xmlNode* x = node(i);
      parent_[i] = x->parent != nullptr ? ParsedHtml::Index(x->parent) : kNone;
      if (parent_[i] != kNone && parent_[i] >= i) parent_[i] = kNone;  // defensive: keep order
      Stats& s = stats_[i];
      s.element = IsElement(x);
      s.tag = s.element ? TagOf(x) : Tag::kOther;
    }
    for (size_t i = n; i-- > 0;) {
      Stats& s = stats_[i];
      const xmlNode* x = node(i);
      if (!s.element) {
        s.raw_text = static_cast<uint32_t>(Content(x).size());
      } else if (s.tag == Tag::kArticle || s.tag == Tag::kMain ||
                 Attr(x, "itemprop") == "articleBody") {
        s.holds_article = true;
      }
      if (parent_[i] != kNone) {
        Stats& p = stats_[parent_[i]];
        p.raw_text += s.raw_text;
        p.holds_article = p.holds_article || s.holds_article;
      }
    }
  }

  // Pass 2 (forwards, parents first): what is chrome.
  void MarkChrome() {
    uint32_t page_text = 0;
    for (size_t i = 0; i < stats_.size(); ++i) {
      if (stats_[i].tag == Tag::kBody) page_text = std::max(page_text, stats_[i].raw_text);
    }
    for (size_t i = 0; i < stats_.size(); ++i) {
      Stats& s = stats_[i];
      if (parent_[i] != kNone && stats_[parent_[i]].dropped) {
        s.dropped = true;
        continue;
      }
      if (!s.element) continue;
      const xmlNode* x = node(i);
      if (AlwaysDropped(s.tag) || Hidden(x)) {
        s.dropped = true;
        continue;
      }
      const NameSignal names = ReadNames(Attr(x, "class"), Attr(x, "id"));
      s.weight = static_cast<int16_t>(names.weight);
      // A wrapper holding the article, or most of the page's text, is not chrome whatever its
      // tag or names say.
      const bool wrapper = s.holds_article || s.tag == Tag::kBody || s.tag == Tag::kHtml ||
                           (page_text > 0 && s.raw_text * 2 > page_text);
      if (wrapper) continue;
      if (ChromeTag(s.tag) || ChromeRole(Attr(x, "role"))) {
        s.dropped = true;
      } else if (options_.drop_named_chrome && names.chrome) {
        s.dropped = true;
      }
    }
  }

  // Pass 3 (backwards): visible text and element counts, chrome excluded.
  void Measure() {
    for (size_t i = stats_.size(); i-- > 0;) {
      Stats& s = stats_[i];
      if (s.dropped) continue;
      if (!s.element) {
        MeasureText(Content(node(i)), s.text, s.commas);
      } else {
        switch (s.tag) {
          case Tag::kA: s.link = s.text; break;
          case Tag::kP: ++s.paragraphs; break;
          case Tag::kLi: ++s.items; break;
          case Tag::kImg: ++s.images; break;
          case Tag::kInput: case Tag::kSelect: case Tag::kTextarea: ++s.inputs; break;
          case Tag::kEmbed: case Tag::kObject: case Tag::kIframe: ++s.embeds; break;
          default: break;
        }
      }
      if (parent_[i] == kNone) continue;
      Stats& p = stats_[parent_[i]];
      p.text += s.text;
      p.link += s.link;
      p.commas += s.commas;
      p.paragraphs += s.paragraphs;
      p.items += s.items;
      p.images += s.images;
      p.inputs += s.inputs;
      p.embeds += s.embeds;
      if (s.element && IsBlock(s.tag)) p.has_block = true;
    }
  }

  bool ParagraphLike(const Stats& s) const {
    switch (s.tag) {
      case Tag::kP: case Tag::kPre: return true;
      case Tag::kTd: case Tag::kDiv: case Tag::kSection: case Tag::kArticle:
        return !s.has_block;
      default: return false;
    }
  }

  double LinkDensity(const Stats& s) const {
    return s.text == 0 ? 0.0 : static_cast<double>(s.link) / s.text;
  }

  // Text or inline markup sitting directly in a container that also has block children, like
  // "<div>First line<br><div>image</div>Second line</div>": a paragraph without a <p>.
  bool LooseRun(size_t i) const {
    const Stats& s = stats_[i];
    if (s.element && IsBlock(s.tag)) return false;
    if (parent_[i] == kNone) return false;
    const Stats& p = stats_[parent_[i]];
    if (!p.has_block) return false;
    switch (p.tag) {
      case Tag::kDiv: case Tag::kSection: case Tag::kArticle: case Tag::kMain: case Tag::kTd:
      case Tag::kCenter: case Tag::kBlockquote:
        return true;
      default:
        return false;
    }
  }

  // Pass 4 (any order): paragraphs score their ancestors.
  void ScoreParagraphs() {
    for (size_t i = 0; i < stats_.size(); ++i) {
      const Stats& s = stats_[i];
      if (s.dropped || s.text < 25) continue;
      if (!(s.element && ParagraphLike(s)) && !LooseRun(i)) continue;
      const double points = 1.0 + s.commas + std::min(s.text / 100.0, 3.0);
      size_t a = parent_[i];
      for (int level = 0; level < 5 && a != kNone; ++level, a = parent_[a]) {
        Stats& as = stats_[a];
        if (!as.element || as.tag == Tag::kHtml) break;
        if (!as.scored) {
          as.scored = true;
          as.score = static_cast<float>(TagBaseScore(as.tag) + as.weight);
        }
        const double divider = level == 0 ? 1.0 : level == 1 ? 2.0 : level * 3.0;
        as.score += static_cast<float>(points / divider);
      }
    }
    for (Stats& s : stats_) {
      if (s.scored) s.score *= static_cast<float>(1.0 - LinkDensity(s));
    }
  }

  bool IsAncestor(size_t a, size_t i) const {
    for (size_t p = parent_[i]; p != kNone; p = parent_[p]) {
      if (p == a) return true;
    }
    return false;
  }

  size_t ElementChildren(size_t i) const {
    size_t count = 0;
    for (const xmlNode* c = node(i)->children; c != nullptr; c = c->next) {
      const size_t ci = ParsedHtml::Index(c);
      if (ci != kNone && stats_[ci].element && !stats_[ci].dropped) ++count;
    }
    return count;
  }

  size_t ChooseTop() {
    std::array<size_t, 5> best;
    best.fill(kNone);
    for (size_t i = 0; i < stats_.size(); ++i) {
      if (!stats_[i].scored || stats_[i].dropped) continue;
      for (size_t k = 0; k < best.size(); ++k) {
        if (best[k] == kNone || stats_[i].score > stats_[best[k]].score) {
          std::copy_backward(best.begin() + k, best.end() - 1, best.end());
          best[k] = i;
          break;
        }
      }
    }
    size_t top = best[0];
    if (top == kNone) return kNone;
    const float top_score = stats_[top].score;
    auto is_root = [&](size_t i) {
      return stats_[i].tag == Tag::kBody || stats_[i].tag == Tag::kHtml;
    };
    // Several near-best candidates under one ancestor: the article is split into parts.
    for (size_t a = parent_[top]; a != kNone && !is_root(a); a = parent_[a]) {
      int near = 0;
      for (size_t k = 1; k < best.size(); ++k) {
        if (best[k] != kNone && stats_[best[k]].score >= 0.75f * top_score &&
            IsAncestor(a, best[k])) {
          ++near;
        }
      }
      if (near >= 2) {
        top = a;
        break;
      }
    }
    // Climb while the parent still scores comparably and then beats the candidate.
    float last = stats_[top].score;
    const float floor = last / 3;
    for (size_t a = parent_[top]; a != kNone && !is_root(a); a = parent_[a]) {
      if (!stats_[a].scored) continue;
      if (stats_[a].score < floor) break;
      if (stats_[a].score > last) {
        top = a;
        break;
      }
      last = stats_[a].score;
    }
    // An only child says nothing its parent does not.
    while (parent_[top] != kNone && !is_root(parent_[top]) && ElementChildren(parent_[top]) == 1) {
      top = parent_[top];
    }
    return top;
  }

  bool ReadsAsProse(size_t i) const {
    const Stats& s = stats_[i];
    const double ld = LinkDensity(s);
    if (s.text > 80) return ld < 0.25;
    if (s.text == 0 || ld > 0) return false;
    const std::string t = TextOf(node(i));
    return t.find(". ") != std::string::npos || (!t.empty() && Squash(t).back() == '.');
  }

  std::vector<size_t> WithSiblings(size_t top) {
    const size_t p = parent_[top];
    if (p == kNone) return {top};
    const float top_score = stats_[top].score;
    const float threshold = std::max(10.0f, top_score * 0.2f);
    const std::string_view top_class = Attr(node(top), "class");
    std::vector<size_t> roots;
    for (const xmlNode* c = node(p)->children; c != nullptr; c = c->next) {
      const size_t ci = ParsedHtml::Index(c);
      if (ci == kNone || !stats_[ci].element || stats_[ci].dropped) continue;
      if (ci == top) {
        roots.push_back(ci);
        continue;
      }
      const Stats& s = stats_[ci];
      float bonus = 0;
      if (!top_class.empty() && Attr(c, "class") == top_class) bonus = top_score * 0.2f;
      if ((s.scored && s.score + bonus >= threshold) ||
          ((ParagraphLike(s) || s.paragraphs > 0) && ReadsAsProse(ci))) {
        roots.push_back(ci);
      }
    }
    return roots;
  }

  size_t FallbackRoot() const {
    for (size_t i = 0; i < stats_.size(); ++i) {
      if (stats_[i].tag == Tag::kBody) return i;
    }
    return stats_.empty() ? kNone : 0;
  }

  // Inside the chosen content: containers that look like link lists, galleries or widgets.
  bool LooksLikeClutter(size_t i) const {
    const Stats& s = stats_[i];
    switch (s.tag) {
      case Tag::kTable: case Tag::kUl: case Tag::kOl: case Tag::kDl: case Tag::kDiv:
      case Tag::kSection: case Tag::kForm: case Tag::kAside: case Tag::kHeader: break;
      default: return false;
    }
    if (s.weight < 0) return true;
    if (s.commas >= 10) return false;
    const bool list = s.tag == Tag::kUl || s.tag == Tag::kOl;
    const double ld = LinkDensity(s);
    const double p = s.paragraphs;
    if (s.images > 1 && p / s.images < 0.5) return true;
    if (!list && static_cast<double>(s.items) - 100 > p) return true;
    if (s.inputs > s.paragraphs / 3) return true;
    if (!list && s.text < 25 && (s.images == 0 || s.images > 2)) return true;
    if (list && ld > 0.5) return true;
    if (!list && s.weight < 25 && ld > 0.2) return true;
    if (s.weight >= 25 && ld > 0.5) return true;
    if ((s.embeds == 1 && s.text < 75) || s.embeds > 1) return true;
    return false;
  }

  bool Skip(size_t i, size_t root) const {
    const Stats& s = stats_[i];
    if (s.dropped) return true;
    if (!s.element) return false;
    if (s.tag == Tag::kH1) return true;
    // What holds most of the chosen text is the content itself, not clutter inside it.
    if (i == root || s.text * 2 > stats_[root].text) return false;
    return LooksLikeClutter(i);
  }

  void Enter(const xmlNode* n, size_t i, TextBuilder& out) const {
    const Stats& s = stats_[i];
    if (!s.element) {
      // libxml2 passes invalid bytes of a page declared UTF-8 through; ingest repairs pages first,
      // but the extractor promises valid UTF-8 on its own.
      const std::string_view text = Content(n);
      if (utf8::IsValid(text)) out.AppendInline(text, page_.RawOffset(n));
      else out.AppendInline(utf8::Repair(text), page_.RawOffset(n));
      return;
    }
    if (s.tag == Tag::kBr) out.LineBreak();
    else if (IsBlock(s.tag)) out.EndBlock();
  }

  void Leave(size_t i, TextBuilder& out) const {
    const Stats& s = stats_[i];
    if (!s.element) return;
    if (IsBlock(s.tag)) out.EndBlock();
    else if (s.tag == Tag::kTd || s.tag == Tag::kTh) out.AppendInline(" ", 0);
  }

  // Writes the subtree under `root` in document order without recursion.
  void Emit(size_t root_index, TextBuilder& out) const {
    const xmlNode* root = node(root_index);
    const xmlNode* n = root;
    while (n != nullptr) {
      const size_t i = ParsedHtml::Index(n);
      const bool skip = i == kNone || Skip(i, root_index);
      if (!skip) Enter(n, i, out);
      if (!skip && n->children != nullptr) {
        n = n->children;
        continue;
      }
      if (!skip) Leave(i, out);
      // Climb until a next sibling exists, leaving every finished ancestor.
      while (n != root && n->next == nullptr) {
        n = n->parent;
        const size_t pi = ParsedHtml::Index(n);
        if (pi != kNone) Leave(pi, out);
      }
      n = n == root ? nullptr : n->next;
    }
  }

  const ParsedHtml& page_;
  const ContentOptions& options_;
  std::vector<Stats> stats_;
  std::vector<size_t> parent_;
};

}  // namespace

void ExtractMainText(const ParsedHtml& page, const ContentOptions& options, TextBuilder& out) {
  Extractor(page, options).Run(out);
}

}  // namespace corroborate::html
