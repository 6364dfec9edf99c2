#pragma once
// Small RAII wrappers over the SQLite C API. Database owns one connection and its cache of
// prepared statements; Query is the use of one cached statement and resets it when it ends;
// Transaction is BEGIN IMMEDIATE … COMMIT (a SAVEPOINT when nested) and rolls back unless
// committed. Every SQLite error throws StoreError naming the file, the statement's name and
// SQLite's message.

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

struct sqlite3;
struct sqlite3_stmt;

namespace kaution::sqlite {

// A named SQL text (NUL-terminated). Cached statements are keyed by the Sql's address, so
// those must be the constants of queue/sqlite_sql.hpp.
struct Sql {
  std::string_view name;
  const char* text;
};

class Database;

class Query {
 public:
  ~Query();
  Query(const Query&) = delete;
  Query& operator=(const Query&) = delete;

  // Named parameters (":id"); text is copied.
  Query& bind(const char* name, std::string_view value);
  Query& bind(const char* name, std::int64_t value);
  Query& bind_null(const char* name);
  template <typename T>
  Query& bind(const char* name, const std::optional<T>& value) {
    return value ? bind(name, *value) : bind_null(name);
  }

  // Steps once; true while a row is available.
  bool step();
  // Steps to the end.
  void run();

  bool is_null(int column) const;
  std::int64_t int64(int column) const;
  std::string text(int column) const;
  std::optional<std::int64_t> optional_int64(int column) const;
  std::optional<std::string> optional_text(int column) const;
  // Throws StoreError for a stored value that does not parse.
  [[noreturn]] void fail_value(int column, std::string_view problem) const;

 private:
  friend class Database;
  Query(Database& db, const Sql& sql, sqlite3_stmt* stmt, bool& busy);
  int index_of(const char* name) const;
  void check_bind(int rc, const char* name) const;

  Database& m_db;
  const Sql& m_sql;
  sqlite3_stmt* m_stmt;
  bool& m_busy;
};

class Database {
 public:
  // Opens `path` read-write, creating an empty database when missing.
  explicit Database(std::filesystem::path path);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  // The cached prepared statement for `sql`. One Query per statement at a time: a re-entrant
  // use throws.
  Query query(const Sql& sql);
  // Runs a script of one or more statements, uncached.
  void exec(const Sql& sql);
  // The single integer result of `sql` (a PRAGMA, a count).
  std::int64_t scalar(const Sql& sql);
  // Rows changed by the last INSERT/UPDATE/DELETE.
  std::int64_t changes() const;
  void set_busy_timeout(std::chrono::milliseconds timeout);
  // Frees what the connection's page cache holds and no statement uses.
  void release_memory() noexcept;

  // Whether a transaction (BEGIN … COMMIT) is open on this connection.
  bool in_transaction() const { return m_depth > 0; }
  // Transaction control; use Transaction or JoinedTransaction.
  void begin();
  void commit();
  void rollback() noexcept;
  // A JoinedTransaction inside another failed: the outermost commit rolls back and throws.
  void poison() noexcept { m_poisoned = true; }

  const std::filesystem::path& path() const { return m_path; }
  [[noreturn]] void fail(std::string_view what) const;
  [[noreturn]] void fail(std::string_view what, std::string_view message) const;

 private:
  struct Finalizer {
    void operator()(sqlite3_stmt* stmt) const noexcept;
  };
  struct Closer {
    void operator()(sqlite3* db) const noexcept;
  };
  struct Cached {
    std::unique_ptr<sqlite3_stmt, Finalizer> stmt;
    bool busy = false;
  };

  std::filesystem::path m_path;
  std::unique_ptr<sqlite3, Closer> m_db;
  std::unordered_map<const Sql*, Cached> m_cache;  // destroyed before m_db
  int m_depth = 0;
  bool m_poisoned = false;
};

class Transaction {
 public:
  explicit Transaction(Database& db) : m_db(db) { m_db.begin(); }
  ~Transaction() {
    if (!m_done) m_db.rollback();
  }
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void commit() {
    m_db.commit();
    m_done = true;
  }

 private:
  Database& m_db;
  bool m_done = false;
};

// A Transaction for a call that writes very many rows (an import page): on its own it is
// BEGIN … COMMIT; inside another transaction it joins it without a SAVEPOINT, because with
// savepoint journals in memory every statement after a savepoint walks that journal (quadratic
// in the rows written). Atomicity holds all the same: when it ends uncommitted (a throw)
// inside another, that outer transaction can no longer commit (its commit rolls back and
// throws), so nothing half-written is ever committed.
class JoinedTransaction {
 public:
  explicit JoinedTransaction(Database& db) : m_db(db), m_joined(db.in_transaction()) {
    if (!m_joined) m_db.begin();
  }
  ~JoinedTransaction() {
    if (m_done) return;
    if (m_joined)
      m_db.poison();
    else
      m_db.rollback();
  }
  JoinedTransaction(const JoinedTransaction&) = delete;
  JoinedTransaction& operator=(const JoinedTransaction&) = delete;
  void commit() {
    if (!m_joined) m_db.commit();
    m_done = true;
  }

 private:
  Database& m_db;
  bool m_joined;
  bool m_done = false;
};

}  // namespace kaution::sqlite
