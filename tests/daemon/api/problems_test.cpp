// Field names as JSON Pointers, and which Content-Types a JSON body may carry.
#include <gtest/gtest.h>

#include "daemon/api/batch_body.hpp"
#include "daemon/api/problems.hpp"

namespace kaution::api {
namespace {

TEST(JsonPointerOf, PathsOfBodyFields) {
  EXPECT_EQ(json_pointer_of("parties[0].last_name"), "/parties/0/last_name");
  EXPECT_EQ(json_pointer_of("instalments[12].amount"), "/instalments/12/amount");
  EXPECT_EQ(json_pointer_of("payout_account.iban"), "/payout_account/iban");
  EXPECT_EQ(json_pointer_of("agreed_amount"), "/agreed_amount");
  EXPECT_EQ(json_pointer_of("parties[1]"), "/parties/1");
  EXPECT_EQ(json_pointer_of(""), "");
}

TEST(JsonPointerOf, NoPointerForWhatIsNotAPath) {
  EXPECT_EQ(json_pointer_of("line 3"), std::nullopt);
  EXPECT_EQ(json_pointer_of("parties[x]"), std::nullopt);
  EXPECT_EQ(json_pointer_of("parties[]"), std::nullopt);
  EXPECT_EQ(json_pointer_of("parties[0"), std::nullopt);
  EXPECT_EQ(json_pointer_of("a/b"), std::nullopt);
  EXPECT_EQ(json_pointer_of("ü"), std::nullopt);
  EXPECT_EQ(json_pointer_of("a..b"), std::nullopt);
  EXPECT_EQ(json_pointer_of(".a"), std::nullopt);
  EXPECT_EQ(json_pointer_of("a."), std::nullopt);
}

TEST(JsonPointerOf, ProblemErrorsCarryThePointer) {
  const auto errors = to_http({{"parties[0].last_name", "REQUIRED", "required"}});
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].pointer, "/parties/0/last_name");
  const auto json = field_errors_json({{"line 2", "MALFORMED_JSON", "x"}});
  EXPECT_FALSE(json[0].contains("pointer"));
}

http::Request with_type(std::optional<std::string> type) {
  http::Request r;
  if (type) r.headers["content-type"] = *type;
  return r;
}

TEST(ContentType, JsonOrNothingIsTaken) {
  for (const char* type : {"application/json", "application/json; charset=utf-8",
                           "Application/JSON", "application/merge-patch+json"})
    EXPECT_FALSE(unsupported_media_type(with_type(type))) << type;
  EXPECT_FALSE(unsupported_media_type(with_type(std::nullopt)));
  EXPECT_FALSE(unsupported_media_type(with_type("application/x-ndjson"), true));
}

TEST(ContentType, AnythingElseIs415) {
  for (const char* type : {"text/plain", "application/xml", "multipart/form-data; boundary=x",
                           "application/jsonx", "text/json"}) {
    const auto refused = unsupported_media_type(with_type(type));
    ASSERT_TRUE(refused) << type;
    EXPECT_EQ(refused->status, 415);
    EXPECT_NE(refused->body.find(type), std::string::npos) << refused->body;
  }
  EXPECT_TRUE(unsupported_media_type(with_type("application/x-ndjson")));
}

}  // namespace
}  // namespace kaution::api
