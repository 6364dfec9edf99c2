// dkb import against FakeDkb: one bulk camt.053.001.02 call per 100 collective IBANs,
// assignment by KAUTION tag or remittance, balances, unassigned counts, portal pickup.
#include "tests/connectors/dkb/dkb_fixture.hpp"

namespace kaution::test {
namespace {

CamtEntry dkb_entry(std::string ref, std::string code, bool credit, std::string amount,
                    std::string date, std::string tag, std::string remittance) {
  CamtTx tx;
  tx.debtor_name = "Natalie Schmidt";
  tx.debtor_iban = "DE02120300000000202051";
  tx.remittance = std::move(remittance);
  tx.additional_info = std::move(tag);
  CamtEntry e;
  e.ref = std::move(ref);
  e.proprietary = std::move(code);
  e.credit = credit;
  e.amount = std::move(amount);
  e.booking_date = std::move(date);
  e.txs.push_back(std::move(tx));
  return e;
}

CamtEntry payment(std::string ref, std::string tag, std::string remittance,
                  std::string date = "2026-11-20") {
  return dkb_entry(std::move(ref), "NTRF+166+9310", true, "446.67", std::move(date), std::move(tag),
                   std::move(remittance));
}

class DkbImportTest : public DkbTest {
 protected:
  DepositDirectory directory;

