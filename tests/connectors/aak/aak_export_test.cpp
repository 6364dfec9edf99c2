// aak master data, assignment and close against FakeAak (specs/aak.md).
#include "connectors/aak/bank_errors.hpp"
#include "tests/connectors/aak/aak_fixture.hpp"

namespace kaution::test {
namespace {

using namespace std::chrono_literals;

Action errors(int status, const nlohmann::json& list) {
  return Action::reply(status, nlohmann::json{{"errors", list}}.dump(),
                       {{"Content-Type", "application/json"}});
}

TEST_F(AakTest, ExportAcceptedStoresTheUuid) {
  const ExportItem one = item();
  const auto results = connector->export_deposits({&one, 1});
  ASSERT_EQ(results.size(), 1u);
  EXPECT_EQ(results[0].deposit_id, "D-1");
  ASSERT_TRUE(results[0].bank_ref) << results[0].bank_ref.error().message;
  EXPECT_EQ(*results[0].bank_ref, "uuid-1.080000.1047");
  const auto api = api_requests(server);
  ASSERT_EQ(api.size(), 1u);
  EXPECT_EQ(api[0].method, "PUT");
  EXPECT_EQ(api[0].target, "/v1/deposits/1.080000.1047");
  EXPECT_EQ(api[0].headers.get("Authorization"), "Bearer tok-1");
  EXPECT_EQ(api[0].headers.get("Content-Type"), "application/json");
  const auto body = nlohmann::json::parse(api[0].body);
  EXPECT_EQ(body["contractNumber"], "1.080000.1047");
  EXPECT_EQ(body["virtualIban"], "DE14550104000007223330");
  EXPECT_TRUE(body["uuid"].is_null());
  EXPECT_EQ(body["amount"], "1340.00");
  EXPECT_EQ(token_requests(server), 1);
  EXPECT_EQ(server.requests().front().headers.get("Authorization").value_or("").substr(0, 6),
            "Basic ");
}

TEST_F(AakTest, ContractNumberIsUrlEncodedAndAKnownUuidIsSent) {
  ExportItem one = item();
  one.deposit.rental_contract_no = "A/1 2";
  one.bank_ref = "5b1f-known";
  bank->script.push_back(Action::reply(200, R"({"uuid": "5b1f-known", "state": "ACCEPTED"})"));
  const auto results = connector->export_deposits({&one, 1});
  ASSERT_TRUE(results[0].bank_ref) << results[0].bank_ref.error().message;
  EXPECT_EQ(*results[0].bank_ref, "5b1f-known");
  const auto api = api_requests(server);
  EXPECT_EQ(api[0].target, "/v1/deposits/A%2F1%202");
  EXPECT_EQ(nlohmann::json::parse(api[0].body)["uuid"], "5b1f-known");
}

TEST_F(AakTest, LongNamesAreShortenedWithNotes) {
  ExportItem one = item();
  one.deposit.parties[0].last_name = std::string(40, 'x');
  const auto results = connector->export_deposits({&one, 1});
  ASSERT_TRUE(results[0].bank_ref);
  ASSERT_FALSE(results[0].notes.empty());
  EXPECT_EQ(results[0].notes[0].code, "SHORTENED");
  const auto body = nlohmann::json::parse(api_requests(server)[0].body);
  EXPECT_EQ(body["tenants"][0]["lastName"].get<std::string>().size(), 35u);
}

TEST_F(AakTest, UnprocessableIsRejectedWithEveryFieldError) {
  bank->script.push_back(
      errors(422, {{{"field", "tenants[0].lastName"}, {"code", "TOO_LONG"}, {"message", "max 35"}},
                   {{"field", "instalments"}, {"code", "AMOUNT_MISMATCH"}, {"message", "sum"}}}));
  const ExportItem one = item();
  const auto results = connector->export_deposits({&one, 1});
  ASSERT_FALSE(results[0].bank_ref);
  const Failure& f = results[0].bank_ref.error();
  EXPECT_EQ(f.failure_class, FailureClass::rejected);
  EXPECT_EQ(f.fields, (std::vector<FieldError>{{"tenants[0].lastName", "TOO_LONG", "max 35"},
                                               {"instalments", "AMOUNT_MISMATCH", "sum"}}));
  EXPECT_NE(f.message.find("HTTP 422"), std::string::npos) << f.message;
  EXPECT_NE(f.message.find("tenants[0].lastName TOO_LONG (max 35)"), std::string::npos)
      << f.message;
}

TEST_F(AakTest, VirtualIbanInUseIsRejected) {
  bank->script.push_back(errors(
      409, {{{"field", "virtualIban"}, {"code", "VIBAN_IN_USE"}, {"message", "other contract"}}}));
  const ExportItem one = item();
  const auto results = connector->export_deposits({&one, 1});
  ASSERT_FALSE(results[0].bank_ref);
  EXPECT_EQ(results[0].bank_ref.error().failure_class, FailureClass::rejected);
  EXPECT_TRUE(connectors::has_code(results[0].bank_ref.error(), "VIBAN_IN_USE"));
  EXPECT_EQ(results[0].bank_ref.error().fields[0].field, "virtualIban");
}

TEST_F(AakTest, RejectionOfOneDepositDoesNotStopTheBatch) {
  bank->script.push_back(errors(422, {{{"field", "validFrom"}, {"code", "INVALID_DATE"}}}));
  const std::vector<ExportItem> items{item("D-1"), item("D-2")};
  const auto results = connector->export_deposits(items);
  ASSERT_EQ(results.size(), 2u);
  EXPECT_FALSE(results[0].bank_ref);
  EXPECT_TRUE(results[1].bank_ref);
  EXPECT_EQ(api_requests(server).size(), 2u);
}

TEST_F(AakTest, UnauthorizedRefreshesTheTokenOnceThenSucceeds) {
  bank->script.push_back(Action::reply(401));
  const ExportItem one = item();
  const auto results = connector->export_deposits({&one, 1});
  ASSERT_TRUE(results[0].bank_ref) << results[0].bank_ref.error().message;
  EXPECT_EQ(token_requests(server), 2);
  const auto api = api_requests(server);
  ASSERT_EQ(api.size(), 2u);
  EXPECT_EQ(api[0].headers.get("Authorization"), "Bearer tok-1");
  EXPECT_EQ(api[1].headers.get("Authorization"), "Bearer tok-2");
}

TEST_F(AakTest, SecondUnauthorizedIsCredentialsForTheWholeBatch) {
  bank->script.push_back(Action::reply(401));
  bank->script.push_back(Action::reply(401));
  const std::vector<ExportItem> items{item("D-1"), item("D-2"), item("D-3")};
  const auto results = connector->export_deposits(items);
  ASSERT_EQ(results.size(), 3u);
  for (const ExportResult& r : results) {
    ASSERT_FALSE(r.bank_ref);
    EXPECT_EQ(r.bank_ref.error().failure_class, FailureClass::credentials);
  }
  EXPECT_EQ(results[2].deposit_id, "D-3");
  EXPECT_EQ(api_requests(server).size(), 2u);  // no retry storm
  EXPECT_EQ(token_requests(server), 2);
}

TEST_F(AakTest, RefusedTokenIsCredentialsWithoutAnApiCall) {
  bank->token_status = 401;
  const ExportItem one = item();
  const auto results = connector->export_deposits({&one, 1});
  ASSERT_FALSE(results[0].bank_ref);
  EXPECT_EQ(results[0].bank_ref.error().failure_class, FailureClass::credentials);
  EXPECT_TRUE(api_requests(server).empty());
  EXPECT_EQ(log.all_text().find(k_aak_secret), std::string::npos);
  EXPECT_EQ(results[0].bank_ref.error().message.find(k_aak_secret), std::string::npos);
  const auto checked = connector->check();
  ASSERT_FALSE(checked);
  EXPECT_EQ(checked.error().failure_class, FailureClass::credentials);
}

TEST_F(AakTest, CheckFetchesAToken) {
  EXPECT_TRUE(connector->check());
  EXPECT_EQ(token_requests(server), 1);
  EXPECT_TRUE(api_requests(server).empty());
}

TEST_F(AakTest, MissingCredentialsFailWithoutARequest) {
  AccessConfig access = test_access(ConnectorKind::aak, server.base_url(), k_aak_secret);
  access.password.reset();
  auto without = make_aak_connector(access, environment());
  const ExportItem one = item();
  const auto results = without->export_deposits({&one, 1});
  ASSERT_FALSE(results[0].bank_ref);
  EXPECT_EQ(results[0].bank_ref.error().failure_class, FailureClass::credentials);
  EXPECT_FALSE(without->check());
  EXPECT_TRUE(server.requests().empty());
}

TEST_F(AakTest, TooManyRequestsIsTransientWithRetryAfterAndStopsTheBatch) {
  bank->script.push_back(Action::reply(429, "", {{"Retry-After", "120"}}));
  const std::vector<ExportItem> items{item("D-1"), item("D-2")};
  const auto results = connector->export_deposits(items);
  for (const ExportResult& r : results) {
    ASSERT_FALSE(r.bank_ref);
    EXPECT_EQ(r.bank_ref.error().failure_class, FailureClass::transient);
    EXPECT_EQ(r.bank_ref.error().retry_after, 120s);
  }
  EXPECT_EQ(api_requests(server).size(), 1u);
}

TEST_F(AakTest, ServiceUnavailableIsTransientWithRetryAfter) {
  bank->script.push_back(Action::reply(503, "", {{"Retry-After", "30"}}));
  const ExportItem one = item();
  const auto results = connector->export_deposits({&one, 1});
  ASSERT_FALSE(results[0].bank_ref);
  EXPECT_EQ(results[0].bank_ref.error().failure_class, FailureClass::transient);
  EXPECT_EQ(results[0].bank_ref.error().retry_after, 30s);
}

TEST_F(AakTest, AcceptedWithoutUuidIsProtocol) {
  bank->script.push_back(Action::reply(201, R"({"state": "ACCEPTED"})"));
  const ExportItem one = item();
  const auto results = connector->export_deposits({&one, 1});
  ASSERT_FALSE(results[0].bank_ref);
  EXPECT_EQ(results[0].bank_ref.error().failure_class, FailureClass::protocol);
  EXPECT_NE(results[0].bank_ref.error().message.find("uuid: missing"), std::string::npos)
      << results[0].bank_ref.error().message;
}

TEST_F(AakTest, DepositWithoutVirtualIbanIsNeverSent) {
  ExportItem one = item();
  one.deposit.virtual_iban.reset();
  const auto results = connector->export_deposits({&one, 1});
  ASSERT_FALSE(results[0].bank_ref);
  EXPECT_EQ(results[0].bank_ref.error().failure_class, FailureClass::rejected);
  EXPECT_EQ(results[0].bank_ref.error().fields[0].field, "virtual_iban");
  EXPECT_TRUE(server.requests().empty());
}

TEST_F(AakTest, ExchangesGoToTheObserverWithRequestId) {
  bank->script.push_back(Action::reply(201, R"({"uuid": "u-1"})", {{"X-Request-Id", "req-77"}}));
  const ExportItem one = item();
  ASSERT_TRUE(connector->export_deposits({&one, 1})[0].bank_ref);
  const auto records = log.records();
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].path, "/oauth2/token");
  EXPECT_EQ(records[1].access, "aak-test");
  EXPECT_EQ(records[1].method, "PUT");
  EXPECT_EQ(records[1].path, "/v1/deposits/1.080000.1047");
  EXPECT_EQ(records[1].status, 201);
  EXPECT_EQ(records[1].request_id, "req-77");
}

