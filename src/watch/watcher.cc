// The watcher (see watcher.h): a scheduler of polls and page fetches over per-host queues, worker
// threads that fetch, and one ingest thread that commits what they found. Tested in
// tests/watch.
#include "watch/watcher.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <deque>
#include <fstream>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include "ingest/charset.h"
#include "ingest/feed_reader.h"
#include "store/writer.h"
#include "watch/fetcher.h"
#include "watch/robots.h"

namespace corroborate::watch {
namespace {

using Clock = std::chrono::steady_clock;

double Now() {
  static const Clock::time_point start = Clock::now();
  return std::chrono::duration<double>(Clock::now() - start).count();
}

constexpr int kMaxRedirects = 5;
constexpr size_t kMaxSources = 10000;  // sitemap indexes cannot grow the list past this

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

bool IsHtml(const std::string& content_type) {
  const std::string t = Lower(content_type);
  return t.empty() || t.starts_with("text/html") || t.starts_with("application/xhtml");
}

std::string HttpFailure(int status) { return "HTTP " + std::to_string(status); }

}  // namespace

std::vector<std::string> ExpandSource(const std::string& arg, const ProblemCallback& on_problem) {
  UrlParts parts;
  if (SplitUrl(arg, parts)) return {arg};
  std::ifstream in(arg);
  if (!in) {
    on_problem({arg, 0, "neither an http(s) URL nor a readable file of URLs"});
    return {};
  }
  std::vector<std::string> urls;
  std::string line;
  size_t n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (const size_t hash = line.find('#'); hash != std::string::npos && (hash == 0 || line[hash - 1] == ' ' || line[hash - 1] == '\t')) {
      line.resize(hash);
    }
    line.erase(0, line.find_first_not_of(" \t\r"));
    line.erase(line.find_last_not_of(" \t\r") + 1);
    if (line.empty()) continue;
    if (!SplitUrl(line, parts)) {
      on_problem({arg, n, "not an http(s) URL: " + line.substr(0, 200)});
      continue;
    }
    urls.push_back(line);
  }
  return urls;
}

struct Watcher::Impl {
  enum class Kind { kFeed, kPage, kRobots };

  // One request waiting for its host, with what to do with the answer.
  struct Task {
    Kind kind = Kind::kFeed;
    std::string url;
    int hop = 0;          // redirects followed so far
    int attempt = 0;      // retries so far
    double not_before = 0;
    uint64_t poll = 0;    // the poll it belongs to (feeds and pages)
    std::string origin;   // robots tasks: the origin they are for
    RawDocument item;     // pages: the feed's item
    std::string item_key, item_hash;
  };

  struct Source {
    std::string url;
    double next_poll = 0;
    int failures = 0;
    bool busy = false;
    bool polled = false;   // once: polled already
  };

  // One poll of one source, until every item it found is stored or given up.
  struct Poll {
    size_t source = 0;
    size_t pending = 0;     // items handed on and not yet stored
    bool parsed = false;    // the feed was read to its end (or failed)
    bool complete = true;   // everything was taken: the validators may be saved
    bool failed = false;
    store::FeedValidators validators;
  };

  struct Host {
    double next_free = 0;
    bool busy = false;
    enum class Robots { kUnknown, kFetching, kKnown } robots_state = Robots::kUnknown;
    RobotsRules robots;
    double robots_expires = 0;
    std::deque<Task> tasks;
  };

  // An article ready for the store, with what to record once it is.
  struct Ready {
    RawDocument doc;
    uint64_t poll = 0;
    std::string item_key, item_hash;
  };

  store::Store& store;
  WatchOptions options;
  ProblemCallback on_problem;
  store::CommitCallback on_commit;

  mutable std::mutex mu;
  std::condition_variable work_cv;   // workers: a task or a poll may be due
  std::condition_variable ready_cv;  // the ingester: articles are ready, or room was made
  std::vector<Source> sources;
  std::set<std::string> source_urls;
  std::map<std::string, Host> hosts;  // by origin
  std::map<uint64_t, Poll> polls;
  uint64_t next_poll_id = 1;
  std::deque<Ready> ready;
  size_t in_flight = 0;
  std::atomic<bool> stopping{false};
  Status store_failure;
  WatchStats stats;

