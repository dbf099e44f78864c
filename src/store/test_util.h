// Helpers the store's tests share: a temporary store file, the examples, a one-line article, JSON
// parsing, the claims rows. Used by schema_test.cc, store_test.cc and queries_test.cc.
#pragma once

#include <gtest/gtest.h>
#include <simdjson.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "store/db.h"
#include "store/store.h"

namespace corroborate::store::testing_util {

namespace fs = std::filesystem;

inline const std::string kExamples = std::string(CORROBORATE_SOURCE_DIR) + "/examples";

// A fresh path for a store file, removed (with its -wal and -shm) when the test ends.
class TempDb {
 public:
  TempDb() {
    static int n = 0;  // tests in one binary run one at a time
    path_ = testing::TempDir() + "store_test_" + std::to_string(getpid()) + "_" + std::to_string(++n) + ".db";
    Remove();
  }
  ~TempDb() { Remove(); }
  const std::string& path() const { return path_; }

 private:
  void Remove() {
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path_ + suffix);
  }
  std::string path_;
};

inline std::unique_ptr<Store> OpenOrDie(const std::string& path, const StoreOptions& options = {}) {
  Result<std::unique_ptr<Store>> s = Store::Open(path, options);
  EXPECT_TRUE(s.ok()) << s.status().message();
  return s.ok() ? s.take() : nullptr;
}

inline std::vector<std::string> ExampleFiles() {
  std::vector<std::string> files;
  for (const auto& e : fs::directory_iterator(kExamples)) {
    if (e.path().extension() != ".md") files.push_back(e.path().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

// The articles an example file holds: one for a page or a text, one a line for JSON Lines.
inline size_t ArticlesIn(const std::string& file) {
  if (fs::path(file).extension() != ".jsonl") return 1;
  std::ifstream in(file);
  size_t n = 0;
  for (std::string line; std::getline(in, line);) n += line.find_first_not_of(" \t\r") != std::string::npos;
  return n;
}

// The articles of examples/, all of them.
inline size_t ExampleArticleCount() {
  size_t n = 0;
  for (const std::string& f : ExampleFiles()) n += ArticlesIn(f);
  return n;
}

// A short article about a made-up event, one JSON line.
inline std::string Line(const std::string& id, const std::string& outlet, const std::string& text) {
  return R"({"id":")" + id + R"(","outlet":")" + outlet + R"(","published":"2026-03-02","title":"Report )" + id +
         R"(","text":")" + text + R"("})" + "\n";
}

inline simdjson::dom::element Parse(simdjson::dom::parser& p, const std::string& json) {
  simdjson::dom::element e;
  EXPECT_EQ(p.parse(json).get(e), simdjson::SUCCESS) << json;
  return e;
}

// Every row of the claims table and the events' origins, in a fixed order, as text (with each
// value's SQLite type, since numbers are kept as numbers).
inline std::vector<std::string> FactRows(Db& db) {
  std::vector<std::string> rows;
  Stmt c = db.Prepare(
      "SELECT story, event, role, article, start, \"end\", text, value, typeof(value), qualifier, cited, settled, json "
      "FROM claims ORDER BY story, event, role, article, start, \"end\"");
  while (c.Step() == StepResult::kRow) {
    std::string row;
    for (int i = 0; i < 13; ++i) row += std::string(c.Text(i)) + "|";
    rows.push_back(row);
  }
  Stmt e = db.Prepare("SELECT story, id, outlets, origins FROM events ORDER BY story, seq");
  while (e.Step() == StepResult::kRow) {
    rows.push_back(std::string(e.Text(0)) + "|" + std::string(e.Text(1)) + "|" + std::string(e.Text(2)) + "|" +
                   std::string(e.Text(3)));
  }
  return rows;
}

}  // namespace corroborate::store::testing_util
