// Tests for input_reader.h: dispatch by name, folder walking order, gzip files, limits, problems.
#include "ingest/input_reader.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "ingest/test_util.h"

namespace corroborate {
namespace {

namespace fs = std::filesystem;

class InputReaderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("ingest_test_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "sub");
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Write(const std::string& name, const std::string& bytes) {
    const fs::path p = dir_ / name;
    std::ofstream(p, std::ios::binary) << bytes;
    return p.string();
  }

  testing::Collected Read(const std::vector<std::string>& inputs, ReadLimits limits = {}) {
    testing::Collected c;
    InputReader(limits).Read(inputs, c.OnDocument(), c.OnProblem());
    return c;
  }

  fs::path dir_;
};

TEST_F(InputReaderTest, FoldersAreWalkedInPathOrderAndUnknownKindsSkipped) {
  Write("b.txt", "bee");
  Write("a.html", "<p>ay</p>");
  Write("sub/c.jsonl", "{\"text\":\"sea\"}\n");
  Write("notes.md", "ignored inside a folder");
  auto c = Read({dir_.string()});
  EXPECT_TRUE(c.problems.empty());
  ASSERT_EQ(c.docs.size(), 3u);
  EXPECT_EQ(c.docs[0].id, (dir_ / "a.html").string());
  EXPECT_EQ(c.docs[0].kind, ContentKind::kHtml);
  EXPECT_EQ(c.docs[1].body, "bee");
  EXPECT_EQ(c.docs[2].body, "sea");
}

TEST_F(InputReaderTest, NamedFileOfUnknownKindOrMissingIsAProblem) {
  auto c = Read({Write("x.arc", "old format"), (dir_ / "missing.txt").string()});
  EXPECT_TRUE(c.docs.empty());
  ASSERT_EQ(c.problems.size(), 2u);
  EXPECT_NE(c.problems[0].reason.find("unknown input kind"), std::string::npos);
  EXPECT_NE(c.problems[1].reason.find("cannot open"), std::string::npos);
}

TEST_F(InputReaderTest, GzippedFilesOfEveryKind) {
  const std::string html = Write("p.html.gz", testing::GzipMember("<meta charset=windows-1252><p>\xE9t\xE9</p>"));
  const std::string jsonl = Write("l.jsonl.gz", testing::GzipMember("{\"text\":\"one\"}\n") +
                                                    testing::GzipMember("{\"text\":\"two\"}\n"));
  const std::string feed = Write("f.rss", "<rss><channel><item><description>d</description></item></channel></rss>");
  auto c = Read({html, jsonl, feed});
  EXPECT_TRUE(c.problems.empty());
  ASSERT_EQ(c.docs.size(), 4u);
  EXPECT_EQ(c.docs[0].body, "<meta charset=windows-1252><p>\u00E9t\u00E9</p>");
  EXPECT_EQ(c.docs[2].body, "two");
  EXPECT_EQ(c.docs[2].id, jsonl + "#2");
  EXPECT_EQ(c.docs[3].body, "d");
}

TEST_F(InputReaderTest, OversizedDocumentsAndGzipBombsAreRefused) {
  ReadLimits limits;
  limits.max_document_bytes = 1000;
  limits.max_gzip_expansion = 4000;
  const std::string big = Write("big.txt", std::string(1001, 'x'));
  const std::string bomb = Write("bomb.jsonl.gz", testing::GzipZeros(5000));
  const std::string ok = Write("ok.txt", std::string(1000, 'y'));
  auto c = Read({big, bomb, ok}, limits);
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_EQ(c.docs[0].source, ok);
  ASSERT_EQ(c.problems.size(), 2u);
  EXPECT_EQ(c.problems[0].path, big);
  EXPECT_NE(c.problems[0].reason.find("document larger than"), std::string::npos);
  EXPECT_EQ(c.problems[1].path, bomb);
  EXPECT_NE(c.problems[1].reason.find("gzip member expands past"), std::string::npos);
}

TEST_F(InputReaderTest, Utf16TextFileWithBom) {
  const std::string p = Write("u.txt", std::string("\xFF\xFEO\0K\0", 6));
  auto c = Read({p});
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_EQ(c.docs[0].body, "OK");
}

}  // namespace
}  // namespace corroborate
