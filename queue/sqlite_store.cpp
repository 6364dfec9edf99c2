// SqliteStore: opening, transactions and deposits.
#include "queue/sqlite_store.hpp"

#include <optional>
#include <utility>

#include "queue/content_hash.hpp"
#include "queue/sqlite_schema.hpp"
#include "queue/sqlite_sql.hpp"
#include "queue/sqlite_store_detail.hpp"

namespace kaution {

using sqlite::Query;
using sqlite::Transaction;

namespace {

std::filesystem::path prepared(std::filesystem::path path) {
  sqlite::prepare_store_file(path);
  return path;
}

void bind_deposit(Query& q, const DepositRecord& d, std::string_view hash, std::int64_t now) {
  q.bind(":id", d.deposit_id)
      .bind(":json", d.master_json)
      .bind(":hash", hash)
      .bind(":contract", d.rental_contract_no)
      .bind(":connector", d.connector)
      .bind(":access", d.access)
      .bind(":valid_from", sqlite::date_text(d.valid_from))
      .bind(":valid_until", sqlite::date_text(d.valid_until))
      .bind(":agreed", d.agreed.cents())
      .bind(":virtual_iban", d.virtual_iban)
      .bind(":trust_account", d.trust_account)
      .bind(":tenant", d.tenant_name)
      .bind(":tenant_search", sqlite::fold_for_search(d.tenant_name))
      .bind(":now", now);
}

void bind_filter(Query& q, const DepositFilter& f) {
  q.bind(":status", f.status ? std::optional<std::string_view>(to_string(*f.status)) : std::nullopt)
      .bind(":connector", f.connector)
      .bind(":access", f.access)
      .bind(":closed", f.closed ? std::optional<std::int64_t>(*f.closed ? 1 : 0) : std::nullopt)
      .bind(":from", sqlite::date_text(f.valid_from_min))
      .bind(":running_on", sqlite::date_text(f.running_on))
      .bind(":ended_before", sqlite::date_text(f.ended_before));
  if (f.text && !f.text->empty()) {
    q.bind(":name_pattern", sqlite::contains_pattern(sqlite::fold_for_search(*f.text)))
        .bind(":iban_pattern", sqlite::contains_pattern(sqlite::compact_upper(*f.text)));
  } else {
    q.bind_null(":name_pattern").bind_null(":iban_pattern");
  }
}

std::vector<FieldError> read_rejections(sqlite::Database& db, std::string_view deposit_id) {
  std::vector<FieldError> out;
  Query q = db.query(sql::k_rejections_get);
  q.bind(":id", deposit_id);
  while (q.step())
    out.push_back(FieldError{q.text(0), q.text(1), q.text(2)});
  return out;
}

}  // namespace

SqliteStore::SqliteStore(std::filesystem::path path, const Clock& clock, SqliteOptions options)
    : m_clock(clock), m_db(prepared(std::move(path))) {
  sqlite::open_schema(m_db, options.busy_timeout);
}

std::int64_t SqliteStore::now() const {
  return sqlite::unix_seconds(m_clock.now());
}

std::int64_t SqliteStore::schema_version() {
  return sql::k_schema_version;
}
std::int64_t SqliteStore::application_id() {
  return sql::k_application_id;
}

SqliteSettings SqliteStore::settings() {
  SqliteSettings s;
  {
    Query q = m_db.query(sql::k_journal_mode_get);
    if (q.step()) s.journal_mode = q.text(0);
  }
  s.synchronous = m_db.scalar(sql::k_synchronous_get);
  s.foreign_keys = m_db.scalar(sql::k_foreign_keys_get) == 1;
  s.busy_timeout_ms = m_db.scalar(sql::k_busy_timeout_get);
  s.user_version = m_db.scalar(sql::k_user_version_get);
  s.application_id = m_db.scalar(sql::k_application_id_get);
  return s;
}

void SqliteStore::transaction(const std::function<void()>& fn) {
  Transaction tx(m_db);
  fn();
  tx.commit();
}

UpsertOutcome SqliteStore::upsert_deposit(const DepositRecord& deposit) {
  const std::string hash =
      deposit.content_hash.empty() ? sha256_hex(deposit.master_json) : deposit.content_hash;
  Transaction tx(m_db);
  std::optional<std::string> stored_hash;
  {
    Query q = m_db.query(sql::k_deposit_hash);
    q.bind(":id", deposit.deposit_id);
    if (q.step()) stored_hash = q.text(0);
  }
  if (stored_hash == hash) return UpsertOutcome::unchanged;  // nothing written
  const std::int64_t at = now();
  {
    Query q = m_db.query(stored_hash ? sql::k_deposit_update : sql::k_deposit_insert);
    bind_deposit(q, deposit, hash, at);
    q.run();
  }
  if (!stored_hash) m_db.query(sql::k_bank_state_insert).bind(":id", deposit.deposit_id).run();
  sqlite::enqueue_current(m_db, deposit.deposit_id, at);
  tx.commit();
  return stored_hash ? UpsertOutcome::changed : UpsertOutcome::created;
}

std::optional<IntakeState> SqliteStore::intake_state(std::string_view deposit_id) {
  Query q = m_db.query(sql::k_deposit_intake_state);
  q.bind(":id", deposit_id);
  if (!q.step()) return std::nullopt;
  IntakeState state{q.text(0), sqlite::read_flag(q, 1), std::nullopt};
  if (!q.is_null(2)) state.status = sqlite::read_status(q, 2);
  return state;
}

DepositStatus SqliteStore::create_deposit(
    const DepositRecord& deposit,
    const std::function<StatusDecision(const DepositFacts&)>& decide) {
  // A savepoint only when alone: inside a transaction the caller's rollback undoes a failure.
  std::optional<Transaction> tx;
  if (!m_db.in_transaction()) tx.emplace(m_db);
  const std::string hash =
      deposit.content_hash.empty() ? sha256_hex(deposit.master_json) : deposit.content_hash;
  const std::int64_t at = now();
  {
    Query q = m_db.query(sql::k_deposit_insert);
    bind_deposit(q, deposit, hash, at);
    q.run();
  }
  m_db.query(sql::k_bank_state_insert).bind(":id", deposit.deposit_id).run();
  m_db.query(sql::k_export_enqueue_new)
      .bind(":id", deposit.deposit_id)
      .bind(":hash", hash)
      .bind(":now", at)
      .run();
  const std::optional<DepositFacts> facts = this->facts(deposit.deposit_id);
  if (!facts) m_db.fail("create_deposit", "the new deposit is not there");
  const StatusDecision decision = decide(*facts);
  const std::string_view status = to_string(decision.status);
  m_db.query(sql::k_status_set)
      .bind(":id", deposit.deposit_id)
      .bind(":status", status)
      .bind(":reason", decision.reason)
      .bind(":now", at)
      .run();
  m_db.query(sql::k_status_history_insert)
      .bind(":id", deposit.deposit_id)
      .bind_null(":old_status")
      .bind(":status", status)
      .bind(":reason", decision.reason)
      .bind(":now", at)
      .run();
  if (tx) tx->commit();
  return decision.status;
}

std::optional<StoredDeposit> SqliteStore::get_deposit(std::string_view deposit_id) {
  std::optional<StoredDeposit> row;
  {
    Query q = m_db.query(sql::k_deposit_get);
    q.bind(":id", deposit_id);
    if (!q.step()) return std::nullopt;
    row = sqlite::read_stored_deposit(q);
  }
  row->bank.rejections = read_rejections(m_db, deposit_id);
  return row;
}

DeleteOutcome SqliteStore::delete_deposit(std::string_view deposit_id) {
  Transaction tx(m_db);
  if (!sqlite::deposit_exists(m_db, deposit_id)) return DeleteOutcome::not_found;
  {
    Query q = m_db.query(sql::k_deposit_booking_count);
    q.bind(":id", deposit_id);
    if (q.step() && q.int64(0) > 0) return DeleteOutcome::has_bookings;
  }
  m_db.query(sql::k_deposit_delete).bind(":id", deposit_id).run();
  tx.commit();
  return DeleteOutcome::deleted;
}

bool SqliteStore::close_deposit(std::string_view deposit_id, std::string_view closed_by) {
  Transaction tx(m_db);
  m_db.query(sql::k_deposit_close)
      .bind(":id", deposit_id)
      .bind(":by", closed_by)
      .bind(":now", now())
      .run();
  if (m_db.changes() == 0) return false;
  m_db.query(sql::k_export_dequeue_all).bind(":id", deposit_id).run();
  tx.commit();
  return true;
}

DepositPage SqliteStore::list_deposits(const DepositFilter& filter) {
  DepositPage page;
  {
    Query q = m_db.query(sql::k_deposit_count);
    bind_filter(q, filter);
    if (q.step()) page.total = q.int64(0);
  }
  Query q = m_db.query(sql::k_deposit_list);
  bind_filter(q, filter);
  q.bind(":limit", filter.limit).bind(":offset", filter.offset);
  while (q.step())
    page.items.push_back(sqlite::read_stored_deposit(q));
  return page;
}

DepositTotals SqliteStore::deposit_totals(const DepositFilter& filter) {
  DepositTotals totals;
  Query q = m_db.query(sql::k_deposit_totals);
  bind_filter(q, filter);
  if (q.step()) {
    totals.count = q.int64(0);
    totals.agreed = Money::from_cents(q.int64(1));
    totals.paid = Money::from_cents(q.int64(2));
    totals.bank_balance = Money::from_cents(q.int64(3));
  }
  return totals;
}

}  // namespace kaution