  Impl(store::Store& s, const WatchOptions& o, const ProblemCallback& p, const store::CommitCallback& c)
      : store(s), options(o), on_problem(p), on_commit(c) {}

  void Problem(const InputProblem& p) {
    {
      std::lock_guard lock(problem_mu);
      last_problem = p.Format();
    }
    if (on_problem) on_problem(p);
  }
  std::mutex problem_mu;  // guards last_problem (problems come with and without mu held)
  std::string last_problem;

  // --- scheduling (under mu) ------------------------------------------------------------------
  void Enqueue(Task t) {
    UrlParts parts;
    if (!SplitUrl(t.url, parts)) return;
    hosts[parts.origin()].tasks.push_back(std::move(t));
    work_cv.notify_one();
  }

  void StartDuePolls(double now) {
    if (stopping) return;
    for (size_t i = 0; i < sources.size(); ++i) {
      Source& s = sources[i];
      if (s.busy || s.next_poll > now || (options.once && s.polled)) continue;
      s.busy = true;
      s.polled = true;
      const uint64_t id = next_poll_id++;
      Poll& p = polls[id];
      p.source = i;
      Result<store::FeedValidators> v = store.LoadFeedValidators(s.url);
      if (v.ok()) p.validators = *v;
      Task t;
      t.kind = Kind::kFeed;
      t.url = s.url;
      t.poll = id;
      ++stats.polls;
      Enqueue(std::move(t));
    }
  }

  // The next task a worker may run now, or false with the time to wait until.
  bool Pick(Task& out, double& wake) {
    const double now = Now();
    StartDuePolls(now);
    wake = now + 1;
    for (const Source& s : sources) {
      if (!s.busy && !(options.once && s.polled)) wake = std::min(wake, s.next_poll);
    }
    for (auto& [origin, host] : hosts) {
      if (host.busy || host.tasks.empty()) continue;
      if (host.next_free > now) {
        wake = std::min(wake, host.next_free);
        continue;
      }
      if (host.robots_state == Host::Robots::kKnown && host.robots_expires <= now) {
        host.robots_state = Host::Robots::kUnknown;
      }
      if (host.robots_state == Host::Robots::kUnknown) {
        host.robots_state = Host::Robots::kFetching;
        out = Task{};
        out.kind = Kind::kRobots;
        out.url = origin + "/robots.txt";
        out.origin = origin;
        host.busy = true;
        return true;
      }
      if (host.robots_state == Host::Robots::kFetching) continue;  // its robots.txt is on another host (a redirect)
      auto it = std::find_if(host.tasks.begin(), host.tasks.end(), [&](const Task& t) { return t.not_before <= now; });
      if (it == host.tasks.end()) {
        for (const Task& t : host.tasks) wake = std::min(wake, t.not_before);
        continue;
      }
      Task t = std::move(*it);
      host.tasks.erase(it);
      UrlParts parts;
      SplitUrl(t.url, parts);
      if (!host.robots.Allowed(parts.path)) {
        Failed(t, "disallowed by robots.txt", false);
        return Pick(out, wake);
      }
      host.busy = true;
      out = std::move(t);
      return true;
    }
    return false;
  }

  // After a request to `origin` ended: the host may take the next one after its interval.
  void Release(const std::string& origin) {
    Host& h = hosts[origin];
    h.busy = false;
    const double delay = std::max(options.host_interval, h.robots.crawl_delay());
    h.next_free = Now() + delay;
    work_cv.notify_all();
  }

