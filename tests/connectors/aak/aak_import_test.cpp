// aak import against FakeAak: statements by cursor as camt.053.001.08, assignment by vIBAN,
// balances paged (specs/aak.md).
#include <cstdio>

#include "tests/connectors/aak/aak_fixture.hpp"
#include "tests/connectors/aak/camt_builder.hpp"

namespace kaution::test {
namespace {

constexpr const char* k_trust = "DE45120300001234567890";

std::string viban(int i) {
  char text[32];
  std::snprintf(text, sizeof text, "DE14550104000007223%03d", i);
  return text;
}

std::string deposit(int i) {
  return "D-" + std::to_string(i);
}

class AakImportTest : public AakTest {
 protected:
  DepositDirectory directory;

  void SetUp() override {
    for (int i = 1; i <= 20; ++i) {
      directory.by_account.add(viban(i), deposit(i));
      directory.by_contract["C-" + std::to_string(i)] = deposit(i);
      directory.by_bank_ref["uuid-" + std::to_string(i)] = deposit(i);
    }
  }
  void add_statement(const std::string& id, std::vector<CamtEntry> entries) {
    bank->statements.emplace_back(id,
                                  camt053("08", {CamtStatement{id, k_trust, std::move(entries)}}));
  }
  Result<ImportPage> import(std::optional<std::string> cursor = std::nullopt) {
    const ImportRequest request{std::move(cursor), day("2026-11-20"), &directory, {}};
    return connector->import_page(request);
  }
  static const BookingEntry* find(const ImportPage& page, const std::string& ref) {
    for (const BookingEntry& b : page.bookings)
      if (b.bank_ref == ref) return &b;
    return nullptr;
  }
};

CamtEntry batch(const std::string& ref, int parts) {
  CamtEntry e;
  e.ref = ref;
  e.domain = "PMNT";
  e.family = "RCDT";
  e.subfamily = "ESCT";
  Money total;
  for (int i = 1; i <= parts; ++i) {
    CamtTx tx;
    tx.amount = Money::from_cents(10000 + i).to_string();
    total += Money::from_cents(10000 + i);
    tx.end_to_end_id = "E2E-" + std::to_string(i);
    tx.debtor_name = "Payer " + std::to_string(i);
    tx.debtor_iban = "DE02120300000000202051";
    tx.creditor_iban = i == parts ? "DE99999999999999999999" : viban(i);
    tx.remittance = "Kaution Rate " + std::to_string(i);
    e.txs.push_back(tx);
  }
  e.amount = total.to_string();
  return e;
}

TEST_F(AakImportTest, BatchOfTwelveEachAssignedByVirtualIbanAndUnknownLeftUnassigned) {
  add_statement("ST-1", {payment_in("R-1", viban(20), "446.67"), batch("R-2", 13)});
  const auto page = import();
  ASSERT_TRUE(page) << page.error().message;
  EXPECT_EQ(page->cursor, "ST-1");
  EXPECT_FALSE(page->more);
  EXPECT_TRUE(page->warnings.empty()) << page->warnings.front();
  ASSERT_EQ(page->bookings.size(), 14u);
  const BookingEntry& single = page->bookings[0];
  EXPECT_EQ(single.bank_ref, "R-1");
  EXPECT_EQ(single.deposit_id, deposit(20));
  EXPECT_EQ(single.account, viban(20));
  EXPECT_EQ(single.amount, eur("446.67"));
  EXPECT_EQ(single.kind, BookingKind::payment_in);
  EXPECT_EQ(single.booking_date, day("2026-11-20"));
  EXPECT_EQ(single.value_date, day("2026-11-20"));
  EXPECT_EQ(single.counterparty_name, "Natalie Schmidt");
  EXPECT_EQ(single.counterparty_iban, "DE02120300000000202051");
  EXPECT_EQ(single.remittance, "Kaution");
  for (int i = 1; i <= 12; ++i) {
    const BookingEntry* part = find(*page, "R-2/E2E-" + std::to_string(i));
    ASSERT_NE(part, nullptr) << i;
    EXPECT_EQ(part->deposit_id, deposit(i));
    EXPECT_EQ(part->account, viban(i));
    EXPECT_EQ(part->amount, Money::from_cents(10000 + i));
    EXPECT_EQ(part->kind, BookingKind::payment_in);
    EXPECT_EQ(part->counterparty_name, "Payer " + std::to_string(i));
  }
  const BookingEntry* unknown = find(*page, "R-2/E2E-13");
  ASSERT_NE(unknown, nullptr);
  EXPECT_FALSE(unknown->deposit_id);
  EXPECT_EQ(unknown->account, "DE99999999999999999999");
  const auto api = api_requests(server);
  EXPECT_EQ(api[0].target, "/v1/statements");
  EXPECT_EQ(api[1].target, "/v1/statements/ST-1");
  EXPECT_EQ(api[1].headers.get("Accept"), "application/xml");
}

TEST_F(AakImportTest, BatchPartsWithoutEndToEndIdAreNumberedByPosition) {
  CamtEntry e = batch("R-9", 2);
  e.txs[0].end_to_end_id.clear();
  e.txs[1].end_to_end_id = "NOTPROVIDED";
  add_statement("ST-1", {e});
  const auto page = import();
  ASSERT_TRUE(page) << page.error().message;
  ASSERT_EQ(page->bookings.size(), 2u);
  EXPECT_EQ(page->bookings[0].bank_ref, "R-9/#1");
  EXPECT_EQ(page->bookings[1].bank_ref, "R-9/#2");
}

TEST_F(AakImportTest, KindsOfInterestTaxesPayoutFeeAndReversal) {
  const auto to = [](int i) {
    CamtTx tx;
    tx.creditor_iban = viban(i);
    return tx;
  };
  const auto from = [](int i) {
    CamtTx tx;
    tx.debtor_iban = viban(i);
    tx.creditor_name = "Natalie Schmidt";
    tx.creditor_iban = "DE02120300000000202051";
    return tx;
  };
  CamtEntry reversal = payment_in("R-7", viban(7), "446.67");
  reversal.credit = false;
  reversal.reversal = true;
  add_statement("ST-1",
                {iso_entry("R-1", true, "ACMT", "MCOP", "INTR", "", to(1), "3.35"),
                 iso_entry("R-2", false, "ACMT", "MDOP", "TAXE", "KAPEST", from(2), "0.84"),
                 iso_entry("R-3", false, "ACMT", "MDOP", "TAXE", "SOLZ", from(3), "0.04"),
                 iso_entry("R-4", false, "ACMT", "MDOP", "TAXE", "KIST", from(4), "0.07"),
                 iso_entry("R-5", false, "PMNT", "ICDT", "ESCT", "", from(5), "1342.17"),
                 iso_entry("R-6", false, "ACMT", "MDOP", "CHRG", "", from(6), "2.50"), reversal});
  const auto page = import();
  ASSERT_TRUE(page) << page.error().message;
  ASSERT_EQ(page->bookings.size(), 7u);
  const std::vector<std::pair<BookingKind, std::string>> expected{
      {BookingKind::interest, "3.35"},
      {BookingKind::withholding_tax, "-0.84"},
      {BookingKind::solidarity_surcharge, "-0.04"},
      {BookingKind::church_tax, "-0.07"},
      {BookingKind::payout, "-1342.17"},
      {BookingKind::fee, "-2.50"},
      {BookingKind::reversal, "-446.67"}};
  for (std::size_t i = 0; i < expected.size(); ++i) {
    const BookingEntry& b = page->bookings[i];
    EXPECT_EQ(b.kind, expected[i].first) << i;
    EXPECT_EQ(b.amount, eur(expected[i].second.c_str())) << i;
    EXPECT_EQ(b.deposit_id, deposit(static_cast<int>(i) + 1)) << i;
    EXPECT_EQ(b.account, viban(static_cast<int>(i) + 1)) << i;
  }
  EXPECT_EQ(page->bookings[4].counterparty_name, "Natalie Schmidt");
}

TEST_F(AakImportTest, StatementsOnePerPageFollowingTheCursor) {
  add_statement("ST-1", {payment_in("R-1", viban(1), "1.00")});
  add_statement("ST-2", {payment_in("R-2", viban(2), "2.00")});
  add_statement("ST-3", {payment_in("R-3", viban(3), "3.00")});
  bank->balances = {{{"uuid", "uuid-1"}, {"balance", "1.00"}, {"asOf", "2026-11-20"}}};
  auto page = import();
  ASSERT_TRUE(page) << page.error().message;
  EXPECT_EQ(page->cursor, "ST-1");
  EXPECT_TRUE(page->more);
  EXPECT_TRUE(page->balances.empty());
  ASSERT_EQ(page->bookings.size(), 1u);
  EXPECT_EQ(page->bookings[0].bank_ref, "R-1");
  page = import(page->cursor);
  ASSERT_TRUE(page) << page.error().message;
  EXPECT_EQ(page->cursor, "ST-2");
  EXPECT_TRUE(page->more);
  page = import(page->cursor);
  ASSERT_TRUE(page) << page.error().message;
  EXPECT_EQ(page->cursor, "ST-3");
  EXPECT_FALSE(page->more);
  ASSERT_EQ(page->balances.size(), 1u);
  page = import(page->cursor);
  ASSERT_TRUE(page) << page.error().message;
  EXPECT_EQ(page->cursor, "ST-3");
  EXPECT_FALSE(page->more);
  EXPECT_TRUE(page->bookings.empty());
  std::vector<std::string> lists;
  for (const RecordedRequest& r : api_requests(server))
    if (r.target.starts_with("/v1/statements?") || r.target == "/v1/statements")
      lists.push_back(r.target);
  EXPECT_EQ(lists,
            (std::vector<std::string>{"/v1/statements", "/v1/statements?after=ST-1",
                                      "/v1/statements?after=ST-2", "/v1/statements?after=ST-3"}));
}

TEST_F(AakImportTest, NextIsFollowedPastAnEmptyListPage) {
  add_statement("ST-1", {payment_in("R-1", viban(1), "1.00")});
  bank->script.push_back(Action::reply(200, R"({"items": [], "next": "opaque-1"})"));
  const auto page = import();
  ASSERT_TRUE(page) << page.error().message;
  EXPECT_EQ(page->cursor, "ST-1");
  EXPECT_EQ(api_requests(server)[1].target, "/v1/statements?after=opaque-1");
}

TEST_F(AakImportTest, NextThatIsAPathIsFollowedAsIs) {
  add_statement("ST-1", {payment_in("R-1", viban(1), "1.00")});
  bank->script.push_back(Action::reply(200, R"({"items": [], "next": "/v1/statements?p=2"})"));
  const auto page = import();
  ASSERT_TRUE(page) << page.error().message;
  EXPECT_EQ(page->cursor, "ST-1");
  EXPECT_EQ(api_requests(server)[1].target, "/v1/statements?p=2");
}

TEST_F(AakImportTest, BalancesPagedAndAssignedByUuidContractOrVirtualIban) {
  for (int i = 0; i < 2500; ++i) {
    nlohmann::json item{
        {"balance", Money::from_cents(i).to_string()}, {"currency", "EUR"}, {"asOf", "2026-11-20"}};
    const int d = i % 20 + 1;
    if (i % 3 == 0) item["uuid"] = "uuid-" + std::to_string(d);
    if (i % 3 == 1) item["contractNumber"] = "C-" + std::to_string(d);
    if (i % 3 == 2) item["virtualIban"] = viban(d);
    if (i == 2499) item = {{"uuid", "uuid-x"}, {"balance", "5.00"}, {"asOf", "2026-11-20"}};
    bank->balances.push_back(item);
  }
  const auto page = import();
  ASSERT_TRUE(page) << page.error().message;
  ASSERT_EQ(page->balances.size(), 2499u);
  for (int i = 0; i < 2499; ++i) {
    EXPECT_EQ(page->balances[static_cast<std::size_t>(i)].deposit_id, deposit(i % 20 + 1));
    EXPECT_EQ(page->balances[static_cast<std::size_t>(i)].balance, Money::from_cents(i));
  }
  EXPECT_EQ(page->balances[0].date, day("2026-11-20"));
  ASSERT_EQ(page->warnings.size(), 1u);
  EXPECT_EQ(page->warnings[0], "1 balances belong to no deposit known to the daemon");
  std::vector<std::string> targets;
  for (const RecordedRequest& r : api_requests(server))
    if (r.target.starts_with("/v1/balances")) targets.push_back(r.target);
  EXPECT_EQ(targets, (std::vector<std::string>{"/v1/balances?page=1&pageSize=1000",
                                               "/v1/balances?page=2&pageSize=1000",
                                               "/v1/balances?page=3&pageSize=1000"}));
}

TEST_F(AakImportTest, BalanceThatIsNotAnAmountFailsThePage) {
  bank->balances = {{{"uuid", "uuid-1"}, {"balance", "1.00"}, {"asOf", "2026-11-20"}},
                    {{"uuid", "uuid-2"}, {"balance", "1,0"}, {"asOf", "2026-11-20"}}};
  const auto page = import();
  ASSERT_FALSE(page);
  EXPECT_EQ(page.error().failure_class, FailureClass::protocol);
  EXPECT_NE(page.error().message.find("GET /v1/balances: items[1].balance: not an amount"),
            std::string::npos)
      << page.error().message;
}

TEST_F(AakImportTest, MalformedXmlIsProtocolAndNothingIsApplied) {
  add_statement("ST-1", {payment_in("R-1", viban(1), "1.00")});
  bank->statements[0].second.resize(bank->statements[0].second.size() / 2);
  const auto page = import();
  ASSERT_FALSE(page);
  EXPECT_EQ(page.error().failure_class, FailureClass::protocol);
  EXPECT_NE(page.error().message.find("GET /v1/statements/ST-1"), std::string::npos)
      << page.error().message;
}

TEST_F(AakImportTest, WrongNamespaceIsProtocol) {
  bank->statements.emplace_back(
      "ST-1", camt053("02", {CamtStatement{"ST-1", k_trust, {payment_in("R", viban(1), "1.00")}}}));
  const auto page = import();
  ASSERT_FALSE(page);
  EXPECT_EQ(page.error().failure_class, FailureClass::protocol);
  EXPECT_NE(page.error().message.find("camt.053.001.02, expected"), std::string::npos)
      << page.error().message;
}

TEST_F(AakImportTest, EntryWithoutAccountServicerReferenceIsProtocol) {
  add_statement("ST-1", {payment_in("R-1", viban(1), "1.00"), payment_in("", viban(2), "2.00")});
  const auto page = import();
  ASSERT_FALSE(page);
  EXPECT_EQ(page.error().failure_class, FailureClass::protocol);
  EXPECT_NE(page.error().message.find("entry 2: no AcctSvcrRef"), std::string::npos)
      << page.error().message;
}

TEST_F(AakImportTest, StatementListWithoutItemsIsProtocol) {
  bank->script.push_back(Action::reply(200, R"({"next": null})"));
  const auto page = import();
  ASSERT_FALSE(page);
  EXPECT_EQ(page.error().failure_class, FailureClass::protocol);
  EXPECT_NE(page.error().message.find("items: missing"), std::string::npos) << page.error().message;
}

TEST_F(AakImportTest, BalanceMismatchIsAWarning) {
  add_statement("ST-1", {payment_in("R-1", viban(1), "1.00")});
  std::string& document = bank->statements[0].second;
  document.replace(document.find("10001.00"), 8, "10002.00");  // the closing balance
  const auto page = import();
  ASSERT_TRUE(page) << page.error().message;
  ASSERT_EQ(page->warnings.size(), 1u);
  EXPECT_TRUE(page->warnings[0].starts_with("statement ST-1: balance mismatch"))
      << page->warnings[0];
}

}  // namespace
}  // namespace kaution::test