TEST_F(AakTest, AssignPostsTheUuid) {
  const auto assigned =
      connector->assign(AssignRequest{"ST-1-0001/E2E-7", "D-1", "1.080000.1047", "uuid-1"});
  ASSERT_TRUE(assigned) << assigned.error().message;
  EXPECT_TRUE(*assigned);
  const auto api = api_requests(server);
  ASSERT_EQ(api.size(), 1u);
  EXPECT_EQ(api[0].method, "POST");
  EXPECT_EQ(api[0].target, "/v1/payments/ST-1-0001%2FE2E-7/assign");
  EXPECT_EQ(nlohmann::json::parse(api[0].body), (nlohmann::json{{"uuid", "uuid-1"}}));
}

TEST_F(AakTest, AssignOfUnknownOrAssignedBookingIsRejected) {
  bank->script.push_back(errors(404, {{{"code", "UNKNOWN_BOOKING"}}}));
  bank->script.push_back(errors(409, {{{"code", "ALREADY_ASSIGNED"}}}));
  for (int i = 0; i < 2; ++i) {
    const auto assigned = connector->assign(AssignRequest{"R", "D-1", "C", "uuid-1"});
    ASSERT_FALSE(assigned);
    EXPECT_EQ(assigned.error().failure_class, FailureClass::rejected);
  }
  const auto without_uuid = connector->assign(AssignRequest{"R", "D-1", "C", std::nullopt});
  ASSERT_FALSE(without_uuid);
  EXPECT_EQ(without_uuid.error().failure_class, FailureClass::rejected);
  EXPECT_EQ(api_requests(server).size(), 2u);
}

