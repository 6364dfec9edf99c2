// SqliteStore: the export queue (outbox) and the state of accesses.
#include <cstddef>

#include "queue/sqlite_sql.hpp"
#include "queue/sqlite_store.hpp"
#include "queue/sqlite_store_detail.hpp"

namespace kaution {

using sqlite::Query;
using sqlite::Transaction;

namespace {

std::optional<std::string> queued_hash(sqlite::Database& db, std::string_view deposit_id) {
  Query q = db.query(sql::k_export_queued_hash);
  q.bind(":id", deposit_id);
  if (!q.step()) return std::nullopt;
  return q.text(0);
}

void store_rejections(sqlite::Database& db, std::string_view deposit_id,
                      const std::vector<FieldError>& fields) {
  db.query(sql::k_rejections_delete).bind(":id", deposit_id).run();
  std::int64_t position = 0;
  for (const FieldError& field : fields) {
    db.query(sql::k_rejection_insert)
        .bind(":id", deposit_id)
        .bind(":position", position++)
        .bind(":field", field.field)
        .bind(":code", field.code)
        .bind(":message", field.message)
        .run();
  }
}

}  // namespace

std::vector<ExportJob> SqliteStore::due_exports(TimePoint at, std::size_t limit) {
  std::vector<ExportJob> jobs;
  Query q = m_db.query(sql::k_export_due);
  q.bind(":now", sqlite::unix_seconds(at)).bind(":limit", static_cast<std::int64_t>(limit));
  while (q.step())
    jobs.push_back(sqlite::read_export_job(q));
  return jobs;
}

ExportAck SqliteStore::record_export_success(std::string_view deposit_id,
                                             std::string_view exported_hash,
                                             std::string_view bank_ref) {
  Transaction tx(m_db);
  const std::int64_t at = now();
  m_db.query(sql::k_bank_export_ok)
      .bind(":id", deposit_id)
      .bind(":bank_ref", bank_ref)
      .bind(":hash", exported_hash)
      .bind(":now", at)
      .run();
  if (m_db.changes() == 0) return ExportAck::unknown;
  m_db.query(sql::k_access_export_ok).bind(":id", deposit_id).bind(":now", at).run();
  m_db.query(sql::k_export_dequeue).bind(":id", deposit_id).bind(":hash", exported_hash).run();
  const bool current = m_db.changes() > 0;
  if (current) {
    m_db.query(sql::k_export_clear_failure).bind(":id", deposit_id).run();
    m_db.query(sql::k_rejections_delete).bind(":id", deposit_id).run();
  }
  tx.commit();
  return current ? ExportAck::current : ExportAck::stale;
}

ExportAck SqliteStore::record_export_failure(std::string_view deposit_id,
                                             std::string_view exported_hash, const Failure& failure,
                                             std::optional<TimePoint> next_attempt_at) {
  Transaction tx(m_db);
  const auto hash = queued_hash(m_db, deposit_id);
  if (!hash) return ExportAck::unknown;
  if (*hash != exported_hash) return ExportAck::stale;
  m_db.query(sql::k_export_failed)
      .bind(":id", deposit_id)
      .bind(":hash", exported_hash)
      .bind(":next", sqlite::time_value(next_attempt_at))
      .bind(":message", failure.message)
      .bind(":class", to_string(failure.failure_class))
      .run();
  if (!next_attempt_at) {
    const bool rejected = failure.failure_class == FailureClass::rejected;
    m_db.query(sql::k_export_park)
        .bind(":id", deposit_id)
        .bind(":rejected", std::int64_t{rejected ? 1 : 0})
        .bind(":exhausted", std::int64_t{rejected ? 0 : 1})
        .run();
    store_rejections(m_db, deposit_id, rejected ? failure.fields : std::vector<FieldError>{});
  }
  tx.commit();
  return ExportAck::current;
}

bool SqliteStore::retrigger_export(std::string_view deposit_id) {
  Transaction tx(m_db);
  if (!sqlite::enqueue_current(m_db, deposit_id, now())) return false;
  tx.commit();
  return true;
}

AccessState SqliteStore::access_state(std::string_view access) {
  Query q = m_db.query(sql::k_access_get);
  q.bind(":access", access);
  if (q.step()) return sqlite::read_access_state(q);
  AccessState unseen;
  unseen.access = std::string(access);
  return unseen;
}

std::vector<AccessState> SqliteStore::access_states() {
  std::vector<AccessState> states;
  Query q = m_db.query(sql::k_access_list);
  while (q.step())
    states.push_back(sqlite::read_access_state(q));
  return states;
}

void SqliteStore::mark_credentials_refused(std::string_view access, std::string_view message) {
  m_db.query(sql::k_access_refused)
      .bind(":access", access)
      .bind(":message", message)
      .bind(":now", now())
      .run();
}

void SqliteStore::clear_credentials_refused(std::string_view access) {
  m_db.query(sql::k_access_refusal_clear).bind(":access", access).run();
}

std::optional<std::string> SqliteStore::cursor(std::string_view access) {
  Query q = m_db.query(sql::k_cursor_get);
  q.bind(":access", access);
  if (!q.step()) return std::nullopt;
  return q.text(0);
}

}  // namespace kaution
