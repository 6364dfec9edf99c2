// Unit tests of the transport-free parts: roles, targets, router, tokens, JSON bodies, problems.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "daemon/http/auth.hpp"
#include "daemon/http/dispatcher.hpp"
#include "daemon/http/json_body.hpp"
#include "daemon/http/listen_socket.hpp"
#include "daemon/http/router.hpp"
#include "daemon/http/uri.hpp"

namespace kaution::http {
namespace {

using nlohmann::json;

Response ok(const Request&) {
  return json_response(200, json::object());
}

TEST(HttpRole, LatticeAndNames) {
  EXPECT_TRUE(grants(Role::ledger, Role::operator_));
  EXPECT_TRUE(grants(Role::support, Role::operator_));
  EXPECT_TRUE(grants(Role::operator_, Role::operator_));
  EXPECT_FALSE(grants(Role::operator_, Role::ledger));
  EXPECT_FALSE(grants(Role::support, Role::ledger));
  EXPECT_FALSE(grants(Role::ledger, Role::support));
  EXPECT_FALSE(grants(Role::none, Role::operator_));
  EXPECT_TRUE(grants(Role::none, Role::none));
  for (const Role role : {Role::none, Role::ledger, Role::support, Role::operator_}) {
    EXPECT_EQ(parse_role(role_name(role)), role);
  }
  EXPECT_EQ(parse_role("admin"), std::nullopt);
}

TEST(HttpTarget, SplitsBeforeDecoding) {
  const auto target = parse_target("/api/v1/deposits/D%2F1%20x?q=a+b&q=c&empty=&flag");
  ASSERT_TRUE(target);
  EXPECT_EQ(target->path, "/api/v1/deposits/D/1 x");
  EXPECT_EQ(target->segments, (std::vector<std::string>{"api", "v1", "deposits", "D/1 x"}));
  EXPECT_EQ(target->query.count("q"), 2u);
  EXPECT_EQ(target->query.find("q")->second, "a b");
  EXPECT_EQ(target->query.find("empty")->second, "");
  EXPECT_EQ(target->query.find("flag")->second, "");
  EXPECT_TRUE(parse_target("/")->segments.empty());
  EXPECT_EQ(parse_target("/a/")->segments, (std::vector<std::string>{"a", ""}));
}

TEST(HttpTarget, RefusesBadTargets) {
  EXPECT_FALSE(parse_target(""));
  EXPECT_FALSE(parse_target("*"));
  EXPECT_FALSE(parse_target("http://host/a"));
  EXPECT_FALSE(parse_target("/a%2"));
  EXPECT_FALSE(parse_target("/a%g0"));
  EXPECT_FALSE(parse_target("/a%00b"));
  EXPECT_FALSE(parse_target("/a?x=%"));
  EXPECT_EQ(percent_decode("a+b", false), "a+b");
}

TEST(HttpListenSocket, LoopbackAddresses) {
  for (const char* address : {"127.0.0.1", "127.8.9.10", "::1", "::ffff:127.0.0.1"}) {
    EXPECT_TRUE(is_loopback(address)) << address;
  }
  for (const char* address : {"0.0.0.0", "10.0.0.1", "::", "::ffff:10.0.0.1", "localhost", ""}) {
    EXPECT_FALSE(is_loopback(address)) << address;
  }
}

TEST(HttpRouter, ParametersColonPathsAndSpecificity) {
  Router router;
  router.add("PUT", "/api/v1/deposits/{deposit_id}", Role::ledger, ok);
  router.add("POST", "/api/v1/deposits:batch", Role::ledger, ok);
  router.add("POST", "/api/v1/bookings/{booking_id}/assign", Role::support, ok);
  router.add("GET", "/api/v1/bookings/{booking_id}", Role::operator_, ok);
  router.add("GET", "/api/v1/bookings/unassigned", Role::operator_, ok);

  auto r = router.resolve("PUT", {"api", "v1", "deposits", "D-1"});
  ASSERT_EQ(r.kind, Resolution::Kind::found);
  EXPECT_EQ(r.route->pattern, "/api/v1/deposits/{deposit_id}");
  EXPECT_EQ(r.params.at("deposit_id"), "D-1");

  r = router.resolve("POST", {"api", "v1", "deposits:batch"});
  ASSERT_EQ(r.kind, Resolution::Kind::found);
  EXPECT_TRUE(r.params.empty());

  r = router.resolve("GET", {"api", "v1", "bookings", "unassigned"});
  EXPECT_EQ(r.route->pattern, "/api/v1/bookings/unassigned");
  r = router.resolve("GET", {"api", "v1", "bookings", "B-1"});
  EXPECT_EQ(r.route->pattern, "/api/v1/bookings/{booking_id}");
  r = router.resolve("POST", {"api", "v1", "bookings", "B-1", "assign"});
  EXPECT_EQ(r.params.at("booking_id"), "B-1");

  EXPECT_EQ(router.resolve("PUT", {"api", "v1", "deposits", ""}).kind, Resolution::Kind::not_found);
  EXPECT_EQ(router.resolve("GET", {"api", "v1"}).kind, Resolution::Kind::not_found);
  r = router.resolve("DELETE", {"api", "v1", "deposits", "D-1"});
  ASSERT_EQ(r.kind, Resolution::Kind::method_not_allowed);
  EXPECT_EQ(r.allowed, (std::vector<std::string>{"PUT"}));
}

TEST(HttpRouter, RefusesBadOrClashingPatterns) {
  Router router;
  router.add("GET", "/a/{id}", Role::operator_, ok);
  EXPECT_THROW(router.add("GET", "/a/{other}", Role::operator_, ok), std::invalid_argument);
  EXPECT_NO_THROW(router.add("PUT", "/a/{other}", Role::ledger, ok));
  EXPECT_THROW(router.add("GET", "a/b", Role::none, ok), std::invalid_argument);
  EXPECT_THROW(router.add("GET", "/a/{}", Role::none, ok), std::invalid_argument);
  EXPECT_THROW(router.add("GET", "/a/x{id}", Role::none, ok), std::invalid_argument);
  EXPECT_THROW(router.add("GET", "/a/{id}/b/{id}", Role::none, ok), std::invalid_argument);
  EXPECT_THROW(router.add("GET", "/a//b", Role::none, ok), std::invalid_argument);
  EXPECT_THROW(router.add("GET", "/a/b/", Role::none, ok), std::invalid_argument);
}

TEST(HttpAuthenticator, ChecksSchemeTokenAndReplacement) {
  Authenticator auth({{"erp", Role::ledger, "secret-one"}, {"mon", Role::operator_, "secret-2"}});
  AuthFailure failure{};
  EXPECT_FALSE(auth.authenticate(std::nullopt, &failure));
  EXPECT_EQ(failure, AuthFailure::missing);
  EXPECT_FALSE(auth.authenticate("Basic secret-one", &failure));
  EXPECT_EQ(failure, AuthFailure::wrong_scheme);
  EXPECT_FALSE(auth.authenticate("Bearer", &failure));
  EXPECT_EQ(failure, AuthFailure::wrong_scheme);
  EXPECT_FALSE(auth.authenticate("Bearer secret-on", &failure));
  EXPECT_EQ(failure, AuthFailure::wrong_token);
  const auto principal = auth.authenticate("BEARER   secret-one ");
  ASSERT_TRUE(principal);
  EXPECT_EQ(principal->name, "erp");
  EXPECT_EQ(principal->role, Role::ledger);

  auth.replace({{"erp2", Role::support, "secret-three"}});
  EXPECT_FALSE(auth.authenticate("Bearer secret-one"));
  EXPECT_EQ(auth.authenticate("Bearer secret-three")->name, "erp2");
}

TEST(HttpAuthenticator, RefusesBadTokenSetsWithoutNamingSecrets) {
  const auto message_of = [](const std::vector<ApiToken>& tokens) {
    try {
      Authenticator auth(tokens);
    } catch (const std::invalid_argument& error) {
      return std::string(error.what());
    }
    return std::string("no error");
  };
  EXPECT_NE(message_of({{"a", Role::ledger, ""}}), "no error");
  EXPECT_NE(message_of({{"", Role::ledger, "s3cr3t-value"}}), "no error");
  EXPECT_NE(message_of({{"a", Role::none, "s3cr3t-value"}}), "no error");
  EXPECT_NE(message_of({{"a", Role::ledger, "x1"}, {"a", Role::support, "x2"}}), "no error");
  const std::string same =
      message_of({{"a", Role::ledger, "s3cr3t-value"}, {"b", Role::support, "s3cr3t-value"}});
  EXPECT_NE(same, "no error");
  EXPECT_EQ(same.find("s3cr3t"), std::string::npos) << same;
}

json problem_of(std::string_view body) {
  const auto parsed = parse_json(body);
  EXPECT_FALSE(parsed);
  if (parsed) return {};
  EXPECT_EQ(parsed.error().status, 400);
  EXPECT_EQ(parsed.error().content_type, "application/problem+json");
  return json::parse(parsed.error().body);
}

TEST(HttpJsonBody, MalformedJsonNamesLineColumnAndByte) {
  const std::string body = "{\"a\": 1,\n  \"b\": [1,, 2]\n}";
  const json problem = problem_of(body);
  EXPECT_EQ(problem["line"], 2);
  EXPECT_EQ(problem["column"], 11);
  EXPECT_EQ(problem["byte"], 20);
  EXPECT_EQ(body[19], ',');
  const std::string detail = problem["detail"];
  EXPECT_NE(detail.find("line 2, column 11 (byte 20)"), std::string::npos) << detail;
  EXPECT_NE(detail.find("unexpected ','"), std::string::npos) << detail;
  // The position agrees with nlohmann's own message.
  try {
    const json unused = json::parse(body);
    ADD_FAILURE() << unused.dump();
  } catch (const json::parse_error& error) {
    EXPECT_NE(std::string(error.what()).find("line 2, column 11"), std::string::npos)
        << error.what();
  }
}

TEST(HttpJsonBody, TokenEndedByANewlineIsPlacedOnItsOwnLine) {
  // nlohmann notices "tru" only on reading the newline; the error is the token, not line 4.
  const json problem = problem_of("{\n  \"a\": 1,\n  \"b\": tru\n}");
  EXPECT_EQ(problem["line"], 3);
  EXPECT_EQ(problem["column"], 10);
}

TEST(HttpJsonBody, EndOfInputIsOnePastTheLastByte) {
  const json problem = problem_of("[1,\n2");
  EXPECT_EQ(problem["line"], 2);
  EXPECT_EQ(problem["column"], 2);
  EXPECT_EQ(problem_of("")["column"], 1);
}

TEST(HttpJsonBody, EmptyAndNonObjectBodies) {
  EXPECT_EQ(parse_json("").error().status, 400);
  EXPECT_TRUE(parse_json("[1]").has_value());
  EXPECT_EQ(parse_json_object("[1]").error().status, 400);
  EXPECT_EQ(parse_json_object("\"x\"").error().status, 400);
  EXPECT_TRUE(parse_json_object(R"({"a": 1})").has_value());
}

TEST(HttpJsonBody, DeepNestingIsNoCrash) {
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  EXPECT_TRUE(parse_json(deep).has_value());
  EXPECT_FALSE(parse_json(std::string(100000, '[')).has_value());
}

TEST(HttpJsonBody, UnknownFieldsAreNamed) {
  const json object = {{"deposit_id", "D"}, {"depositid", "x"}, {"amount", "1.00"}};
  const auto errors = unknown_fields(object, {"deposit_id", "amount"}, "parties[0]");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].field, "parties[0].depositid");
  EXPECT_EQ(unknown_fields(object, {"deposit_id", "amount"})[0].field, "depositid");
}

