// robots.txt parsing and matching (see robots.h). Tested in robots_test.cc.
#include "watch/robots.h"

#include <algorithm>
#include <cctype>
#include <charconv>

namespace corroborate::watch {
namespace {

constexpr size_t kMaxRobotsBytes = 500 * 1024;

std::string Lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// The user-agent value's product token names our agent: "Corroborate/0.1" and "corroborate" do.
bool NamesAgent(std::string_view value, std::string_view agent) {
  std::string v = Lower(value);
  const size_t end = v.find_first_of("/ \t");
  if (end != std::string::npos) v.resize(end);
  return !v.empty() && v == Lower(agent);
}

}  // namespace

bool RobotsPatternMatches(std::string_view pattern, std::string_view path) {
  bool anchored = !pattern.empty() && pattern.back() == '$';
  if (anchored) pattern.remove_suffix(1);
  // Greedy matching with backtracking to the last "*": linear in practice, quadratic at worst.
  size_t p = 0, s = 0, star = std::string_view::npos, mark = 0;
  while (true) {
    if (p == pattern.size()) {
      if (!anchored || s == path.size()) return true;
      if (star == std::string_view::npos) return false;
      p = star + 1;
      s = ++mark;
      if (s > path.size()) return false;
      continue;
    }
    if (pattern[p] == '*') {
      star = p++;
      mark = s;
      continue;
    }
    if (s < path.size() && pattern[p] == path[s]) {
      ++p;
      ++s;
      continue;
    }
    if (star == std::string_view::npos || mark >= path.size()) return false;
    p = star + 1;
    s = ++mark;
  }
}

RobotsRules RobotsRules::Parse(std::string_view text, std::string_view agent) {
  if (text.size() > kMaxRobotsBytes) text = text.substr(0, kMaxRobotsBytes);
  struct Group {
    bool ours = false, star = false;
    std::vector<Rule> rules;
    double delay = 0;
  };
  std::vector<Group> groups;
  bool in_agents = false;  // consecutive user-agent lines share one group
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    if (size_t hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
    const size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    const std::string key = Lower(Trim(line.substr(0, colon)));
    const std::string_view value = Trim(line.substr(colon + 1));
    if (key == "user-agent") {
      if (!in_agents) groups.emplace_back();
      in_agents = true;
      if (value == "*") groups.back().star = true;
      if (NamesAgent(value, agent)) groups.back().ours = true;
      continue;
    }
    if (groups.empty()) continue;  // rules before any user-agent line belong to no group
    in_agents = false;
    if (key == "allow" || key == "disallow") {
      if (value.empty()) continue;  // "Disallow:" with nothing allows everything
      groups.back().rules.push_back(Rule{std::string(value), key == "allow"});
    } else if (key == "crawl-delay") {
      double d = 0;
      auto [p, ec] = std::from_chars(value.data(), value.data() + value.size(), d);
      if (ec == std::errc() && d > 0) groups.back().delay = std::min(d, 60.0);
    }
  }
  RobotsRules out;
  bool any_ours = std::any_of(groups.begin(), groups.end(), [](const Group& g) { return g.ours; });
  for (const Group& g : groups) {
    if (any_ours ? !g.ours : !g.star) continue;
    out.rules_.insert(out.rules_.end(), g.rules.begin(), g.rules.end());
    out.crawl_delay_ = std::max(out.crawl_delay_, g.delay);
  }
  return out;
}

bool RobotsRules::Allowed(std::string_view path) const {
  if (disallow_all_) return false;
  if (path == "/robots.txt") return true;
  size_t best = 0;
  bool allowed = true, matched = false;
  for (const Rule& r : rules_) {
    if (!RobotsPatternMatches(r.pattern, path)) continue;
    const size_t len = r.pattern.size();
    if (!matched || len > best) {
      best = len;
      allowed = r.allow;
      matched = true;
    } else if (len == best && r.allow) {
      allowed = true;
    }
  }
  return allowed;
}

}  // namespace corroborate::watch
