// `--notify URL --watch-entity NAME…`: POSTs a JSON notice for each new event or conflict that
// involves a watched entity, read from the store's change log (store/story_changes.h), so it sees
// what any process stored. Notices start with the changes made after it starts; one that cannot be
// delivered is retried with backoff, then reported and dropped. Tested in tests/watch.
//
//   Notifier n(store, NotifyOptions{.url = "http://127.0.0.1:9000/hook", .entities = {"Acme"}}, report);
//   std::thread t([&] { n.Run(); });  ...  n.Wake();  /* after a commit */  ...  n.Stop(); t.join();
//
// The notice: {"kind":"event"|"conflict","story":"s3","entity":"Acme","seq":N,"change":{the record}}.
#pragma once

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <string>
#include <vector>

#include "ingest/input_reader.h"
#include "store/store.h"

namespace corroborate::watch {

struct NotifyOptions {
  std::string url;
  std::vector<std::string> entities;  // canonical names, compared without regard to case
  int retries = 3;
  double poll_seconds = 0.25;         // how often the change log is read when nothing wakes it
  int timeout_ms = 10000;
  std::string user_agent = "corroborate/0.1";
};

class Notifier {
 public:
  Notifier(store::Store& store, NotifyOptions options, ProblemCallback on_problem)
      : store_(store), options_(std::move(options)), on_problem_(std::move(on_problem)) {}
  void Run();
  void Wake();
  void Stop();
  size_t sent() const { return sent_; }

 private:
  // The watched entity the record involves, or "" (only new events and conflicts count).
  std::string Watched(const store::Change& c) const;
  void Send(const store::Change& c, const std::string& entity);

  store::Store& store_;
  NotifyOptions options_;
  ProblemCallback on_problem_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool woken_ = false;
  std::atomic<bool> stop_{false};
  std::atomic<size_t> sent_{0};
};

}  // namespace corroborate::watch
