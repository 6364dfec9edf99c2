#pragma once
// All SQL of the SQLite store, in one place: the schema migrations and every statement the
// store runs, each with a name that appears in error messages.
//
// Representation: instants are INTEGER unix seconds (UTC); dates TEXT "YYYY-MM-DD"; money
// INTEGER cents; flags INTEGER 0/1. Tables are STRICT, so SQLite refuses any other type.

#include <array>
#include <cstddef>
#include <cstdint>
#include <iterator>

#include "queue/sqlite_db.hpp"

namespace kaution::sql {

using sqlite::Sql;

// Concatenates SQL fragments at compile time, so that shared parts are written once.
template <std::size_t... N>
consteval auto join(const char (&... parts)[N]) {
  std::array<char, (N + ...) - sizeof...(N) + 1> out{};
  std::size_t at = 0;
  auto append = [&](const char* part, std::size_t size) {
    for (std::size_t i = 0; i < size; ++i)
      out[at++] = part[i];
  };
  (append(parts, N - 1), ...);
  return out;
}

// ---- identity and schema version ------------------------------------------------------------

// PRAGMA application_id of every kautiond store: "KAUT".
inline constexpr std::int64_t k_application_id = 0x4B415554;

// Ordered migrations: step N takes the schema from user_version N-1 to N. Never edit a
// released step; append one, with a comment on the format change.
struct Migration {
  std::int64_t version;
  Sql script;
};

inline constexpr Migration k_migrations[] = {
    // 1: the initial format — deposits (master data as JSON + query columns), export queue,
    //    bank state and rejections, bookings with their feed sequence, balances, cursors,
    //    access state, status with history, and the exchange log.
    {1, {"migration_1", R"sql(
CREATE TABLE deposits (
  deposit_id         TEXT PRIMARY KEY NOT NULL CHECK (length(deposit_id) BETWEEN 1 AND 64),
  master_json        TEXT NOT NULL,
  content_hash       TEXT NOT NULL,
  rental_contract_no TEXT NOT NULL,
  connector          TEXT NOT NULL,
  access             TEXT NOT NULL,
  valid_from         TEXT,
  valid_until        TEXT,
  agreed_cents       INTEGER NOT NULL,
  virtual_iban       TEXT,
  trust_account      TEXT,
  tenant_name        TEXT NOT NULL,
  tenant_search      TEXT NOT NULL,
  created_at         INTEGER NOT NULL,
  updated_at         INTEGER NOT NULL,
  closed             INTEGER NOT NULL DEFAULT 0 CHECK (closed IN (0, 1)),
  closed_at          INTEGER,
  closed_by          TEXT
) STRICT;
CREATE INDEX deposits_by_access ON deposits (connector, access);
CREATE INDEX deposits_by_contract ON deposits (rental_contract_no);
CREATE INDEX deposits_by_virtual_iban ON deposits (virtual_iban);

CREATE TABLE export_queue (
  deposit_id       TEXT PRIMARY KEY NOT NULL REFERENCES deposits ON DELETE CASCADE,
  content_hash     TEXT NOT NULL,
  attempts         INTEGER NOT NULL DEFAULT 0,
  next_attempt_at  INTEGER,
  last_error       TEXT,
  last_error_class TEXT,
  enqueued_at      INTEGER NOT NULL
) STRICT;
CREATE INDEX export_queue_due ON export_queue (next_attempt_at)
  WHERE next_attempt_at IS NOT NULL;

CREATE TABLE bank_state (
  deposit_id        TEXT PRIMARY KEY NOT NULL REFERENCES deposits ON DELETE CASCADE,
  bank_ref          TEXT,
  last_export_ok_at INTEGER,
  exported_hash     TEXT,
  last_import_ok_at INTEGER,
  balance_cents     INTEGER,
  balance_date      TEXT,
  export_rejected   INTEGER NOT NULL DEFAULT 0 CHECK (export_rejected IN (0, 1)),
  retries_exhausted INTEGER NOT NULL DEFAULT 0 CHECK (retries_exhausted IN (0, 1))
) STRICT;

CREATE TABLE export_rejections (
  deposit_id TEXT NOT NULL REFERENCES deposits ON DELETE CASCADE,
  position   INTEGER NOT NULL,
  field      TEXT NOT NULL,
  code       TEXT NOT NULL,
  message    TEXT NOT NULL,
  PRIMARY KEY (deposit_id, position)
) STRICT;

CREATE TABLE feed_sequence (
  name  TEXT PRIMARY KEY NOT NULL,
  value INTEGER NOT NULL
) STRICT;
INSERT INTO feed_sequence (name, value) VALUES ('bookings', 0);

CREATE TABLE bookings (
  booking_id        TEXT PRIMARY KEY NOT NULL,
  connector         TEXT NOT NULL,
  access            TEXT NOT NULL,
  bank_ref          TEXT NOT NULL,
  seq               INTEGER NOT NULL UNIQUE,
  booking_date      TEXT NOT NULL,
  value_date        TEXT,
  amount_cents      INTEGER NOT NULL,
  kind              TEXT NOT NULL CHECK (kind IN ('payment_in', 'interest', 'withholding_tax',
                      'solidarity_surcharge', 'church_tax', 'payout', 'fee', 'reversal', 'other')),
  counterparty_name TEXT,
  counterparty_iban TEXT,
  remittance        TEXT NOT NULL,
  account           TEXT NOT NULL,
  deposit_id        TEXT REFERENCES deposits,
  assigned_by       TEXT,
  assigned_at       INTEGER,
  imported_at       INTEGER NOT NULL,
  UNIQUE (connector, access, bank_ref)
) STRICT;
CREATE INDEX bookings_by_deposit ON bookings (deposit_id);
CREATE INDEX bookings_unassigned ON bookings (connector, access, account, booking_date)
  WHERE deposit_id IS NULL;

CREATE TABLE balances (
  deposit_id TEXT NOT NULL REFERENCES deposits ON DELETE CASCADE,
  source     TEXT NOT NULL,
  date       TEXT NOT NULL,
  cents      INTEGER NOT NULL,
  PRIMARY KEY (deposit_id, source, date)
) STRICT;

CREATE TABLE cursors (
  access     TEXT PRIMARY KEY NOT NULL,
  cursor     TEXT NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;

CREATE TABLE access_state (
  access              TEXT PRIMARY KEY NOT NULL,
  credentials_refused INTEGER NOT NULL DEFAULT 0 CHECK (credentials_refused IN (0, 1)),
  refused_since       INTEGER,
  refused_message     TEXT,
  last_export_ok_at   INTEGER,
  last_import_ok_at   INTEGER
) STRICT;

CREATE TABLE deposit_status (
  deposit_id TEXT PRIMARY KEY NOT NULL REFERENCES deposits ON DELETE CASCADE,
  status     TEXT NOT NULL,
  since      INTEGER NOT NULL,
  reason     TEXT NOT NULL
) STRICT;

CREATE TABLE status_history (
  id         INTEGER PRIMARY KEY,
  deposit_id TEXT NOT NULL REFERENCES deposits ON DELETE CASCADE,
  at         INTEGER NOT NULL,
  old_status TEXT,
  new_status TEXT NOT NULL,
  reason     TEXT NOT NULL
) STRICT;
CREATE INDEX status_history_by_deposit ON status_history (deposit_id, at);

CREATE TABLE exchanges (
  id          INTEGER PRIMARY KEY,
  at          INTEGER NOT NULL,
  deposit_id  TEXT REFERENCES deposits ON DELETE SET NULL,
  access      TEXT NOT NULL,
  method      TEXT NOT NULL,
  path        TEXT NOT NULL,
  http_status INTEGER,
  duration_ms INTEGER NOT NULL,
  bytes       INTEGER NOT NULL,
  request_id  TEXT
) STRICT;
CREATE INDEX exchanges_by_deposit ON exchanges (deposit_id, at);
CREATE INDEX exchanges_by_access ON exchanges (access, at);
)sql"}},
    // 2: what the core ledger has booked per deposit (PUT …/ledger), one row per as_of date, the
    //    input to reconciliation; and a covering index of bookings per deposit, so that the sums
    //    of the deposit list, the facts and reconciliation read no table rows.
    {2, {"migration_2", R"sql(
CREATE TABLE ledger_figures (
  deposit_id    TEXT NOT NULL REFERENCES deposits ON DELETE CASCADE,
  as_of         TEXT NOT NULL,
  paid_cents    INTEGER NOT NULL,
  balance_cents INTEGER NOT NULL,
  received_at   INTEGER NOT NULL,
  PRIMARY KEY (deposit_id, as_of)
) STRICT;
CREATE INDEX bookings_figures ON bookings (deposit_id, booking_date, kind, amount_cents);
)sql"}},
    // 3: the sync runtime's records — interest distributions as the banks reported them (one
    //    row per access, holder and period; holder is the deposit_id, or the contract number
    //    while unassigned), the interest rate last announced per trust account (km), when a
    //    manual assignment of a booking was passed to the bank (the assignment outbox), and
    //    an index of deposits by access for the import's directory.
    {3, {"migration_3", R"sql(
CREATE TABLE interest_distributions (
  access                     TEXT NOT NULL,
  holder                     TEXT NOT NULL,
  period_from                TEXT NOT NULL,
  period_to                  TEXT NOT NULL,
  deposit_id                 TEXT REFERENCES deposits ON DELETE SET NULL,
  contract_no                TEXT NOT NULL,
  rate                       TEXT NOT NULL,
  gross_cents                INTEGER NOT NULL,
  withholding_tax_cents      INTEGER NOT NULL,
  solidarity_surcharge_cents INTEGER NOT NULL,
  church_tax_cents           INTEGER NOT NULL,
  net_cents                  INTEGER NOT NULL,
  imported_at                INTEGER NOT NULL,
  PRIMARY KEY (access, holder, period_from, period_to)
) STRICT;
CREATE INDEX interest_by_deposit ON interest_distributions (deposit_id);

CREATE TABLE announced_rates (
  access        TEXT NOT NULL,
  trust_account TEXT NOT NULL,
  rate          TEXT NOT NULL,
  valid_from    TEXT NOT NULL,
  announced_at  INTEGER NOT NULL,
  PRIMARY KEY (access, trust_account)
) STRICT;

CREATE INDEX deposits_by_access_only ON deposits (access);

ALTER TABLE bookings ADD COLUMN assignment_sent_at INTEGER;
CREATE INDEX bookings_assignment_unsent ON bookings (access, assigned_at)
  WHERE deposit_id IS NOT NULL AND assignment_sent_at IS NULL
    AND assigned_by NOT IN ('auto', 'bank_portal');
)sql"}},
    // 4: covering indexes for reconciliation, which reads every deposit in deposit_id order in
    //    one pass per table (sqlite_store_ledger.cpp) without touching the deposits' rows (each
    //    holds ~1 KB of master data): the deposits' reconciliation columns, statuses, balances by
    //    date, ledger figures by date.
    {4, {"migration_4", R"sql(
CREATE INDEX deposits_reconcile ON deposits (deposit_id, connector, access, tenant_name,
                                             agreed_cents, closed);
CREATE INDEX deposit_status_reconcile ON deposit_status (deposit_id, status);
CREATE INDEX balances_by_date ON balances (deposit_id, date, cents);
CREATE INDEX ledger_figures_reconcile ON ledger_figures (deposit_id, as_of, paid_cents,
                                                         balance_cents, received_at);
)sql"}},
    // 5: bookings_figures (deposit_id, …) serves every look-up by deposit, so bookings_by_deposit
    //    only cost an index update per imported booking.
    {5, {"migration_5", R"sql(
DROP INDEX bookings_by_deposit;
)sql"}},
};

inline constexpr std::int64_t k_schema_version = std::size(k_migrations);

consteval bool migrations_in_order() {
  for (std::size_t i = 0; i < std::size(k_migrations); ++i)
    if (k_migrations[i].version != static_cast<std::int64_t>(i) + 1) return false;
  return true;
}
static_assert(migrations_in_order(), "migration N must be at position N");

// Followed by the number; pragmas take no bound parameters.
inline constexpr char k_set_user_version_prefix[] = "PRAGMA user_version = ";
inline constexpr char k_set_application_id_prefix[] = "PRAGMA application_id = ";

// ---- connection set-up ----------------------------------------------------------------------

inline constexpr Sql k_application_id_get{"read_application_id", "PRAGMA application_id"};
inline constexpr Sql k_user_version_get{"read_user_version", "PRAGMA user_version"};
inline constexpr Sql k_schema_object_count{"count_schema_objects",
                                           "SELECT count(*) FROM sqlite_schema"};
inline constexpr Sql k_journal_mode_wal{"set_journal_mode", "PRAGMA journal_mode = WAL"};
inline constexpr Sql k_synchronous_full{"set_synchronous", "PRAGMA synchronous = FULL"};
inline constexpr Sql k_foreign_keys_on{"set_foreign_keys", "PRAGMA foreign_keys = ON"};
// Statement and savepoint journals in memory. With the default (a temp file once a journal passes
// 64 KiB) a store call nested in a large transaction — a 10,000-deposit batch — spills, and the
// file then takes ~35 writes per deposit for the rest of the transaction. The cost: SQLite keeps
// memory journals in 1 KiB chunks that each statement's end walks, so one nested call that writes
// very many pages (an import of 10,000s of bookings inside an outer transaction) slows down with
// the square of its size: measured, an import of 10,000 bookings nested in a transaction costs
// 10 % more than ten of 1,000, one of 100,000 does not finish. Imports therefore join an outer
// transaction without a savepoint (sqlite::JoinedTransaction): an aak statement or a dkb page
// holds a whole day's bookings.
inline constexpr Sql k_temp_store_memory{"set_temp_store", "PRAGMA temp_store = MEMORY"};
// A page cache of up to 64 MiB (the default is 2 MiB; SQLite takes pages as it needs them): an
// import inserts into five indexes of random keys, and a 10,000-deposit batch dirties ~20 MiB of
// pages in one transaction; with 2 MiB SQLite re-reads index pages per booking and spills a
// batch to the WAL before its commit. The memory is given back when the daemon goes idle
// (Store::release_memory).
inline constexpr Sql k_cache_size{"set_cache_size", "PRAGMA cache_size = -65536"};
inline constexpr Sql k_journal_mode_get{"read_journal_mode", "PRAGMA journal_mode"};
inline constexpr Sql k_synchronous_get{"read_synchronous", "PRAGMA synchronous"};
inline constexpr Sql k_foreign_keys_get{"read_foreign_keys", "PRAGMA foreign_keys"};
inline constexpr Sql k_busy_timeout_get{"read_busy_timeout", "PRAGMA busy_timeout"};

// ---- transactions ---------------------------------------------------------------------------

inline constexpr Sql k_begin{"begin", "BEGIN IMMEDIATE"};
inline constexpr Sql k_commit{"commit", "COMMIT"};
inline constexpr Sql k_rollback{"rollback", "ROLLBACK"};
inline constexpr Sql k_savepoint{"savepoint", "SAVEPOINT nested"};
inline constexpr Sql k_release{"release", "RELEASE nested"};
inline constexpr Sql k_rollback_nested{"rollback_nested", "ROLLBACK TO nested; RELEASE nested"};

// ---- deposits -------------------------------------------------------------------------------

inline constexpr Sql k_deposit_hash{"deposit_hash",
                                    "SELECT content_hash FROM deposits WHERE deposit_id = :id"};

// Insert and update take the same parameters.
inline constexpr Sql k_deposit_insert{"deposit_insert", R"sql(
INSERT INTO deposits (deposit_id, master_json, content_hash, rental_contract_no, connector, access,
                      valid_from, valid_until, agreed_cents, virtual_iban, trust_account,
                      tenant_name, tenant_search, created_at, updated_at)
VALUES (:id, :json, :hash, :contract, :connector, :access, :valid_from, :valid_until, :agreed,
        :virtual_iban, :trust_account, :tenant, :tenant_search, :now, :now))sql"};

inline constexpr Sql k_deposit_update{"deposit_update", R"sql(
UPDATE deposits SET master_json = :json, content_hash = :hash, rental_contract_no = :contract,
  connector = :connector, access = :access, valid_from = :valid_from, valid_until = :valid_until,
  agreed_cents = :agreed, virtual_iban = :virtual_iban, trust_account = :trust_account,
  tenant_name = :tenant, tenant_search = :tenant_search, updated_at = :now
WHERE deposit_id = :id)sql"};

inline constexpr Sql k_deposit_intake_state{"deposit_intake_state", R"sql(
SELECT d.content_hash, d.closed, s.status FROM deposits d
LEFT JOIN deposit_status s ON s.deposit_id = d.deposit_id
WHERE d.deposit_id = :id)sql"};

// The export of a new deposit: no row to update, nothing to clear.
inline constexpr Sql k_export_enqueue_new{"export_enqueue_new", R"sql(
INSERT INTO export_queue (deposit_id, content_hash, attempts, next_attempt_at, enqueued_at)
VALUES (:id, :hash, 0, :now, :now))sql"};

inline constexpr Sql k_bank_state_insert{"bank_state_insert",
                                         "INSERT INTO bank_state (deposit_id) VALUES (:id)"};

inline constexpr Sql k_deposit_exists{"deposit_exists",
                                      "SELECT count(*) FROM deposits WHERE deposit_id = :id"};

inline constexpr Sql k_deposit_booking_count{
    "deposit_booking_count", "SELECT count(*) FROM bookings WHERE deposit_id = :id"};

inline constexpr Sql k_deposit_delete{"deposit_delete",
                                      "DELETE FROM deposits WHERE deposit_id = :id"};

inline constexpr Sql k_deposit_close{"deposit_close", R"sql(
UPDATE deposits SET closed = 1, closed_at = :now, closed_by = :by, updated_at = :now
WHERE deposit_id = :id AND closed = 0)sql"};

// Columns read by read_stored_deposit (queue/sqlite_store_detail.cpp), in this order.
inline constexpr char k_deposit_select[] = R"sql(
SELECT d.deposit_id, d.master_json, d.content_hash, d.rental_contract_no, d.connector, d.access,
       d.valid_from, d.valid_until, d.agreed_cents, d.virtual_iban, d.trust_account,
       d.tenant_name, d.created_at, d.updated_at, d.closed, d.closed_at, d.closed_by,
       s.status, s.since, s.reason,
       b.bank_ref, b.last_export_ok_at, b.exported_hash, b.last_import_ok_at, b.balance_cents,
       b.balance_date, b.export_rejected, b.retries_exhausted,
       q.content_hash, q.attempts, q.next_attempt_at, q.last_error, q.last_error_class,
       q.enqueued_at
FROM deposits d
LEFT JOIN deposit_status s ON s.deposit_id = d.deposit_id
LEFT JOIN bank_state b ON b.deposit_id = d.deposit_id
LEFT JOIN export_queue q ON q.deposit_id = d.deposit_id
)sql";

// The filters of list_deposits; a NULL parameter means "any".
inline constexpr char k_deposit_filter[] = R"sql(
WHERE (:status IS NULL OR s.status = :status)
  AND (:connector IS NULL OR d.connector = :connector)
  AND (:access IS NULL OR d.access = :access)
  AND (:closed IS NULL OR d.closed = :closed)
  AND (:from IS NULL OR d.valid_from >= :from)
  AND (:running_on IS NULL
       OR (d.closed = 0 AND (d.valid_until IS NULL OR d.valid_until >= :running_on)))
  AND (:ended_before IS NULL OR d.valid_until < :ended_before)
  AND (:name_pattern IS NULL
       OR d.tenant_search LIKE :name_pattern ESCAPE '\'
       OR d.virtual_iban LIKE :iban_pattern ESCAPE '\'
       OR d.trust_account LIKE :iban_pattern ESCAPE '\')
)sql";

inline constexpr auto k_deposit_get_text = join(k_deposit_select, "WHERE d.deposit_id = :id");
inline constexpr Sql k_deposit_get{"deposit_get", k_deposit_get_text.data()};

inline constexpr auto k_deposit_list_text =
    join(k_deposit_select, k_deposit_filter, "ORDER BY d.deposit_id LIMIT :limit OFFSET :offset");
inline constexpr Sql k_deposit_list{"deposit_list", k_deposit_list_text.data()};

inline constexpr auto k_deposit_count_text = join(
    "SELECT count(*) FROM deposits d "
    "LEFT JOIN deposit_status s ON s.deposit_id = d.deposit_id",
    k_deposit_filter);
inline constexpr Sql k_deposit_count{"deposit_count", k_deposit_count_text.data()};

inline constexpr Sql k_rejections_get{"rejections_get", R"sql(
SELECT field, code, message FROM export_rejections WHERE deposit_id = :id ORDER BY position)sql"};

// ---- export queue ---------------------------------------------------------------------------

// (Re)queues the deposit's current data, due now, unless it is closed.
inline constexpr Sql k_export_enqueue{"export_enqueue", R"sql(
INSERT INTO export_queue (deposit_id, content_hash, attempts, next_attempt_at, enqueued_at)
SELECT deposit_id, content_hash, 0, :now, :now FROM deposits WHERE deposit_id = :id AND closed = 0
ON CONFLICT (deposit_id) DO UPDATE SET content_hash = excluded.content_hash, attempts = 0,
  next_attempt_at = excluded.next_attempt_at, last_error = NULL, last_error_class = NULL,
  enqueued_at = excluded.enqueued_at)sql"};

inline constexpr Sql k_export_clear_failure{"export_clear_failure", R"sql(
UPDATE bank_state SET export_rejected = 0, retries_exhausted = 0 WHERE deposit_id = :id)sql"};

inline constexpr Sql k_rejections_delete{"rejections_delete",
                                         "DELETE FROM export_rejections WHERE deposit_id = :id"};

inline constexpr Sql k_rejection_insert{"rejection_insert", R"sql(
INSERT INTO export_rejections (deposit_id, position, field, code, message)
VALUES (:id, :position, :field, :code, :message))sql"};

inline constexpr Sql k_export_dequeue_all{"export_dequeue_all",
                                          "DELETE FROM export_queue WHERE deposit_id = :id"};

// Columns read by read_export_job, in this order.
inline constexpr Sql k_export_due{"export_due", R"sql(
SELECT q.deposit_id, d.connector, d.access, d.master_json, b.bank_ref,
       q.content_hash, q.attempts, q.next_attempt_at, q.last_error, q.last_error_class,
       q.enqueued_at
FROM export_queue q
JOIN deposits d ON d.deposit_id = q.deposit_id
LEFT JOIN bank_state b ON b.deposit_id = q.deposit_id
LEFT JOIN access_state a ON a.access = d.access
WHERE q.next_attempt_at IS NOT NULL AND q.next_attempt_at <= :now AND d.closed = 0
  AND coalesce(a.credentials_refused, 0) = 0
ORDER BY q.next_attempt_at, q.enqueued_at, q.deposit_id
LIMIT :limit)sql"};

inline constexpr Sql k_export_queued_hash{
    "export_queued_hash", "SELECT content_hash FROM export_queue WHERE deposit_id = :id"};

inline constexpr Sql k_export_dequeue{
    "export_dequeue", "DELETE FROM export_queue WHERE deposit_id = :id AND content_hash = :hash"};

inline constexpr Sql k_bank_export_ok{"bank_export_ok", R"sql(
UPDATE bank_state SET bank_ref = :bank_ref, last_export_ok_at = :now, exported_hash = :hash
WHERE deposit_id = :id)sql"};

inline constexpr Sql k_access_export_ok{"access_export_ok", R"sql(
INSERT INTO access_state (access, last_export_ok_at)
SELECT access, :now FROM deposits WHERE deposit_id = :id
ON CONFLICT (access) DO UPDATE SET last_export_ok_at = excluded.last_export_ok_at)sql"};

inline constexpr Sql k_export_failed{"export_failed", R"sql(
UPDATE export_queue SET attempts = attempts + 1, next_attempt_at = :next, last_error = :message,
  last_error_class = :class
WHERE deposit_id = :id AND content_hash = :hash)sql"};

inline constexpr Sql k_export_park{"export_park", R"sql(
UPDATE bank_state SET export_rejected = :rejected, retries_exhausted = :exhausted
WHERE deposit_id = :id)sql"};

// ---- accesses -------------------------------------------------------------------------------

inline constexpr char k_access_select[] = R"sql(
SELECT access, credentials_refused, refused_since, refused_message, last_export_ok_at,
       last_import_ok_at
FROM access_state
)sql";

inline constexpr auto k_access_get_text = join(k_access_select, "WHERE access = :access");
inline constexpr Sql k_access_get{"access_get", k_access_get_text.data()};

inline constexpr auto k_access_list_text = join(k_access_select, "ORDER BY access");
inline constexpr Sql k_access_list{"access_list", k_access_list_text.data()};

inline constexpr Sql k_access_refused{"access_refused", R"sql(
INSERT INTO access_state (access, credentials_refused, refused_since, refused_message)
VALUES (:access, 1, :now, :message)
ON CONFLICT (access) DO UPDATE SET credentials_refused = 1,
  refused_since = CASE WHEN access_state.credentials_refused = 1
                       THEN access_state.refused_since ELSE excluded.refused_since END,
  refused_message = excluded.refused_message)sql"};

inline constexpr Sql k_access_refusal_clear{"access_refusal_clear", R"sql(
UPDATE access_state SET credentials_refused = 0, refused_since = NULL, refused_message = NULL
WHERE access = :access)sql"};

inline constexpr Sql k_access_import_ok{"access_import_ok", R"sql(
INSERT INTO access_state (access, last_import_ok_at) VALUES (:access, :now)
ON CONFLICT (access) DO UPDATE SET last_import_ok_at = excluded.last_import_ok_at)sql"};

inline constexpr Sql k_cursor_get{"cursor_get",
                                  "SELECT cursor FROM cursors WHERE access = :access"};

inline constexpr Sql k_cursor_set{"cursor_set", R"sql(
INSERT INTO cursors (access, cursor, updated_at) VALUES (:access, :cursor, :now)
ON CONFLICT (access) DO UPDATE SET cursor = excluded.cursor, updated_at = excluded.updated_at)sql"};

// ---- bookings and balances ------------------------------------------------------------------

inline constexpr Sql k_feed_next_seq{"feed_next_seq", R"sql(
UPDATE feed_sequence SET value = value + 1 WHERE name = 'bookings' RETURNING value)sql"};

// An import takes its feed numbers in one go: the last one given, then the new last one.
inline constexpr Sql k_feed_last_seq{"feed_last_seq", R"sql(
SELECT value FROM feed_sequence WHERE name = 'bookings')sql"};

inline constexpr Sql k_feed_set_seq{"feed_set_seq", R"sql(
UPDATE feed_sequence SET value = :value WHERE name = 'bookings')sql"};

// A booking the store already has (the same bank reference on the access) changes nothing.
inline constexpr Sql k_booking_insert{"booking_insert", R"sql(
INSERT INTO bookings (booking_id, connector, access, bank_ref, seq, booking_date, value_date,
                      amount_cents, kind, counterparty_name, counterparty_iban, remittance,
                      account, deposit_id, assigned_by, assigned_at, imported_at)
VALUES (:booking_id, :connector, :access, :bank_ref, :seq, :booking_date, :value_date, :amount,
        :kind, :counterparty_name, :counterparty_iban, :remittance, :account, :deposit_id,
        :assigned_by, :assigned_at, :now)
ON CONFLICT (connector, access, bank_ref) DO NOTHING)sql"};

inline constexpr Sql k_balance_insert{"balance_insert", R"sql(
INSERT INTO balances (deposit_id, source, date, cents) VALUES (:id, :source, :date, :cents)
ON CONFLICT (deposit_id, source, date) DO UPDATE SET cents = excluded.cents)sql"};

// The latest balance wins; an older date only counts as an import.
inline constexpr Sql k_bank_balance{"bank_balance", R"sql(
UPDATE bank_state SET
  balance_cents = CASE WHEN balance_date IS NULL OR balance_date <= :date
                       THEN :cents ELSE balance_cents END,
  balance_date = CASE WHEN balance_date IS NULL OR balance_date <= :date
                      THEN :date ELSE balance_date END,
  last_import_ok_at = :now
WHERE deposit_id = :id)sql"};

// Columns read by read_booking, in this order.
inline constexpr char k_booking_columns[] = R"sql(
booking_id, seq, connector, access, bank_ref, booking_date, value_date, amount_cents, kind,
counterparty_name, counterparty_iban, remittance, account, deposit_id, assigned_by, assigned_at,
imported_at
)sql";

inline constexpr auto k_bookings_after_text = join(
    "SELECT ", k_booking_columns, "FROM bookings WHERE seq > :after ORDER BY seq LIMIT :limit");
inline constexpr Sql k_bookings_after{"bookings_after", k_bookings_after_text.data()};

inline constexpr Sql k_unassigned_groups{"unassigned_groups", R"sql(
SELECT connector, access, account, count(*), sum(amount_cents)
FROM bookings WHERE deposit_id IS NULL
GROUP BY connector, access, account
ORDER BY connector, access, account)sql"};

inline constexpr auto k_unassigned_oldest_text =
    join("SELECT ", k_booking_columns, "FROM (SELECT *, row_number() OVER (",
         "PARTITION BY connector, access, account ORDER BY booking_date, seq) AS position ",
         "FROM bookings WHERE deposit_id IS NULL) WHERE position <= :limit ",
         "ORDER BY connector, access, account, booking_date, seq");
inline constexpr Sql k_unassigned_oldest{"unassigned_oldest", k_unassigned_oldest_text.data()};

inline constexpr Sql k_booking_assignment{
    "booking_assignment", "SELECT deposit_id FROM bookings WHERE booking_id = :booking_id"};

inline constexpr Sql k_booking_assign{"booking_assign", R"sql(
UPDATE bookings SET deposit_id = :deposit_id, assigned_by = :by, assigned_at = :now, seq = :seq
WHERE booking_id = :booking_id AND deposit_id IS NULL)sql"};

// ---- status and history ---------------------------------------------------------------------

inline constexpr Sql k_status_get{
    "status_get", "SELECT status, since, reason FROM deposit_status WHERE deposit_id = :id"};

inline constexpr Sql k_status_set{"status_set", R"sql(
INSERT INTO deposit_status (deposit_id, status, since, reason) VALUES (:id, :status, :now, :reason)
ON CONFLICT (deposit_id) DO UPDATE SET status = excluded.status, since = excluded.since,
  reason = excluded.reason)sql"};

inline constexpr Sql k_status_history_insert{"status_history_insert", R"sql(
INSERT INTO status_history (deposit_id, at, old_status, new_status, reason)
VALUES (:id, :now, :old_status, :status, :reason))sql"};

inline constexpr Sql k_exchange_insert{"exchange_insert", R"sql(
INSERT INTO exchanges (at, deposit_id, access, method, path, http_status, duration_ms, bytes,
                       request_id)
VALUES (:at, :deposit_id, :access, :method, :path, :http_status, :duration_ms, :bytes,
        :request_id))sql"};

// Column 1 tells the kind: 0 status change (columns 3–5), 1 exchange (columns 6–12). A status
// change sorts above an exchange of the same second: it is what the exchange led to.
inline constexpr Sql k_history{"history", R"sql(
SELECT at, 0 AS kind, id, old_status, new_status, reason,
       NULL, NULL, NULL, NULL, NULL, NULL, NULL
FROM status_history WHERE deposit_id = :id
UNION ALL
SELECT at, 1 AS kind, id, NULL, NULL, NULL,
       access, method, path, http_status, duration_ms, bytes, request_id
FROM exchanges WHERE deposit_id = :id
ORDER BY 1 DESC, 2 ASC, 3 DESC
LIMIT :limit)sql"};

inline constexpr Sql k_status_counts{"status_counts", R"sql(
SELECT d.connector, d.access, s.status, count(*)
FROM deposits d LEFT JOIN deposit_status s ON s.deposit_id = d.deposit_id
GROUP BY d.connector, d.access, s.status
ORDER BY d.connector, d.access, s.status)sql"};

// Per access: waiting exports (next_attempt_at set: not rejected, not exhausted), the oldest
// one's enqueue time, and unassigned bookings (over the partial index bookings_unassigned).
inline constexpr Sql k_queue_figures{"queue_figures", R"sql(
SELECT access, sum(waiting), min(oldest), sum(unassigned) FROM (
  SELECT coalesce(d.access, '') AS access, count(*) AS waiting, min(q.enqueued_at) AS oldest,
         0 AS unassigned
  FROM export_queue q JOIN deposits d ON d.deposit_id = q.deposit_id
  WHERE q.next_attempt_at IS NOT NULL
  GROUP BY d.access
  UNION ALL
  SELECT access, 0, NULL, count(*) FROM bookings WHERE deposit_id IS NULL GROUP BY access)
GROUP BY access
ORDER BY access)sql"};

// Columns read by read_facts (column 0 is the deposit_id), in this order. last_import is the
// later of the deposit's last balance import and its access's last import; payments are the
// payment_in and reversal bookings; the sums use the index on bookings.deposit_id.
inline constexpr char k_facts_select[] = R"sql(
SELECT d.deposit_id, d.closed, coalesce(a.credentials_refused, 0), d.valid_from, d.valid_until,
       b.balance_cents, b.balance_date,
       max(coalesce(b.last_import_ok_at, a.last_import_ok_at),
           coalesce(a.last_import_ok_at, b.last_import_ok_at)),
       q.next_attempt_at IS NOT NULL,
       coalesce(b.export_rejected, 0) OR coalesce(b.retries_exhausted, 0),
       b.last_export_ok_at IS NOT NULL,
       d.agreed_cents,
       (SELECT coalesce(sum(x.amount_cents), 0) FROM bookings x
        WHERE x.deposit_id = d.deposit_id AND x.kind IN ('payment_in', 'reversal')),
       EXISTS (SELECT 1 FROM bookings x
               WHERE x.deposit_id = d.deposit_id AND x.kind = 'payment_in'),
       (SELECT coalesce(sum(x.amount_cents), 0) FROM bookings x WHERE x.deposit_id = d.deposit_id)
FROM deposits d
LEFT JOIN bank_state b ON b.deposit_id = d.deposit_id
LEFT JOIN access_state a ON a.access = d.access
LEFT JOIN export_queue q ON q.deposit_id = d.deposit_id
)sql";

inline constexpr auto k_facts_get_text = join(k_facts_select, "WHERE d.deposit_id = :id");
inline constexpr Sql k_facts_get{"facts_get", k_facts_get_text.data()};

// Read from the covering index deposit_status_reconcile (deposit_id, status): a pass over
// ~50 bytes a deposit, not the facts' joins.
inline constexpr Sql k_deposits_in_status{"deposits_in_status", R"sql(
SELECT deposit_id FROM deposit_status WHERE status = :status)sql"};

inline constexpr auto k_facts_all_text = join(k_facts_select, "ORDER BY d.deposit_id");
inline constexpr Sql k_facts_all{"facts_all", k_facts_all_text.data()};

// ---- ledger figures, list totals, reconciliation -----------------------------------------------

// The active bank-held deposits on a rental contract: not closed, with a connector.
inline constexpr Sql k_active_on_contract{"active_on_contract", R"sql(
SELECT deposit_id FROM deposits
WHERE rental_contract_no = :contract AND closed = 0 AND connector <> '')sql"};

inline constexpr Sql k_ledger_figures_set{"ledger_figures_set", R"sql(
INSERT INTO ledger_figures (deposit_id, as_of, paid_cents, balance_cents, received_at)
VALUES (:id, :as_of, :paid, :balance, :now)
ON CONFLICT (deposit_id, as_of) DO UPDATE SET paid_cents = excluded.paid_cents,
  balance_cents = excluded.balance_cents, received_at = excluded.received_at)sql"};

// The latest figures with as_of on or before :as_of (NULL: the latest of all).
inline constexpr Sql k_ledger_figures_get{"ledger_figures_get", R"sql(
SELECT as_of, paid_cents, balance_cents, received_at FROM ledger_figures
WHERE deposit_id = :id AND (:as_of IS NULL OR as_of <= :as_of)
ORDER BY as_of DESC LIMIT 1)sql"};

// Count and sums of the rows list_deposits would give without offset/limit; paid is the
// payments in net of reversals (as in the facts), read from the covering index.
inline constexpr auto k_deposit_totals_text = join(R"sql(
SELECT count(*), coalesce(sum(d.agreed_cents), 0),
       coalesce(sum((SELECT sum(x.amount_cents) FROM bookings x
                     WHERE x.deposit_id = d.deposit_id AND x.kind IN ('payment_in', 'reversal'))),
                0),
       coalesce(sum(b.balance_cents), 0)
FROM deposits d
LEFT JOIN deposit_status s ON s.deposit_id = d.deposit_id
LEFT JOIN bank_state b ON b.deposit_id = d.deposit_id
)sql",
                                                   k_deposit_filter);
inline constexpr Sql k_deposit_totals{"deposit_totals", k_deposit_totals_text.data()};

// Reconciliation merges five streams ordered by deposit_id (sqlite_store_ledger.cpp), each one
// pass over a covering index instead of five index searches per deposit. Column 0 is the
// deposit_id; the others are read by read_reconcile_facts and its helpers.
inline constexpr Sql k_reconcile_deposits{"reconcile_deposits", R"sql(
SELECT deposit_id, connector, access, tenant_name, agreed_cents, closed
FROM deposits INDEXED BY deposits_reconcile ORDER BY deposit_id)sql"};

inline constexpr Sql k_reconcile_statuses{"reconcile_statuses", R"sql(
SELECT deposit_id, status FROM deposit_status INDEXED BY deposit_status_reconcile
ORDER BY deposit_id)sql"};

// The bank's last balance on or before :as_of (SQLite takes the bare column cents from the row
// of max(date)).
inline constexpr Sql k_reconcile_balances{"reconcile_balances", R"sql(
SELECT deposit_id, max(date), cents FROM balances INDEXED BY balances_by_date
WHERE date <= :as_of GROUP BY deposit_id ORDER BY deposit_id)sql"};

// The ledger's last figures on or before :as_of (bare columns from the row of max(as_of)).
inline constexpr Sql k_reconcile_ledger{"reconcile_ledger", R"sql(
SELECT deposit_id, max(as_of), paid_cents, balance_cents, received_at
FROM ledger_figures INDEXED BY ledger_figures_reconcile
WHERE as_of <= :as_of GROUP BY deposit_id ORDER BY deposit_id)sql"};

// Payments (payment_in and reversal), whether a payment_in exists, all bookings — booked on or
// before :as_of.
inline constexpr Sql k_reconcile_bookings{"reconcile_bookings", R"sql(
SELECT deposit_id,
       sum(CASE WHEN kind IN ('payment_in', 'reversal') THEN amount_cents ELSE 0 END),
       max(kind = 'payment_in'), sum(amount_cents)
FROM bookings INDEXED BY bookings_figures
WHERE deposit_id IS NOT NULL AND booking_date <= :as_of
GROUP BY deposit_id
ORDER BY deposit_id)sql"};

// ---- sync runtime ---------------------------------------------------------------------------

// Columns read by SqliteStore::directory, in this order.
inline constexpr Sql k_directory{"directory", R"sql(
SELECT d.deposit_id, d.rental_contract_no, d.virtual_iban, b.bank_ref, d.closed
FROM deposits d LEFT JOIN bank_state b ON b.deposit_id = d.deposit_id
WHERE d.access = :access
ORDER BY d.deposit_id)sql"};

// k_export_due for one access; columns read by read_export_job. CROSS JOIN keeps the queue's
// due rows (a partial index) the outer loop: otherwise SQLite walks every deposit of the access.
inline constexpr Sql k_export_due_of{"export_due_of", R"sql(
SELECT q.deposit_id, d.connector, d.access, d.master_json, b.bank_ref,
       q.content_hash, q.attempts, q.next_attempt_at, q.last_error, q.last_error_class,
       q.enqueued_at
FROM export_queue q
CROSS JOIN deposits d ON d.deposit_id = q.deposit_id
LEFT JOIN bank_state b ON b.deposit_id = q.deposit_id
LEFT JOIN access_state a ON a.access = d.access
WHERE q.next_attempt_at IS NOT NULL AND q.next_attempt_at <= :now AND d.closed = 0
  AND d.access = :access AND coalesce(a.credentials_refused, 0) = 0
ORDER BY q.next_attempt_at, q.enqueued_at, q.deposit_id
LIMIT :limit)sql"};

inline constexpr Sql k_unassigned_refs{"unassigned_refs", R"sql(
SELECT bank_ref FROM bookings WHERE deposit_id IS NULL AND access = :access
ORDER BY bank_ref)sql"};

// The first row of k_export_due_of, without the time limit.
inline constexpr Sql k_export_next_at{"export_next_at", R"sql(
SELECT q.next_attempt_at
FROM export_queue q
CROSS JOIN deposits d ON d.deposit_id = q.deposit_id
LEFT JOIN access_state a ON a.access = d.access
WHERE q.next_attempt_at IS NOT NULL AND d.closed = 0 AND d.access = :access
  AND coalesce(a.credentials_refused, 0) = 0
ORDER BY q.next_attempt_at
LIMIT 1)sql"};

inline constexpr Sql k_interest_known{"interest_known", R"sql(
SELECT count(*) FROM interest_distributions
WHERE access = :access AND holder = :holder AND period_from = :from AND period_to = :to)sql"};

inline constexpr Sql k_interest_upsert{"interest_upsert", R"sql(
INSERT INTO interest_distributions (access, holder, period_from, period_to, deposit_id,
  contract_no, rate, gross_cents, withholding_tax_cents, solidarity_surcharge_cents,
  church_tax_cents, net_cents, imported_at)
VALUES (:access, :holder, :from, :to, :deposit_id, :contract_no, :rate, :gross, :kapest, :solz,
        :kist, :net, :now)
ON CONFLICT (access, holder, period_from, period_to) DO UPDATE SET
  deposit_id = excluded.deposit_id, contract_no = excluded.contract_no, rate = excluded.rate,
  gross_cents = excluded.gross_cents, withholding_tax_cents = excluded.withholding_tax_cents,
  solidarity_surcharge_cents = excluded.solidarity_surcharge_cents,
  church_tax_cents = excluded.church_tax_cents, net_cents = excluded.net_cents,
  imported_at = excluded.imported_at)sql"};

// Columns read by SqliteStore::interest_records, in this order.
inline constexpr Sql k_interest_list{"interest_list", R"sql(
SELECT deposit_id, contract_no, period_from, period_to, rate, gross_cents, withholding_tax_cents,
       solidarity_surcharge_cents, church_tax_cents, net_cents
FROM interest_distributions WHERE access = :access
ORDER BY contract_no, period_from, period_to, holder)sql"};

// Manual assignments not yet passed to the bank, oldest first; columns read by
// SqliteStore::assignments_to_send, in this order.
inline constexpr Sql k_assignments_unsent{"assignments_unsent", R"sql(
SELECT x.booking_id, x.bank_ref, x.deposit_id, d.rental_contract_no, b.bank_ref, x.assigned_by
FROM bookings x
JOIN deposits d ON d.deposit_id = x.deposit_id
LEFT JOIN bank_state b ON b.deposit_id = x.deposit_id
WHERE x.access = :access AND x.deposit_id IS NOT NULL AND x.assignment_sent_at IS NULL
  AND x.assigned_by NOT IN ('auto', 'bank_portal')
ORDER BY x.assigned_at, x.booking_id
LIMIT :limit)sql"};

inline constexpr Sql k_assignment_sent{"assignment_sent", R"sql(
UPDATE bookings SET assignment_sent_at = :now WHERE booking_id = :booking_id)sql"};

inline constexpr Sql k_announced_rate_get{"announced_rate_get", R"sql(
SELECT rate, valid_from, announced_at FROM announced_rates
WHERE access = :access AND trust_account = :trust_account)sql"};

inline constexpr Sql k_announced_rate_set{"announced_rate_set", R"sql(
INSERT INTO announced_rates (access, trust_account, rate, valid_from, announced_at)
VALUES (:access, :trust_account, :rate, :valid_from, :now)
ON CONFLICT (access, trust_account) DO UPDATE SET rate = excluded.rate,
  valid_from = excluded.valid_from, announced_at = excluded.announced_at)sql"};

}  // namespace kaution::sql
