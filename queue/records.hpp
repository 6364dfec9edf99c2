#pragma once
// Plain rows of the durable store (queue/store.hpp). Instants are stored to the whole second,
// dates as calendar dates, money as Money (integer cents) — never a floating-point value.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/booking.hpp"
#include "core/clock.hpp"
#include "core/date.hpp"
#include "core/deposit_facts.hpp"
#include "core/failure.hpp"
#include "core/money.hpp"
#include "core/status.hpp"

namespace kaution {

// ---- deposits -------------------------------------------------------------------------------

// A deposit's master data as the ledger gave it, with the columns that queries need.
struct DepositRecord {
  std::string deposit_id;
  std::string master_json;  // the full master data, stored as given
  // SHA-256 hex of the master data; the store hashes master_json when empty.
  std::string content_hash;
  std::string rental_contract_no;
  std::string connector;
  std::string access;
  std::optional<Date> valid_from;
  std::optional<Date> valid_until;
  Money agreed;
  std::optional<std::string> virtual_iban;
  std::optional<std::string> trust_account;
  std::string tenant_name;  // for display and search, e.g. "Schmidt, Natalie"
  bool operator==(const DepositRecord&) const = default;
};

enum class UpsertOutcome { created, changed, unchanged };

// What intake needs to know of a stored deposit before it writes (Store::intake_state).
struct IntakeState {
  std::string content_hash;
  bool closed = false;
  std::optional<DepositStatus> status;
};

// A status and why, as the caller derived it (Store::create_deposit).
struct StatusDecision {
  DepositStatus status = DepositStatus::waiting;
  std::string reason;
};
enum class DeleteOutcome { deleted, not_found, has_bookings };

struct StatusRecord {
  DepositStatus status = DepositStatus::waiting;
  TimePoint since;
  std::string reason;
  bool operator==(const StatusRecord&) const = default;
};

// What the bank side knows about a deposit.
struct BankState {
  std::optional<std::string> bank_ref;
  std::optional<TimePoint> last_export_ok_at;
  std::optional<std::string> exported_hash;
  std::optional<TimePoint> last_import_ok_at;
  std::optional<Money> balance;
  std::optional<Date> balance_date;
  bool export_rejected = false;
  bool retries_exhausted = false;
  std::vector<FieldError> rejections;  // the bank's field errors; filled by get_deposit only
};

// A deposit's row in the export queue. next_attempt_at is empty while the row is parked
// (rejected, or retries exhausted) until the data changes or support re-triggers.
struct QueuedExport {
  std::string content_hash;
  std::int64_t attempts = 0;
  std::optional<TimePoint> next_attempt_at;
  std::optional<std::string> last_error;
  std::optional<FailureClass> last_error_class;
  TimePoint enqueued_at;
};

struct StoredDeposit {
  DepositRecord deposit;
  TimePoint created_at;
  TimePoint updated_at;
  bool closed = false;
  std::optional<TimePoint> closed_at;
  std::optional<std::string> closed_by;
  std::optional<StatusRecord> status;  // empty until the status is first set
  BankState bank;
  std::optional<QueuedExport> queued;
};

struct DepositFilter {
  std::optional<DepositStatus> status;
  std::optional<std::string> connector;
  std::optional<std::string> access;
  // Part of the tenant name (case-insensitive, also for Ä/Ö/Ü…) or of the virtual IBAN or
  // trust account (spaces and case ignored).
  std::optional<std::string> text;
  std::optional<bool> closed;
  std::optional<Date> valid_from_min;  // valid_from on or after this date
  // Running on this date: not closed, and valid_until empty or on or after it.
  std::optional<Date> running_on;
  std::optional<Date> ended_before;  // valid_until before this date
  std::int64_t offset = 0;
  std::int64_t limit = 100;
};

struct DepositPage {
  std::vector<StoredDeposit> items;  // ordered by deposit_id
  std::int64_t total = 0;            // matching rows without offset/limit
};

// Count and sums over every row a DepositFilter matches (offset and limit aside).
struct DepositTotals {
  std::int64_t count = 0;
  Money agreed;        // [Soll]
  Money paid;          // payments in net of reversals [Ist]
  Money bank_balance;  // the last balances the banks reported (none counts as 0.00)
  bool operator==(const DepositTotals&) const = default;
};

// What the core ledger has booked for a deposit as of a date (PUT …/ledger).
struct LedgerFigures {
  Date as_of = Date::from_days(0);
  Money paid;
  Money balance;
  TimePoint received_at;
  bool operator==(const LedgerFigures&) const = default;
};

// One deposit's figures for reconciliation as of a date (Store::for_each_reconcile_facts).
struct ReconcileFacts {
  std::string deposit_id;
  std::string connector;
  std::string access;
  std::string tenant_name;
  Money agreed;
  bool closed = false;
  std::optional<DepositStatus> status;
  Money payments;                     // payment_in and reversal bookings up to the date
  bool any_payment = false;           // a payment_in booking up to the date
  Money bookings_total;               // every booking up to the date, signed
  std::optional<Money> bank_balance;  // the bank's last balance on or before the date
  std::optional<Date> bank_balance_date;
  std::optional<LedgerFigures> ledger;  // the ledger's last figures on or before the date
};

// ---- export queue ---------------------------------------------------------------------------

// A due export: everything the exporter needs, in one row.
struct ExportJob {
  std::string deposit_id;
  std::string connector;
  std::string access;
  std::string master_json;
  std::optional<std::string> bank_ref;  // set once the bank has accepted the deposit
  QueuedExport queued;
};

// What a reported export result did: `current` applied it to the current data, `stale` found
// the data changed since (see Store::record_export_success), `unknown` found no such export.
enum class ExportAck { current, stale, unknown };

// ---- accesses -------------------------------------------------------------------------------

struct AccessState {
  std::string access;
  bool credentials_refused = false;
  std::optional<TimePoint> refused_since;
  std::optional<std::string> refused_message;
  std::optional<TimePoint> last_export_ok_at;
  std::optional<TimePoint> last_import_ok_at;
  bool operator==(const AccessState&) const = default;
};

// ---- bookings -------------------------------------------------------------------------------

// BookingKind, BookingEntry and BalanceRecord are core/booking.hpp.

// A stored booking. booking_id never changes; seq is its place in the feed and is renewed
// when the booking is assigned.
struct Booking {
  std::string booking_id;
  std::int64_t seq = 0;
  std::string connector;
  std::string access;
  BookingEntry entry;
  std::optional<std::string> assigned_by;  // "auto" when the import brought the assignment
  std::optional<TimePoint> assigned_at;
  TimePoint imported_at;
};

// What one import of an access brought; stored all or nothing with the new cursor.
struct ImportBatch {
  std::string connector;
  std::string access;
  std::vector<BookingEntry> bookings;
  std::vector<BalanceRecord> balances;
  std::string cursor;
};

struct UnassignedGroup {
  std::string connector;
  std::string access;
  std::string account;
  std::int64_t count = 0;         // all unassigned bookings on the account
  Money total;                    // their sum
  std::vector<Booking> bookings;  // the oldest of them, up to the limit asked for
};

enum class AssignOutcome { assigned, unknown_booking, unknown_deposit, already_assigned };

// ---- sync runtime ---------------------------------------------------------------------------

// What an import assigns bookings and balances by, for one deposit of an access.
struct DirectoryEntry {
  std::string deposit_id;
  std::string rental_contract_no;
  std::optional<std::string> virtual_iban;
  std::optional<std::string> bank_ref;  // the bank's id once it accepted the deposit
  bool closed = false;
  bool operator==(const DirectoryEntry&) const = default;
};

// An interest distribution [Zinsverteilung] as a bank reported it; identified by access,
// deposit (or contract number while unassigned) and period.
struct InterestRecord {
  std::optional<std::string> deposit_id;  // empty when it could not be assigned
  std::string contract_no;
  Date period_from = Date::from_days(0);
  Date period_to = Date::from_days(0);
  std::string rate;  // percent per year, as the bank gave it ("0.250")
  Money gross, withholding_tax, solidarity_surcharge, church_tax, net;
  bool operator==(const InterestRecord&) const = default;
};

// A manual assignment of a booking that is still to be passed to the bank.
struct PendingAssignment {
  std::string booking_id;
  std::string booking_bank_ref;  // the bank's booking reference
  std::string deposit_id;
  std::string contract_no;                      // the deposit's rental contract number
  std::optional<std::string> deposit_bank_ref;  // the bank's id of the deposit (aak uuid)
  std::string assigned_by;
  bool operator==(const PendingAssignment&) const = default;
};

// The interest rate last announced to the bank for a trust account (km ZinssatzMitteilen).
struct AnnouncedRate {
  std::string rate;
  Date valid_from = Date::from_days(0);
  TimePoint announced_at;
  bool operator==(const AnnouncedRate&) const = default;
};

// ---- status and history ---------------------------------------------------------------------

struct StatusChange {
  std::optional<DepositStatus> old_status;  // empty for the first status
  DepositStatus new_status = DepositStatus::waiting;
  std::string reason;
};

// One exchange with a bank (never a body, never a secret).
struct Exchange {
  TimePoint at;
  std::optional<std::string> deposit_id;  // empty for access-wide calls (imports, checks)
  std::string access;
  std::string method;
  std::string path;
  std::optional<int> http_status;  // empty when no response arrived
  std::int64_t duration_ms = 0;
  std::int64_t bytes = 0;
  std::optional<std::string> request_id;
};

struct HistoryEntry {
  TimePoint at;
  std::variant<StatusChange, Exchange> event;
};

struct StatusCount {
  std::string connector;
  std::string access;
  std::optional<DepositStatus> status;  // empty: not derived yet
  std::int64_t count = 0;
};

struct QueueFigures {
  std::string access;
  std::int64_t waiting_exports = 0;               // queued, due now or later (not given up)
  std::optional<TimePoint> oldest_waiting_since;  // enqueued_at of the oldest of them
  std::int64_t unassigned_bookings = 0;
};

// DepositFacts (the facts a status is derived from) is core/deposit_facts.hpp.

}  // namespace kaution
