#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "tests/daemon/ctl/fake_api.hpp"

// The commands through the command line, against a fake daemon: requests, tables, --json,
// problems and exit codes.

namespace kaution::ctl::test {
namespace {

using nlohmann::json;

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

const std::string k_list = R"({"deposits": [
  {"deposit_id": "D-1", "status": "active", "object_no": "P1096", "object_label": "Mittelweg 30",
   "parties": [{"role": "tenant", "first_name": "Natalie", "last_name": "Schmidt"}],
   "unit_no": "10006.1.340", "connector": "aak", "instalments": [{}, {}, {}],
   "virtual_iban": "DE14550104000007223330", "valid_from": "2021-01-01", "valid_until": null,
   "agreed_amount": "1340.00", "paid": "1340.00", "outstanding": "0.00",
   "bank_balance": "1342.17", "future_field": {"x": 1}}],
  "sums": {"agreed": "1340.00", "paid": "1340.00"}})";

TEST(Commands, DepositListSendsFiltersAndShowsATable) {
  FakeApi api;
  api.answer_json(
      "GET /api/v1/deposits?status=faulty&connector=km&q=M%C3%BCller%20X&active_only=true", 200,
      k_list);
  const auto r = run_with(api, {"deposits", "list", "--status", "faulty", "--connector", "km",
                                "--q", "Müller X", "--active-only"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(has(r.out, "ID   STATUS  OBJECT  LABEL         TENANT")) << r.out;
  EXPECT_TRUE(has(r.out, "D-1  active  P1096   Mittelweg 30  Natalie Schmidt")) << r.out;
  EXPECT_TRUE(has(r.out, "1342.17")) << r.out;
  EXPECT_TRUE(has(r.out, "sums.agreed")) << r.out;
  EXPECT_FALSE(has(r.out, "future_field"));
}

TEST(Commands, JsonPrintsTheDaemonsAnswerAsItIs) {
  FakeApi api;
  api.answer_json("GET /api/v1/deposits", 200, k_list);
  const auto r = run_with(api, {"deposits", "list", "--json"});
  ASSERT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, k_list + "\n");
  const auto global_first = run_with(api, {"--json", "deposits", "list"});
  EXPECT_EQ(global_first.out, k_list + "\n");
}

TEST(Commands, ShowEncodesTheIdAndListsEveryField) {
  FakeApi api;
  api.answer_json("GET /api/v1/deposits/D%2F1", 200,
                  R"({"deposit_id": "D/1", "parties": [{"address": {"city": "Dortmund"}}]})");
  const auto r = run_with(api, {"deposits", "show", "D/1"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(has(r.out, "parties[0].address.city  Dortmund")) << r.out;
}

TEST(Commands, TheDaemonSayingNoIsExit1WithTitleDetailAndFieldErrors) {
  FakeApi api;
  api.answer(
      "PUT /api/v1/deposits/D-1/ledger",
      problem_answer(422, "Invalid ledger figures", "1 error", {{"as_of", "in the future"}}));
  const auto r = run_with(api, {"deposits", "ledger", "D-1", "--paid", "1.340,00", "--balance",
                                "1342,17", "--as-of", "01.11.2026"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err,
            "kautionctl: Invalid ledger figures (HTTP 422)\n  1 error\n  as_of: in the future\n");
  ASSERT_EQ(api.requests.size(), 1u);
  EXPECT_EQ(json::parse(api.requests[0].body),
            json::parse(R"({"paid": "1340.00", "balance": "1342.17", "as_of": "2026-11-01"})"));
  EXPECT_EQ(api.requests[0].method, "PUT");
}

TEST(Commands, InvalidFiguresAreExit2AndNothingIsSent) {
  FakeApi api;
  const auto r = run_with(api, {"deposits", "ledger", "D-1", "--paid", "1.340", "--balance", "1,00",
                                "--as-of", "2026-02-30"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(api.requests.empty());
  EXPECT_TRUE(has(r.err, "1.340")) << r.err;
  EXPECT_TRUE(has(r.err, "2026-02-30")) << r.err;
}

TEST(Commands, UnreachableDaemonIsExit2NamingTheEndpoint) {
  FakeApi api;
  api.fallback([](const ApiRequest&) -> std::expected<ApiResponse, TransportError> {
    return std::unexpected(TransportError{"cannot reach kautiond at socket /x/api.sock: refused"});
  });
  const auto r = run_with(api, {"status"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "kautionctl: cannot reach kautiond at socket /x/api.sock: refused\n");
}

TEST(Commands, UsageErrorsAreExit2) {
  FakeApi api;
  EXPECT_EQ(run_with(api, {"deposits", "frobnicate"}).exit_code, 2);
  EXPECT_EQ(run_with(api, {"deposits", "show"}).exit_code, 2);
  EXPECT_EQ(run_with(api, {"deposits"}).exit_code, 2);
  EXPECT_EQ(run_with(api, {}).exit_code, 2);
  EXPECT_EQ(run_with(api, {"deposits", "list", "--active-only", "--ended-only"}).exit_code, 2);
  EXPECT_EQ(run_with(api, {"reconciliation", "--bom"}).exit_code, 2);
  EXPECT_TRUE(api.requests.empty());
  const auto help = run_with(api, {"--help"});
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_TRUE(has(help.out, "deposits")) << help.out;
  const auto version = run_with(api, {"--version"});
  EXPECT_EQ(version.exit_code, 0);
  EXPECT_TRUE(has(version.out, "kautionctl 0.0.test")) << version.out;
}

TEST(Commands, PutReadsStandardInputAndUsesTheDepositId) {
  FakeApi api;
  api.answer_json("PUT /api/v1/deposits/D-7", 201, R"({"deposit_id": "D-7", "status": "waiting"})");
  const auto r = run_with(api, {"deposits", "put", "-"}, R"({"deposit_id": "D-7", "x": 1})");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(has(r.out, "D-7: created")) << r.out;
  EXPECT_TRUE(has(r.out, "status      waiting")) << r.out;
  EXPECT_EQ(api.requests.at(0).body, R"({"deposit_id": "D-7", "x": 1})");
  EXPECT_EQ(run_with(api, {"deposits", "put", "-"}, "[1]").exit_code, 2);
}

TEST(Commands, EveryEndpointHasItsRequest) {
  struct Case {
    std::vector<std::string> args;
    std::string method_target;
    std::string body;
  };
  const std::vector<Case> cases = {
      {{"status"}, "GET /api/v1/status", ""},
      {{"deposits", "list", "--from", "01.05.2025", "--ended-only", "--limit", "5"},
       "GET /api/v1/deposits?ended_only=true&from=2025-05-01&limit=5",
       ""},
      {{"deposits", "history", "D-1"}, "GET /api/v1/deposits/D-1/history", ""},
      {{"logs", "D-1"}, "GET /api/v1/deposits/D-1/history", ""},
      {{"deposits", "logs", "D-1"}, "GET /api/v1/deposits/D-1/history", ""},
      {{"deposits", "delete", "D-1"}, "DELETE /api/v1/deposits/D-1", ""},
      {{"deposits", "close", "D-1"}, "POST /api/v1/deposits/D-1/close", ""},
      {{"deposits", "export", "D-1"}, "POST /api/v1/deposits/D-1/export", ""},
      {{"exports", "retrigger", "--status", "faulty", "--access", "km-1"},
       "POST /api/v1/exports:retrigger",
       R"({"status":"faulty","access":"km-1"})"},
      {{"accesses", "check", "aak-main"}, "POST /api/v1/accesses/aak-main/check", ""},
      {{"bookings", "feed", "--after", "42", "--limit", "100"},
       "GET /api/v1/bookings?after=42&limit=100",
       ""},
      {{"bookings", "unassigned"}, "GET /api/v1/bookings/unassigned", ""},
      {{"bookings", "assign", "B-9", "D-1"},
       "POST /api/v1/bookings/B-9/assign",
       R"({"deposit_id":"D-1"})"},
      {{"reconciliation", "--as-of", "01.11.2026", "--all"},
       "GET /api/v1/reconciliation?as_of=2026-11-01&all=true",
       ""},
      {{"health"}, "GET /healthz", ""},
      {{"ready"}, "GET /readyz", ""},
      {{"reload"}, "POST /api/v1/reload", ""},
      {{"metrics"}, "GET /metrics", ""},
  };
  for (const auto& c : cases) {
    FakeApi api;
    api.fallback([](const ApiRequest&) -> std::expected<ApiResponse, TransportError> {
      return json_answer(200, "{}");
    });
    const auto r = run_with(api, c.args);
    EXPECT_EQ(r.exit_code, 0) << c.method_target << ": " << r.err;
    ASSERT_EQ(api.requests.size(), 1u) << c.method_target;
    EXPECT_EQ(api.requests[0].method + " " + api.requests[0].target, c.method_target);
    EXPECT_EQ(api.requests[0].body, c.body) << c.method_target;
  }
}

TEST(Commands, UnassignedBookingsAreGroupedByAccount) {
  FakeApi api;
  api.answer_json("GET /api/v1/bookings/unassigned", 200, R"({"accounts": [
      {"account": "DE02120300000000202051", "count": 2, "bookings": [
        {"booking_id": "B-1", "booking_date": "2026-01-02", "amount": "446.67",
         "remittance": "Kaution 1.080000.1047"},
        {"booking_id": "B-2", "booking_date": "2026-01-03", "amount": "-5.00"}]}]})");
  const auto r = run_with(api, {"bookings", "unassigned"});
  ASSERT_EQ(r.exit_code, 0);
  EXPECT_TRUE(has(r.out, "account DE02120300000000202051 (2 bookings)")) << r.out;
  EXPECT_TRUE(has(r.out, "B-2      2026-01-03   -5.00")) << r.out;
}

TEST(Commands, ReconciliationCsvFromTheDaemonOrMadeFromJson) {
  FakeApi api;
  api.answer("GET /api/v1/reconciliation",
             {200, "text/csv", "deposit_id;agreed\r\nD-1;1340.00\r\n"});
  auto r = run_with(api, {"reconciliation", "--csv", "--bom"});
  ASSERT_EQ(r.exit_code, 0);
  EXPECT_EQ(api.requests.at(0).accept, "text/csv");
  EXPECT_EQ(r.out,
            "\xEF\xBB\xBF"
            "deposit_id;agreed\r\nD-1;1340.00\r\n");

  FakeApi json_api;
  json_api.answer_json("GET /api/v1/reconciliation?all=true", 200, R"({"rows": [
      {"deposit_id": "D-1", "agreed": "1340.00", "reasons": ["stale", "paid_differs"],
       "traffic_light": "red", "ledger_paid": null}]})");
  r = run_with(json_api, {"reconciliation", "--all", "--csv"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out,
            "deposit_id;agreed;reasons;traffic_light;ledger_paid\r\n"
            "D-1;1340.00;stale, paid_differs;red;\r\n");
  r = run_with(json_api, {"reconciliation", "--all"});
  EXPECT_TRUE(has(r.out, "ID    AGREED  LIGHT  REASONS\n")) << r.out;  // no ledger figures
}

TEST(Commands, StatusRendersAnyShape) {
  FakeApi api;
  api.answer_json("GET /api/v1/status", 200, R"({"counts": [
      {"connector": "aak", "access": "aak-main", "status": "active", "count": 12}],
      "accesses": [{"name": "aak-main", "last_export": "2026-01-01T10:00:00Z"}],
      "generated_at": "2026-01-01T10:05:00Z"})");
  const auto r = run_with(api, {"status"});
  ASSERT_EQ(r.exit_code, 0);
  EXPECT_TRUE(has(r.out, "generated_at  2026-01-01T10:05:00Z")) << r.out;
  EXPECT_TRUE(has(r.out, "counts:\nconnector  access    status  count\n")) << r.out;
  EXPECT_TRUE(has(r.out, "aak        aak-main  active     12")) << r.out;
}

TEST(Commands, NotReadyIsExit1) {
  FakeApi api;
  api.answer("GET /readyz", problem_answer(503, "Service Unavailable", "not ready: store"));
  const auto r = run_with(api, {"ready"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(has(r.err, "not ready: store"));
  api.answer_json("GET /healthz", 200, R"({"status": "ok"})");
  const auto h = run_with(api, {"health"});
  EXPECT_EQ(h.exit_code, 0);
  EXPECT_EQ(h.out, "ok\n");
}

TEST(Commands, MissingTokenGetsAHintOn401) {
  FakeApi api;
  api.answer("GET /api/v1/status", problem_answer(401, "Unauthorized", "missing bearer token"));
  const auto r = run_with(api, {"status"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(has(r.err, "no token given")) << r.err;
}

}  // namespace
}  // namespace kaution::ctl::test

namespace kaution::ctl::test {
namespace {

TEST(Commands, StatusShowsPerAccessLastSuccessAndCredentialsPause) {
  FakeApi api;
  api.answer_json("GET /api/v1/status", 200, R"({"deposits": 5, "totals": {"active": 4},
      "accesses": [
        {"access": "aak-main", "connector": "aak", "deposits": 3, "counts": {"active": 3},
         "last_export_ok_at": "2026-11-20T08:00:00Z", "last_import_ok_at": "2026-11-23T07:45:00Z",
         "credentials_refused": false, "refused_since": null, "refused_message": null},
        {"access": "km-main", "connector": "km", "deposits": 2,
         "counts": {"active": 1, "credentials_invalid": 1},
         "last_export_ok_at": null, "last_import_ok_at": null, "credentials_refused": true,
         "refused_since": "2026-11-23T07:00:00Z", "refused_message": "FailedAuthentication"}]})");
  const auto r = run_with(api, {"status"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(has(r.out, "ACCESS    CONNECTOR  DEPOSITS  LAST EXPORT OK        LAST IMPORT OK"))
      << r.out;
  EXPECT_TRUE(has(r.out,
                  "aak-main  aak               3  2026-11-20T08:00:00Z  "
                  "2026-11-23T07:45:00Z  ok"))
      << r.out;
  EXPECT_TRUE(has(r.out,
                  "km-main   km                2  never                 never"
                  "                 PAUSED since 2026-11-23T07:00:00Z: "
                  "FailedAuthentication  active 1, credentials_invalid 1"))
      << r.out;
  EXPECT_TRUE(has(r.out, "totals.active  4")) << r.out;
}

}  // namespace
}  // namespace kaution::ctl::test