  // --- outcomes (under mu) --------------------------------------------------------------------
  void Failed(Task& t, const std::string& why, bool transient, double retry_after = 0) {
    if (transient && t.attempt < options.retries && !stopping) {
      ++t.attempt;
      t.not_before = Now() + std::max(retry_after, options.retry_backoff * std::pow(2.0, t.attempt - 1));
      Enqueue(std::move(t));
      return;
    }
    if (stopping) {  // abandoned on Stop(): nothing to report, the next run asks again
      if (t.kind == Kind::kFeed) {
        Poll& p = polls[t.poll];
        p.failed = p.parsed = true;
        FinishIfDone(t.poll);
      } else if (t.kind == Kind::kPage) {
        Poll& p = polls[t.poll];
        --p.pending;
        p.complete = false;
        FinishIfDone(t.poll);
      }
      return;
    }
    ++stats.fetch_failures;
    const std::string tries = t.attempt > 0 ? " (" + std::to_string(t.attempt + 1) + " tries)" : "";
    if (t.kind == Kind::kFeed) {
      Poll& p = polls[t.poll];
      p.failed = true;
      p.parsed = true;
      Source& s = sources[p.source];
      ++s.failures;
      const double wait = std::min(options.poll_interval * std::pow(2.0, std::min(s.failures, 10)),
                                   std::max(options.poll_interval, 1800.0));
      char next[64];
      std::snprintf(next, sizeof next, "; next try in %.0f s", wait);
      Problem({s.url, 0, why + tries + (options.once ? "" : next)});
      FinishIfDone(t.poll);
      return;
    }
    if (t.kind == Kind::kPage) {
      Poll& p = polls[t.poll];
      if (!t.item.body.empty()) {  // the item's own text stands in for the page
        ++stats.item_text_used;
        ready.push_back(Ready{std::move(t.item), t.poll, t.item_key, t.item_hash});
        ready_cv.notify_one();
        return;
      }
      --p.pending;
      if (transient) {
        p.complete = false;  // try again with the next poll
      } else {
        pending_items.emplace_back(t.item_key, t.item_hash);  // given up until the item changes
      }
      Problem({t.url, 0, "no text: the page could not be had (" + why + tries + ") and the feed item has none"});
      FinishIfDone(t.poll);
    }
  }

  // Records a poll's end once its feed was read and every item it handed on is settled.
  void FinishIfDone(uint64_t id) {
    auto it = polls.find(id);
    if (it == polls.end()) return;
    Poll& p = it->second;
    if (!p.parsed || p.pending > 0) return;
    Source& s = sources[p.source];
    if (!p.failed) {
      s.failures = 0;
      if (p.complete) (void)store.SaveFeedValidators(s.url, p.validators);
    }
    if (!pending_items.empty()) {
      (void)store.SaveWatchedItems(pending_items);
      pending_items.clear();
    }
    if (!p.failed) s.next_poll = Now() + options.poll_interval;
    if (p.failed) {
      s.next_poll = Now() + std::min(options.poll_interval * std::pow(2.0, std::min(s.failures, 10)),
                                     std::max(options.poll_interval, 1800.0));
    }
    s.busy = false;
    polls.erase(it);
    work_cv.notify_all();
  }
  std::vector<std::pair<std::string, std::string>> pending_items;  // items given up, to record

  // --- the work of one task (no lock held) ----------------------------------------------------
  void Perform(Task t) {
    FetchRequest req;
    req.url = t.url;
    req.user_agent = options.user_agent;
    req.timeout_ms = options.timeout_ms;
    req.connect_timeout_ms = options.connect_timeout_ms;
    req.cancel = &stopping;
    req.max_bytes = t.kind == Kind::kFeed ? options.max_feed_bytes
                    : t.kind == Kind::kPage ? options.read.max_document_bytes
                                            : 512u * 1024;
    if (t.kind == Kind::kFeed && t.hop == 0) {
      std::lock_guard lock(mu);
      const Poll& p = polls[t.poll];
      req.etag = p.validators.etag;
      req.last_modified = p.validators.last_modified;
    }
    Result<FetchResponse> r = Fetch(req);
    // robots.txt follows its redirects at once (RFC 9309: at least five hops), wherever they lead.
    for (int hop = 0; t.kind == Kind::kRobots && hop < kMaxRedirects && r.ok() && r->status >= 300 &&
                      r->status < 400 && !r->location.empty();
         ++hop) {
      req.url = r->location;
      r = Fetch(req);
    }
    UrlParts parts;
    SplitUrl(t.url, parts);
    const std::string origin = t.kind == Kind::kRobots ? t.origin : parts.origin();

    if (t.kind == Kind::kRobots) return RobotsDone(t, r);
    if (r.ok() && r->status >= 300 && r->status < 400 && r->status != 304) {
      std::lock_guard lock(mu);
      Release(origin);
      return Redirect(t, *r);
    }
    if (t.kind == Kind::kFeed) return FeedDone(t, r, origin);
    return PageDone(t, r, origin);
  }

