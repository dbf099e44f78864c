// robots.txt (RFC 9309): the rules for one user agent, and whether a path may be fetched. The
// watcher fetches /robots.txt once per origin before anything else there and keeps the rules for a
// while (watcher.h). Tested in robots_test.cc.
//
//   RobotsRules r = RobotsRules::Parse(text, "corroborate");
//   if (!r.Allowed("/news/today?page=2")) skip();
//   double delay = r.crawl_delay();   // seconds, 0 when not given
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace corroborate::watch {

class RobotsRules {
 public:
  // The group whose user-agent line names `agent` (case-insensitively, as a product token: "corroborate"
  // matches "Corroborate" and "corroborate/0.1"), else the "*" group, else no rules. Groups of one
  // agent given twice are merged. Only the first 500 KiB are read (the RFC's minimum).
  static RobotsRules Parse(std::string_view text, std::string_view agent);
  // A missing robots.txt (4xx) allows everything; an unreachable one (5xx, network error) nothing.
  static RobotsRules AllowAll() { return RobotsRules(); }
  static RobotsRules DisallowAll() {
    RobotsRules r;
    r.disallow_all_ = true;
    return r;
  }

  // `path` is the URL's path and query ("/a/b?c"). The longest matching rule decides; a tie goes
  // to allow; no matching rule allows. Patterns may hold "*" (any run) and end with "$".
  bool Allowed(std::string_view path) const;
  // Crawl-delay of the chosen group (not in the RFC, but widely written), capped at 60 s.
  double crawl_delay() const { return crawl_delay_; }

 private:
  struct Rule {
    std::string pattern;
    bool allow = false;
  };
  std::vector<Rule> rules_;
  double crawl_delay_ = 0;
  bool disallow_all_ = false;
};

// Whether `path` matches a robots pattern ("*" any run, a final "$" anchors the end).
bool RobotsPatternMatches(std::string_view pattern, std::string_view path);

}  // namespace corroborate::watch
