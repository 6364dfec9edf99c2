#include "queue/sqlite_db.hpp"

#include <sqlite3.h>

#include <utility>

#include "queue/sqlite_sql.hpp"
#include "queue/store_error.hpp"

namespace kaution::sqlite {

// ---- Query

Query::Query(Database& db, const Sql& sql, sqlite3_stmt* stmt, bool& busy)
    : m_db(db), m_sql(sql), m_stmt(stmt), m_busy(busy) {
  m_busy = true;
}

Query::~Query() {
  sqlite3_reset(m_stmt);
  sqlite3_clear_bindings(m_stmt);
  m_busy = false;
}

int Query::index_of(const char* name) const {
  const int index = sqlite3_bind_parameter_index(m_stmt, name);
  if (index == 0) m_db.fail(m_sql.name, std::string("no parameter ") + name);
  return index;
}

void Query::check_bind(int rc, const char* name) const {
  if (rc != SQLITE_OK) m_db.fail(std::string(m_sql.name) + " (binding " + name + ")");
}

Query& Query::bind(const char* name, std::string_view value) {
  // A null pointer would bind NULL; an empty text is "".
  const char* data = value.data() != nullptr ? value.data() : "";
  check_bind(
      sqlite3_bind_text64(m_stmt, index_of(name), data, static_cast<sqlite3_uint64>(value.size()),
                          SQLITE_TRANSIENT, SQLITE_UTF8),
      name);
  return *this;
}

Query& Query::bind(const char* name, std::int64_t value) {
  check_bind(sqlite3_bind_int64(m_stmt, index_of(name), static_cast<sqlite3_int64>(value)), name);
  return *this;
}

Query& Query::bind_null(const char* name) {
  check_bind(sqlite3_bind_null(m_stmt, index_of(name)), name);
  return *this;
}

bool Query::step() {
  const int rc = sqlite3_step(m_stmt);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  m_db.fail(m_sql.name);
}

void Query::run() {
  while (step()) {
  }
}

bool Query::is_null(int column) const {
  return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

std::int64_t Query::int64(int column) const {
  return static_cast<std::int64_t>(sqlite3_column_int64(m_stmt, column));
}

std::string Query::text(int column) const {
  const unsigned char* data = sqlite3_column_text(m_stmt, column);
  if (data == nullptr) return {};
  const int size = sqlite3_column_bytes(m_stmt, column);
  return std::string(reinterpret_cast<const char*>(data), static_cast<std::size_t>(size));
}

std::optional<std::int64_t> Query::optional_int64(int column) const {
  if (is_null(column)) return std::nullopt;
  return int64(column);
}

std::optional<std::string> Query::optional_text(int column) const {
  if (is_null(column)) return std::nullopt;
  return text(column);
}

void Query::fail_value(int column, std::string_view problem) const {
  const char* name = sqlite3_column_name(m_stmt, column);
  m_db.fail(m_sql.name,
            std::string("column ") + (name != nullptr ? name : "?") + ": " + std::string(problem));
}

// ---- Database

void Database::Finalizer::operator()(sqlite3_stmt* stmt) const noexcept {
  sqlite3_finalize(stmt);
}
void Database::Closer::operator()(sqlite3* db) const noexcept {
  sqlite3_close_v2(db);
}

Database::Database(std::filesystem::path path) : m_path(std::move(path)) {
  sqlite3* raw = nullptr;
  const int rc =
      sqlite3_open_v2(m_path.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  m_db.reset(raw);
  if (rc != SQLITE_OK) fail("open");
  sqlite3_extended_result_codes(raw, 1);
}

Database::~Database() = default;

Query Database::query(const Sql& sql) {
  Cached& cached = m_cache[&sql];
  if (!cached.stmt) {
    sqlite3_stmt* raw = nullptr;
    if (sqlite3_prepare_v3(m_db.get(), sql.text, -1, SQLITE_PREPARE_PERSISTENT, &raw, nullptr) !=
        SQLITE_OK) {
      sqlite3_finalize(raw);
      m_cache.erase(&sql);
      fail(sql.name);
    }
    cached.stmt.reset(raw);
  }
  if (cached.busy) fail(sql.name, "statement already in use (re-entrant store call)");
  return Query(*this, sql, cached.stmt.get(), cached.busy);
}

void Database::exec(const Sql& sql) {
  if (sqlite3_exec(m_db.get(), sql.text, nullptr, nullptr, nullptr) != SQLITE_OK) fail(sql.name);
}

std::int64_t Database::scalar(const Sql& sql) {
  Query q = query(sql);
  if (!q.step()) fail(sql.name, "no result");
  return q.int64(0);
}

std::int64_t Database::changes() const {
  return static_cast<std::int64_t>(sqlite3_changes64(m_db.get()));
}

void Database::release_memory() noexcept {
  sqlite3_db_release_memory(m_db.get());
}

void Database::set_busy_timeout(std::chrono::milliseconds timeout) {
  if (sqlite3_busy_timeout(m_db.get(), static_cast<int>(timeout.count())) != SQLITE_OK)
    fail("busy_timeout");
}

void Database::begin() {
  query(m_depth == 0 ? sql::k_begin : sql::k_savepoint).run();
  ++m_depth;
}

void Database::commit() {
  // The caller's Transaction rolls back when this throws.
  if (m_depth == 1 && m_poisoned)
    fail("commit", "a store call inside the transaction failed; nothing of it is committed");
  query(m_depth == 1 ? sql::k_commit : sql::k_release).run();
  --m_depth;
}

void Database::rollback() noexcept {
  // Fails harmlessly when SQLite already rolled back (after SQLITE_FULL, IOERR, …).
  const Sql& sql = m_depth == 1 ? sql::k_rollback : sql::k_rollback_nested;
  sqlite3_exec(m_db.get(), sql.text, nullptr, nullptr, nullptr);
  if (m_depth == 1) m_poisoned = false;
  --m_depth;
}

void Database::fail(std::string_view what) const {
  fail(what, m_db ? sqlite3_errmsg(m_db.get()) : "out of memory");
}

void Database::fail(std::string_view what, std::string_view message) const {
  throw StoreError("SQLite store " + m_path.string() + ": " + std::string(what) + ": " +
                   std::string(message));
}

}  // namespace kaution::sqlite
