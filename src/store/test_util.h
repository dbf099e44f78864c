// Helpers the store's tests share: each test on both engines, a temporary store (a file or a
// schema), the examples, a one-line article, JSON parsing, the claims rows. Used by schema_test.cc, store_test.cc and queries_test.cc.
#pragma once

#include <gtest/gtest.h>
#include <simdjson.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
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

// The PostgreSQL database the tests may use (a connection URL), or "" when CORROBORATE_TEST_PG is
// unset: scripts/test.sh sets it to a throwaway cluster (scripts/pg_cluster.sh).
inline std::string PgTestUrl() {
  const char* url = std::getenv("CORROBORATE_TEST_PG");
  return url ? url : "";
}

// The engine the running test stores on: set by OnEachEngine, SQLite for other tests.
inline Engine& CurrentEngine() {
  static Engine engine = Engine::kSqlite;
  return engine;
}

// A test fixture run once per engine (TEST_P); on PostgreSQL it is skipped, saying why, when no
// test database is given.
class OnEachEngine : public ::testing::TestWithParam<Engine> {
 protected:
  OnEachEngine() { CurrentEngine() = GetParam(); }  // before a derived fixture's TempDb members
  void SetUp() override {
    if (GetParam() == Engine::kPostgres && PgTestUrl().empty()) {
      GTEST_SKIP() << "CORROBORATE_TEST_PG is not set: no PostgreSQL to test on (scripts/test.sh starts one)";
    }
  }
  void TearDown() override { CurrentEngine() = Engine::kSqlite; }
};

inline std::string EngineName(const ::testing::TestParamInfo<Engine>& info) {
  return info.param == Engine::kSqlite ? "SQLite" : "PostgreSQL";
}

// Declares the test suite `Suite` whose TEST_Ps run on both engines.
#define CORROBORATE_ON_EACH_ENGINE(Suite)                                                     \
  class Suite : public ::corroborate::store::testing_util::OnEachEngine {};                  \
  INSTANTIATE_TEST_SUITE_P(Engines, Suite,                                                    \
                           ::testing::Values(::corroborate::store::Engine::kSqlite,           \
                                             ::corroborate::store::Engine::kPostgres),        \
                           ::corroborate::store::testing_util::EngineName)

// A fresh, empty store location on the current engine, removed when the test ends: a file path on
// SQLite (with its -wal and -shm); on PostgreSQL a schema of its own in the test database, named
// in the URL (search_path), so tests never see each other's tables.
class TempDb {
 public:
  TempDb() {
    static int n = 0;  // tests in one binary run one at a time
    const std::string name = "store_test_" + std::to_string(getpid()) + "_" + std::to_string(++n);
    if (CurrentEngine() == Engine::kPostgres) {
      if (PgTestUrl().empty()) return;  // the test is skipped (OnEachEngine)
      schema_ = name;
      const std::string base = PgTestUrl();
      path_ = base + (base.find('?') == std::string::npos ? "?" : "&") + "options=-csearch_path%3D" + schema_;
      Admin("DROP SCHEMA IF EXISTS " + schema_ + " CASCADE; CREATE SCHEMA " + schema_);
      return;
    }
    path_ = testing::TempDir() + name + ".db";
    Remove();
  }
  ~TempDb() {
    if (!schema_.empty()) Admin("DROP SCHEMA IF EXISTS " + schema_ + " CASCADE");
    else Remove();
  }
  const std::string& path() const { return path_; }

 private:
  void Remove() {
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path_ + suffix);
  }
  static void Admin(const std::string& sql) {
    Result<Db> db = Db::Open(PgTestUrl(), false, 10000);
    ASSERT_TRUE(db.ok()) << db.status().message();
    Status s = db->Exec(sql);
    ASSERT_TRUE(s.ok()) << s.message();
  }
  std::string path_;
  std::string schema_;
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

// Every row of the claims table and the events' origins, in a fixed order, as text (on SQLite with
// each value's type, since numbers are kept as numbers; PostgreSQL keeps them as text).
inline std::vector<std::string> FactRows(Db& db) {
  std::vector<std::string> rows;
  Stmt c = db.Prepare(std::string("SELECT story, event, role, article, start, \"end\", text, value, ") +
                      (db.engine() == Engine::kSqlite ? "typeof(value)" : "'text'") +
                      ", qualifier, cited, settled, json FROM claims ORDER BY story, event, role, article, start, \"end\"");
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
