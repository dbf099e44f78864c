// The news organisation lists, parsed once (see news_outlets.h). Tested in events_test.cc.
#include "events/news_outlets.h"

#include <string>
#include <unordered_map>

#include "core/ascii.h"
#include "core/embedded_data.h"

namespace corroborate {
namespace {

// Lower case, "the " dropped, runs of spaces as one: the key a name is looked up by.
std::string NameKey(std::string_view name) {
  std::string k;
  for (char c : name) {
    if (ascii::IsSpace(static_cast<unsigned char>(c))) {
      if (!k.empty() && k.back() != ' ') k.push_back(' ');
    } else {
      k.push_back(ascii::ToLower(static_cast<unsigned char>(c)));
    }
  }
  while (!k.empty() && k.back() == ' ') k.pop_back();
  if (k.rfind("the ", 0) == 0) k.erase(0, 4);
  return k;
}

// "https://www.wsj.com/articles/x" → "wsj.com"; "" when it is no web address or domain.
std::string DomainKey(std::string_view s) {
  size_t scheme = s.find("://");
  if (scheme != std::string_view::npos) s.remove_prefix(scheme + 3);
  s = s.substr(0, s.find_first_of("/?#:"));
  if (s.find('.') == std::string_view::npos || s.find(' ') != std::string_view::npos) return "";
  std::string d = ascii::Lower(s);
  if (d.rfind("www.", 0) == 0) d.erase(0, 4);
  return d;
}

class Outlets {
 public:
  static const Outlets& Get() {
    static const Outlets kOutlets;
    return kOutlets;
  }

  std::string_view Find(std::string_view name) const {
    std::string d = DomainKey(name);
    while (!d.empty()) {
      auto it = by_domain_.find(d);
      if (it != by_domain_.end()) return it->second;
      size_t dot = d.find('.');  // "markets.ft.com" → "ft.com"
      if (dot == std::string::npos || d.find('.', dot + 1) == std::string::npos) break;
      d.erase(0, dot + 1);
    }
    auto it = by_name_.find(NameKey(name));
    return it == by_name_.end() ? std::string_view() : std::string_view(it->second);
  }

 private:
  Outlets() {
    ForEachRow(EmbeddedData("news_outlets.tsv"), [&](std::string_view name, std::string_view domains) {
      by_name_.emplace(NameKey(name), std::string(name));
      while (!domains.empty()) {
        size_t sp = domains.find(' ');
        std::string_view d = domains.substr(0, sp);
        if (!d.empty()) by_domain_.emplace(DomainKey(d), std::string(name));
        domains = sp == std::string_view::npos ? std::string_view() : domains.substr(sp + 1);
      }
    });
    ForEachRow(EmbeddedData("news_outlet_aliases.tsv"), [&](std::string_view alias, std::string_view name) {
      by_name_.emplace(NameKey(name), std::string(name));
      by_name_.emplace(NameKey(alias), std::string(name));
    });
  }

  // Calls f(first column, second column) for each row that has two.
  template <typename F>
  static void ForEachRow(std::string_view data, F&& f) {
    while (!data.empty()) {
      size_t nl = data.find('\n');
      std::string_view line = data.substr(0, nl);
      data = nl == std::string_view::npos ? std::string_view() : data.substr(nl + 1);
      if (line.empty() || line[0] == '#') continue;
      size_t tab = line.find('\t');
      if (tab != std::string_view::npos) f(line.substr(0, tab), line.substr(tab + 1));
    }
  }

  std::unordered_map<std::string, std::string> by_name_;
  std::unordered_map<std::string, std::string> by_domain_;
};

}  // namespace

std::string_view NewsOutletName(std::string_view name) { return Outlets::Get().Find(name); }

}  // namespace corroborate
