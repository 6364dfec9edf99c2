// The aak sandbox bank against specs/aak.md.
#include <thread>

#include "connectors/formats/statement_parser.hpp"
#include "tests/connectors/sandbox/fixture.hpp"

namespace kaution::test {
namespace {

using nlohmann::json;
using sandbox::Bank;

class AakSandbox : public SandboxTest {
 protected:
  // Every statement the bank keeps, parsed.
  std::vector<formats::Statement> statements(const std::string& token) const {
    std::vector<formats::Statement> out;
    const json list = json_of(client(Bank::aak).get("/v1/statements", token));
    for (const json& item : list["items"]) {
      const Reply doc =
          client(Bank::aak).get("/v1/statements/" + item["id"].get<std::string>(), token);
      EXPECT_EQ(doc.header("content-type"), "application/xml");
      const formats::ParsedFile parsed = formats::parse_statement_buffer("aak.xml", doc.body);
      EXPECT_TRUE(parsed.ok()) << (parsed.errors.empty() ? "" : parsed.errors[0].message());
      for (const auto& document : parsed.documents) {
        EXPECT_EQ(document.format, "camt.053.001.08");
        for (const auto& s : document.statements) {
          EXPECT_TRUE(s.warnings.empty()) << s.warnings.front();
          out.push_back(s);
        }
      }
    }
    return out;
  }

