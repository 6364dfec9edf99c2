#include "queue/sqlite_store_detail.hpp"

#include <chrono>

#include "queue/sqlite_sql.hpp"

namespace kaution::sqlite {

// ---- values

std::int64_t unix_seconds(TimePoint t) {
  return static_cast<std::int64_t>(
      std::chrono::floor<std::chrono::seconds>(t).time_since_epoch().count());
}

TimePoint from_unix_seconds(std::int64_t seconds) {
  return TimePoint{std::chrono::seconds{seconds}};
}

std::optional<std::string> date_text(const std::optional<Date>& date) {
  if (!date) return std::nullopt;
  return date->to_string();
}

std::optional<std::int64_t> time_value(const std::optional<TimePoint>& t) {
  if (!t) return std::nullopt;
  return unix_seconds(*t);
}

std::optional<FailureClass> failure_class_from_string(std::string_view text) {
  for (FailureClass c : {FailureClass::rejected, FailureClass::credentials, FailureClass::transient,
                         FailureClass::protocol})
    if (to_string(c) == text) return c;
  return std::nullopt;
}

std::string fold_for_search(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 'A' && c <= 'Z') {
      out += static_cast<char>(c - 'A' + 'a');
    } else if (c == 0xC3 && i + 1 < text.size()) {
      // U+00C0–U+00DE are upper case (but U+00D7 ×); the lower case is 0x20 further on.
      auto next = static_cast<unsigned char>(text[++i]);
      if (next >= 0x80 && next <= 0x9E && next != 0x97)
        next = static_cast<unsigned char>(next + 0x20);
      out += static_cast<char>(c);
      out += static_cast<char>(next);
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

std::string compact_upper(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == ' ') continue;
    out += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
  }
  return out;
}

std::string contains_pattern(std::string_view text) {
  std::string out = "%";
  for (char c : text) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  out += '%';
  return out;
}

// ---- columns

Date read_date(const Query& q, int column) {
  auto date = Date::parse(q.text(column));
  if (!date) q.fail_value(column, date.error());
  return *date;
}

std::optional<Date> read_optional_date(const Query& q, int column) {
  if (q.is_null(column)) return std::nullopt;
  return read_date(q, column);
}

TimePoint read_time(const Query& q, int column) {
  return from_unix_seconds(q.int64(column));
}

std::optional<TimePoint> read_optional_time(const Query& q, int column) {
  if (q.is_null(column)) return std::nullopt;
  return read_time(q, column);
}

DepositStatus read_status(const Query& q, int column) {
  const std::string text = q.text(column);
  const auto status = status_from_string(text);
  if (!status) q.fail_value(column, "unknown status '" + text + "'");
  return *status;
}

bool read_flag(const Query& q, int column) {
  return q.int64(column) != 0;
}

// ---- rows

QueuedExport read_queued_export(const Query& q, int first) {
  QueuedExport queued;
  queued.content_hash = q.text(first);
  queued.attempts = q.int64(first + 1);
  queued.next_attempt_at = read_optional_time(q, first + 2);
  queued.last_error = q.optional_text(first + 3);
  if (auto text = q.optional_text(first + 4)) {
    queued.last_error_class = failure_class_from_string(*text);
    if (!queued.last_error_class) q.fail_value(first + 4, "unknown failure class '" + *text + "'");
  }
  queued.enqueued_at = read_time(q, first + 5);
  return queued;
}

