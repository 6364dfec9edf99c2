#include "daemon/api/json_out.hpp"

#include <variant>

namespace kaution::api {

nlohmann::json json_of(const std::optional<Money>& money) {
  return money ? nlohmann::json(money->to_string()) : nlohmann::json(nullptr);
}

nlohmann::json json_of(const std::optional<Date>& date) {
  return date ? nlohmann::json(date->to_string()) : nlohmann::json(nullptr);
}

nlohmann::json json_of(const std::optional<TimePoint>& time) {
  return time ? nlohmann::json(to_rfc3339(*time)) : nlohmann::json(nullptr);
}

nlohmann::json json_of(const std::optional<std::string>& text) {
  return text ? nlohmann::json(*text) : nlohmann::json(nullptr);
}

nlohmann::json status_json(const std::optional<StatusRecord>& status) {
  if (!status) return nullptr;
  return {{"status", to_string(status->status)},
          {"german", german_name(status->status)},
          {"since", to_rfc3339(status->since)},
          {"reason", status->reason}};
}

nlohmann::json booking_json(const Booking& b) {
  const BookingEntry& e = b.entry;
  return {{"booking_id", b.booking_id},
          {"seq", b.seq},
          {"connector", b.connector},
          {"access", b.access},
          {"bank_ref", e.bank_ref},
          {"booking_date", e.booking_date.to_string()},
          {"value_date", json_of(e.value_date)},
          {"amount", e.amount.to_string()},
          {"kind", to_string(e.kind)},
          {"counterparty",
           {{"name", json_of(e.counterparty_name)}, {"iban", json_of(e.counterparty_iban)}}},
          {"remittance", e.remittance},
          {"account", e.account},
          {"deposit_id", json_of(e.deposit_id)},
          {"assigned_by", json_of(b.assigned_by)},
          {"assigned_at", json_of(b.assigned_at)},
          {"imported_at", to_rfc3339(b.imported_at)}};
}

nlohmann::json history_json(const HistoryEntry& entry) {
  if (const auto* change = std::get_if<StatusChange>(&entry.event)) {
    return {{"at", to_rfc3339(entry.at)},
            {"kind", "status_change"},
            {"old_status",
             change->old_status ? nlohmann::json(to_string(*change->old_status)) : nullptr},
            {"new_status", to_string(change->new_status)},
            {"reason", change->reason}};
  }
  const auto& exchange = std::get<Exchange>(entry.event);
  return {{"at", to_rfc3339(entry.at)},
          {"kind", "exchange"},
          {"access", exchange.access},
          {"method", exchange.method},
          {"path", exchange.path},
          {"http_status", exchange.http_status ? nlohmann::json(*exchange.http_status) : nullptr},
          {"duration_ms", exchange.duration_ms},
          {"bytes", exchange.bytes},
          {"request_id", json_of(exchange.request_id)}};
}

nlohmann::json ledger_figures_json(const std::optional<LedgerFigures>& figures) {
  if (!figures) return nullptr;
  return {{"as_of", figures->as_of.to_string()},
          {"paid", figures->paid.to_string()},
          {"balance", figures->balance.to_string()},
          {"received_at", to_rfc3339(figures->received_at)}};
}

}  // namespace kaution::api