  void Redirect(Task& t, const FetchResponse& r) {  // under mu
    UrlParts next;
    if (r.location.empty() || !SplitUrl(r.location, next)) {
      return Failed(t, HttpFailure(r.status) + " without a usable Location", false);
    }
    if (t.hop >= kMaxRedirects) {
      return Failed(t, "more than " + std::to_string(kMaxRedirects) + " redirects (a redirect loop?), last to " + r.location, false);
    }
    ++t.hop;
    t.url = r.location;
    t.not_before = 0;
    Enqueue(std::move(t));
  }

  void RobotsDone(Task& t, Result<FetchResponse>& r) {
    std::lock_guard lock(mu);
    Host& h = hosts[t.origin];
    const double now = Now();
    if (r.ok() && r->status >= 200 && r->status < 300) {
      Result<std::string> text = r->body->Small(512u * 1024);
      h.robots = text.ok() ? RobotsRules::Parse(*text, "corroborate") : RobotsRules::AllowAll();
      h.robots_expires = now + options.robots_ttl;
    } else if (r.ok() && r->status >= 400 && r->status < 500 && r->status != 429) {
      h.robots = RobotsRules::AllowAll();  // no robots.txt: everything is allowed
      h.robots_expires = now + options.robots_ttl;
    } else {
      // Unreachable: nothing is fetched there (RFC 9309) until it is asked again, soon.
      h.robots = RobotsRules::DisallowAll();
      h.robots_expires = now + std::min(options.robots_ttl, 60.0);
      Problem({t.url, 0, (r.ok() ? HttpFailure(r->status) : r.status().message()) +
                             ": robots.txt unreachable, so nothing is fetched from " + t.origin + " for now"});
      // Its waiting tasks fail now rather than wait a minute each.
      std::deque<Task> waiting;
      waiting.swap(h.tasks);
      for (Task& w : waiting) {
        w.attempt = options.retries;  // no retry: robots.txt decides when to look again
        Failed(w, "robots.txt of " + t.origin + " is unreachable", true);
      }
    }
    h.robots_state = Host::Robots::kKnown;
    Release(t.origin);
  }

  void FeedDone(Task& t, Result<FetchResponse>& r, const std::string& origin) {
    if (!r.ok() || r->status != 200) {
      std::lock_guard lock(mu);
      Release(origin);
      if (r.ok() && r->status == 304) {
        ++stats.not_modified;
        Poll& p = polls[t.poll];
        p.parsed = true;
        return FinishIfDone(t.poll);
      }
      if (!r.ok()) return Failed(t, r.status().message(), Transient(r.status()));
      return Failed(t, HttpFailure(r->status), TransientStatus(r->status), r->retry_after);
    }
    {
      std::lock_guard lock(mu);
      Release(origin);  // the host is free while the feed is parsed
      Poll& p = polls[t.poll];
      p.validators.etag = r->etag;
      p.validators.last_modified = r->last_modified;
    }
    // Parsed as a stream from the spilled body, one item at a time.
    std::unique_ptr<ByteSource> in = r->body->Reader();
    size_t taken = 0;
    bool complete = true;
    std::vector<std::string> children;
    ReadFeedStream(*in, t.url, CharsetFromContentType(r->content_type), options.read,
                   FeedCallbacks{
                       [&](RawDocument&& item) { taken += TakeItem(t, std::move(item), taken, complete); },
                       [&](const InputProblem& p) { Problem(p); },
                       [&](std::string url) { children.push_back(std::move(url)); }});
    std::lock_guard lock(mu);
    for (std::string& url : children) {
      UrlParts parts;
      if (sources.size() < kMaxSources && SplitUrl(url, parts) && source_urls.insert(url).second) {
        sources.push_back(Source{url});
      }
    }
    Poll& p = polls[t.poll];
    p.parsed = true;
    if (!complete) p.complete = false;
    FinishIfDone(t.poll);
  }