  json balances(const std::string& token) const {
    return json_of(client(Bank::aak).get("/v1/balances?page=1&pageSize=1000", token));
  }
};

TEST_F(AakSandbox, TokenNeedsTheClientCredentials) {
  Call call{
      "POST", "/oauth2/token", {}, "grant_type=client_credentials", "sandbox-aak-client:wrong", {}};
  Reply refused = client(Bank::aak).send(call);
  EXPECT_EQ(refused.status, 401);
  EXPECT_EQ(json_of(refused)["error"], "invalid_client");
  EXPECT_EQ(client(Bank::aak).get("/v1/balances").status, 401);
  EXPECT_EQ(client(Bank::aak).get("/v1/balances", "made-up").status, 401);
  const std::string token = aak_token();
  ASSERT_FALSE(token.empty());
  EXPECT_EQ(client(Bank::aak).get("/v1/balances", token).status, 200);
}

TEST_F(AakSandbox, TokenExpires) {
  auto options = sandbox_options(m_dir.path() / "pki");
  options.token_ttl = std::chrono::seconds{1};
  start(options);
  const std::string token = aak_token();
  EXPECT_EQ(client(Bank::aak).get("/v1/balances", token).status, 200);
  std::this_thread::sleep_for(std::chrono::milliseconds{1100});
  const Reply expired = client(Bank::aak).get("/v1/balances", token);
  EXPECT_EQ(expired.status, 401);
  EXPECT_EQ(json_of(expired)["error"], "invalid_token");
}

TEST_F(AakSandbox, PutCreatesThenUpdates) {
  const std::string token = aak_token();
  const Reply created = aak_put(aak_body(0), token);
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(json_of(created)["state"], "ACCEPTED");
  const std::string uuid = json_of(created)["uuid"];
  EXPECT_EQ(uuid.size(), 36U);
  EXPECT_FALSE(created.header("x-request-id").empty());
  const Reply updated = aak_put(aak_body(0), token);
  EXPECT_EQ(updated.status, 200);
  EXPECT_EQ(json_of(updated)["uuid"], uuid);
  EXPECT_TRUE(balances(token)["items"].empty()) << "no balance before the first booking";
  const json pay{{"contract", aak_body(0)["contractNumber"]}, {"amount", "10.00"}};
  ASSERT_EQ(control(Bank::aak, "POST", "/_control/pay", pay.dump()).status, 201);
  const json items = balances(token)["items"];
  ASSERT_EQ(items.size(), 1U);
  EXPECT_EQ(items[0]["uuid"], uuid);
  EXPECT_EQ(items[0]["balance"], "10.00");
  EXPECT_EQ(items[0]["asOf"], "2026-11-20");

  // A restarted bank (same seed) knows the uuid it gave the contract.
  start(sandbox_options(m_dir.path() / "pki"));
  json known = aak_body(0);
  known["uuid"] = uuid;
  const Reply again = aak_put(known, aak_token());
  EXPECT_EQ(again.status, 201) << again.body;
  EXPECT_EQ(json_of(again)["uuid"], uuid);
}

TEST_F(AakSandbox, An36CharacterNameIsRejectedTooLong) {
  const std::string token = aak_token();
  json body = aak_body(1);
  body["tenants"][0]["lastName"] = std::string(35, 'x');
  EXPECT_EQ(aak_put(body, token).status, 201);
  body["tenants"][0]["lastName"] = "Müller-" + std::string(29, 'y');  // 36 characters
  body["object"]["label"] = std::string(36, 'L');
  const Reply rejected = aak_put(body, token);
  ASSERT_EQ(rejected.status, 422);
  const json errors = json_of(rejected)["errors"];
  ASSERT_EQ(errors.size(), 2U) << rejected.body;
  EXPECT_EQ(errors[0]["field"], "object.label");
  EXPECT_EQ(errors[0]["code"], "TOO_LONG");
  EXPECT_EQ(errors[1]["field"], "tenants[0].lastName");
  EXPECT_EQ(errors[1]["code"], "TOO_LONG");
}

TEST_F(AakSandbox, FieldErrorsUseTheProfilesCodes) {
  const std::string token = aak_token();
  json body = aak_body(2);
  body["virtualIban"] = "DE00550104000000000000";
  body["validFrom"] = "2026-02-30";
  body["instalments"][0]["amount"] = "1.00";
  body.erase("accountHolder");
  const json errors = json_of(aak_put(body, token))["errors"];
  std::set<std::string> codes;
  for (const json& e : errors)
    codes.insert(e["field"].get<std::string>() + ":" + e["code"].get<std::string>());
  EXPECT_TRUE(codes.contains("virtualIban:INVALID_IBAN"));
  EXPECT_TRUE(codes.contains("validFrom:INVALID_DATE"));
  EXPECT_TRUE(codes.contains("instalments:AMOUNT_MISMATCH"));
  EXPECT_TRUE(codes.contains("accountHolder:REQUIRED"));

  json migrated = aak_body(3);
  migrated["uuid"] = "00000000-0000-4000-8000-000000000000";
  const Reply unknown = aak_put(migrated, token);
  EXPECT_EQ(unknown.status, 422);
  EXPECT_EQ(json_of(unknown)["errors"][0]["code"], "UNKNOWN_UUID");
}

TEST_F(AakSandbox, AVibanOfAnotherContractIsInUse) {
  const std::string token = aak_token();
  ASSERT_EQ(aak_put(aak_body(0), token).status, 201);
  json other = aak_body(1);
  other["virtualIban"] = aak_body(0)["virtualIban"];
  const Reply conflict = aak_put(other, token);
  EXPECT_EQ(conflict.status, 409);
  EXPECT_EQ(json_of(conflict)["errors"][0]["code"], "VIBAN_IN_USE");
}

TEST_F(AakSandbox, StatementsParseAndBalancesMatchTheBookings) {
  const std::string token = aak_token();
  for (std::size_t i = 0; i < k_size; ++i)
    ASSERT_EQ(aak_put(aak_body(i), token).status, 201);
  const Reply extra = control(Bank::aak, "POST", "/_control/bookings", R"({"count": 30})");
  EXPECT_EQ(json_of(extra)["booked"], 30) << extra.body;
  advance(60);
  std::map<std::string, std::int64_t> by_viban;
  std::set<std::string> kinds;
  bool batch = false;
  for (const formats::Statement& s : statements(token)) {
    for (const formats::Entry& e : s.entries) {
      batch = batch || e.transactions.size() > 1;
      const formats::BankTxCode code = e.bank_tx_code();
      kinds.insert(std::string(code.domain) + "/" + std::string(code.family) + "/" +
                   std::string(code.subfamily) + (e.reversal ? "/R" : ""));
      for (const formats::Transaction& t : e.transactions) {
        const bool credit = t.amount->cents() > 0;
        by_viban[std::string(credit ? t.creditor().iban : t.debtor().iban)] += t.amount->cents();
      }
    }
  }
  EXPECT_TRUE(kinds.contains("PMNT/RCDT/ESCT"));
  const json items = balances(token)["items"];
  ASSERT_EQ(items.size(), k_size);
  std::int64_t total = 0;
  for (const json& item : items) {
    const Money balance = *Money::parse(item["balance"].get<std::string>());
    EXPECT_EQ(balance.cents(), by_viban[item["virtualIban"]]) << item.dump();
    total += balance.cents();
  }
  EXPECT_GT(total, 0);
  EXPECT_TRUE(batch) << "a Jobcenter pays several deposits in one entry";
}

TEST_F(AakSandbox, SameSeedSameStatementsByteForByte) {
  const auto run = [&](std::uint64_t seed) {
    TempDir dir;
    start(sandbox_options(dir.path() / "pki", seed));
    const std::string token = aak_token();
    for (std::size_t i = 0; i < k_size; ++i)
      EXPECT_EQ(aak_put(aak_body(i), token).status, 201);
    advance(30);
    std::string all = client(Bank::aak).get("/v1/statements", token).body;
    const json list = json_of(client(Bank::aak).get("/v1/statements", token));
    for (const json& item : list["items"]) {
      all += client(Bank::aak).get("/v1/statements/" + item["id"].get<std::string>(), token).body;
    }
    m_sandbox.reset();
    return all;
  };
  const std::string first = run(11);
  EXPECT_GT(first.size(), 10000U);
  EXPECT_EQ(first, run(11));
  EXPECT_NE(first, run(12));
}

TEST_F(AakSandbox, StatementsAreListedAfterACursor) {
  const std::string token = aak_token();
  const json first = json_of(client(Bank::aak).get("/v1/statements", token));
  ASSERT_EQ(first["items"].size(), 3U);  // the history before the start date
  EXPECT_EQ(first["items"][2]["id"], "ST-2026-11-19-0001");
  EXPECT_TRUE(first["next"].is_null());
  advance(2);
  const json later =
      json_of(client(Bank::aak).get("/v1/statements?after=ST-2026-11-19-0001", token));
  ASSERT_EQ(later["items"].size(), 2U);
  EXPECT_EQ(later["items"][0]["id"], "ST-2026-11-20-0001");
  EXPECT_EQ(client(Bank::aak).get("/v1/statements/ST-1999-01-01-0001", token).status, 404);
  EXPECT_EQ(client(Bank::aak).get("/v1/statements?after=nonsense", token).status, 400);
}

TEST_F(AakSandbox, UnassignedPaymentIsAssignedByHand) {
  const std::string token = aak_token();
  const Reply created = aak_put(aak_body(0), token);
  const std::string uuid = json_of(created)["uuid"];
  std::string reference;
  std::int64_t amount = 0;
  for (const formats::Statement& s : statements(token)) {
    for (const formats::Entry& e : s.entries) {
      if (e.transactions.size() == 1 && e.credit && reference.empty()) {
        reference = e.account_servicer_ref();  // history: nothing was registered, all unassigned
        amount = e.amount.cents();
      }
    }
  }
  ASSERT_FALSE(reference.empty());
  Call assign{"POST", "/v1/payments/" + reference + "/assign", {}, json{{"uuid", uuid}}.dump(), {},
              token};
  EXPECT_EQ(client(Bank::aak).send(assign).status, 204);
  EXPECT_EQ(client(Bank::aak).send(assign).status, 409);
  const json items = balances(token)["items"];
  EXPECT_EQ(Money::parse(items[0]["balance"].get<std::string>())->cents(), amount);
  Call unknown = assign;
  unknown.target = "/v1/payments/AAK-NOPE/assign";
  EXPECT_EQ(client(Bank::aak).send(unknown).status, 404);

  // Money on the account: no close.
  Call close{"POST", "/v1/deposits/" + uuid + "/close", {}, "", {}, token};
  const Reply refused = client(Bank::aak).send(close);
  EXPECT_EQ(refused.status, 409);
  EXPECT_EQ(json_of(refused)["errors"][0]["code"], "BALANCE_NOT_ZERO");
  const std::string other = json_of(aak_put(aak_body(1), token))["uuid"];
  close.target = "/v1/deposits/" + other + "/close";
  EXPECT_EQ(client(Bank::aak).send(close).status, 204);
  EXPECT_EQ(balances(token)["total"], 1);
}

TEST_F(AakSandbox, InterestIsDistributedAtTheYearsEndWithTaxes) {
  auto options = sandbox_options(m_dir.path() / "pki");
  options.data.start = *Date::parse("2026-10-01");
  start(options);
  const std::string token = aak_token();
  for (std::size_t i = 0; i < k_size; ++i)
    ASSERT_EQ(aak_put(aak_body(i), token).status, 201);
  advance(92);  // to 2027-01-01
  const json items =
      json_of(client(Bank::aak).get("/v1/interest-distributions?year=2026", token))["items"];
  ASSERT_FALSE(items.empty());
  bool taxed = false;
  bool year_end = false;
  for (const json& d : items) {
    const auto money = [&](const char* key) {
      return Money::parse(d[key].get<std::string>())->cents();
    };
    EXPECT_EQ(d["rate"], "0.250");
    year_end = year_end || d["period"]["to"] == "2026-12-31";  // else a payout's final interest
    EXPECT_EQ(money("net"), money("gross") - money("withholdingTax") -
                                money("solidaritySurcharge") - money("churchTax"));
    taxed = taxed || money("withholdingTax") > 0;
  }
  EXPECT_TRUE(taxed);
  EXPECT_TRUE(year_end);
  std::set<std::string> codes;
  for (const formats::Statement& s : statements(token)) {
    for (const formats::Entry& e : s.entries) {
      const formats::BankTxCode code = e.bank_tx_code();
      codes.insert(std::string(code.family) + "/" + std::string(code.subfamily) + "/" +
                   std::string(code.proprietary));
    }
  }
  EXPECT_TRUE(codes.contains("MCOP/INTR/"));
  EXPECT_TRUE(codes.contains("MDOP/TAXE/KAPEST"));
  EXPECT_TRUE(codes.contains("MDOP/TAXE/SOLZ"));
}

}  // namespace
}  // namespace kaution::test
