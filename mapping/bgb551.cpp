#include "mapping/bgb551.hpp"

#include <algorithm>
#include <limits>
#include <numeric>

#include "mapping/validate.hpp"

namespace kaution {
namespace {

constexpr std::int64_t k_max_months_of_rent = 3;
constexpr std::size_t k_max_instalments = 3;

Date month_start_plus(const Date& date, std::size_t months) {
  const auto index = static_cast<std::size_t>(date.month() - 1) + months;
  const int year = date.year() + static_cast<int>(index / 12);
  return *Date::from_ymd(year, static_cast<unsigned>(index % 12) + 1, 1);
}

void check_amount(const Deposit& d, std::vector<FieldError>& out) {
  if (!d.net_cold_rent) return;
  const std::int64_t rent = d.net_cold_rent->cents();
  if (rent > std::numeric_limits<std::int64_t>::max() / k_max_months_of_rent)
    return;  // no agreed amount can exceed it
  const Money limit = Money::from_cents(rent * k_max_months_of_rent);
  if (d.agreed_amount <= limit) return;
  out.push_back({"agreed_amount", std::string(k_bgb551_amount),
                 d.agreed_amount.to_string() + " exceeds 3 × net_cold_rent " +
                     d.net_cold_rent->to_string() + " = " + limit.to_string() + " (§551 BGB)"});
}

void check_count(const Deposit& d, std::vector<FieldError>& out) {
  if (d.instalments.size() <= k_max_instalments) return;
  out.push_back({"instalments", std::string(k_bgb551_instalments),
                 std::to_string(d.instalments.size()) +
                     " instalments; §551 BGB allows at most 3 monthly instalments"});
}

void check_due_dates(const Deposit& d, std::vector<FieldError>& out) {
  std::vector<std::size_t> order(d.instalments.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return d.instalments[a].due_date < d.instalments[b].due_date;
  });
  for (std::size_t k = 0; k < order.size(); ++k) {
    const Instalment& instalment = d.instalments[order[k]];
    const Date earliest = month_start_plus(d.valid_from, k);
    if (instalment.due_date >= earliest) continue;
    out.push_back({"instalments[" + std::to_string(order[k]) + "].due_date",
                   std::string(k_bgb551_due_date),
                   "instalment " + std::to_string(k + 1) + " is due " +
                       instalment.due_date.to_string() + ", §551 BGB: not before " +
                       earliest.to_string() + " (tenancy from " + d.valid_from.to_string() + ")"});
  }
}

}  // namespace

std::vector<FieldError> bgb551_findings(const Deposit& deposit) {
  std::vector<FieldError> findings;
  if (!deposit.residential) return findings;
  check_amount(deposit, findings);
  check_count(deposit, findings);
  check_due_dates(deposit, findings);
  return findings;
}

}  // namespace kaution
