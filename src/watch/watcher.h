// `corroborate watch`: follows feeds (RSS, Atom, JSON Feed) and news sitemaps over HTTP(S) and hands
// every new or changed item to the store's ingest, the same one files and POSTs go through (no
// second pipeline). Tested in tests/watch (a fault-injecting server on
// loopback: slow and hanging hosts, 304/404/500, redirect loops, malformed and huge feeds, gzip
// bombs, pages that change).
//
//   Result<std::unique_ptr<Watcher>> w = Watcher::Create(store, {"https://example.org/feed.xml"}, options, report);
//   std::thread t([&] { (*w)->Run(); });   // until Stop(), or, with options.once, one poll of each source
//   (*w)->Stop();
//
// How it behaves:
// - Sources are polled every poll_interval; one that fails waits longer each time (doubling, up to
//   half an hour or the interval), and says so on the problem callback. A source is polled again
//   only once its last poll is done.
// - Requests go through `connections` worker threads. Each host (scheme, name and port) gets at
//   most one request at a time and one every host_interval seconds (or its robots.txt
//   Crawl-delay, when longer); robots.txt is fetched before anything else on an origin and obeyed
//   for every fetch, feeds included. So a slow or hanging host holds one worker for one timeout at a
//   time, and other hosts go on.
// - Conditional GET: each feed's ETag and Last-Modified are kept in the store, but only once every
//   item of that poll was stored (or failed for good), so a crash or a transient failure makes
//   the next poll read the whole feed again rather than miss items.
// - An item is known by its id (guid, Atom id, JSON Feed id, else its link) and a hash of what the
//   feed says of it. A new or changed item's page (its link) is fetched and goes in as HTML with the
//   item's metadata; when the page cannot be had (an error, not HTML, too large, disallowed), the
//   item's own text is used; with neither, it is a problem. A changed page is a new version of
//   the article (store.h); an item whose page came back the same is a duplicate.
// - At most max_items_per_poll new items are taken from one poll; the rest come with the next
//   (whose feed is read whole again, see above): memory stays flat however large a feed is, and a
//   feed is read as a stream (ingest/feed_reader.h), never held whole.
// - Articles are committed in batches of up to `batch` as soon as they are ready, and count as
//   acknowledged once committed (the CommitCallback); killed, a watcher loses nothing
//   acknowledged, and a restart re-reads the feeds and takes what was not stored.
#pragma once

#include <atomic>
#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "core/status.h"
#include "ingest/input_reader.h"
#include "store/store.h"

namespace corroborate::watch {

struct WatchOptions {
  double poll_interval = 300;      // seconds between two polls of one source
  double host_interval = 1;        // seconds between two requests to one host
  size_t connections = 8;          // requests in flight at most (worker threads)
  int retries = 2;                 // further attempts of a request after a transient failure
  double retry_backoff = 1;        // seconds before the first retry; doubled each time
  int timeout_ms = 20000;          // one request, whole
  int connect_timeout_ms = 5000;
  size_t max_feed_bytes = 64u << 20;   // a feed body after decompression (a gzip bomb stops here)
  size_t max_items_per_poll = 1000;
  size_t batch = 200;              // articles per commit at most
  bool fetch_pages = true;         // false: use each item's own text
  bool once = false;               // poll every source once, store what came, and return
  double robots_ttl = 3600;        // seconds a robots.txt is trusted
  std::string user_agent = "corroborate/0.1";
  ReadLimits read;                 // max_document_bytes also caps a page
};

// What the status line shows.
struct WatchStats {
  size_t sources = 0, failing = 0;
  size_t polls = 0, not_modified = 0, fetch_failures = 0;
  size_t items_new = 0, pages = 0, item_text_used = 0;
  size_t stored = 0, duplicates = 0, versions = 0, rejected = 0;
  size_t in_flight = 0, queued = 0;
  std::string last_problem;
};

class Watcher {
 public:
  // `sources`: http(s) URLs, or files that list them (one a line; "#" starts a comment). A bad
  // line or file is reported through `on_problem` and skipped; no usable source is an error.
  static Result<std::unique_ptr<Watcher>> Create(store::Store& store, const std::vector<std::string>& sources,
                                                 const WatchOptions& options, const ProblemCallback& on_problem,
                                                 const store::CommitCallback& on_commit = {});
  ~Watcher();
  Watcher(const Watcher&) = delete;
  Watcher& operator=(const Watcher&) = delete;

  // Runs until Stop() (or, with options.once, until every source was polled once and what came is
  // stored). Fails only when the store itself fails.
  Status Run();
  // Safe from any thread; requests in flight are abandoned, what is ready is committed.
  void Stop();
  WatchStats Stats() const;

 private:
  struct Impl;
  explicit Watcher(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// The sources an argument names: itself when it is an http(s) URL, else the URLs its file lists.
std::vector<std::string> ExpandSource(const std::string& arg, const ProblemCallback& on_problem);

}  // namespace corroborate::watch
