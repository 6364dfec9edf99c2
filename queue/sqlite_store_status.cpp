// SqliteStore: status, history, counts and the facts for status derivation.
#include "queue/sqlite_sql.hpp"
#include "queue/sqlite_store.hpp"
#include "queue/sqlite_store_detail.hpp"

namespace kaution {

using sqlite::Query;
using sqlite::Transaction;

namespace {

HistoryEntry read_history_entry(const Query& q) {
  const TimePoint at = sqlite::read_time(q, 0);
  if (q.int64(1) == 0) {
    std::optional<DepositStatus> old_status;
    if (!q.is_null(3)) old_status = sqlite::read_status(q, 3);
    return {at, StatusChange{old_status, sqlite::read_status(q, 4), q.text(5)}};
  }
  Exchange e;
  e.at = at;
  e.access = q.text(6);
  e.method = q.text(7);
  e.path = q.text(8);
  if (auto status = q.optional_int64(9)) e.http_status = static_cast<int>(*status);
  e.duration_ms = q.int64(10);
  e.bytes = q.int64(11);
  e.request_id = q.optional_text(12);
  return {at, std::move(e)};
}

}  // namespace

std::optional<StatusRecord> SqliteStore::status(std::string_view deposit_id) {
  Query q = m_db.query(sql::k_status_get);
  q.bind(":id", deposit_id);
  if (!q.step()) return std::nullopt;
  return StatusRecord{sqlite::read_status(q, 0), sqlite::read_time(q, 1), q.text(2)};
}

bool SqliteStore::set_status(std::string_view deposit_id, DepositStatus new_status,
                             std::string_view reason) {
  Transaction tx(m_db);
  const std::optional<StatusRecord> old = status(deposit_id);
  if (old && old->status == new_status) return false;
  const std::int64_t at = now();
  m_db.query(sql::k_status_set)
      .bind(":id", deposit_id)
      .bind(":status", to_string(new_status))
      .bind(":reason", reason)
      .bind(":now", at)
      .run();
  m_db.query(sql::k_status_history_insert)
      .bind(":id", deposit_id)
      .bind(":old_status",
            old ? std::optional<std::string_view>(to_string(old->status)) : std::nullopt)
      .bind(":status", to_string(new_status))
      .bind(":reason", reason)
      .bind(":now", at)
      .run();
  tx.commit();
  return true;
}

void SqliteStore::record_exchange(const Exchange& e) {
  m_db.query(sql::k_exchange_insert)
      .bind(":at", sqlite::unix_seconds(e.at))
      .bind(":deposit_id", e.deposit_id)
      .bind(":access", e.access)
      .bind(":method", e.method)
      .bind(":path", e.path)
      .bind(":http_status",
            e.http_status ? std::optional<std::int64_t>(*e.http_status) : std::nullopt)
      .bind(":duration_ms", e.duration_ms)
      .bind(":bytes", e.bytes)
      .bind(":request_id", e.request_id)
      .run();
}

std::vector<HistoryEntry> SqliteStore::history(std::string_view deposit_id, std::size_t limit) {
  std::vector<HistoryEntry> entries;
  Query q = m_db.query(sql::k_history);
  q.bind(":id", deposit_id).bind(":limit", static_cast<std::int64_t>(limit));
  while (q.step()) {
    entries.push_back(read_history_entry(q));
    if (auto* exchange = std::get_if<Exchange>(&entries.back().event))
      exchange->deposit_id = std::string(deposit_id);
  }
  return entries;
}

std::vector<StatusCount> SqliteStore::status_counts() {
  std::vector<StatusCount> counts;
  Query q = m_db.query(sql::k_status_counts);
  while (q.step()) {
    std::optional<DepositStatus> s;
    if (!q.is_null(2)) s = sqlite::read_status(q, 2);
    counts.push_back(StatusCount{q.text(0), q.text(1), s, q.int64(3)});
  }
  return counts;
}

std::vector<QueueFigures> SqliteStore::queue_figures() {
  std::vector<QueueFigures> figures;
  Query q = m_db.query(sql::k_queue_figures);
  while (q.step())
    figures.push_back({q.text(0), q.int64(1), sqlite::read_optional_time(q, 2), q.int64(3)});
  return figures;
}

std::optional<DepositFacts> SqliteStore::facts(std::string_view deposit_id) {
  Query q = m_db.query(sql::k_facts_get);
  q.bind(":id", deposit_id);
  if (!q.step()) return std::nullopt;
  return sqlite::read_facts(q);
}

std::vector<std::string> SqliteStore::deposits_in_status(DepositStatus status) {
  std::vector<std::string> ids;
  Query q = m_db.query(sql::k_deposits_in_status);
  q.bind(":status", to_string(status));
  while (q.step())
    ids.push_back(q.text(0));
  return ids;
}

void SqliteStore::for_each_facts(
    const std::function<void(std::string_view, const DepositFacts&)>& fn) {
  Query q = m_db.query(sql::k_facts_all);
  while (q.step()) {
    const std::string deposit_id = q.text(0);
    fn(deposit_id, sqlite::read_facts(q));
  }
}

}  // namespace kaution
