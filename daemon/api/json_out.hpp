#pragma once
// The JSON shapes the API answers with (ledger-api.md): money "1340.00", dates "YYYY-MM-DD",
// instants RFC 3339 UTC, null for what is not known.

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "core/clock.hpp"
#include "core/date.hpp"
#include "core/money.hpp"
#include "core/status.hpp"
#include "queue/records.hpp"

namespace kaution::api {

nlohmann::json json_of(const std::optional<Money>& money);
nlohmann::json json_of(const std::optional<Date>& date);
nlohmann::json json_of(const std::optional<TimePoint>& time);
nlohmann::json json_of(const std::optional<std::string>& text);

// {"status", "german", "since", "reason"}; null when not derived yet.
nlohmann::json status_json(const std::optional<StatusRecord>& status);
// A booking of the feed: booking_id, seq, connector, access, dates, amount, kind, counterparty,
// remittance, account, deposit_id, assigned_by/at, imported_at.
nlohmann::json booking_json(const Booking& booking);
// A status change or an exchange with a bank, with "at" and "kind".
nlohmann::json history_json(const HistoryEntry& entry);
nlohmann::json ledger_figures_json(const std::optional<LedgerFigures>& figures);

}  // namespace kaution::api
