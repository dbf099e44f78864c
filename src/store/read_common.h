// What the store's read queries share (queries.cc, storyline_queries.cc): one read snapshot per
// answer, paging, date and id checks, and the API's names of stories and storylines. Tested
// through store_test.cc, queries_test.cc and storyline_store_test.cc.
#pragma once

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/json_writer.h"
#include "store/db.h"

namespace corroborate::store {

// A read transaction: the queries inside it see one snapshot, so a page and its total agree even
// while a writer commits.
class Snapshot {
 public:
  explicit Snapshot(Db& db) : db_(db) { status_ = db_.BeginRead(); }
  ~Snapshot() {
    if (status_.ok()) (void)db_.Commit();
  }
  Snapshot(const Snapshot&) = delete;
  Snapshot& operator=(const Snapshot&) = delete;
  const Status& status() const { return status_; }

 private:
  Db& db_;
  Status status_;
};

constexpr int kMaxPerPage = 100;

struct Page {
  int64_t page = 1;
  int64_t per_page = 20;
  int64_t offset() const { return (page - 1) * per_page; }
};

inline Page Clamp(int page, int per_page) {
  return Page{std::max(page, 1), std::clamp(per_page, 1, kMaxPerPage)};
}

// Closes a page's answer: "page", "per_page", "total", and the object.
inline void EndPage(JsonWriter& w, const Page& p, int64_t total) {
  w.Key("page"); w.Int(p.page);
  w.Key("per_page"); w.Int(p.per_page);
  w.Key("total"); w.Int(total);
  w.EndObject();
}

// YYYY-MM-DD, digits where digits go.
inline bool IsDay(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  return true;
}

inline std::string StoryName(int64_t n) { return "s" + std::to_string(n); }
inline std::string StorylineName(int64_t n) { return "l" + std::to_string(n); }

// "s5" → 5, "l5" → 5 (with `prefix` 'l'); 0 when it is not such an id.
inline int64_t IdNumber(std::string_view id, char prefix) {
  if (id.size() < 2 || id[0] != prefix) return 0;
  int64_t n = 0;
  auto [end, ec] = std::from_chars(id.data() + 1, id.data() + id.size(), n);
  return ec == std::errc() && end == id.data() + id.size() && n > 0 ? n : 0;
}

}  // namespace corroborate::store
