// Tests of the parallel runner (ordered_run.h): results come back in input order whatever the
// threads and the time each article takes, whether read from files or from any reader, reading
// problems keep their place among them, and a step that throws ends the run instead of hanging it.
#include "pipeline/ordered_run.h"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <stdexcept>

namespace corroborate {
namespace {

namespace fs = std::filesystem;

// A folder of `n` text files a000.txt … whose text is their number, plus one unreadable entry
// (a .txt that is a folder) in the middle.
class OrderedRunTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("ordered_run_test_" + std::to_string(::getpid()));
    fs::create_directories(dir_);
    for (int i = 0; i < kFiles; ++i) {
      char name[16];
      std::snprintf(name, sizeof name, "a%03d.txt", i);
      std::ofstream(dir_ / name) << "Article number " << i << ".\n";
    }
  }
  void TearDown() override { fs::remove_all(dir_); }

  static constexpr int kFiles = 60;
  fs::path dir_;
};

TEST_F(OrderedRunTest, ResultsAndProblemsComeInInputOrderForAnyThreadCount) {
  const std::string missing = (dir_ / "missing.txt").string();
  const std::vector<std::string> inputs = {dir_.string(), missing, dir_.string()};
  std::vector<std::string> expected;
  for (int pass = 0; pass < 2; ++pass) {
    for (int i = 0; i < kFiles; ++i) {
      char name[16];
      std::snprintf(name, sizeof name, "a%03d.txt", i);
      expected.push_back((dir_ / name).string());
    }
    if (pass == 0) expected.push_back("problem " + missing);
  }
  for (size_t threads : {1, 2, 4, 8}) {
    PipelineOptions options;
    options.threads = threads;
    options.in_flight = 5;  // fewer than the files: tokens are reused
    std::vector<std::string> seen;
    RunInOrder<std::string>(
        inputs, options,
        [](RawDocument&& d) {
          // Early files take longest, so a parallel run finishes them last.
          const int number = std::stoi(d.body.substr(15));
          std::this_thread::sleep_for(std::chrono::microseconds(50 * (kFiles - number)));
          return d.id;
        },
        [&](std::string&& id) { seen.push_back(id); },
        [&](const InputProblem& p) { seen.push_back("problem " + p.path); });
    EXPECT_EQ(seen, expected) << threads << " threads";
  }
}

// A reader that is not a list of files (the store's reader of a POSTed body is one): documents
// made in memory with a problem between them, in the reader's order for any thread count.
TEST(OrderedRunFromAReader, ResultsAndProblemsComeInTheReadersOrder) {
  constexpr int kDocuments = 40;
  const ReadFunction read = [](const DocumentCallback& on_document, const ProblemCallback& on_problem) {
    for (int i = 0; i < kDocuments; ++i) {
      if (i == kDocuments / 2) on_problem({"body", size_t(i), "unreadable"});
      RawDocument d;
      d.id = "d" + std::to_string(i);
      d.body = std::to_string(i);
      on_document(std::move(d));
    }
  };
  std::vector<std::string> expected;
  for (int i = 0; i < kDocuments; ++i) {
    if (i == kDocuments / 2) expected.push_back("problem body:" + std::to_string(i));
    expected.push_back("d" + std::to_string(i));
  }
  for (size_t threads : {1, 2, 4}) {
    PipelineOptions options;
    options.threads = threads;
    options.in_flight = 3;
    std::vector<std::string> seen;
    RunInOrder<std::string>(
        read, options,
        [](RawDocument&& d) {
          // Early documents take longest, so a parallel run finishes them last.
          std::this_thread::sleep_for(std::chrono::microseconds(50 * (kDocuments - std::stoi(d.body))));
          return d.id;
        },
        [&](std::string&& id) { seen.push_back(id); },
        [&](const InputProblem& p) { seen.push_back("problem " + p.path + ":" + std::to_string(p.line)); });
    EXPECT_EQ(seen, expected) << threads << " threads";
  }
}

TEST_F(OrderedRunTest, AStepThatThrowsEndsTheRun) {
  PipelineOptions options;
  options.threads = 2;
  options.in_flight = 2;
  int steps = 0;
  auto run = [&] {
    RunInOrder<int>({dir_.string()}, options, [](RawDocument&&) { return 0; },
                    [&](int&&) {
                      if (++steps == 3) throw std::runtime_error("stop");
                    },
                    [](const InputProblem&) {});
  };
  EXPECT_THROW(run(), std::runtime_error);
  EXPECT_EQ(steps, 3);
}

}  // namespace
}  // namespace corroborate
