// Tests for reading POST /api/articles bodies: pretty-printed single articles, JSON Lines untouched.
#include <gtest/gtest.h>

#include "serve/article_body.h"

namespace corroborate::serve {
namespace {

TEST(ArticleBody, PrettyPrintedArticleBecomesOneLine) {
  EXPECT_EQ(ArticleBodyAsJsonLines("{\n  \"id\": \"a 1\",\n  \"text\": \"x\\ny\"\n}\n"), R"({"id":"a 1","text":"x\ny"})");
}

TEST(ArticleBody, JsonLinesAndBadBodiesAreLeftAlone) {
  const std::string lines = "{\"id\": \"a\"}\n{\"id\": \"b\"}\n";
  EXPECT_EQ(ArticleBodyAsJsonLines(lines), lines);
  const std::string broken = "{\n\"id\": \n";  // not JSON: the store names its lines
  EXPECT_EQ(ArticleBodyAsJsonLines(broken), broken);
  const std::string two = "{\n\"id\": \"a\"}\n{\"id\": \"b\"}";  // two documents, not one
  EXPECT_EQ(ArticleBodyAsJsonLines(two), two);
  EXPECT_EQ(ArticleBodyAsJsonLines("[1,\n2]"), "[1,\n2]");
}

}  // namespace
}  // namespace corroborate::serve
