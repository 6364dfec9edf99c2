// The dkb sandbox bank against specs/dkb.md.
#include "connectors/formats/statement_parser.hpp"
#include "connectors/sandbox/pki.hpp"
#include "tests/connectors/sandbox/fixture.hpp"

namespace kaution::test {
namespace {

using nlohmann::json;
using sandbox::Bank;

class DkbSandbox : public SandboxTest {
 protected:
  std::string ibans() const {
    const auto all = sandbox::dkb_collective_ibans();
    return all[0] + "," + all[1];
  }
  void register_all(const std::string& token) const {
    for (std::size_t i = 0; i < k_size; ++i)
      ASSERT_EQ(dkb_put(dkb_body(i), token).status, 201);
  }
};

TEST_F(DkbSandbox, MutualTlsRefusesAClientWithoutTheRightCertificate) {
  const Reply anonymous = client(Bank::dkb, false).get("/kaution/v1/balances");
  EXPECT_EQ(anonymous.status, 403) << anonymous.error;
  const sandbox::PkiFiles foreign = sandbox::ensure_pki(m_dir.path() / "foreign");
  const BankClient stranger(
      m_sandbox->port(Bank::dkb),
      TlsFiles{m_sandbox->pki().ca_cert, foreign.client_cert, foreign.client_key});
  EXPECT_EQ(stranger.get("/kaution/v1/balances").status, 403);
  EXPECT_FALSE(dkb_token().empty());
  // The other banks ask for no client certificate.
  EXPECT_EQ(client(Bank::aak).get("/v1/balances").status, 401);
}

TEST_F(DkbSandbox, TokenNeedsClientIdAndSecret) {
  Call call{"POST", "/oauth/token",
            {},     "grant_type=client_credentials&client_id=sandbox-dkb-client&client_secret=nope",
            {},     {}};
  const Reply refused = client(Bank::dkb).send(call);
  EXPECT_EQ(refused.status, 401);
  EXPECT_EQ(json_of(refused)["error"], "invalid_client");
  const std::string token = dkb_token();
  EXPECT_EQ(client(Bank::dkb).get("/kaution/v1/balances?ibans=" + ibans(), token).status, 200);
  EXPECT_EQ(client(Bank::dkb).get("/kaution/v1/balances?ibans=" + ibans(), "x").status, 401);
}

TEST_F(DkbSandbox, TenancyAcceptedOrRefusedWithViolations) {
  const std::string token = dkb_token();
  const Reply created = dkb_put(dkb_body(0), token);
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(json_of(created)["subAccount"], "DKB-KT-0000001");
  EXPECT_EQ(json_of(created)["status"], "OPEN");
  EXPECT_EQ(dkb_put(dkb_body(0), token).status, 200);

  json long_name = dkb_body(1);
  long_name["tenants"][0]["lastName"] = std::string(36, 'z');
  long_name["tenants"][0]["street"] = std::string(61, 's');
  const Reply rejected = dkb_put(long_name, token);
  ASSERT_EQ(rejected.status, 422);
  const json v = json_of(rejected)["violations"];
  ASSERT_EQ(v.size(), 2U) << rejected.body;
  EXPECT_EQ(v[0], (json{{"path", "tenants[0].lastName"}, {"reason", "LENGTH"}}));
  EXPECT_EQ(v[1], (json{{"path", "tenants[0].street"}, {"reason", "LENGTH"}}));

  json foreign = dkb_body(2);
  foreign["collectiveIban"] = "DE02120300000000202051";
  const Reply unknown = dkb_put(foreign, token);
  EXPECT_EQ(unknown.status, 404);
  EXPECT_EQ(json_of(unknown)["error"], "COLLECTIVE_ACCOUNT_UNKNOWN");
}

TEST_F(DkbSandbox, BulkStatementsOneStmtPerIbanAndDay) {
  const std::string token = dkb_token();
  register_all(token);
  advance(40);
  const Reply reply =
      client(Bank::dkb).get("/kaution/v1/statements?ibans=" + ibans() + "&from=2026-11-20", token);
  ASSERT_EQ(reply.status, 200);
  EXPECT_EQ(reply.header("content-type"), "application/xml");
  const formats::ParsedFile parsed = formats::parse_statement_buffer("dkb.xml", reply.body);
  ASSERT_TRUE(parsed.ok()) << parsed.errors[0].message();
  ASSERT_EQ(parsed.documents.size(), 1U);
  EXPECT_EQ(parsed.documents[0].format, "camt.053.001.02");
  const auto& statements = parsed.documents[0].statements;
  EXPECT_EQ(statements.size(), 2U * 41U);  // two IBANs, 2026-11-20 … 2026-12-30
  std::map<std::string, std::int64_t> by_contract;
  std::set<std::string> codes;
  for (const formats::Statement& s : statements) {
    EXPECT_TRUE(s.warnings.empty()) << s.warnings.front();
    for (const formats::Entry& e : s.entries) {
      codes.emplace(e.bank_tx_code().proprietary);
      const std::string_view info = e.transactions.at(0).additional_info();
      if (info.starts_with("KAUTION:"))
        by_contract[std::string(info.substr(8))] += e.amount.cents();
    }
  }
  EXPECT_TRUE(codes.contains("NTRF+166+000"));
  // Without `from` (a first import): every day kept, from three days before the start.
  const Reply all = client(Bank::dkb).get("/kaution/v1/statements?ibans=" + ibans(), token);
  const formats::ParsedFile everything = formats::parse_statement_buffer("dkb.xml", all.body);
  ASSERT_TRUE(everything.ok());
  EXPECT_EQ(everything.documents[0].statements.size(), 2U * 44U);
  const json items =
      json_of(client(Bank::dkb).get("/kaution/v1/balances?ibans=" + ibans(), token))["items"];
  ASSERT_EQ(items.size(), k_size);
  for (const json& item : items) {
    EXPECT_EQ(Money::parse(item["balance"].get<std::string>())->cents(),
              by_contract[item["contractNumber"]])
        << item.dump();
  }
}

TEST_F(DkbSandbox, UnassignedBookingAssignedInThePortal) {
  const std::string token = dkb_token();
  register_all(token);
  const json list =
      json_of(client(Bank::dkb).get("/kaution/v1/unassigned?ibans=" + ibans(), token));
  ASSERT_EQ(list["items"].size(), 2U);
  const json first = list["items"][0];
  ASSERT_GT(first["count"].get<int>(), 0);
  const std::string reference = first["bookings"][0]["reference"];
  EXPECT_TRUE(
      json_of(client(Bank::dkb).get("/kaution/v1/bookings/" + reference, token))["contractNumber"]
          .is_null());
  const std::string assign =
      json{{"reference", reference}, {"contractNumber", "3.080000.1000"}}.dump();
  EXPECT_EQ(control(Bank::dkb, "POST", "/_control/portal-assign", assign).status, 204);
  EXPECT_EQ(control(Bank::dkb, "POST", "/_control/portal-assign", assign).status, 409);
  EXPECT_EQ(
      json_of(client(Bank::dkb).get("/kaution/v1/bookings/" + reference, token))["contractNumber"],
      "3.080000.1000");
  const json after =
      json_of(client(Bank::dkb).get("/kaution/v1/unassigned?ibans=" + ibans(), token));
  EXPECT_EQ(after["items"][0]["count"].get<int>(), first["count"].get<int>() - 1);

  Call close{"DELETE", "/kaution/v1/tenancies/3.080000.1000", {}, {}, {}, token};
  const Reply refused = client(Bank::dkb).send(close);
  EXPECT_EQ(refused.status, 409);
  EXPECT_EQ(json_of(refused)["error"], "BALANCE_NOT_ZERO");
  close.target = "/kaution/v1/tenancies/3.080000.1001";
  EXPECT_EQ(client(Bank::dkb).send(close).status, 204);
}

TEST_F(DkbSandbox, AtMostOneHundredIbansPerCall) {
  const std::string token = dkb_token();
  std::string many = sandbox::dkb_collective_ibans()[0];
  for (int i = 0; i < 100; ++i)
    many += "," + sandbox::dkb_collective_ibans()[0];
  EXPECT_EQ(client(Bank::dkb).get("/kaution/v1/unassigned?ibans=" + many, token).status, 400);
  EXPECT_EQ(client(Bank::dkb)
                .get("/kaution/v1/statements?ibans=DE02120300000000202051&from=2026-11-01", token)
                .status,
            404);
}

}  // namespace
}  // namespace kaution::test
