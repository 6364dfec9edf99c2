// The status table of specs/domain.md, row by row, with the injected clock moved across every
// boundary (day 21 vs 22 after the last import, valid_from 21 vs 22 days ago, valid_until
// yesterday, a refused access overriding everything but closed).
#include "mapping/status.hpp"

#include <gtest/gtest.h>

#include "core/clock.hpp"

namespace kaution {

void PrintTo(DepositStatus s, std::ostream* os) {
  *os << to_string(s);
}

namespace {

using enum DepositStatus;
using namespace std::chrono_literals;

Date d(const char* text) {
  return *Date::parse(text);
}

// An exported, active deposit with a fresh balance: each test changes one fact.
DepositFacts active_deposit() {
  DepositFacts f;
  f.valid_from = d("2026-01-01");
  f.balance = Money::from_cents(134000);
  f.balance_date = d("2026-11-20");
  f.last_import = d("2026-11-20");
  f.ever_exported = true;
  return f;
}

class StatusTable : public testing::Test {
 protected:
  // 12:00 UTC is 13:00 in Berlin in November: the Berlin date equals the UTC date.
  ManualClock m_clock{utc_time(d("2026-11-20"))};
  StatusRules m_rules;

  DepositStatus status(const DepositFacts& f) const {
    return derive_status(f, today(m_clock), m_rules).status;
  }
  void move_to(const char* date, int hour = 12) { m_clock.set(utc_time(d(date), hour)); }
};

TEST_F(StatusTable, Row1ClosedIsTerminal) {
  DepositFacts f = active_deposit();
  f.closed = true;
  f.credentials_refused = true;
  f.export_pending = true;
  f.valid_until = d("2026-01-31");
  EXPECT_EQ(status(f), closed);
  move_to("2030-01-01");
  EXPECT_EQ(status(f), closed);
}

TEST_F(StatusTable, Row2RefusedCredentialsOverrideEverythingButClosed) {
  for (auto change : {+[](DepositFacts&) {}, +[](DepositFacts& f) { f.export_pending = true; },
                      +[](DepositFacts& f) { f.export_failed = true; },
                      +[](DepositFacts& f) { f.valid_until = d("2026-11-01"); },
                      +[](DepositFacts& f) { f.balance.reset(); },
                      +[](DepositFacts& f) { f.last_import = d("2025-01-01"); }}) {
    DepositFacts f = active_deposit();
    change(f);
    f.credentials_refused = true;
    EXPECT_EQ(status(f), credentials_invalid);
    f.closed = true;
    EXPECT_EQ(status(f), closed);
  }
}

TEST_F(StatusTable, Row3EndedWithBalanceFromTheDayAfterValidUntil) {
  DepositFacts f = active_deposit();
  f.valid_until = d("2026-11-20");
  EXPECT_EQ(status(f), active) << "valid_until today is not past";
  move_to("2026-11-21");
  f.last_import = d("2026-11-21");
  EXPECT_EQ(status(f), ended_with_balance) << "valid_until yesterday with balance";
  f.export_pending = true;
  EXPECT_EQ(status(f), ended_with_balance) << "outranks waiting";
}

TEST_F(StatusTable, Row4EndingWithoutBalanceOrZero) {
  DepositFacts f = active_deposit();
  f.valid_until = d("2026-11-19");
  f.balance = Money::from_cents(0);
  EXPECT_EQ(status(f), ending) << "valid_until yesterday, balance 0";
  f.balance.reset();
  EXPECT_EQ(status(f), ending) << "valid_until yesterday, no balance";
  f.export_failed = true;
  EXPECT_EQ(status(f), ending) << "outranks faulty";
  move_to("2026-11-19");
  f.export_failed = false;
  f.ever_exported = true;
  f.valid_from = d("2026-11-10");
  EXPECT_EQ(status(f), exported) << "valid_until today: not yet ending";
}

TEST_F(StatusTable, Row5WaitingWhileAnExportIsPending) {
  DepositFacts f = active_deposit();
  f.export_pending = true;
  EXPECT_EQ(status(f), waiting);
  f.export_failed = true;  // a transient failure being retried keeps it waiting
  EXPECT_EQ(status(f), waiting);
  DepositFacts fresh;
  fresh.valid_from = d("2026-11-20");
  fresh.export_pending = true;
  EXPECT_EQ(status(fresh), waiting) << "a new deposit";
  move_to("2027-06-01");
  EXPECT_EQ(status(fresh), waiting) << "pending outranks the faulty-without-balance rule";
}

TEST_F(StatusTable, Row6FaultyWhenRejectedOrExhausted) {
  DepositFacts f = active_deposit();
  f.export_failed = true;
  EXPECT_EQ(status(f), faulty);
  const DerivedStatus derived = derive_status(f, today(m_clock), m_rules);
  EXPECT_NE(derived.reason.find("rejected"), std::string::npos);
}

TEST_F(StatusTable, Row6FaultyWithoutBalanceFromDay22AfterValidFrom) {
  DepositFacts f;
  f.ever_exported = true;
  f.valid_from = d("2026-11-01");
  move_to("2026-11-22");  // 21 days after valid_from
  EXPECT_EQ(status(f), exported);
  move_to("2026-11-23");  // 22 days
  EXPECT_EQ(status(f), faulty);
  EXPECT_NE(derive_status(f, today(m_clock), m_rules).reason.find("22 days"), std::string::npos);
  f.balance = Money::from_cents(0);
  f.last_import = d("2026-11-23");
  EXPECT_EQ(status(f), active) << "a balance of 0 is a balance";
}

TEST_F(StatusTable, Row7ExportedWithoutBalanceYet) {
  DepositFacts f;
  f.ever_exported = true;
  f.valid_from = d("2026-11-30");  // in the future
  EXPECT_EQ(status(f), exported);
  f.valid_from.reset();
  EXPECT_EQ(status(f), exported) << "no valid_from: never faulty for lack of balance";
}

TEST_F(StatusTable, Row8StaleFromDay22AfterTheLastImport) {
  DepositFacts f = active_deposit();
  f.last_import = d("2026-11-01");
  move_to("2026-11-22");  // day 21
  EXPECT_EQ(status(f), active);
  move_to("2026-11-23");  // day 22
  EXPECT_EQ(status(f), stale);
  f.last_import.reset();
  EXPECT_EQ(status(f), stale) << "a balance without any import is not current";
}

TEST_F(StatusTable, Row9ActiveWithACurrentBalance) {
  EXPECT_EQ(status(active_deposit()), active);
  move_to("2026-11-20", 23);  // 00:00 on 21 Nov in Berlin: the Berlin date decides
  DepositFacts f = active_deposit();
  f.last_import = d("2026-10-30");  // 21 days before 2026-11-20, 22 before 2026-11-21
  EXPECT_EQ(status(f), stale);
  move_to("2026-11-20", 22);
  EXPECT_EQ(status(f), active);
}

TEST_F(StatusTable, ConfigurableDays) {
  m_rules.stale_after_days = 7;
  m_rules.faulty_without_balance_after_days = 3;
  DepositFacts f = active_deposit();
  f.last_import = d("2026-11-13");
  EXPECT_EQ(status(f), active);  // 7 days
  f.last_import = d("2026-11-12");
  EXPECT_EQ(status(f), stale);  // 8 days
  DepositFacts g;
  g.ever_exported = true;
  g.valid_from = d("2026-11-17");
  EXPECT_EQ(status(g), exported);  // 3 days
  g.valid_from = d("2026-11-16");
  EXPECT_EQ(status(g), faulty);  // 4 days
}

TEST(DepositFlags, TrafficLight) {
  DepositFacts f;
  f.agreed = Money::from_cents(134000);
  EXPECT_EQ(derive_flags(f).traffic_light, TrafficLight::yellow) << "no payment booked";
  f.any_payment = true;
  f.payments = Money::from_cents(44667);
  EXPECT_EQ(derive_flags(f).traffic_light, TrafficLight::red);
  f.payments = Money::from_cents(133999);
  EXPECT_EQ(derive_flags(f).traffic_light, TrafficLight::red);
  f.payments = Money::from_cents(134000);
  EXPECT_EQ(derive_flags(f).traffic_light, TrafficLight::green);
  f.payments = Money::from_cents(134217);
  EXPECT_EQ(derive_flags(f).traffic_light, TrafficLight::green);
}

TEST(DepositFlags, BookingDifferenceToTheCent) {
  DepositFacts f;
  f.bookings_total = Money::from_cents(134217);
  EXPECT_FALSE(derive_flags(f).booking_difference) << "no balance: nothing to compare";
  f.balance = Money::from_cents(134217);
  EXPECT_FALSE(derive_flags(f).booking_difference);
  f.balance = Money::from_cents(134216);
  EXPECT_TRUE(derive_flags(f).booking_difference);
}

}  // namespace
}  // namespace kaution
