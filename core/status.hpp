#pragma once
// The status of a bank-held deposit (specs/domain.md, "the status queue").

#include <optional>
#include <string_view>

namespace kaution {

// Ordered by precedence: the highest rule that applies wins (domain.md table rows 1–9).
enum class DepositStatus {
  closed,
  credentials_invalid,
  ended_with_balance,
  ending,
  waiting,
  faulty,
  exported,
  stale,
  active,
};

inline constexpr DepositStatus k_all_statuses[] = {
    DepositStatus::closed,
    DepositStatus::credentials_invalid,
    DepositStatus::ended_with_balance,
    DepositStatus::ending,
    DepositStatus::waiting,
    DepositStatus::faulty,
    DepositStatus::exported,
    DepositStatus::stale,
    DepositStatus::active,
};

std::string_view to_string(DepositStatus s);
std::optional<DepositStatus> status_from_string(std::string_view text);
// The German name users know: "Zugangsdaten sind ungültig".
std::string_view german_name(DepositStatus s);

}  // namespace kaution
