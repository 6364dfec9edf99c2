// dkb tenancies, close, credentials and mutual TLS against FakeDkb (specs/dkb.md).
#include "connectors/aak/bank_errors.hpp"
#include "tests/connectors/dkb/dkb_fixture.hpp"

namespace kaution::test {
namespace {

using namespace std::chrono_literals;

TEST_F(DkbTest, ExportOverMutualTlsWithFormCredentials) {
  const ExportItem one = item();
  const auto results = connector->export_deposits({&one, 1});
  ASSERT_EQ(results.size(), 1u);
  ASSERT_TRUE(results[0].bank_ref) << results[0].bank_ref.error().message;
  EXPECT_EQ(*results[0].bank_ref, "DKB-KT-1.080000.1047");
  const auto requests = server.requests();
  ASSERT_EQ(requests.size(), 2u);
  for (const RecordedRequest& r : requests)
    EXPECT_EQ(r.client_cert_cn, "kautiond-dkb-client") << r.target;
  EXPECT_EQ(requests[0].target, "/oauth/token");
  EXPECT_EQ(requests[0].method, "POST");
  EXPECT_EQ(requests[0].body, std::string("grant_type=client_credentials&client_id=client-1"
                                          "&client_secret=") +
                                  k_dkb_secret);
  EXPECT_FALSE(requests[0].headers.contains("Authorization"));
  EXPECT_EQ(requests[1].method, "PUT");
  EXPECT_EQ(requests[1].target, "/kaution/v1/tenancies/1.080000.1047");
  EXPECT_EQ(requests[1].headers.get("Authorization"), "Bearer tok-1");
  const auto body = nlohmann::json::parse(requests[1].body);
  EXPECT_EQ(body["collectiveIban"], ibans.front());
  EXPECT_EQ(body["contractNumber"], "1.080000.1047");
  EXPECT_EQ(body["depositAmount"], "1340.00");
}

TEST_F(DkbTest, WithoutClientCertificateTheHandshakeIsRefusedAsCredentials) {
  auto without = make(access(false));
  const auto checked = without->check();
  ASSERT_FALSE(checked);
  EXPECT_EQ(checked.error().failure_class, FailureClass::credentials) << checked.error().message;
  EXPECT_TRUE(server.requests().empty());
}

TEST_F(DkbTest, CollectiveIbanMustBeOneOfTheAccessBeforeSending) {
  ExportItem other = item();
  other.trust_account = *Iban::parse(german_iban(99));
  ExportItem none = item("D-2");
  none.trust_account.reset();
  const std::vector<ExportItem> items{other, none};
  const auto results = connector->export_deposits(items);
  for (const ExportResult& r : results) {
    ASSERT_FALSE(r.bank_ref);
    EXPECT_EQ(r.bank_ref.error().failure_class, FailureClass::rejected);
    EXPECT_EQ(r.bank_ref.error().fields[0].field, "trust_account");
  }
  EXPECT_EQ(results[0].bank_ref.error().fields[0].code, "NOT_CONFIGURED");
  EXPECT_EQ(results[1].bank_ref.error().fields[0].code, "REQUIRED");
  EXPECT_TRUE(server.requests().empty());
}

TEST_F(DkbTest, TheOnlyCollectiveIbanIsTakenWhenTheDepositNamesNone) {
  ibans = {german_iban(5)};
  auto single = make(access());
  ExportItem none = item();
  none.trust_account.reset();
  const auto results = single->export_deposits({&none, 1});
  ASSERT_TRUE(results[0].bank_ref) << results[0].bank_ref.error().message;
  EXPECT_EQ(nlohmann::json::parse(api()[0].body)["collectiveIban"], german_iban(5));
}

TEST_F(DkbTest, ViolationsAreRejectedWithFieldErrors) {
  bank->script.push_back(Action::reply(
      422, R"({"violations": [{"path": "tenants[0].lastName", "reason": "LENGTH"}]})"));
  const ExportItem one = item();
  const auto results = connector->export_deposits({&one, 1});
  ASSERT_FALSE(results[0].bank_ref);
  EXPECT_EQ(results[0].bank_ref.error().failure_class, FailureClass::rejected);
  EXPECT_EQ(results[0].bank_ref.error().fields,
            (std::vector<FieldError>{{"tenants[0].lastName", "LENGTH", "LENGTH"}}));
}

TEST_F(DkbTest, UnknownCollectiveAccountIsRejected) {
  bank->script.push_back(Action::reply(404, R"({"code": "COLLECTIVE_ACCOUNT_UNKNOWN"})"));
  bank->script.push_back(Action::reply(404, "COLLECTIVE_ACCOUNT_UNKNOWN"));
  const std::vector<ExportItem> items{item("D-1"), item("D-2")};
  const auto results = connector->export_deposits(items);
  for (const ExportResult& r : results) {
    ASSERT_FALSE(r.bank_ref);
    EXPECT_EQ(r.bank_ref.error().failure_class, FailureClass::rejected);
    EXPECT_TRUE(connectors::has_code(r.bank_ref.error(), "COLLECTIVE_ACCOUNT_UNKNOWN"));
  }
}

TEST_F(DkbTest, TooManyRequestsIsTransientWithRetryAfter) {
  bank->script.push_back(Action::reply(429, "", {{"Retry-After", "7"}}));
  const ExportItem one = item();
  const auto results = connector->export_deposits({&one, 1});
  ASSERT_FALSE(results[0].bank_ref);
  EXPECT_EQ(results[0].bank_ref.error().failure_class, FailureClass::transient);
  EXPECT_EQ(results[0].bank_ref.error().retry_after, 7s);
}

TEST_F(DkbTest, SecondUnauthorizedIsCredentials) {
  bank->script.push_back(Action::reply(401));
  bank->script.push_back(Action::reply(401));
  const ExportItem one = item();
  const auto results = connector->export_deposits({&one, 1});
  ASSERT_FALSE(results[0].bank_ref);
  EXPECT_EQ(results[0].bank_ref.error().failure_class, FailureClass::credentials);
  EXPECT_EQ(bank->tokens_issued, 2);
  EXPECT_EQ(log.all_text().find(k_dkb_secret), std::string::npos);
}

TEST_F(DkbTest, CloseDeletesTheTenancy) {
  ASSERT_TRUE(connector->close(CloseRequest{"D-1", "1.080000.1047", "DKB-KT-1"}));
  EXPECT_EQ(api().back().method, "DELETE");
  EXPECT_EQ(api().back().target, "/kaution/v1/tenancies/1.080000.1047");
  bank->script.push_back(Action::reply(409, R"({"code": "BALANCE_NOT_ZERO"})"));
  const auto closed = connector->close(CloseRequest{"D-1", "1.080000.1047", std::nullopt});
  ASSERT_FALSE(closed);
  EXPECT_EQ(closed.error().failure_class, FailureClass::rejected);
  EXPECT_TRUE(connectors::has_code(closed.error(), "BALANCE_NOT_ZERO"));
}

TEST_F(DkbTest, AssignmentIsThePortalsAndThereAreNoInterestDistributions) {
  const auto assigned = connector->assign(AssignRequest{"R", "D-1", "C", std::nullopt});
  ASSERT_TRUE(assigned);
  EXPECT_FALSE(*assigned);
  const auto interest = connector->interest_distributions(2025, DepositDirectory{});
  ASSERT_TRUE(interest);
  EXPECT_TRUE(interest->empty());
  EXPECT_TRUE(server.requests().empty());
}

}  // namespace
}  // namespace kaution::test
