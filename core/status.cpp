#include "core/status.hpp"

namespace kaution {

std::string_view to_string(DepositStatus s) {
  switch (s) {
    case DepositStatus::closed:
      return "closed";
    case DepositStatus::credentials_invalid:
      return "credentials_invalid";
    case DepositStatus::ended_with_balance:
      return "ended_with_balance";
    case DepositStatus::ending:
      return "ending";
    case DepositStatus::waiting:
      return "waiting";
    case DepositStatus::faulty:
      return "faulty";
    case DepositStatus::exported:
      return "exported";
    case DepositStatus::stale:
      return "stale";
    case DepositStatus::active:
      return "active";
  }
  return "unknown";
}

std::optional<DepositStatus> status_from_string(std::string_view text) {
  for (DepositStatus s : k_all_statuses)
    if (to_string(s) == text) return s;
  return std::nullopt;
}

std::string_view german_name(DepositStatus s) {
  switch (s) {
    case DepositStatus::closed:
      return "geschlossen";
    case DepositStatus::credentials_invalid:
      return "Zugangsdaten sind ungültig";
    case DepositStatus::ended_with_balance:
      return "beendet mit Saldo";
    case DepositStatus::ending:
      return "beenden";
    case DepositStatus::waiting:
      return "wartend";
    case DepositStatus::faulty:
      return "fehlerhaft";
    case DepositStatus::exported:
      return "exportiert";
    case DepositStatus::stale:
      return "Saldo veraltet";
    case DepositStatus::active:
      return "aktiv";
  }
  return "unbekannt";
}

}  // namespace kaution