StoredDeposit read_stored_deposit(const Query& q) {
  StoredDeposit row;
  DepositRecord& d = row.deposit;
  d.deposit_id = q.text(0);
  d.master_json = q.text(1);
  d.content_hash = q.text(2);
  d.rental_contract_no = q.text(3);
  d.connector = q.text(4);
  d.access = q.text(5);
  d.valid_from = read_optional_date(q, 6);
  d.valid_until = read_optional_date(q, 7);
  d.agreed = Money::from_cents(q.int64(8));
  d.virtual_iban = q.optional_text(9);
  d.trust_account = q.optional_text(10);
  d.tenant_name = q.text(11);
  row.created_at = read_time(q, 12);
  row.updated_at = read_time(q, 13);
  row.closed = read_flag(q, 14);
  row.closed_at = read_optional_time(q, 15);
  row.closed_by = q.optional_text(16);
  if (!q.is_null(17)) row.status = StatusRecord{read_status(q, 17), read_time(q, 18), q.text(19)};
  BankState& b = row.bank;
  b.bank_ref = q.optional_text(20);
  b.last_export_ok_at = read_optional_time(q, 21);
  b.exported_hash = q.optional_text(22);
  b.last_import_ok_at = read_optional_time(q, 23);
  if (auto cents = q.optional_int64(24)) b.balance = Money::from_cents(*cents);
  b.balance_date = read_optional_date(q, 25);
  b.export_rejected = read_flag(q, 26);
  b.retries_exhausted = read_flag(q, 27);
  if (!q.is_null(28)) row.queued = read_queued_export(q, 28);
  return row;
}

ExportJob read_export_job(const Query& q) {
  return ExportJob{q.text(0), q.text(1),          q.text(2),
                   q.text(3), q.optional_text(4), read_queued_export(q, 5)};
}

AccessState read_access_state(const Query& q) {
  return AccessState{q.text(0),          read_flag(q, 1),          read_optional_time(q, 2),
                     q.optional_text(3), read_optional_time(q, 4), read_optional_time(q, 5)};
}

Booking read_booking(const Query& q) {
  Booking b;
  b.booking_id = q.text(0);
  b.seq = q.int64(1);
  b.connector = q.text(2);
  b.access = q.text(3);
  BookingEntry& e = b.entry;
  e.bank_ref = q.text(4);
  e.booking_date = read_date(q, 5);
  e.value_date = read_optional_date(q, 6);
  e.amount = Money::from_cents(q.int64(7));
  const std::string kind = q.text(8);
  const auto parsed = booking_kind_from_string(kind);
  if (!parsed) q.fail_value(8, "unknown booking kind '" + kind + "'");
  e.kind = *parsed;
  e.counterparty_name = q.optional_text(9);
  e.counterparty_iban = q.optional_text(10);
  e.remittance = q.text(11);
  e.account = q.text(12);
  e.deposit_id = q.optional_text(13);
  b.assigned_by = q.optional_text(14);
  b.assigned_at = read_optional_time(q, 15);
  b.imported_at = read_time(q, 16);
  return b;
}

DepositFacts read_facts(const Query& q) {
  DepositFacts f;
  f.closed = read_flag(q, 1);
  f.credentials_refused = read_flag(q, 2);
  f.valid_from = read_optional_date(q, 3);
  f.valid_until = read_optional_date(q, 4);
  if (auto cents = q.optional_int64(5)) f.balance = Money::from_cents(*cents);
  f.balance_date = read_optional_date(q, 6);
  if (auto last = read_optional_time(q, 7)) f.last_import = berlin_date(*last);
  f.export_pending = read_flag(q, 8);
  f.export_failed = read_flag(q, 9);
  f.ever_exported = read_flag(q, 10);
  f.agreed = Money::from_cents(q.int64(11));
  f.payments = Money::from_cents(q.int64(12));
  f.any_payment = read_flag(q, 13);
  f.bookings_total = Money::from_cents(q.int64(14));
  return f;
}

// ---- shared steps

bool enqueue_current(Database& db, std::string_view deposit_id, std::int64_t now) {
  db.query(sql::k_export_enqueue).bind(":id", deposit_id).bind(":now", now).run();
  if (db.changes() == 0) return false;
  db.query(sql::k_export_clear_failure).bind(":id", deposit_id).run();
  db.query(sql::k_rejections_delete).bind(":id", deposit_id).run();
  return true;
}

bool deposit_exists(Database& db, std::string_view deposit_id) {
  Query q = db.query(sql::k_deposit_exists);
  q.bind(":id", deposit_id);
  return q.step() && q.int64(0) > 0;
}

}  // namespace kaution::sqlite
