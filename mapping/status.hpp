#pragma once
// Status derivation: one pure function of a deposit's stored facts and today's date,
// exactly the table of specs/domain.md ("highest rule that applies wins").

#include <string>

#include "core/date.hpp"
#include "core/deposit_facts.hpp"
#include "core/status.hpp"

namespace kaution {

struct StatusRules {
  int stale_after_days = 21;                   // balance older than this → stale
  int faulty_without_balance_after_days = 21;  // no balance this long after valid_from → faulty
};

struct DerivedStatus {
  DepositStatus status;
  std::string reason;  // why this rule applied, for the history
  bool operator==(const DerivedStatus&) const = default;
};

DerivedStatus derive_status(const DepositFacts& facts, Date today, const StatusRules& rules);

enum class TrafficLight { yellow, red, green };
std::string_view to_string(TrafficLight light);

struct DepositFlags {
  bool booking_difference = false;  // sum of bookings ≠ last bank balance
  TrafficLight traffic_light = TrafficLight::yellow;
  bool operator==(const DepositFlags&) const = default;
};

DepositFlags derive_flags(const DepositFacts& facts);

}  // namespace kaution
