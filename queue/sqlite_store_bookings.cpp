// SqliteStore: imports, the booking feed and manual assignment.
#include <map>
#include <tuple>

#include "queue/content_hash.hpp"
#include "queue/sqlite_sql.hpp"
#include "queue/sqlite_store.hpp"
#include "queue/sqlite_store_detail.hpp"

namespace kaution {

using sqlite::Query;
using sqlite::Transaction;

namespace {

constexpr std::string_view k_auto_assigned = "auto";

std::int64_t next_feed_seq(sqlite::Database& db) {
  Query q = db.query(sql::k_feed_next_seq);
  if (!q.step()) db.fail(sql::k_feed_next_seq.name, "the feed sequence is missing");
  return q.int64(0);
}

// Stores the booking with feed number `seq` unless it is known; true when it was new.
bool insert_booking(sqlite::Database& db, const ImportBatch& batch, const BookingEntry& e,
                    std::int64_t seq, std::int64_t now) {
  const bool assigned = e.deposit_id.has_value();
  db.query(sql::k_booking_insert)
      .bind(":booking_id", booking_id_for(batch.connector, batch.access, e.bank_ref))
      .bind(":connector", batch.connector)
      .bind(":access", batch.access)
      .bind(":bank_ref", e.bank_ref)
      .bind(":seq", seq)
      .bind(":booking_date", e.booking_date.to_string())
      .bind(":value_date", sqlite::date_text(e.value_date))
      .bind(":amount", e.amount.cents())
      .bind(":kind", to_string(e.kind))
      .bind(":counterparty_name", e.counterparty_name)
      .bind(":counterparty_iban", e.counterparty_iban)
      .bind(":remittance", e.remittance)
      .bind(":account", e.account)
      .bind(":deposit_id", e.deposit_id)
      .bind(":assigned_by",
            assigned ? std::optional<std::string_view>(k_auto_assigned) : std::nullopt)
      .bind(":assigned_at", assigned ? std::optional<std::int64_t>(now) : std::nullopt)
      .bind(":now", now)
      .run();
  return db.changes() > 0;
}

void store_balance(sqlite::Database& db, std::string_view source, const BalanceRecord& balance,
                   std::int64_t now) {
  const std::string date = balance.date.to_string();
  db.query(sql::k_balance_insert)
      .bind(":id", balance.deposit_id)
      .bind(":source", source)
      .bind(":date", date)
      .bind(":cents", balance.balance.cents())
      .run();
  db.query(sql::k_bank_balance)
      .bind(":id", balance.deposit_id)
      .bind(":date", date)
      .bind(":cents", balance.balance.cents())
      .bind(":now", now)
      .run();
}

}  // namespace

std::size_t SqliteStore::import_batch(const ImportBatch& batch) {
  const std::int64_t at = now();
  sqlite::JoinedTransaction tx(m_db);  // a page may hold 100,000 bookings
  std::size_t added = 0;
  const std::int64_t last_seq = m_db.scalar(sql::k_feed_last_seq);
  for (const BookingEntry& entry : batch.bookings)
    if (insert_booking(m_db, batch, entry, last_seq + static_cast<std::int64_t>(added) + 1, at))
      ++added;
  if (added > 0)
    m_db.query(sql::k_feed_set_seq)
        .bind(":value", last_seq + static_cast<std::int64_t>(added))
        .run();
  for (const BalanceRecord& balance : batch.balances)
    store_balance(m_db, batch.access, balance, at);
  m_db.query(sql::k_cursor_set)
      .bind(":access", batch.access)
      .bind(":cursor", batch.cursor)
      .bind(":now", at)
      .run();
  m_db.query(sql::k_access_import_ok).bind(":access", batch.access).bind(":now", at).run();
  tx.commit();
  return added;
}

std::vector<Booking> SqliteStore::bookings_after(std::int64_t after_seq, std::size_t limit) {
  std::vector<Booking> bookings;
  Query q = m_db.query(sql::k_bookings_after);
  q.bind(":after", after_seq).bind(":limit", static_cast<std::int64_t>(limit));
  while (q.step())
    bookings.push_back(sqlite::read_booking(q));
  return bookings;
}

std::vector<UnassignedGroup> SqliteStore::unassigned_bookings(std::size_t per_account_limit) {
  std::vector<UnassignedGroup> groups;
  std::map<std::tuple<std::string, std::string, std::string>, std::size_t> index;
  {
    Query q = m_db.query(sql::k_unassigned_groups);
    while (q.step()) {
      UnassignedGroup group{
          q.text(0), q.text(1), q.text(2), q.int64(3), Money::from_cents(q.int64(4)), {}};
      index.emplace(std::tuple{group.connector, group.access, group.account}, groups.size());
      groups.push_back(std::move(group));
    }
  }
  Query q = m_db.query(sql::k_unassigned_oldest);
  q.bind(":limit", static_cast<std::int64_t>(per_account_limit));
  while (q.step()) {
    Booking booking = sqlite::read_booking(q);
    const auto it = index.find({booking.connector, booking.access, booking.entry.account});
    if (it != index.end()) groups[it->second].bookings.push_back(std::move(booking));
  }
  return groups;
}

AssignOutcome SqliteStore::assign_booking(std::string_view booking_id, std::string_view deposit_id,
                                          std::string_view assigned_by) {
  Transaction tx(m_db);
  {
    Query q = m_db.query(sql::k_booking_assignment);
    q.bind(":booking_id", booking_id);
    if (!q.step()) return AssignOutcome::unknown_booking;
    if (!q.is_null(0)) return AssignOutcome::already_assigned;
  }
  if (!sqlite::deposit_exists(m_db, deposit_id)) return AssignOutcome::unknown_deposit;
  const std::int64_t seq = next_feed_seq(m_db);
  m_db.query(sql::k_booking_assign)
      .bind(":booking_id", booking_id)
      .bind(":deposit_id", deposit_id)
      .bind(":by", assigned_by)
      .bind(":now", now())
      .bind(":seq", seq)
      .run();
  tx.commit();
  return AssignOutcome::assigned;
}

}  // namespace kaution
