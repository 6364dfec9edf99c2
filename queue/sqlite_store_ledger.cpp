// SqliteStore: the ledger's figures, the one-active-deposit query and reconciliation facts.
#include <optional>
#include <string>

#include "queue/sqlite_sql.hpp"
#include "queue/sqlite_store.hpp"
#include "queue/sqlite_store_detail.hpp"

namespace kaution {

using sqlite::Query;
using sqlite::Transaction;

namespace {

// Columns first..first+3 of as_of, paid, balance, received_at; nullopt when as_of is NULL.
std::optional<LedgerFigures> read_ledger_figures(const Query& q, int first) {
  if (q.is_null(first)) return std::nullopt;
  return LedgerFigures{sqlite::read_date(q, first), Money::from_cents(q.int64(first + 1)),
                       Money::from_cents(q.int64(first + 2)), sqlite::read_time(q, first + 3)};
}

ReconcileFacts read_reconcile_facts(const Query& q) {
  ReconcileFacts f;
  f.deposit_id = q.text(0);
  f.connector = q.text(1);
  f.access = q.text(2);
  f.tenant_name = q.text(3);
  f.agreed = Money::from_cents(q.int64(4));
  f.closed = sqlite::read_flag(q, 5);
  return f;
}

// The booking sums of k_reconcile_bookings' current row.
void read_booking_sums(const Query& q, ReconcileFacts& f) {
  f.payments = Money::from_cents(q.int64(1));
  f.any_payment = sqlite::read_flag(q, 2);
  f.bookings_total = Money::from_cents(q.int64(3));
}

// One of the streams merged by for_each_reconcile_facts: a query ordered by deposit_id (column 0),
// positioned on its first row with a deposit_id not below the one asked for.
class KeyedStream {
 public:
  explicit KeyedStream(Query& query) : m_query(query) { next(); }
  // The query on the row of `deposit_id`, or null when it has none.
  const Query* find(const std::string& deposit_id) {
    while (m_key && *m_key < deposit_id)
      next();
    return m_key && *m_key == deposit_id ? &m_query : nullptr;
  }

 private:
  void next() { m_key = m_query.step() ? std::optional(m_query.text(0)) : std::nullopt; }
  Query& m_query;
  std::optional<std::string> m_key;  // nullopt at the end
};

}  // namespace

std::vector<std::string> SqliteStore::active_deposit_ids_for_contract(
    std::string_view rental_contract_no) {
  std::vector<std::string> ids;
  Query q = m_db.query(sql::k_active_on_contract);
  q.bind(":contract", rental_contract_no);
  while (q.step())
    ids.push_back(q.text(0));
  return ids;
}

bool SqliteStore::set_ledger_figures(std::string_view deposit_id, Date as_of, Money paid,
                                     Money balance) {
  Transaction tx(m_db);
  if (!sqlite::deposit_exists(m_db, deposit_id)) return false;
  m_db.query(sql::k_ledger_figures_set)
      .bind(":id", deposit_id)
      .bind(":as_of", as_of.to_string())
      .bind(":paid", paid.cents())
      .bind(":balance", balance.cents())
      .bind(":now", now())
      .run();
  tx.commit();
  return true;
}

std::optional<LedgerFigures> SqliteStore::ledger_figures(std::string_view deposit_id,
                                                         std::optional<Date> on_or_before) {
  Query q = m_db.query(sql::k_ledger_figures_get);
  q.bind(":id", deposit_id).bind(":as_of", sqlite::date_text(on_or_before));
  if (!q.step()) return std::nullopt;
  return read_ledger_figures(q, 0);
}

// A merge of streams ordered by deposit_id (SQLite's BINARY order is byte order, as is
// std::string's).
void SqliteStore::for_each_reconcile_facts(Date as_of,
                                           const std::function<void(const ReconcileFacts&)>& fn) {
  const std::string date = as_of.to_string();
  Query deposits = m_db.query(sql::k_reconcile_deposits);
  Query statuses = m_db.query(sql::k_reconcile_statuses);
  Query balances = m_db.query(sql::k_reconcile_balances);
  Query ledger = m_db.query(sql::k_reconcile_ledger);
  Query bookings = m_db.query(sql::k_reconcile_bookings);
  balances.bind(":as_of", date);
  ledger.bind(":as_of", date);
  bookings.bind(":as_of", date);
  KeyedStream status_of(statuses), balance_of(balances), ledger_of(ledger), sums_of(bookings);
  while (deposits.step()) {
    ReconcileFacts f = read_reconcile_facts(deposits);
    if (const Query* q = status_of.find(f.deposit_id)) f.status = sqlite::read_status(*q, 1);
    if (const Query* q = balance_of.find(f.deposit_id)) {
      f.bank_balance_date = sqlite::read_date(*q, 1);
      f.bank_balance = Money::from_cents(q->int64(2));
    }
    if (const Query* q = ledger_of.find(f.deposit_id)) f.ledger = read_ledger_figures(*q, 1);
    if (const Query* q = sums_of.find(f.deposit_id)) read_booking_sums(*q, f);
    fn(f);
  }
}

}  // namespace kaution
