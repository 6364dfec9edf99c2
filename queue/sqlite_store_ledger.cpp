// SqliteStore: the ledger's figures, the one-active-deposit query and reconciliation facts.
#include "queue/sqlite_sql.hpp"
#include "queue/sqlite_store.hpp"
#include "queue/sqlite_store_detail.hpp"

namespace kaution {

using sqlite::Query;
using sqlite::Transaction;

namespace {

std::optional<Money> optional_money(const Query& q, int column) {
  if (auto cents = q.optional_int64(column)) return Money::from_cents(*cents);
  return std::nullopt;
}

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
  if (!q.is_null(6)) f.status = sqlite::read_status(q, 6);
  f.payments = Money::from_cents(q.int64(7));
  f.any_payment = sqlite::read_flag(q, 8);
  f.bookings_total = Money::from_cents(q.int64(9));
  f.bank_balance = optional_money(q, 10);
  f.bank_balance_date = sqlite::read_optional_date(q, 11);
  f.ledger = read_ledger_figures(q, 12);
  return f;
}

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

void SqliteStore::for_each_reconcile_facts(Date as_of,
                                           const std::function<void(const ReconcileFacts&)>& fn) {
  Query q = m_db.query(sql::k_reconcile_facts);
  q.bind(":as_of", as_of.to_string());
  while (q.step())
    fn(read_reconcile_facts(q));
}

}  // namespace kaution
