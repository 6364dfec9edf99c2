#include "queue/sqlite_schema.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <string>

#include "queue/sqlite_sql.hpp"
#include "queue/store_error.hpp"

namespace kaution::sqlite {
namespace {

constexpr char k_sqlite_header[16] = "SQLite format 3";  // with its NUL: 16 bytes

[[noreturn]] void refuse(const std::filesystem::path& path, const std::string& why) {
  throw StoreError("SQLite store " + path.string() + ": " + why + "; refusing to open it (the " +
                   "file was not modified)");
}

void create_private_file(const std::filesystem::path& path) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0 && errno != EEXIST)
    throw StoreError("SQLite store " + path.string() + ": cannot create: " + std::strerror(errno));
  if (fd >= 0) ::close(fd);
}

void check_sqlite_header(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw StoreError("SQLite store " + path.string() + ": cannot read the file");
  char header[sizeof k_sqlite_header] = {};
  in.read(header, sizeof header);
  const auto got = in.gcount();
  if (got == 0) return;  // empty: becomes a new store
  if (got != static_cast<std::streamsize>(sizeof header) ||
      std::memcmp(header, k_sqlite_header, sizeof header) != 0)
    refuse(path, "not a SQLite database");
}

void check_ours(Database& db) {
  const std::int64_t application_id = db.scalar(sql::k_application_id_get);
  const std::int64_t version = db.scalar(sql::k_user_version_get);
  if (application_id == sql::k_application_id) {
    if (version > sql::k_schema_version)
      refuse(db.path(), "schema version " + std::to_string(version) +
                            " is newer than this kautiond supports (" +
                            std::to_string(sql::k_schema_version) + "): it was written by a " +
                            "newer kautiond");
    return;
  }
  const std::int64_t objects = db.scalar(sql::k_schema_object_count);
  if (application_id != 0 || version != 0 || objects != 0)
    refuse(db.path(), "a SQLite database of another application (application_id " +
                          std::to_string(application_id) + ", user_version " +
                          std::to_string(version) + ", " + std::to_string(objects) +
                          " schema objects), not a kautiond store");
}

void set_pragmas(Database& db) {
  {
    Query q = db.query(sql::k_journal_mode_wal);
    if (!q.step() || q.text(0) != "wal")
      db.fail("set_journal_mode", "the file system does not allow WAL mode");
  }
  db.query(sql::k_synchronous_full).run();
  db.query(sql::k_foreign_keys_on).run();
  db.query(sql::k_temp_store_memory).run();
  db.query(sql::k_cache_size).run();
  if (db.scalar(sql::k_foreign_keys_get) != 1)
    db.fail("set_foreign_keys", "SQLite was built without foreign key support");
}

void run_migration(Database& db, const sql::Migration& migration) {
  Transaction tx(db);
  // Another process may have migrated since we looked.
  if (db.scalar(sql::k_user_version_get) >= migration.version) return;
  db.exec(migration.script);
  const std::string version = sql::k_set_user_version_prefix + std::to_string(migration.version);
  db.exec({"set_user_version", version.c_str()});
  const std::string id = sql::k_set_application_id_prefix + std::to_string(sql::k_application_id);
  db.exec({"set_application_id", id.c_str()});
  tx.commit();
}

}  // namespace

void prepare_store_file(const std::filesystem::path& path) {
  std::error_code error;
  const auto status = std::filesystem::status(path, error);
  if (!std::filesystem::exists(status)) {
    create_private_file(path);
    return;
  }
  if (!std::filesystem::is_regular_file(status)) refuse(path, "not a regular file");
  check_sqlite_header(path);
}

void open_schema(Database& db, std::chrono::milliseconds busy_timeout) {
  db.set_busy_timeout(busy_timeout);
  check_ours(db);
  set_pragmas(db);
  const std::int64_t version = db.scalar(sql::k_user_version_get);
  for (const sql::Migration& migration : sql::k_migrations)
    if (migration.version > version) run_migration(db, migration);
}

}  // namespace kaution::sqlite