  // Decides what to do with one item of a feed; returns 1 when it was taken.
  size_t TakeItem(const Task& feed, RawDocument&& item, size_t taken, bool& complete) {
    const std::string key = item.id;
    // The item as the feed gives it, without its place in the feed.
    RawDocument probe = item;
    probe.source.clear();
    probe.line = 0;
    const std::string hash = store::RawHash(probe);
    Result<std::string> known = store.WatchedItemHash(key);
    if (known.ok() && *known == hash) return 0;
    if (stopping || taken >= options.max_items_per_poll) {
      complete = false;
      return 0;
    }
    UrlParts page;
    std::lock_guard lock(mu);
    ++stats.items_new;
    Poll& p = polls[feed.poll];
    ++p.pending;
    if (options.fetch_pages && SplitUrl(item.url, page)) {
      Task t;
      t.kind = Kind::kPage;
      t.url = item.url;
      t.poll = feed.poll;
      t.item = std::move(item);
      t.item_key = key;
      t.item_hash = hash;
      Enqueue(std::move(t));
    } else {
      Ready r{std::move(item), feed.poll, key, hash};
      ready.push_back(std::move(r));
      ready_cv.notify_one();
    }
    return 1;
  }

  void PageDone(Task& t, Result<FetchResponse>& r, const std::string& origin) {
    std::unique_lock lock(mu);
    Release(origin);
    if (!r.ok()) return Failed(t, r.status().message(), Transient(r.status()));
    if (r->status != 200) return Failed(t, HttpFailure(r->status), TransientStatus(r->status), r->retry_after);
    if (!IsHtml(r->content_type)) return Failed(t, "not an HTML page (" + r->content_type + ")", false);
    lock.unlock();
    Result<std::string> bytes = r->body->Small(options.read.max_document_bytes);
    lock.lock();
    if (!bytes.ok()) return Failed(t, "page " + bytes.status().message(), false);
    ++stats.pages;
    RawDocument doc = std::move(t.item);  // the feed's metadata wins over the page's (ARCHITECTURE "Clean")
    doc.kind = ContentKind::kHtml;
    doc.body = DecodeHtml(*bytes, CharsetFromContentType(r->content_type));
    doc.source = t.url;
    doc.line = 0;
    ready.push_back(Ready{std::move(doc), t.poll, t.item_key, t.item_hash});
    ready_cv.notify_one();
  }

  // --- threads --------------------------------------------------------------------------------
  void WorkerMain() {
    std::unique_lock lock(mu);
    while (!stopping) {
      Task t;
      double wake = 0;
      // Room for the ingester first: a worker waits rather than pile up fetched articles.
      if (ready.size() < 2 * options.batch && Pick(t, wake)) {
        ++in_flight;
        lock.unlock();
        Perform(std::move(t));
        lock.lock();
        --in_flight;
        ready_cv.notify_one();
        continue;
      }
      if (options.once && Idle()) {
        work_cv.notify_all();
        ready_cv.notify_all();
        return;
      }
      const double now = Now();
      work_cv.wait_for(lock, std::chrono::duration<double>(std::clamp(wake - now, 0.005, 1.0)));
    }
  }

  // Once mode: every source polled and every poll settled.
  bool Idle() const {
    if (in_flight > 0 || !ready.empty() || !polls.empty()) return false;
    for (const Source& s : sources) {
      if (!s.polled) return false;
    }
    return true;
  }