  void SetUp() override {
    DkbTest::SetUp();
    for (const auto& [contract, deposit] :
         {std::pair{"1.080000.1047", "D-1"}, std::pair{"1.080000.2000", "D-2"}}) {
      directory.contracts.add(contract);
      directory.by_contract[contract] = deposit;
    }
    directory.by_bank_ref["DKB-KT-0000917"] = "D-2";
  }
  Result<ImportPage> import(std::optional<std::string> cursor = std::nullopt,
                            std::vector<std::string> held = {}) {
    const ImportRequest request{std::move(cursor), day("2026-11-20"), &directory, std::move(held)};
    return connector->import_page(request);
  }
  std::vector<RecordedRequest> calls_to(std::string_view path) const {
    std::vector<RecordedRequest> out;
    for (const RecordedRequest& r : api())
      if (r.target.starts_with(path)) out.push_back(r);
    return out;
  }
  std::string key(int iban, const std::string& ref) const {
    return ibans[static_cast<std::size_t>(iban)] + ":" + ref;
  }
};

TEST_F(DkbImportTest, OneHundredFiftyIbansMakeTwoStatementCallsAndOneUnassignedCall) {
  ibans.clear();
  for (int i = 1; i <= 150; ++i)
    ibans.push_back(german_iban(i));
  connector = make(access());
  bank->entries[ibans[149]] = {payment("R-1", "KAUTION:1.080000.1047", "")};
  const auto page = import();
  ASSERT_TRUE(page) << page.error().message;
  const auto statements = calls_to("/kaution/v1/statements");
  ASSERT_EQ(statements.size(), 2u);
  const auto first = parse_target(statements[0].target);
  const auto second = parse_target(statements[1].target);
  EXPECT_EQ(split_ibans(first.query.at("ibans")),
            std::vector<std::string>(ibans.begin(), ibans.begin() + 100));
  EXPECT_EQ(split_ibans(second.query.at("ibans")),
            std::vector<std::string>(ibans.begin() + 100, ibans.end()));
  EXPECT_FALSE(first.query.contains("from"));
  EXPECT_NE(statements[0].target.find("?ibans=" + ibans[0] + "," + ibans[1] + ","),
            std::string::npos);
  EXPECT_EQ(statements[0].headers.get("Accept"), "application/xml");
  EXPECT_EQ(calls_to("/kaution/v1/balances").size(), 2u);
  const auto unassigned = calls_to("/kaution/v1/unassigned");
  ASSERT_EQ(unassigned.size(), 1u);
  EXPECT_EQ(split_ibans(parse_target(unassigned[0].target).query.at("ibans")), ibans);
  ASSERT_EQ(page->bookings.size(), 1u);
  EXPECT_EQ(page->bookings[0].bank_ref, ibans[149] + ":R-1");
  EXPECT_EQ(page->bookings[0].account, ibans[149]);
  EXPECT_EQ(page->bookings[0].deposit_id, "D-1");
  EXPECT_FALSE(page->more);
  EXPECT_EQ(page->unassigned.size(), 150u);
}

TEST_F(DkbImportTest, CursorIsTheLatestBookingDateAndTheNextImportStartsThere) {
  bank->entries[ibans[0]] = {payment("R-1", "KAUTION:1.080000.1047", "", "2026-11-18"),
                             payment("R-2", "KAUTION:1.080000.1047", "", "2026-11-20")};
  bank->entries[ibans[1]] = {payment("R-1", "KAUTION:1.080000.2000", "", "2026-11-19")};
  auto page = import();
  ASSERT_TRUE(page) << page.error().message;
  EXPECT_EQ(page->cursor, "2026-11-20");
  ASSERT_EQ(page->bookings.size(), 3u);
  EXPECT_NE(page->bookings[0].bank_ref, page->bookings[2].bank_ref);  // same ref, other IBAN
  page = import(page->cursor);
  ASSERT_TRUE(page) << page.error().message;
  EXPECT_EQ(page->cursor, "2026-11-20");
  ASSERT_EQ(page->bookings.size(), 1u);
  EXPECT_EQ(page->bookings[0].bank_ref, key(0, "R-2"));
  EXPECT_EQ(parse_target(calls_to("/kaution/v1/statements").back().target).query.at("from"),
            "2026-11-20");
  bank->entries.clear();
  page = import(std::string("2026-11-20"));
  ASSERT_TRUE(page) << page.error().message;
  EXPECT_EQ(page->cursor, "2026-11-20");  // nothing new: the cursor stays
}

TEST_F(DkbImportTest, KautionTagFirstThenOneContractInTheRemittance) {
  bank->entries[ibans[0]] = {
      payment("A", "KAUTION:1.080000.1047", "Miete 1.080000.2000"),
      payment("B", "", "Kaution 1.080000. 2000 Schmidt"),
      payment("C", "", "Kaution 1.080000.1047 und 1.080000.2000"),
      payment("D", "KAUTION:9.999999.9999", "Kaution 1.080000.1047"),
      payment("E", "", "Kaution Mittelweg"),
  };
  const auto page = import();
  ASSERT_TRUE(page) << page.error().message;
  ASSERT_EQ(page->bookings.size(), 5u);
  EXPECT_EQ(page->bookings[0].deposit_id, "D-1");
  EXPECT_EQ(page->bookings[1].deposit_id, "D-2");
  EXPECT_FALSE(page->bookings[2].deposit_id) << "two contracts: never assigned";
  EXPECT_FALSE(page->bookings[3].deposit_id) << "the bank's tag wins over the remittance";
  EXPECT_FALSE(page->bookings[4].deposit_id);
  EXPECT_EQ(page->bookings[1].remittance, "Kaution 1.080000. 2000 Schmidt");
  EXPECT_EQ(page->bookings[1].counterparty_name, "Natalie Schmidt");
}

TEST_F(DkbImportTest, SubAccountAssignsWhenThereIsNoTag) {
  directory.by_account.add("DKB-KT-0000917", "D-2");
  CamtEntry on_sub_account = payment("S-1", "", "Kaution 1.080000.1047");
  on_sub_account.txs[0].creditor_iban = "DKB-KT-0000917";
  CamtEntry unknown_tag = payment("S-2", "KAUTION:9.9", "");
  unknown_tag.txs[0].creditor_iban = "DKB-KT-0000917";
  bank->entries[ibans[0]] = {on_sub_account, unknown_tag};
  const auto page = import();
  ASSERT_TRUE(page) << page.error().message;
  ASSERT_EQ(page->bookings.size(), 2u);
  EXPECT_EQ(page->bookings[0].deposit_id, "D-2");
  EXPECT_EQ(page->bookings[1].deposit_id, "D-2");
  EXPECT_EQ(page->bookings[0].account, ibans[0]);
}

TEST_F(DkbImportTest, KindsByGermanTransactionCode) {
  const std::string tag = "KAUTION:1.080000.1047";
  CamtEntry reversal = dkb_entry("R-6", "NRTI+159+000", false, "446.67", "2026-11-20", tag, "");
  reversal.reversal = true;
  bank->entries[ibans[0]] = {
      dkb_entry("R-1", "NTRF+166+9310", true, "446.67", "2026-11-20", tag, ""),
      dkb_entry("R-2", "NTRF+805+000", true, "3.35", "2026-11-20", tag, ""),
      dkb_entry("R-3", "NTAX+KAPEST", false, "0.84", "2026-11-20", tag, ""),
      dkb_entry("R-4", "NTAX+SOLZ", false, "0.04", "2026-11-20", tag, ""),
      dkb_entry("R-5", "NTAX+KIST", false, "0.07", "2026-11-20", tag, ""),
      reversal,
      dkb_entry("R-7", "NTRF+159+000", false, "10.00", "2026-11-20", tag, ""),
      dkb_entry("R-8", "NTRF+116+000", false, "1342.17", "2026-11-20", tag, ""),
      dkb_entry("R-9", "NTRF+177+000", false, "1.00", "2026-11-20", tag, ""),
      dkb_entry("R-10", "NCHG+808+000", false, "2.50", "2026-11-20", tag, ""),
  };
  const auto page = import();
  ASSERT_TRUE(page) << page.error().message;
  std::vector<BookingKind> kinds;
  for (const BookingEntry& b : page->bookings) {
    kinds.push_back(b.kind);
    EXPECT_EQ(b.deposit_id, "D-1");
  }
  EXPECT_EQ(kinds, (std::vector<BookingKind>{
                       BookingKind::payment_in, BookingKind::interest, BookingKind::withholding_tax,
                       BookingKind::solidarity_surcharge, BookingKind::church_tax,
                       BookingKind::reversal, BookingKind::reversal, BookingKind::payout,
                       BookingKind::payout, BookingKind::fee}));
  EXPECT_EQ(page->bookings[2].amount, eur("-0.84"));
}

TEST_F(DkbImportTest, UnassignedCountsAndBookingsAssignedInThePortal) {
  bank->unassigned[ibans[0]] = {"R-2", "R-3"};
  bank->portal = {{"R-1", "1.080000.1047"}, {"R-4", "7.777777.7777"}};
  const auto page =
      import(std::nullopt, {key(0, "R-1"), key(0, "R-2"), key(1, "R-4"), key(1, "R-9")});
  ASSERT_TRUE(page) << page.error().message;
  ASSERT_EQ(page->unassigned.size(), 2u);
  EXPECT_EQ(page->unassigned[0].account, ibans[0]);
  EXPECT_EQ(page->unassigned[0].count, 2);
  EXPECT_EQ(page->unassigned[1].account, ibans[1]);
  EXPECT_EQ(page->unassigned[1].count, 0);
  ASSERT_EQ(page->portal_assignments.size(), 1u);
  EXPECT_EQ(page->portal_assignments[0].bank_ref, key(0, "R-1"));
  EXPECT_EQ(page->portal_assignments[0].deposit_id, "D-1");
  const auto lookups = calls_to("/kaution/v1/bookings/");
  ASSERT_EQ(lookups.size(), 3u);
  EXPECT_EQ(lookups[0].target, "/kaution/v1/bookings/R-1");
  ASSERT_EQ(page->warnings.size(), 2u);
  EXPECT_NE(page->warnings[0].find("contract 7.777777.7777, unknown here"), std::string::npos)
      << page->warnings[0];
  EXPECT_NE(page->warnings[1].find("HTTP 404"), std::string::npos) << page->warnings[1];
}

TEST_F(DkbImportTest, BalancesByContractOrSubAccount) {
  bank->balances = {{{"collectiveIban", ibans[0]},
                     {"contractNumber", "1.080000.1047"},
                     {"subAccount", "DKB-KT-1"},
                     {"balance", "1342.17"},
                     {"asOf", "2026-11-20"}},
                    {{"collectiveIban", ibans[1]},
                     {"subAccount", "DKB-KT-0000917"},
                     {"balance", "0.00"},
                     {"asOf", "2026-11-19"}},
                    {{"collectiveIban", ibans[1]},
                     {"contractNumber", "5.5"},
                     {"balance", "1.00"},
                     {"asOf", "2026-11-19"}}};
  const auto page = import();
  ASSERT_TRUE(page) << page.error().message;
  ASSERT_EQ(page->balances.size(), 2u);
  EXPECT_EQ(page->balances[0].deposit_id, "D-1");
  EXPECT_EQ(page->balances[0].balance, eur("1342.17"));
  EXPECT_EQ(page->balances[1].deposit_id, "D-2");
  EXPECT_EQ(page->balances[1].date, day("2026-11-19"));
  ASSERT_EQ(page->warnings.size(), 1u);
}

TEST_F(DkbImportTest, MalformedXmlIsProtocolNamingTheCall) {
  bank->script.push_back(Action::reply(200,
                                       "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:"
                                       "camt.053.001.02\"><BkToCstmrStmt><Stmt>"));
  const auto page = import();
  ASSERT_FALSE(page);
  EXPECT_EQ(page.error().failure_class, FailureClass::protocol);
  EXPECT_NE(page.error().message.find("dkb-test: GET /kaution/v1/statements"), std::string::npos)
      << page.error().message;
}

TEST_F(DkbImportTest, AStatementOfAnAccountNotAskedForIsProtocol) {
  bank->script.push_back(Action::reply(
      200, camt053("02", {CamtStatement{"S", german_iban(77), {payment("R", "", "")}}})));
  const auto page = import();
  ASSERT_FALSE(page);
  EXPECT_EQ(page.error().failure_class, FailureClass::protocol);
  EXPECT_NE(page.error().message.find("was not asked for"), std::string::npos)
      << page.error().message;
}

TEST_F(DkbImportTest, UnassignedListWithoutBookingsIsProtocol) {
  bank->script.push_back(Action::reply(200, camt053("02", {CamtStatement{"S", ibans[0], {}}})));
  bank->script.push_back(Action::reply(200, R"({"items": []})"));
  bank->script.push_back(Action::reply(200, R"({"items": [{"iban": "DE1", "count": 2}]})"));
  const auto page = import();
  ASSERT_FALSE(page);
  EXPECT_EQ(page.error().failure_class, FailureClass::protocol);
  EXPECT_NE(page.error().message.find("items[0].bookings: missing"), std::string::npos)
      << page.error().message;
}

}  // namespace
}  // namespace kaution::test
