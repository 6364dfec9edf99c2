// The sync runtime against the fake bank, for what needs the fake's precision: page failures,
// re-sent imports, portal assignments, interest, km rate announcements, batching, the worker.
#include <gtest/gtest.h>

#include <thread>

#include "daemon/sync/worker.hpp"
#include "tests/daemon/sync/fake_bank_driver.hpp"
#include "tests/daemon/sync/sync_harness.hpp"

namespace kaution::test {
namespace {

using namespace std::chrono_literals;

Money eur(const char* text) {
  return *Money::parse(text);
}

class SyncRuntimeTest : public ::testing::Test {
 protected:
  explicit SyncRuntimeTest(ConnectorKind kind = ConnectorKind::aak) {
    auto driver = std::make_unique<FakeBankDriver>(kind);
    m_driver = driver.get();
    m_harness = std::make_unique<SyncHarness>(std::move(driver));
  }

  SyncHarness& h() { return *m_harness; }
  FakeBankDriver& driver() { return *m_driver; }
  FakeBank& bank() { return m_driver->bank(); }
  nlohmann::json put_deposit(int n) {
    nlohmann::json d = driver().deposit(n, h().today());
    h().put(d);
    return d;
  }
  std::string cursor() { return h().store().cursor(h().access_name()).value_or("none"); }

