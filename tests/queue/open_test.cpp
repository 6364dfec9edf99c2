// Opening a store: pragmas, migrations, reopening, and what is refused untouched.
#include <sqlite3.h>
#include <sys/stat.h>

#include <set>

#include "queue/sqlite_store.hpp"
#include "store_fixture.hpp"

namespace kaution::test {
namespace {

// Runs SQL on a file with a plain SQLite connection (to forge foreign or newer databases).
void raw_exec(const std::filesystem::path& path, const char* sql) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  char* error = nullptr;
  const int rc = sqlite3_exec(db, sql, nullptr, nullptr, &error);
  const std::string message = error != nullptr ? error : "";
  sqlite3_free(error);
  sqlite3_close(db);
  ASSERT_EQ(rc, SQLITE_OK) << message;
}

std::set<std::string> table_names(const std::filesystem::path& path) {
  std::set<std::string> names;
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  sqlite3_prepare_v2(db, "SELECT name FROM sqlite_schema WHERE type = 'table'", -1, &stmt, nullptr);
  while (sqlite3_step(stmt) == SQLITE_ROW)
    names.insert(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0)));
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return names;
}

// Opening `path` throws a StoreError naming the path and `reason`, and leaves it unchanged.
void expect_refused_untouched(const std::filesystem::path& path, const std::string& reason) {
  const auto before = file_bytes(path);
  ManualClock clock{k_start};
  try {
    SqliteStore store(path, clock);
    ADD_FAILURE() << "opened " << path;
  } catch (const StoreError& e) {
    const std::string message = e.what();
    EXPECT_NE(message.find(path.string()), std::string::npos) << message;
    EXPECT_NE(message.find(reason), std::string::npos) << message;
  }
  EXPECT_EQ(file_bytes(path), before);
  EXPECT_FALSE(std::filesystem::exists(path.string() + "-wal"));
}

TEST(SqliteStoreOpen, SetsPragmas) {
  TempFile file;
  ManualClock clock{k_start};
  SqliteStore store(file.path(), clock);
  const SqliteSettings s = store.settings();
  EXPECT_EQ(s.journal_mode, "wal");
  EXPECT_EQ(s.synchronous, 2);
  EXPECT_TRUE(s.foreign_keys);
  EXPECT_EQ(s.busy_timeout_ms, 5000);
  EXPECT_EQ(s.user_version, SqliteStore::schema_version());
  EXPECT_EQ(s.application_id, SqliteStore::application_id());
}

TEST(SqliteStoreOpen, MigratesANewFileToTheCurrentSchema) {
  TempFile file;
  {
    ManualClock clock{k_start};
    SqliteStore store(file.path(), clock);
  }
  const std::set<std::string> expected = {"deposits",       "export_queue",
                                          "bank_state",     "export_rejections",
                                          "feed_sequence",  "bookings",
                                          "balances",       "cursors",
                                          "access_state",   "deposit_status",
                                          "status_history", "exchanges",
                                          "ledger_figures", "interest_distributions",
                                          "announced_rates"};
  EXPECT_EQ(table_names(file.path()), expected);
  struct stat info {};
  ASSERT_EQ(::stat(file.path().c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600u);
}

TEST(SqliteStoreOpen, AcceptsAnEmptyFile) {
  TempFile file;
  { std::ofstream touch(file.path()); }
  ManualClock clock{k_start};
  SqliteStore store(file.path(), clock);
  EXPECT_EQ(store.settings().user_version, SqliteStore::schema_version());
}

TEST(SqliteStoreOpen, ReopeningKeepsData) {
  TempFile file;
  ManualClock clock{k_start};
  {
    SqliteStore store(file.path(), clock);
    ASSERT_EQ(store.upsert_deposit(make_deposit("D-1")), UpsertOutcome::created);
  }
  SqliteStore store(file.path(), clock);
  const auto row = store.get_deposit("D-1");
  ASSERT_TRUE(row.has_value());
  EXPECT_EQ(row->deposit.rental_contract_no, "1.080000.D-1");
  EXPECT_EQ(store.upsert_deposit(make_deposit("D-1")), UpsertOutcome::unchanged);
  EXPECT_EQ(store.settings().user_version, SqliteStore::schema_version());
}

TEST(SqliteStoreOpen, RefusesANewerSchemaUntouched) {
  TempFile file;
  {
    ManualClock clock{k_start};
    SqliteStore store(file.path(), clock);
    store.upsert_deposit(make_deposit("D-1"));
  }
  const std::string newer =
      "PRAGMA user_version = " + std::to_string(SqliteStore::schema_version() + 1);
  raw_exec(file.path(), newer.c_str());
  expect_refused_untouched(file.path(), "newer");
}

TEST(SqliteStoreOpen, RefusesAForeignDatabaseUntouched) {
  TempFile file;
  raw_exec(file.path(),
           "CREATE TABLE accounts (id INTEGER PRIMARY KEY, name TEXT);"
           "INSERT INTO accounts (name) VALUES ('x');");
  expect_refused_untouched(file.path(), "another application");
}

TEST(SqliteStoreOpen, RefusesAForeignUserVersionUntouched) {
  TempFile file;
  raw_exec(file.path(), "PRAGMA user_version = 7");
  expect_refused_untouched(file.path(), "another application");
}

TEST(SqliteStoreOpen, RefusesAForeignApplicationIdUntouched) {
  TempFile file;
  raw_exec(file.path(), "PRAGMA application_id = 42");
  expect_refused_untouched(file.path(), "application_id 42");
}

TEST(SqliteStoreOpen, RefusesAFileThatIsNotSqliteUntouched) {
  TempFile file;
  {
    std::ofstream out(file.path(), std::ios::binary);
    out << "deposit_id;amount\nD-1;1340,00\n";
  }
  expect_refused_untouched(file.path(), "not a SQLite database");
}

TEST(SqliteStoreOpen, RefusesADirectoryAndAMissingParent) {
  ManualClock clock{k_start};
  EXPECT_THROW(SqliteStore(std::filesystem::temp_directory_path(), clock), StoreError);
  EXPECT_THROW(
      SqliteStore(std::filesystem::temp_directory_path() / "kaution-no-such-dir" / "x.db", clock),
      StoreError);
}

}  // namespace
}  // namespace kaution::test
