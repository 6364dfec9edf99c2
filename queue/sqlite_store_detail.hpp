#pragma once
// Internal to the SQLite store: conversions between domain values and columns, row readers
// (which follow the column lists in queue/sqlite_sql.hpp), and steps shared by several
// operations.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/clock.hpp"
#include "core/date.hpp"
#include "core/failure.hpp"
#include "core/status.hpp"
#include "queue/records.hpp"
#include "queue/sqlite_db.hpp"

namespace kaution::sqlite {

// ---- values
std::int64_t unix_seconds(TimePoint t);
TimePoint from_unix_seconds(std::int64_t seconds);
std::optional<std::string> date_text(const std::optional<Date>& date);
std::optional<std::int64_t> time_value(const std::optional<TimePoint>& t);
std::optional<FailureClass> failure_class_from_string(std::string_view text);

// Lower case for ASCII and Latin-1 letters (Ä→ä, É→é), so that search ignores case.
std::string fold_for_search(std::string_view text);
// Upper case without spaces: the compact form of an IBAN.
std::string compact_upper(std::string_view text);
// "%text%" for LIKE … ESCAPE '\', with %, _ and \ in text taken literally.
std::string contains_pattern(std::string_view text);

// ---- columns
Date read_date(const Query& q, int column);
std::optional<Date> read_optional_date(const Query& q, int column);
TimePoint read_time(const Query& q, int column);
std::optional<TimePoint> read_optional_time(const Query& q, int column);
DepositStatus read_status(const Query& q, int column);
bool read_flag(const Query& q, int column);

// ---- rows
StoredDeposit read_stored_deposit(const Query& q);
QueuedExport read_queued_export(const Query& q, int first_column);
ExportJob read_export_job(const Query& q);
AccessState read_access_state(const Query& q);
Booking read_booking(const Query& q);
DepositFacts read_facts(const Query& q);

// ---- shared steps (inside the caller's transaction)
// Queues the deposit's current data unless it is closed, and clears an earlier rejection or
// exhaustion; false when nothing was queued.
bool enqueue_current(Database& db, std::string_view deposit_id, std::int64_t now);
bool deposit_exists(Database& db, std::string_view deposit_id);

}  // namespace kaution::sqlite
