#pragma once
// The sync conformance suite: scenarios (conformance.cpp) written once against BankDriver and
// run per connector. To run them against other banks, build conformance.cpp with a file that
// instantiates the suite for their drivers (as conformance_fake_test.cpp does):
//   INSTANTIATE_TEST_SUITE_P(Sandbox, SyncConformance,
//                            ::testing::Values(ConformanceParam{"aak", make_aak_driver}),
//                            conformance_name);

#include <gtest/gtest.h>

#include <string>

#include "tests/daemon/sync/bank_driver.hpp"
#include "tests/daemon/sync/sync_harness.hpp"

namespace kaution::test {

struct ConformanceParam {
  std::string name;  // test-name suffix: letters, digits and '_'
  BankDriverMaker make;
};

inline std::string conformance_name(const ::testing::TestParamInfo<ConformanceParam>& info) {
  return info.param.name;
}

class SyncConformance : public ::testing::TestWithParam<ConformanceParam> {
 protected:
  // The daemon has started: the first cycle (check, import) ran with no deposits.
  void SetUp() override;

  SyncHarness& h() { return *m_harness; }
  BankDriver& bank() { return m_harness->bank(); }
  // A deposit of this bank, valid from `days_ago` days before today, stored as the API does.
  nlohmann::json put_deposit(int n, int days_ago = 0);
  // The bank's day ends: its bookings reach the next import with the day's statement (aak
  // statements cover closed days only).
  void next_day() { h().advance_days(1); }

 private:
  std::unique_ptr<SyncHarness> m_harness;
};

}  // namespace kaution::test
