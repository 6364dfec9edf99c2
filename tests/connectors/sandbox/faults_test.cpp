// Fault injection and the control endpoints, on all three banks.
#include <pugixml.hpp>

#include "tests/connectors/sandbox/fixture.hpp"

namespace kaution::test {
namespace {

using nlohmann::json;
using sandbox::Bank;

class SandboxFaults : public SandboxTest {
 protected:
  void fault(Bank bank, const json& rule) const {
    const Reply reply = control(bank, "POST", "/_control/faults", rule.dump());
    ASSERT_EQ(reply.status, 201) << reply.body;
  }
  Reply balances(const std::string& token) const {
    return client(Bank::aak).get("/v1/balances", token);
  }
  json stats(Bank bank) const { return json_of(control(bank, "GET", "/_control/stats")); }
};

TEST_F(SandboxFaults, NextTwo503WithRetryAfterThenOk) {
  const std::string token = aak_token();
  fault(Bank::aak, {{"kind", "status"}, {"status", 503}, {"retry_after", "2"}, {"next", 2}});
  for (int i = 0; i < 2; ++i) {
    const Reply reply = balances(token);
    EXPECT_EQ(reply.status, 503);
    EXPECT_EQ(reply.header("retry-after"), "2");
    EXPECT_EQ(json_of(reply)["errors"][0]["code"], "SERVICE_UNAVAILABLE");
  }
  EXPECT_EQ(balances(token).status, 200);
  const json s = stats(Bank::aak);
  EXPECT_EQ(s["requests"]["GET /v1/balances"], 3);
  EXPECT_EQ(s["requests"]["POST /oauth2/token"], 1);
  EXPECT_EQ(s["total"], 4);
  EXPECT_EQ(s["faults_injected"], 2);
  EXPECT_GE(s["max_per_second"].get<int>(), 1);
  EXPECT_EQ(json_of(control(Bank::aak, "GET", "/_control/faults"))["faults"].size(), 0U);
}

TEST_F(SandboxFaults, RetryAfterAsHttpDateAnd429OnKm) {
  fault(Bank::km, {{"kind", "status"}, {"status", 429}, {"retry_after_date_in", 3}, {"next", 1}});
  const Reply limited = km_call("SaldenAbrufen",
                                "<km:SaldenAbrufen><km:Stichtag>2026-11-20</km:Stichtag>"
                                "</km:SaldenAbrufen>");
  EXPECT_EQ(limited.status, 429);
  const std::string date = limited.header("retry-after");
  EXPECT_TRUE(date.ends_with(" GMT")) << date;
  EXPECT_EQ(date.size(), 29U) << date;  // "Sun, 06 Nov 1994 08:49:37 GMT"
  EXPECT_NE(limited.body.find("soap:Server"), std::string::npos);
  const json s = stats(Bank::km);
  EXPECT_EQ(s["requests"]["POST /ws#SaldenAbrufen"], 1);
}

TEST_F(SandboxFaults, FractionHitsSomeRequestsOnly) {
  const std::string token = aak_token();
  fault(Bank::aak,
        {{"kind", "status"}, {"status", 503}, {"fraction", 0.5}, {"path_prefix", "/v1/balances"}});
  int failed = 0;
  for (int i = 0; i < 40; ++i)
    failed += balances(token).status == 503 ? 1 : 0;
  EXPECT_GT(failed, 5);
  EXPECT_LT(failed, 35);
  EXPECT_EQ(client(Bank::aak).get("/v1/statements", token).status, 200);  // other prefix
  EXPECT_EQ(control(Bank::aak, "DELETE", "/_control/faults").status, 204);
  EXPECT_EQ(balances(token).status, 200);
}

TEST_F(SandboxFaults, ResetClosesTheConnectionWithoutAnswer) {
  const std::string token = aak_token();
  fault(Bank::aak, {{"kind", "reset"}, {"next", 1}});
  const Reply reset = balances(token);
  EXPECT_EQ(reset.status, 0);
  EXPECT_NE(reset.code, CURLE_OK);
  EXPECT_NE(reset.code, CURLE_OPERATION_TIMEDOUT) << reset.error;
  EXPECT_EQ(balances(token).status, 200);
}

TEST_F(SandboxFaults, TruncatedBodyIsAPartialTransfer) {
  const std::string token = dkb_token();
  fault(Bank::dkb, {{"kind", "truncate"}, {"next", 1}});
  const Reply cut = client(Bank::dkb).get(
      "/kaution/v1/statements?ibans=" + sandbox::dkb_collective_ibans()[0] + "&from=2026-11-01",
      token);
  EXPECT_EQ(cut.code, CURLE_PARTIAL_FILE) << cut.error;
}

TEST_F(SandboxFaults, MalformedBodiesDoNotParse) {
  const std::string token = aak_token();
  fault(Bank::aak, {{"kind", "malformed"}, {"next", 1}});
  const Reply json_reply = balances(token);
  EXPECT_EQ(json_reply.status, 200);
  EXPECT_TRUE(json_of(json_reply).is_discarded()) << json_reply.body;

  fault(Bank::km, {{"kind", "malformed"}, {"next", 1}});
  const Reply xml_reply = km_call("SaldenAbrufen",
                                  "<km:SaldenAbrufen><km:Stichtag>2026-11-20</km:Stichtag>"
                                  "</km:SaldenAbrufen>");
  EXPECT_EQ(xml_reply.status, 200);
  pugi::xml_document doc;
  EXPECT_FALSE(doc.load_string(xml_reply.body.c_str()));
}

TEST_F(SandboxFaults, RefusedCredentialsInEachProfilesWay) {
  fault(Bank::aak, {{"kind", "credentials"}});
  Call call{"POST",
            "/oauth2/token",
            {},
            "grant_type=client_credentials",
            "sandbox-aak-client:sandbox-aak-secret",
            {}};
  const Reply aak = client(Bank::aak).send(call);
  EXPECT_EQ(aak.status, 401);
  EXPECT_EQ(json_of(aak)["error"], "invalid_client");

  fault(Bank::km, {{"kind", "credentials"}, {"next", 1}});
  const Reply km = km_call("SaldenAbrufen",
                           "<km:SaldenAbrufen><km:Stichtag>2026-11-20</km:Stichtag>"
                           "</km:SaldenAbrufen>");
  EXPECT_EQ(km.status, 500);
  EXPECT_NE(km.body.find("wsse:FailedAuthentication"), std::string::npos);

  const std::string token = dkb_token();
  fault(Bank::dkb, {{"kind", "credentials"}, {"next", 1}});
  const Reply dkb = client(Bank::dkb).get(
      "/kaution/v1/balances?ibans=" + sandbox::dkb_collective_ibans()[0], token);
  EXPECT_EQ(dkb.status, 401);
  EXPECT_EQ(json_of(dkb)["error"], "invalid_token");
}

TEST_F(SandboxFaults, LatencyDelaysTheAnswer) {
  const std::string token = aak_token();
  fault(Bank::aak, {{"kind", "latency"}, {"latency_ms", 300}, {"next", 1}});
  const auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(balances(token).status, 200);
  EXPECT_GE(std::chrono::steady_clock::now() - start, std::chrono::milliseconds{300});
}

TEST_F(SandboxFaults, BadRulesAreRefused) {
  EXPECT_EQ(control(Bank::aak, "POST", "/_control/faults", R"({"kind": "explode"})").status, 400);
  EXPECT_EQ(
      control(Bank::aak, "POST", "/_control/faults", R"({"kind": "status", "typo": 1})").status,
      400);
  EXPECT_EQ(
      control(Bank::aak, "POST", "/_control/faults", R"({"kind": "status", "next": 0})").status,
      400);
}

TEST_F(SandboxFaults, RulesFromTheOptionsApplyFromTheStart) {
  auto options = sandbox_options(m_dir.path() / "pki");
  options.faults = json{{"dkb", json::array({{{"kind", "status"}, {"status", 503}}})}};
  start(options);
  EXPECT_EQ(client(Bank::dkb).get("/kaution/v1/balances").status, 503);
  EXPECT_EQ(json_of(control(Bank::dkb, "GET", "/_control/faults"))["faults"].size(), 1U);
  EXPECT_THROW(start([&] {
                 auto bad = sandbox_options(m_dir.path() / "pki");
                 bad.faults = json{{"nope", json::array()}};
                 return bad;
               }()),
               std::runtime_error);
}

TEST_F(SandboxFaults, StatsCountARetryStorm) {
  const std::string token = aak_token();
  EXPECT_EQ(control(Bank::aak, "DELETE", "/_control/stats").status, 204);
  for (int i = 0; i < 25; ++i)
    balances(token);
  const json s = stats(Bank::aak);
  EXPECT_EQ(s["requests"]["GET /v1/balances"], 25);
  EXPECT_GE(s["max_per_second"].get<int>(), 5);
}

TEST_F(SandboxFaults, AdvanceMovesTheSharedClock) {
  const Reply moved = control(Bank::km, "POST", "/_control/advance", R"({"days": 3})");
  EXPECT_EQ(json_of(moved)["today"], "2026-11-23");
  const json state = json_of(control(Bank::dkb, "GET", "/_control/state"));
  EXPECT_EQ(state["today"], "2026-11-23");
  EXPECT_EQ(state["bank"], "dkb");
  EXPECT_GT(state["unassigned"].get<int>(), 0);
  EXPECT_EQ(control(Bank::aak, "POST", "/_control/advance", R"({"days": -1})").status, 400);
}

}  // namespace
}  // namespace kaution::test