TEST(HttpProblem, HasTheRfc9457Shape) {
  const Response r = problem(422, "Validation failed", "2 errors",
                             {{"parties[0].last_name", "required"}, {"agreed_amount", "negative"}});
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(r.content_type, "application/problem+json");
  const json body = json::parse(r.body);
  EXPECT_EQ(body["type"], "about:blank");
  EXPECT_EQ(body["title"], "Validation failed");
  EXPECT_EQ(body["status"], 422);
  EXPECT_EQ(body["detail"], "2 errors");
  EXPECT_EQ(body["errors"][0], json({{"field", "parties[0].last_name"}, {"message", "required"}}));
  EXPECT_EQ(body["errors"].size(), 2u);
  EXPECT_EQ(json::parse(problem(404, "Not Found").body)["errors"], json::array());
}

TEST(HttpDispatcher, RefusesBeforeTheBody) {
  Router router;
  router.add("POST", "/x", Role::ledger, ok);
  const Dispatcher dispatcher(std::move(router), {{"erp", Role::ledger, "tok-123"}}, 100, {});
  Request request;
  request.method = "POST";
  request.headers = {{"authorization", "Bearer tok-123"}, {"content-length", "101"}};
  Admission admission = dispatcher.admit(request, "/x");
  ASSERT_TRUE(admission.refusal);
  EXPECT_EQ(admission.refusal->status, 413);
  request.headers = {{"authorization", "Bearer tok-123"}, {"content-length", "100"}};
  admission = dispatcher.admit(request, "/x");
  EXPECT_FALSE(admission.refusal);
  EXPECT_EQ(request.principal, "erp");
  EXPECT_FALSE(request.header("authorization"));
}

}  // namespace
}  // namespace kaution::http
