// The batch body: JSON array or NDJSON, and its limits.
#include <gtest/gtest.h>

#include "daemon/api/batch_body.hpp"

namespace kaution::test {
namespace {

http::Request request(std::string body, std::string content_type) {
  http::Request r;
  r.body = std::move(body);
  r.headers["content-type"] = std::move(content_type);
  return r;
}

TEST(ApiBatchBody, ContentTypes) {
  EXPECT_TRUE(api::is_ndjson("application/x-ndjson"));
  EXPECT_TRUE(api::is_ndjson("Application/NDJSON; charset=utf-8"));
  EXPECT_TRUE(api::is_ndjson("application/jsonl"));
  EXPECT_FALSE(api::is_ndjson("application/json"));
}

TEST(ApiBatchBody, NdjsonSkipsBlankLinesAndKeepsLineNumbers) {
  // The entries point into the request's body: it must outlive them.
  const http::Request ndjson =
      request("{\"a\":1}\r\n\n  \nnot json\n{\"b\":2}", "application/x-ndjson");
  auto entries = api::split_batch(ndjson);
  ASSERT_TRUE(entries);
  ASSERT_EQ(entries->size(), 3u);
  auto& e = *entries;
  EXPECT_EQ(e[1].line_number, 4u);
  EXPECT_EQ(api::read_entry(e[0])->at("a"), 1);
  const auto bad = api::read_entry(e[1]);
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().field, "line 4");
  EXPECT_EQ(bad.error().code, "MALFORMED_JSON");
  EXPECT_EQ(api::read_entry(e[2])->at("b"), 2);
}

// Found by fuzz_batch_body: a number beyond double ("4E4444") made nlohmann throw out_of_range,
// which escaped the parse and failed the whole batch (500) instead of the one entry.
TEST(ApiBatchBody, ANumberOutOfRangeIsThatEntrysErrorOnly) {
  const http::Request ndjson =
      request("{\"agreed_amount\": 4444E4444}\n{\"b\": 2}", "application/x-ndjson");
  auto entries = api::split_batch(ndjson);
  ASSERT_TRUE(entries);
  const auto bad = api::read_entry((*entries)[0]);
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().field, "line 1");
  EXPECT_EQ(bad.error().code, "MALFORMED_JSON");
  EXPECT_EQ(api::read_entry((*entries)[1])->at("b"), 2);
  const auto array = api::split_batch(request("[{\"a\": -1e999}]", "application/json"));
  ASSERT_FALSE(array);
  EXPECT_EQ(array.error().status, 400);
  EXPECT_NE(array.error().body.find("out of range"), std::string::npos) << array.error().body;
}

TEST(ApiBatchBody, ArrayAndItsRefusals) {
  auto entries = api::split_batch(request("[{}, 5]", "application/json"));
  ASSERT_TRUE(entries);
  ASSERT_EQ(entries->size(), 2u);
  EXPECT_EQ(api::read_entry((*entries)[1]), nlohmann::json(5));
  EXPECT_EQ(api::split_batch(request("{}", "application/json")).error().status, 400);
  EXPECT_EQ(api::split_batch(request("[", "")).error().status, 400);
  std::string many = "[0";
  for (std::size_t i = 0; i < api::k_max_batch_deposits; ++i)
    many += ",0";
  EXPECT_EQ(api::split_batch(request(many + "]", "")).error().status, 413);
  std::string lines;
  for (std::size_t i = 0; i <= api::k_max_batch_deposits; ++i)
    lines += "{}\n";
  EXPECT_EQ(api::split_batch(request(lines, "application/x-ndjson")).error().status, 413);
}

// Arrays are cut into elements and parsed on several threads: the entries must be exactly those
// of one parse of the whole body, whatever the strings hold.
TEST(ApiBatchBody, ArrayElementsEqualTheWholeBodysParse) {
  const std::string body =
      " [ {\"a\": \"x],}{[\\\"\", \"b\": [1, {\"c\": [2, 3]}]},\n\t\"s\\\\\", -1.5e3, null, [], {} "
      "]\r\n";
  auto entries = api::split_batch(request(body, "application/json"));
  ASSERT_TRUE(entries) << entries.error().body;
  const auto whole = nlohmann::json::parse(body);
  ASSERT_EQ(entries->size(), whole.size());
  for (std::size_t i = 0; i < whole.size(); ++i)
    EXPECT_EQ(api::read_entry((*entries)[i]), whole[i]) << i;
  std::string many = "[";
  for (int i = 0; i < 5000; ++i)
    many += (i > 0 ? "," : "") + std::string("{\"n\":") + std::to_string(i) + "}";
  entries = api::split_batch(request(many + "]", "application/json"));
  ASSERT_TRUE(entries);
  ASSERT_EQ(entries->size(), 5000u);
  for (int i = 0; i < 5000; ++i)
    EXPECT_EQ(api::read_entry((*entries)[static_cast<std::size_t>(i)])->at("n"), i);
}

// A malformed element, an empty one, a stray closer or trailing text: the answer names the
// position in the whole body, as one parse of it does.
TEST(ApiBatchBody, MalformedArraysNameThePositionInTheBody) {
  for (const std::string body :
       {"[{}, {\"a\": tru}]", "[{},,{}]", "[{}]}", "[{}] x", "[{}, ]", "[\"unterminated]", "[{]"}) {
    const auto answer = api::split_batch(request(body, "application/json"));
    ASSERT_FALSE(answer) << body;
    EXPECT_EQ(answer.error().status, 400) << body;
    EXPECT_NE(answer.error().body.find("\"byte\""), std::string::npos) << answer.error().body;
  }
}

}  // namespace
}  // namespace kaution::test
