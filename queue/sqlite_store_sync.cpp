// SqliteStore: the lookups and records of the sync runtime — import directory, unassigned
// references, due exports per access, the assignment outbox, interest distributions and
// announced interest rates.
#include "queue/sqlite_sql.hpp"
#include "queue/sqlite_store.hpp"
#include "queue/sqlite_store_detail.hpp"

namespace kaution {

using sqlite::Query;
using sqlite::Transaction;

namespace {

// The identity of a distribution besides access and period: its deposit, else its contract.
std::string interest_holder(const InterestRecord& r) {
  return r.deposit_id ? *r.deposit_id : "contract:" + r.contract_no;
}

bool interest_known(sqlite::Database& db, std::string_view access, const InterestRecord& r) {
  Query q = db.query(sql::k_interest_known);
  q.bind(":access", access)
      .bind(":holder", interest_holder(r))
      .bind(":from", r.period_from.to_string())
      .bind(":to", r.period_to.to_string());
  return q.step() && q.int64(0) > 0;
}

void upsert_interest(sqlite::Database& db, std::string_view access, const InterestRecord& r,
                     std::int64_t now) {
  db.query(sql::k_interest_upsert)
      .bind(":access", access)
      .bind(":holder", interest_holder(r))
      .bind(":from", r.period_from.to_string())
      .bind(":to", r.period_to.to_string())
      .bind(":deposit_id", r.deposit_id)
      .bind(":contract_no", r.contract_no)
      .bind(":rate", r.rate)
      .bind(":gross", r.gross.cents())
      .bind(":kapest", r.withholding_tax.cents())
      .bind(":solz", r.solidarity_surcharge.cents())
      .bind(":kist", r.church_tax.cents())
      .bind(":net", r.net.cents())
      .bind(":now", now)
      .run();
}

}  // namespace

std::vector<DirectoryEntry> SqliteStore::directory(std::string_view access) {
  std::vector<DirectoryEntry> entries;
  Query q = m_db.query(sql::k_directory);
  q.bind(":access", access);
  while (q.step())
    entries.push_back(
        {q.text(0), q.text(1), q.optional_text(2), q.optional_text(3), sqlite::read_flag(q, 4)});
  return entries;
}

std::vector<ExportJob> SqliteStore::due_exports_of(std::string_view access, TimePoint at,
                                                   std::size_t limit) {
  std::vector<ExportJob> jobs;
  Query q = m_db.query(sql::k_export_due_of);
  q.bind(":access", access)
      .bind(":now", sqlite::unix_seconds(at))
      .bind(":limit", static_cast<std::int64_t>(limit));
  while (q.step())
    jobs.push_back(sqlite::read_export_job(q));
  return jobs;
}

std::vector<std::string> SqliteStore::unassigned_bank_refs(std::string_view access) {
  std::vector<std::string> refs;
  Query q = m_db.query(sql::k_unassigned_refs);
  q.bind(":access", access);
  while (q.step())
    refs.push_back(q.text(0));
  return refs;
}

std::optional<TimePoint> SqliteStore::next_export_at(std::string_view access) {
  Query q = m_db.query(sql::k_export_next_at);
  q.bind(":access", access);
  if (!q.step()) return std::nullopt;
  return sqlite::read_optional_time(q, 0);
}

std::size_t SqliteStore::record_interest(std::string_view access,
                                         const std::vector<InterestRecord>& records) {
  const std::int64_t at = now();
  Transaction tx(m_db);
  std::size_t added = 0;
  for (const InterestRecord& r : records) {
    if (!interest_known(m_db, access, r)) ++added;
    upsert_interest(m_db, access, r, at);
  }
  tx.commit();
  return added;
}

std::vector<InterestRecord> SqliteStore::interest_records(std::string_view access) {
  std::vector<InterestRecord> records;
  Query q = m_db.query(sql::k_interest_list);
  q.bind(":access", access);
  while (q.step()) {
    InterestRecord r;
    r.deposit_id = q.optional_text(0);
    r.contract_no = q.text(1);
    r.period_from = sqlite::read_date(q, 2);
    r.period_to = sqlite::read_date(q, 3);
    r.rate = q.text(4);
    r.gross = Money::from_cents(q.int64(5));
    r.withholding_tax = Money::from_cents(q.int64(6));
    r.solidarity_surcharge = Money::from_cents(q.int64(7));
    r.church_tax = Money::from_cents(q.int64(8));
    r.net = Money::from_cents(q.int64(9));
    records.push_back(std::move(r));
  }
  return records;
}

std::vector<PendingAssignment> SqliteStore::assignments_to_send(std::string_view access,
                                                                std::size_t limit) {
  std::vector<PendingAssignment> pending;
  Query q = m_db.query(sql::k_assignments_unsent);
  q.bind(":access", access).bind(":limit", static_cast<std::int64_t>(limit));
  while (q.step())
    pending.push_back({q.text(0), q.text(1), q.text(2), q.text(3), q.optional_text(4), q.text(5)});
  return pending;
}

void SqliteStore::mark_assignment_sent(std::string_view booking_id) {
  m_db.query(sql::k_assignment_sent).bind(":booking_id", booking_id).bind(":now", now()).run();
}

std::optional<AnnouncedRate> SqliteStore::announced_rate(std::string_view access,
                                                         std::string_view trust_account) {
  Query q = m_db.query(sql::k_announced_rate_get);
  q.bind(":access", access).bind(":trust_account", trust_account);
  if (!q.step()) return std::nullopt;
  return AnnouncedRate{q.text(0), sqlite::read_date(q, 1), sqlite::read_time(q, 2)};
}

void SqliteStore::record_announced_rate(std::string_view access, std::string_view trust_account,
                                        std::string_view rate, Date valid_from) {
  m_db.query(sql::k_announced_rate_set)
      .bind(":access", access)
      .bind(":trust_account", trust_account)
      .bind(":rate", rate)
      .bind(":valid_from", valid_from.to_string())
      .bind(":now", now())
      .run();
}

}  // namespace kaution