 private:
  FakeBankDriver* m_driver = nullptr;
  std::unique_ptr<SyncHarness> m_harness;
};

class KmRuntimeTest : public SyncRuntimeTest {
 protected:
  KmRuntimeTest() : SyncRuntimeTest(ConnectorKind::km) {}
};

TEST_F(SyncRuntimeTest, PageFailureKeepsEarlierPagesAndTheirCursor) {
  const auto d = put_deposit(1);
  h().cycle();
  bank().page_size = 2;
  for (int i = 0; i < 5; ++i)
    driver().pay(d, eur("10.00"), h().today());
  bank().fail_page = 1;
  const CycleReport failed = h().cycle();
  EXPECT_EQ(failed.bookings_added, 2);
  EXPECT_EQ(h().store().bookings_after(0, 100).size(), 2u);
  EXPECT_EQ(cursor(), "2") << "the cursor of the last stored page";
  EXPECT_FALSE(h().stored("D-1001").bank.balance.has_value()) << "the balance page never came";

  bank().fail_page.reset();
  const CycleReport resumed = h().cycle();
  EXPECT_EQ(resumed.bookings_added, 3);
  EXPECT_EQ(h().store().bookings_after(0, 100).size(), 5u);
  EXPECT_EQ(cursor(), "5");
  EXPECT_EQ(h().stored("D-1001").bank.balance, eur("50.00"));
}

// Small pages are merged before they are stored (Importer::k_store_at_least): a failure after
// two good pages still stores both, with the second one's cursor.
TEST_F(SyncRuntimeTest, MergedPagesBeforeAFailureAreStoredWithTheLastCursor) {
  const auto d = put_deposit(1);
  h().cycle();
  bank().page_size = 2;
  for (int i = 0; i < 5; ++i)
    driver().pay(d, eur("10.00"), h().today());
  bank().fail_page = 2;
  const CycleReport failed = h().cycle();
  EXPECT_EQ(failed.bookings_added, 4);
  EXPECT_EQ(h().store().bookings_after(0, 100).size(), 4u);
  EXPECT_EQ(cursor(), "4");

  bank().fail_page.reset();
  EXPECT_EQ(h().cycle().bookings_added, 1);
  EXPECT_EQ(h().store().bookings_after(0, 100).size(), 5u);
}

TEST_F(SyncRuntimeTest, NothingIsClosedWithoutACompleteImport) {
  auto d = driver().deposit(1, h().today());
  d["valid_until"] = h().today().plus_days(1).to_string();
  h().put(d);
  h().cycle();
  h().advance_days(2);
  bank().fail_page = 0;
  h().cycle();
  EXPECT_EQ(h().status("D-1001"), DepositStatus::ending);
  EXPECT_TRUE(bank().closed.empty()) << "no current balance: not closed";
  bank().fail_page.reset();
  h().cycle();
  EXPECT_EQ(h().status("D-1001"), DepositStatus::closed);
}

TEST_F(SyncRuntimeTest, ImportResentFromTheStartAddsNothing) {
  const auto d = put_deposit(1);
  h().cycle();
  driver().pay(d, eur("446.67"), h().today());
  driver().pay(d, eur("446.67"), h().today());
  bank().ignore_cursor = true;
  EXPECT_EQ(h().cycle().bookings_added, 2);
  EXPECT_EQ(h().cycle().bookings_added, 0);
  EXPECT_EQ(h().store().bookings_after(0, 100).size(), 2u);
}

TEST_F(SyncRuntimeTest, PortalAssignmentIsAppliedWithANewSeq) {
  const auto d = put_deposit(1);
  h().cycle();
  const std::string ref = driver().pay_unassigned(eur("100.00"), h().today());
  h().cycle();
  const auto before = h().store().bookings_after(0, 10);
  ASSERT_EQ(before.size(), 1u);
  ASSERT_FALSE(before[0].entry.deposit_id.has_value());
  {
    std::lock_guard lock(bank().mutex);
    bank().bookings[0].portal_contract = d.at("rental_contract_no").get<std::string>();
  }
  h().cycle();
  const auto after = h().store().bookings_after(before[0].seq, 10);
  ASSERT_EQ(after.size(), 1u);
  EXPECT_EQ(after[0].entry.bank_ref, ref);
  EXPECT_EQ(after[0].entry.deposit_id, "D-1001");
  EXPECT_EQ(after[0].assigned_by, "bank_portal");
}

TEST_F(SyncRuntimeTest, CredentialsRefusedOnExportStopsTheAccessAtOnce) {
  put_deposit(1);
  put_deposit(2);
  h().cycle();  // the first cycle checked the access and exported both
  put_deposit(3);
  put_deposit(4);
  bank().export_failures.push_back(http_failure(401));
  const std::int64_t requests = driver().requests();
  h().cycle();
  EXPECT_EQ(driver().requests(), requests + 1) << "one refused export, then nothing";
  EXPECT_TRUE(h().store().access_state(h().access_name()).credentials_refused);
  EXPECT_EQ(h().status("D-1001"), DepositStatus::credentials_invalid);
  EXPECT_EQ(h().stored("D-1003").queued->attempts, 0) << "a refusal is not the deposit's fault";
}

TEST_F(SyncRuntimeTest, ManualAssignmentIsPassedToTheBankOnce) {
  put_deposit(1);
  h().cycle();
  const std::string ref = driver().pay_unassigned(eur("100.00"), h().today());
  h().cycle();
  const Booking booking = h().store().bookings_after(0, 10).at(0);
  h().store().assign_booking(booking.booking_id, "D-1001", "support:anna");
  bank().next_failures.push_back(http_failure(503));
  EXPECT_EQ(h().cycle().assignments_sent, 0) << "bank unavailable: kept for the next run";
  EXPECT_EQ(h().store().assignments_to_send(h().access_name(), 10).size(), 1u);
  EXPECT_EQ(h().cycle().assignments_sent, 1);
  EXPECT_EQ(bank().assignments, std::vector<std::string>{ref + " D-1001"});
  h().cycle();
  EXPECT_EQ(bank().assignments.size(), 1u);
}

TEST_F(SyncRuntimeTest, RefusedAssignmentIsNotRetried) {
  put_deposit(1);
  h().cycle();
  driver().pay_unassigned(eur("100.00"), h().today());
  h().cycle();
  h().store().assign_booking(h().store().bookings_after(0, 10).at(0).booking_id, "D-1001",
                             "support:anna");
  bank().refuse_assignments = true;
  EXPECT_EQ(h().cycle().assignments_sent, 1);
  EXPECT_TRUE(h().store().assignments_to_send(h().access_name(), 10).empty());
}

TEST_F(SyncRuntimeTest, CheckOfUnknownAccessIsRejected) {
  const auto result = h().sync().check_access("nope");
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().failure_class, FailureClass::rejected);
}

TEST_F(SyncRuntimeTest, InterestDistributionsAreStoredOnce) {
  const auto d = put_deposit(1);
  InterestDistribution dist{"D-1001",
                            "1.080000.1001",
                            *Date::parse("2025-01-01"),
                            *Date::parse("2025-12-31"),
                            "0.250",
                            eur("3.35"),
                            eur("0.84"),
                            eur("0.04"),
                            eur("0.00"),
                            eur("2.47")};
  bank().distributions.push_back(dist);
  EXPECT_EQ(h().cycle().interest_added, 1);
  EXPECT_EQ(h().cycle().interest_added, 0);
  const auto stored = h().store().interest_records(h().access_name());
  ASSERT_EQ(stored.size(), 1u);
  EXPECT_EQ(stored[0].deposit_id, "D-1001");
  EXPECT_EQ(stored[0].net, eur("2.47"));
}

TEST_F(SyncRuntimeTest, ScheduledRunsImportOnlyWhenDue) {
  h().sync().run_due();
  const std::int64_t imports = bank().imports;
  h().clock().advance(14min);
  h().sync().run_due();
  EXPECT_EQ(bank().imports, imports);
  h().clock().advance(1min);
  const TimePoint next = h().sync().run_due();
  EXPECT_EQ(bank().imports, imports + 1);
  EXPECT_EQ(next, h().clock().now() + 15min);
}

TEST_F(SyncRuntimeTest, NextRunIsTheRetryAfterOfAWaitingExport) {
  h().sync().run_due();
  put_deposit(1);
  bank().export_failures.push_back(http_failure(429, 90s));
  const TimePoint next = h().sync().run_due();
  EXPECT_EQ(next, h().clock().now() + 90s);
}

TEST_F(SyncRuntimeTest, WorkerExportsWithinSecondsOfAWakeUp) {
  SyncWorker worker(h().sync());
  const auto d = put_deposit(1);
  h().sync().wake();
  const auto deadline = std::chrono::steady_clock::now() + 10s;
  while (std::chrono::steady_clock::now() < deadline) {
    const bool exported = h().store_access().with([&](Store& s) {
      const auto status = s.status("D-1001");
      return status && status->status == DepositStatus::exported;
    });
    if (exported) break;
    std::this_thread::sleep_for(20ms);
  }
  EXPECT_EQ(h().store_access().with([](Store& s) { return s.status("D-1001")->status; }),
            DepositStatus::exported);
}

TEST_F(KmRuntimeTest, ExportsInBatchesOfTheConnectorsSize) {
  h().cycle();
  for (int n = 1; n <= 3; ++n)
    put_deposit(n);
  const std::int64_t requests = driver().requests();
  bank().export_batch = 2;
  const CycleReport report = h().cycle();
  EXPECT_EQ(report.exports.accepted, 3);
  // 2 export calls, then the import and two interest years.
  EXPECT_EQ(driver().requests(), requests + 2 + 1 + 2);
}

TEST_F(KmRuntimeTest, InterestRateIsAnnouncedOnceAndAgainWhenChanged) {
  h().cycle();
  h().cycle();
  EXPECT_EQ(bank().rates.size(), 1u);
  h().config().accesses[0].km->trust_accounts[0].interest_rate = "0.500";
  h().reconfigure();
  h().cycle();
  ASSERT_EQ(bank().rates.size(), 2u);
  EXPECT_NE(bank().rates[1].find(" 0.500 "), std::string::npos);
}

}  // namespace
}  // namespace kaution::test
