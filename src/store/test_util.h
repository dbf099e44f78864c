// Helpers the store's tests share: a temporary store file, the examples, a one-line article, JSON
// parsing. Used by schema_test.cc, store_test.cc and queries_test.cc.
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

// Articles in examples/: one a file, one a line of a .jsonl file.
inline size_t ExampleArticles() {
  size_t n = 0;
  for (const std::string& f : ExampleFiles()) {
    if (fs::path(f).extension() != ".jsonl") {
      ++n;
      continue;
    }
    std::ifstream in(f);
    std::string line;
    while (std::getline(in, line)) n += line.find_first_not_of(" \t\r") != std::string::npos;
  }
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

}  // namespace corroborate::store::testing_util
