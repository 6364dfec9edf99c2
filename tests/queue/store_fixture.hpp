#pragma once
// Test helpers for the store: a unique temporary database file (removed with its -wal/-shm),
// a fixture with a manual clock, and sample rows.

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "queue/sqlite_store.hpp"

namespace kaution::test {

class TempFile {
 public:
  TempFile() {
    static std::atomic<int> counter{0};
    std::random_device random;
    m_path = std::filesystem::temp_directory_path() /
             ("kaution-queue-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) +
              "-" + std::to_string(random()) + ".db");
  }
  ~TempFile() {
    std::error_code ignored;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"})
      std::filesystem::remove(m_path.string() + suffix, ignored);
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  const std::filesystem::path& path() const { return m_path; }

 private:
  std::filesystem::path m_path;
};

inline std::vector<char> file_bytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

inline Date date(std::string_view text) {
  return *Date::parse(text);
}

inline const TimePoint k_start = utc_time(date("2026-11-23"), 9);

inline DepositRecord make_deposit(const std::string& id, const std::string& access = "aak-main",
                                  const std::string& tenant = "Schmidt, Natalie") {
  DepositRecord d;
  d.deposit_id = id;
  d.master_json = R"({"deposit_id":")" + id + R"(","agreed_amount":"1340.00"})";
  d.rental_contract_no = "1.080000." + id;
  d.connector = access.substr(0, access.find('-'));
  d.access = access;
  d.valid_from = date("2021-01-01");
  d.agreed = Money::from_cents(134000);
  d.virtual_iban = "DE14550104000007223330";
  d.tenant_name = tenant;
  return d;
}

inline BookingEntry make_booking(const std::string& bank_ref, std::int64_t cents,
                                 std::optional<std::string> deposit_id = std::nullopt,
                                 const std::string& account = "DE14550104000007223330") {
  BookingEntry b;
  b.bank_ref = bank_ref;
  b.booking_date = date("2026-11-02");
  b.value_date = date("2026-11-03");
  b.amount = Money::from_cents(cents);
  b.kind = BookingKind::payment_in;
  b.counterparty_name = "Natalie Schmidt";
  b.counterparty_iban = "DE02120300000000202051";
  b.remittance = "Kaution 1.080000.1047";
  b.account = account;
  b.deposit_id = std::move(deposit_id);
  return b;
}

class StoreTest : public ::testing::Test {
 protected:
  SqliteStore& store() { return *m_store; }
  void reopen() {
    m_store.reset();
    m_store = std::make_unique<SqliteStore>(file.path(), clock);
  }

  TempFile file;
  ManualClock clock{k_start};

 private:
  std::unique_ptr<SqliteStore> m_store = std::make_unique<SqliteStore>(file.path(), clock);
};

}  // namespace kaution::test
