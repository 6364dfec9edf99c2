#include "mapping/status.hpp"

namespace kaution {
namespace {

std::string days(std::int64_t n) {
  return std::to_string(n) + (n == 1 ? " day" : " days");
}

bool has_nonzero_balance(const DepositFacts& f) {
  return f.balance && !f.balance->is_zero();
}

}  // namespace

DerivedStatus derive_status(const DepositFacts& f, Date today, const StatusRules& rules) {
  using enum DepositStatus;
  if (f.closed) return {closed, "closed"};
  if (f.credentials_refused)
    return {credentials_invalid, "the bank refused the access's credentials"};
  if (f.valid_until && *f.valid_until < today) {
    if (has_nonzero_balance(f))
      return {ended_with_balance, "valid until " + f.valid_until->to_string() + ", bank balance " +
                                      f.balance->to_string()};
    return {ending, "valid until " + f.valid_until->to_string() + ", bank balance 0"};
  }
  if (f.export_pending) return {waiting, "master data changed since the last export"};
  if (f.export_failed) return {faulty, "export rejected or retries exhausted"};
  if (!f.balance) {
    if (f.valid_from) {
      const std::int64_t since = today.days_since(*f.valid_from);
      if (since > rules.faulty_without_balance_after_days)
        return {faulty,
                "no balance " + days(since) + " after valid_from " + f.valid_from->to_string()};
    }
    if (!f.ever_exported) return {waiting, "not exported yet"};
    return {exported, "exported, no balance yet"};
  }
  if (!f.last_import) return {stale, "balance without a successful import"};
  const std::int64_t age = today.days_since(*f.last_import);
  if (age > rules.stale_after_days) return {stale, "last successful import " + days(age) + " ago"};
  return {active, "balance current"};
}

std::string_view to_string(TrafficLight light) {
  switch (light) {
    case TrafficLight::yellow:
      return "yellow";
    case TrafficLight::red:
      return "red";
    case TrafficLight::green:
      return "green";
  }
  return "yellow";
}

DepositFlags derive_flags(const DepositFacts& f) {
  DepositFlags flags;
  flags.booking_difference = f.balance.has_value() && f.bookings_total != *f.balance;
  if (!f.any_payment)
    flags.traffic_light = TrafficLight::yellow;
  else if (f.payments < f.agreed)
    flags.traffic_light = TrafficLight::red;
  else
    flags.traffic_light = TrafficLight::green;
  return flags;
}

}  // namespace kaution
