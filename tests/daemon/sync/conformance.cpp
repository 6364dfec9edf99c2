// The scenarios of the sync conformance suite (issue 5, "Must show"), each against the
// BankDriver of the parameter. Instantiated per driver elsewhere (conformance_fake_test.cpp).
#include <gtest/gtest.h>

#include "tests/daemon/sync/conformance.hpp"

namespace kaution::test {

void SyncConformance::SetUp() {
  m_harness = std::make_unique<SyncHarness>(GetParam().make());
  const CycleReport first = m_harness->cycle();
  ASSERT_TRUE(first.unreachable.empty()) << "the bank must answer before the scenario starts";
}

nlohmann::json SyncConformance::put_deposit(int n, int days_ago) {
  nlohmann::json d = bank().deposit(n, h().today().plus_days(-days_ago));
  h().put(d);
  return d;
}

namespace {

using namespace std::chrono_literals;

std::string id_of(const nlohmann::json& d) {
  return d.at("deposit_id").get<std::string>();
}

Money eur(const char* text) {
  return *Money::parse(text);
}

TEST_P(SyncConformance, ExportAcceptedIsExported) {
  const auto d = put_deposit(1);
  EXPECT_EQ(h().status(id_of(d)), DepositStatus::waiting);
  const CycleReport report = h().cycle();
  EXPECT_EQ(report.exports.accepted, 1);
  EXPECT_EQ(h().status(id_of(d)), DepositStatus::exported);
  const StoredDeposit stored = h().stored(id_of(d));
  EXPECT_TRUE(stored.bank.bank_ref.has_value());
  EXPECT_FALSE(stored.queued.has_value());
}

TEST_P(SyncConformance, RejectedWithFieldErrorsIsFaultyWithTheBanksMessages) {
  auto d = bank().deposit(1, h().today());
  bank().make_rejectable(d);
  h().put(d);
  h().cycle();
  EXPECT_EQ(h().status(id_of(d)), DepositStatus::faulty);
  const StoredDeposit stored = h().stored(id_of(d));
  EXPECT_TRUE(stored.bank.export_rejected);
  ASSERT_FALSE(stored.bank.rejections.empty());
  EXPECT_FALSE(stored.bank.rejections.front().message.empty());
  ASSERT_TRUE(stored.queued.has_value());
  EXPECT_FALSE(stored.queued->next_attempt_at.has_value()) << "no retry until the data changes";
  h().advance_days(3);
  h().cycle();
  EXPECT_EQ(h().stored(id_of(d)).queued->attempts, 1);
}

TEST_P(SyncConformance, CredentialsRefusedPauseTheAccessUntilChecked) {
  const auto a = put_deposit(1);
  const auto b = put_deposit(2);
  bank().refuse_credentials(true);
  h().cycle();
  EXPECT_EQ(h().status(id_of(a)), DepositStatus::credentials_invalid);
  EXPECT_EQ(h().status(id_of(b)), DepositStatus::credentials_invalid);

  const std::int64_t requests = bank().requests();
  h().advance(1h);
  h().cycle();
  h().advance_days(1);
  h().cycle();
  EXPECT_EQ(bank().requests(), requests) << "no call on a refused access";

  EXPECT_FALSE(h().sync().check_access(h().access_name())) << "still refused";
  bank().refuse_credentials(false);
  EXPECT_TRUE(h().sync().check_access(h().access_name()));
  h().cycle();
  EXPECT_EQ(h().status(id_of(a)), DepositStatus::exported);
  EXPECT_EQ(h().status(id_of(b)), DepositStatus::exported);
}

TEST_P(SyncConformance, TooManyRequestsHonoursRetryAfter) {
  const auto d = put_deposit(1);
  bank().fail_next_exports(1, 429, 120s);
  const TimePoint sent_at = h().clock().now();
  h().cycle();
  EXPECT_EQ(h().status(id_of(d)), DepositStatus::waiting);
  const StoredDeposit stored = h().stored(id_of(d));
  ASSERT_TRUE(stored.queued && stored.queued->next_attempt_at);
  EXPECT_EQ(*stored.queued->next_attempt_at, sent_at + 120s);

  h().advance(119s);
  h().cycle();
  EXPECT_EQ(h().stored(id_of(d)).queued->attempts, 1) << "not before Retry-After";
  h().advance(1s);
  h().cycle();
  EXPECT_EQ(h().status(id_of(d)), DepositStatus::exported);
}

TEST_P(SyncConformance, ServiceUnavailableThenSuccessIsExported) {
  const auto d = put_deposit(1);
  bank().fail_next_exports(1, 503, std::nullopt);
  h().cycle();
  EXPECT_EQ(h().status(id_of(d)), DepositStatus::waiting);
  h().advance(std::chrono::seconds{h().config().retry.base_seconds});
  h().cycle();
  EXPECT_EQ(h().status(id_of(d)), DepositStatus::exported);
}

TEST_P(SyncConformance, RetriesExhaustedIsFaulty) {
  h().config().retry.max_attempts = 3;
  h().reconfigure();
  const auto d = put_deposit(1);
  bank().fail_next_exports(3, 503, std::nullopt);
  for (int i = 0; i < 3; ++i) {
    h().cycle();
    h().advance(std::chrono::seconds{h().config().retry.cap_seconds});
  }
  EXPECT_EQ(h().status(id_of(d)), DepositStatus::faulty);
  const StoredDeposit stored = h().stored(id_of(d));
  EXPECT_TRUE(stored.bank.retries_exhausted);
  EXPECT_EQ(stored.queued->attempts, 3);
  EXPECT_FALSE(stored.queued->next_attempt_at.has_value());
}

TEST_P(SyncConformance, BalanceArrivesIsActive) {
  const auto d = put_deposit(1);
  h().cycle();
  bank().pay(d, eur("1340.00"), h().today());
  h().cycle();
  EXPECT_EQ(h().status(id_of(d)), DepositStatus::active);
  EXPECT_EQ(h().stored(id_of(d)).bank.balance, eur("1340.00"));
}

TEST_P(SyncConformance, TwentyTwoDaysWithoutImportIsStale) {
  const auto d = put_deposit(1);
  h().cycle();
  bank().pay(d, eur("1340.00"), h().today());
  h().cycle();
  ASSERT_EQ(h().status(id_of(d)), DepositStatus::active);
  bank().set_unreachable(true);
  h().advance_days(21);
  h().cycle();
  EXPECT_EQ(h().status(id_of(d)), DepositStatus::active);
  h().advance_days(1);
  h().cycle();
  EXPECT_EQ(h().status(id_of(d)), DepositStatus::stale);
}

TEST_P(SyncConformance, NoBalanceTwentyTwoDaysAfterValidFromIsFaulty) {
  const auto d = put_deposit(1);
  h().cycle();
  h().advance_days(21);
  h().cycle();
  EXPECT_EQ(h().status(id_of(d)), DepositStatus::exported);
  h().advance_days(1);
  h().cycle();
  EXPECT_EQ(h().status(id_of(d)), DepositStatus::faulty);
}

TEST_P(SyncConformance, ValidUntilPastWithBalanceIsEndedWithBalance) {
  auto d = bank().deposit(1, h().today());
  d["valid_until"] = h().today().plus_days(1).to_string();
  h().put(d);
  h().cycle();
  bank().pay(d, eur("1340.00"), h().today());
  h().cycle();
  h().advance_days(2);
  h().cycle();
  EXPECT_EQ(h().status(id_of(d)), DepositStatus::ended_with_balance);
  EXPECT_TRUE(bank().closed().empty());
}

TEST_P(SyncConformance, ValidUntilPastWithoutBalanceIsClosedAtTheBank) {
  auto d = bank().deposit(1, h().today());
  d["valid_until"] = h().today().plus_days(1).to_string();
  h().put(d);
  h().cycle();
  h().advance_days(2);
  const CycleReport report = h().cycle();
  EXPECT_EQ(report.closed, 1);
  EXPECT_EQ(h().status(id_of(d)), DepositStatus::closed);
  const StoredDeposit stored = h().stored(id_of(d));
  EXPECT_TRUE(stored.closed);
  EXPECT_EQ(stored.closed_by, "auto");
  EXPECT_EQ(bank().closed(), std::vector<std::string>{id_of(d)});
}

TEST_P(SyncConformance, SameImportTwiceAddsNoBookings) {
  const auto d = put_deposit(1);
  h().cycle();
  bank().pay(d, eur("446.67"), h().today());
  bank().pay(d, eur("446.67"), h().today());
  next_day();
  EXPECT_EQ(h().cycle().bookings_added, 2);
  EXPECT_EQ(h().cycle().bookings_added, 0);
  EXPECT_EQ(h().store().bookings_after(0, 100).size(), 2u);
}

TEST_P(SyncConformance, UnassignedBookingIsListedAssignedAndInTheFeed) {
  const auto d = put_deposit(1);
  h().cycle();
  const std::string reference = bank().pay_unassigned(eur("100.00"), h().today());
  next_day();
  h().cycle();
  const auto groups = h().store().unassigned_bookings(10);
  ASSERT_EQ(groups.size(), 1u);
  EXPECT_EQ(groups[0].count, 1);
  ASSERT_EQ(groups[0].bookings.size(), 1u);
  const Booking listed = groups[0].bookings[0];
  EXPECT_TRUE(listed.entry.bank_ref.ends_with(reference))  // dkb: "IBAN:reference"
      << listed.entry.bank_ref << " is not the bank's " << reference;

  EXPECT_EQ(h().store().assign_booking(listed.booking_id, id_of(d), "support:anna"),
            AssignOutcome::assigned);
  const auto feed = h().store().bookings_after(listed.seq, 10);
  ASSERT_EQ(feed.size(), 1u);
  EXPECT_EQ(feed[0].booking_id, listed.booking_id);
  EXPECT_EQ(feed[0].entry.deposit_id, id_of(d));
  EXPECT_GT(feed[0].seq, listed.seq);
  EXPECT_TRUE(h().store().unassigned_bookings(10).empty());

  // Passed to the bank where its interface takes assignments, once.
  EXPECT_EQ(h().cycle().assignments_sent, 1);
  EXPECT_TRUE(h().store().assignments_to_send(h().access_name(), 10).empty());
  EXPECT_EQ(h().cycle().assignments_sent, 0);
  EXPECT_TRUE(h().store().unassigned_bookings(10).empty()) << "a later import keeps it assigned";
  EXPECT_EQ(h().store().bookings_after(0, 10).back().entry.deposit_id, id_of(d));
}

TEST_P(SyncConformance, UnreachableAccessMakesOnceExitThree) {
  const auto d = put_deposit(1);
  bank().set_unreachable(true);
  const CycleReport report = h().cycle();
  EXPECT_EQ(report.unreachable, std::vector<std::string>{h().access_name()});
  EXPECT_EQ(once_exit_code(report), k_exit_unreachable);
  EXPECT_EQ(h().status(id_of(d)), DepositStatus::waiting);
}

TEST_P(SyncConformance, FaultyDepositsStillMakeOnceExitZero) {
  auto d = bank().deposit(1, h().today());
  bank().make_rejectable(d);
  h().put(d);
  const CycleReport report = h().cycle();
  EXPECT_EQ(h().status(id_of(d)), DepositStatus::faulty);
  EXPECT_EQ(once_exit_code(report), 0);
}

}  // namespace
}  // namespace kaution::test
