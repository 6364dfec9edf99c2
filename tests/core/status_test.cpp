#include "core/status.hpp"

#include <gtest/gtest.h>

namespace kaution {
namespace {

TEST(DepositStatus, NamesRoundTrip) {
  for (DepositStatus s : k_all_statuses) {
    EXPECT_EQ(status_from_string(to_string(s)), s);
    EXPECT_FALSE(german_name(s).empty());
  }
  EXPECT_FALSE(status_from_string("Active").has_value());
  EXPECT_EQ(german_name(DepositStatus::ended_with_balance), "beendet mit Saldo");
}

}  // namespace
}  // namespace kaution