  void IngestMain() {
    std::unique_lock lock(mu);
    while (true) {
      ready_cv.wait_for(lock, std::chrono::milliseconds(200),
                        [&] { return !ready.empty() || stopping || (options.once && Idle()); });
      if (ready.empty()) {
        if (stopping || (options.once && Idle())) return;
        continue;
      }
      std::vector<Ready> batch;
      while (!ready.empty() && batch.size() < options.batch) {
        batch.push_back(std::move(ready.front()));
        ready.pop_front();
      }
      work_cv.notify_all();
      lock.unlock();
      std::vector<RawDocument> docs;
      for (Ready& r : batch) docs.push_back(std::move(r.doc));
      Result<store::IngestReport> report =
          store.IngestDocuments(std::move(docs), [&](const InputProblem& p) { Problem(p); }, on_commit);
      std::vector<std::pair<std::string, std::string>> items;
      for (const Ready& r : batch) items.emplace_back(r.item_key, r.item_hash);
      Status saved = report.ok() ? store.SaveWatchedItems(items) : report.status();
      lock.lock();
      if (!saved.ok()) {
        // The store failed: stop; what was committed stays, the rest is read again next time.
        store_failure = saved;
        stopping = true;
        work_cv.notify_all();
        return;
      }
      stats.stored += report->accepted;
      stats.duplicates += report->duplicates;
      stats.versions += report->versions;
      stats.rejected += report->rejected.size();
      for (const Ready& r : batch) {
        auto it = polls.find(r.poll);
        if (it == polls.end()) continue;
        --it->second.pending;
        FinishIfDone(r.poll);
      }
    }
  }
};

Watcher::Watcher(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Watcher::~Watcher() = default;

Result<std::unique_ptr<Watcher>> Watcher::Create(store::Store& store, const std::vector<std::string>& args,
                                                 const WatchOptions& options, const ProblemCallback& on_problem,
                                                 const store::CommitCallback& on_commit) {
  auto impl = std::make_unique<Impl>(store, options, on_problem, on_commit);
  impl->options.connections = std::max<size_t>(impl->options.connections, 1);
  impl->options.batch = std::max<size_t>(impl->options.batch, 1);
  for (const std::string& arg : args) {
    for (std::string& url : ExpandSource(arg, on_problem)) {
      if (impl->source_urls.insert(url).second) impl->sources.push_back(Impl::Source{url});
    }
  }
  if (impl->sources.empty()) return InvalidInput("no source to watch");
  return std::unique_ptr<Watcher>(new Watcher(std::move(impl)));
}

Status Watcher::Run() {
  Impl& w = *impl_;
  std::vector<std::thread> threads;
  for (size_t i = 0; i < w.options.connections; ++i) threads.emplace_back([&w] { w.WorkerMain(); });
  std::thread ingester([&w] { w.IngestMain(); });
  for (std::thread& t : threads) t.join();
  {
    std::lock_guard lock(w.mu);
    w.ready_cv.notify_all();
  }
  ingester.join();
  std::lock_guard lock(w.mu);
  return w.store_failure;
}

void Watcher::Stop() {
  impl_->stopping = true;
  std::lock_guard lock(impl_->mu);
  impl_->work_cv.notify_all();
  impl_->ready_cv.notify_all();
}

WatchStats Watcher::Stats() const {
  std::lock_guard lock(impl_->mu);
  WatchStats s = impl_->stats;
  s.sources = impl_->sources.size();
  s.failing = static_cast<size_t>(std::count_if(impl_->sources.begin(), impl_->sources.end(),
                                                [](const Impl::Source& x) { return x.failures > 0; }));
  s.in_flight = impl_->in_flight;
  s.queued = impl_->ready.size();
  for (const auto& [origin, host] : impl_->hosts) s.queued += host.tasks.size();
  std::lock_guard l2(impl_->problem_mu);
  s.last_problem = impl_->last_problem;
  return s;
}

}  // namespace corroborate::watch
