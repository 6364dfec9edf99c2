// The sync runtime's small parts: reachability tally, import directory, wake-up, access info.
#include <gtest/gtest.h>

#include <thread>

#include "daemon/sync/cycle_tally.hpp"
#include "daemon/sync/directory.hpp"
#include "daemon/sync/sync_access.hpp"
#include "daemon/sync/wakeup.hpp"
#include "tests/daemon/sync/fake_bank_driver.hpp"

namespace kaution::test {
namespace {

using namespace std::chrono_literals;

Failure failure(FailureClass c) {
  return Failure{c, "x", {}, {}};
}

TEST(CycleTally, AnAccessIsUnreachableOnlyWhenNoCallWasAnswered) {
  CycleTally tally;
  const Failure transient = failure(FailureClass::transient);
  const Failure rejected = failure(FailureClass::rejected);
  const Failure credentials = failure(FailureClass::credentials);
  tally.record("a", &transient);
  tally.record("a", &credentials);
  tally.record("b", &transient);
  tally.record("b", &rejected);  // the bank answered
  tally.record("c", nullptr);
  EXPECT_TRUE(tally.unreachable("a"));
  EXPECT_FALSE(tally.unreachable("b"));
  EXPECT_FALSE(tally.unreachable("c"));
  EXPECT_FALSE(tally.unreachable("never-called"));
  EXPECT_EQ(tally.unreachable_accesses(), std::vector<std::string>{"a"});
}

TEST(Directory, OpenDepositsWinOverClosedOnesOfTheSameContractAndAccount) {
  const std::string viban = make_de_iban("55010400", 7223330);
  const std::vector<DirectoryEntry> entries = {
      {"D-1", "1.080000.1047", viban, "uuid-1", true},
      {"D-2", "1.080000.1047", viban, std::nullopt, false},
      {"D-3", "1.080000.2000", std::nullopt, "uuid-3", false}};
  const DepositDirectory dir = build_directory(entries);
  ASSERT_NE(dir.by_account.find(viban), nullptr);
  EXPECT_EQ(*dir.by_account.find(viban), "D-2");
  EXPECT_EQ(dir.by_contract.at("1.080000.1047"), "D-2");
  EXPECT_EQ(dir.by_contract.at("1.080000.2000"), "D-3");
  EXPECT_EQ(dir.by_bank_ref.at("uuid-1"), "D-1");
  EXPECT_EQ(dir.contracts.size(), 2u);
  EXPECT_EQ(find_contract_numbers("Kaution 1.080000.2000", dir.contracts).contract_no,
            "1.080000.2000");
}

TEST(SyncWakeup, APokeEndsTheWaitAtOnceAndIsConsumed) {
  SyncWakeup wakeup;
  std::thread poker([&] {
    std::this_thread::sleep_for(20ms);
    wakeup.poke();
  });
  const auto start = std::chrono::steady_clock::now();
  wakeup.wait_for(10s);
  EXPECT_LT(std::chrono::steady_clock::now() - start, 5s);
  poker.join();
  const auto again = std::chrono::steady_clock::now();
  wakeup.wait_for(30ms);
  EXPECT_GE(std::chrono::steady_clock::now() - again, 25ms) << "the poke was consumed";
}

TEST(SyncWakeup, StopEndsEveryWait) {
  SyncWakeup wakeup;
  wakeup.stop();
  const auto start = std::chrono::steady_clock::now();
  wakeup.wait_for(10s);
  EXPECT_LT(std::chrono::steady_clock::now() - start, 5s);
  EXPECT_TRUE(wakeup.stopped());
}

TEST(SyncAccess, TrustAccountsComeFromTheKmOrDkbSection) {
  const AccessConfig km = FakeBankDriver(ConnectorKind::km).access();
  const AccessInfo info = access_info(km);
  EXPECT_EQ(info.connector, BankProfile::km);
  ASSERT_EQ(info.trust_accounts.size(), 1u);
  EXPECT_EQ(info.trust_accounts[0], km.km->trust_accounts[0].iban);
  EXPECT_EQ(access_info(FakeBankDriver(ConnectorKind::dkb).access()).trust_accounts.size(), 1u);
  EXPECT_TRUE(access_info(FakeBankDriver(ConnectorKind::aak).access()).trust_accounts.empty());
}

TEST(MakeDeIban, GivesValidIbans) {
  EXPECT_TRUE(Iban::parse(make_de_iban("55010400", 7223330)).has_value());
  EXPECT_EQ(make_de_iban("37040044", 532013000), "DE89370400440532013000");
}

}  // namespace
}  // namespace kaution::test
