// JSON with comments; syntax errors with file, line and column.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "config/parse.hpp"
#include "config_test_support.hpp"

namespace kaution::config_test {
namespace {

using testing::ElementsAre;
using testing::StartsWith;

TEST(ConfigSyntax, CommentsAreAccepted) {
  const auto result = load(R"(// kautiond
/* a block comment
   over lines */
{
  "api": { "tokens": [ { "name": "erp", "role": "ledger", "token": { "env": "T1" } } ] }, // end
  /* before a key */ "log": { "level": "debug" /* inline */ }
}
// trailing)");
  ASSERT_TRUE(result.has_value()) << testing::PrintToString(errors_of(result));
  EXPECT_EQ(result->log.level, LogLevel::debug);
}

TEST(ConfigSyntax, ErrorGivesFileLineAndColumn) {
  const std::string text = "{\n  \"api\": {\n    \"tokens\": [}\n}\n";
  EXPECT_THAT(
      errors_of(load(text)),
      ElementsAre(StartsWith("/etc/kautiond/kautiond.json: line 3, column 16: syntax error")));
}

TEST(ConfigSyntax, MissingCommaPointsAtTheEndOfTheNextToken) {
  const std::string text = "{\n  \"log\": {\"level\": \"info\"}\n  \"store\": {}\n}";
  EXPECT_THAT(
      errors_of(load(text)),
      ElementsAre(
          "/etc/kautiond/kautiond.json: line 3, column 9: syntax error while parsing object - "
          "unexpected string literal; expected '}'"));
}

TEST(ConfigSyntax, UnterminatedCommentAndEndOfInput) {
  EXPECT_THAT(errors_of(load("{\n  /* never closed")),
              ElementsAre(StartsWith("/etc/kautiond/kautiond.json: line 2, column")));
  EXPECT_THAT(
      errors_of(load("")),
      ElementsAre(StartsWith("/etc/kautiond/kautiond.json: line 1, column 1: syntax error")));
}

TEST(ConfigSyntax, TrailingCommaIsAnError) {
  EXPECT_THAT(
      errors_of(load("{\"log\": {\"level\": \"info\",}}")),
      ElementsAre(StartsWith("/etc/kautiond/kautiond.json: line 1, column 26: syntax error")));
}

TEST(ConfigSyntax, TopLevelMustBeAnObject) {
  EXPECT_THAT(errors_of(load("[1, 2]")),
              ElementsAre("/etc/kautiond/kautiond.json: expected a JSON object, got an array"));
}

TEST(ConfigSyntax, PositionOfCountsLinesAndColumnsFromOne) {
  using config_detail::position_of;
  const std::string_view text = "ab\ncd\n\nef";
  EXPECT_EQ(position_of(text, 0).line, 1U);
  EXPECT_EQ(position_of(text, 0).column, 1U);
  EXPECT_EQ(position_of(text, 4).line, 2U);
  EXPECT_EQ(position_of(text, 4).column, 2U);
  EXPECT_EQ(position_of(text, 2).column, 3U);  // the newline itself ends line 1
  EXPECT_EQ(position_of(text, 7).line, 4U);
  EXPECT_EQ(position_of(text, 99).line, 4U);
  EXPECT_EQ(position_of(text, 99).column, 3U);
}

}  // namespace
}  // namespace kaution::config_test