TEST_F(AakTest, CloseAndBalanceNotZero) {
  ASSERT_TRUE(connector->close(CloseRequest{"D-1", "1.080000.1047", "uuid-1"}));
  EXPECT_EQ(api_requests(server).back().target, "/v1/deposits/uuid-1/close");
  bank->script.push_back(errors(409, {{{"code", "BALANCE_NOT_ZERO"}, {"message", "1.00 EUR"}}}));
  const auto closed = connector->close(CloseRequest{"D-1", "1.080000.1047", "uuid-1"});
  ASSERT_FALSE(closed);
  EXPECT_EQ(closed.error().failure_class, FailureClass::rejected);
  EXPECT_TRUE(connectors::has_code(closed.error(), "BALANCE_NOT_ZERO"));
  bank->script.push_back(Action::reply(409, "BALANCE_NOT_ZERO"));
  const auto plain = connector->close(CloseRequest{"D-1", "1.080000.1047", "uuid-1"});
  ASSERT_FALSE(plain);
  EXPECT_TRUE(connectors::has_code(plain.error(), "BALANCE_NOT_ZERO"));
}

TEST_F(AakTest, InterestDistributionsByUuid) {
  bank->interest_body = R"({"items": [
    {"uuid": "uuid-1", "period": {"from": "2025-01-01", "to": "2025-12-31"}, "rate": "0.250",
     "gross": "3.35", "withholdingTax": "0.84", "solidaritySurcharge": "0.04",
     "churchTax": "0.00", "net": "2.47"},
    {"uuid": "uuid-unknown", "period": {"from": "2025-01-01", "to": "2025-06-30"},
     "rate": "0.100", "gross": "1.00", "withholdingTax": "0.00", "solidaritySurcharge": "0.00",
     "churchTax": "0.00", "net": "1.00"}]})";
  DepositDirectory directory;
  directory.by_bank_ref["uuid-1"] = "D-1";
  const auto result = connector->interest_distributions(2025, directory);
  ASSERT_TRUE(result) << result.error().message;
  ASSERT_EQ(result->size(), 2u);
  const InterestDistribution& d = (*result)[0];
  EXPECT_EQ(d.deposit_id, "D-1");
  EXPECT_EQ(d.period_from, day("2025-01-01"));
  EXPECT_EQ(d.period_to, day("2025-12-31"));
  EXPECT_EQ(d.rate, "0.250");
  EXPECT_EQ(d.gross, eur("3.35"));
  EXPECT_EQ(d.withholding_tax, eur("0.84"));
  EXPECT_EQ(d.solidarity_surcharge, eur("0.04"));
  EXPECT_EQ(d.church_tax, eur("0.00"));
  EXPECT_EQ(d.net, eur("2.47"));
  EXPECT_EQ((*result)[1].deposit_id, "");
  EXPECT_EQ(api_requests(server)[0].target, "/v1/interest-distributions?year=2025");
}

TEST_F(AakTest, InterestDistributionWithANonAmountIsProtocol) {
  bank->interest_body = R"({"items": [{"uuid": "u", "period": {"from": "2025-01-01",
    "to": "2025-12-31"}, "rate": "0.250", "gross": 3.35, "withholdingTax": "0.84",
    "solidaritySurcharge": "0.04", "churchTax": "0.00", "net": "2.47"}]})";
  const auto result = connector->interest_distributions(2025, DepositDirectory{});
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().failure_class, FailureClass::protocol);
  EXPECT_NE(result.error().message.find("items[0].gross: not a decimal string"), std::string::npos)
      << result.error().message;
}

}  // namespace
}  // namespace kaution::test
