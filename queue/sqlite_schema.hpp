#pragma once
// Opening a file as a kautiond SQLite store: what is refused, which pragmas are set, and the
// migrations. Everything refused is refused before a byte of the file is written.

#include <chrono>
#include <filesystem>

#include "queue/sqlite_db.hpp"

namespace kaution::sqlite {

// Creates a missing store file with mode 0600 (it holds personal data); -wal and -shm files
// inherit the mode. Refuses a file that exists and is neither empty nor a SQLite database.
// Throws StoreError naming the path.
void prepare_store_file(const std::filesystem::path& path);

// Makes `db` a current kautiond store: refuses a foreign database (other application_id, or
// schema objects / user_version without ours) and one newer than this binary; then sets
// busy_timeout, journal_mode=WAL, synchronous=FULL, foreign_keys=ON and runs the pending
// migrations, one transaction each. Throws StoreError naming the path.
void open_schema(Database& db, std::chrono::milliseconds busy_timeout);

}  // namespace kaution::sqlite
