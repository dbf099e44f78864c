// Change-log follower that posts notices (see notifier.h). Tested in tests/watch.
#include "watch/notifier.h"

#include <simdjson.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <thread>

#include "core/json_writer.h"
#include "watch/fetcher.h"

namespace corroborate::watch {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

}  // namespace

std::string Notifier::Watched(const store::Change& c) const {
  if (c.kind != "event" && c.kind != "conflict") return "";
  simdjson::dom::parser parser;
  simdjson::dom::object record;
  if (parser.parse(c.json).get(record) != simdjson::SUCCESS) return "";
  std::string_view change;
  if (record["change"].get(change) != simdjson::SUCCESS || change != "new") return "";
  simdjson::dom::array entities;
  if (record["entities"].get(entities) != simdjson::SUCCESS) return "";
  for (simdjson::dom::element e : entities) {
    std::string_view name;
    if (e.get(name) != simdjson::SUCCESS) continue;
    for (const std::string& watched : options_.entities) {
      if (Lower(name) == Lower(watched)) return std::string(name);
    }
  }
  return "";
}

void Notifier::Send(const store::Change& c, const std::string& entity) {
  simdjson::dom::parser parser;
  simdjson::dom::object record;
  std::string story;
  if (parser.parse(c.json).get(record) == simdjson::SUCCESS) {
    std::string_view s;
    if (record["story"].get(s) == simdjson::SUCCESS) story = std::string(s);
  }
  JsonWriter w;
  w.BeginObject();
  w.Key("kind"); w.String(c.kind);
  w.Key("story"); w.String(story);
  w.Key("entity"); w.String(entity);
  w.Key("seq"); w.Int(c.seq);
  w.Key("change"); w.RawValue(c.json);
  w.EndObject();
  std::string why;
  for (int attempt = 0; attempt <= options_.retries && !stop_; ++attempt) {
    if (attempt > 0) std::this_thread::sleep_for(std::chrono::duration<double>(0.5 * std::pow(2.0, attempt - 1)));
    Result<int> status = PostJson(options_.url, w.str(), options_.user_agent, options_.timeout_ms);
    if (status.ok() && *status >= 200 && *status < 300) {
      ++sent_;
      return;
    }
    why = status.ok() ? "HTTP " + std::to_string(*status) : status.status().message();
    if (status.ok() && !TransientStatus(*status)) break;
  }
  if (on_problem_) on_problem_({options_.url, 0, "notice of " + c.kind + " " + std::to_string(c.seq) + " not delivered: " + why});
}

void Notifier::Run() {
  Result<int64_t> latest = store_.LatestChange();
  int64_t seen = latest.ok() ? *latest : 0;
  while (!stop_) {
    Result<std::vector<store::Change>> changes = store_.ChangesSince(seen, 500);
    if (changes.ok()) {
      for (const store::Change& c : *changes) {
        seen = c.seq;
        if (std::string entity = Watched(c); !entity.empty()) Send(c, entity);
        if (stop_) return;
      }
      if (changes->size() == 500) continue;
    }
    std::unique_lock lock(mu_);
    cv_.wait_for(lock, std::chrono::duration<double>(options_.poll_seconds), [&] { return woken_ || stop_.load(); });
    woken_ = false;
  }
}

void Notifier::Wake() {
  std::lock_guard lock(mu_);
  woken_ = true;
  cv_.notify_all();
}

void Notifier::Stop() {
  stop_ = true;
  Wake();
}

}  // namespace corroborate::watch
