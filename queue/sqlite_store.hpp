#pragma once
// SqliteStore: the Store in one SQLite file.
//
// How it is durable: the file runs in WAL mode with synchronous=FULL, so the WAL is fsynced
// before a commit returns — a crash or power loss keeps every committed call and loses no
// half of one, because every call that writes more than one row is one transaction
// (BEGIN IMMEDIATE; a SAVEPOINT when nested in Store::transaction). foreign_keys=ON ties
// queue, bank state, status and bookings to existing deposits. The schema is versioned
// (PRAGMA user_version, ordered migrations in queue/sqlite_sql.hpp) and the file is marked
// with kautiond's PRAGMA application_id. Opening migrates an older store and refuses —
// before writing a byte — a newer one, another application's SQLite file, and anything that
// is not SQLite.
//
// One connection with cached prepared statements: use it from one thread at a time. Other
// processes may open the same file; a writer waits up to busy_timeout for their locks.

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <string>

#include "queue/sqlite_db.hpp"
#include "queue/store.hpp"

namespace kaution {

struct SqliteOptions {
  std::chrono::milliseconds busy_timeout{5000};
};

// The connection's settings as SQLite reports them (for start-up logs and readiness).
struct SqliteSettings {
  std::string journal_mode;
  std::int64_t synchronous = 0;  // 2 = FULL
  bool foreign_keys = false;
  std::int64_t busy_timeout_ms = 0;
  std::int64_t user_version = 0;
  std::int64_t application_id = 0;
};

class SqliteStore final : public Store {
 public:
  // Opens or creates the store at `path` (see above). Throws StoreError naming the path.
  // `clock` must outlive the store.
  SqliteStore(std::filesystem::path path, const Clock& clock, SqliteOptions options = {});

  const std::filesystem::path& path() const { return m_db.path(); }
  SqliteSettings settings();
  // The schema version this binary writes.
  static std::int64_t schema_version();
  // The application_id that marks a kautiond store.
  static std::int64_t application_id();

  void transaction(const std::function<void()>& fn) override;
  // Frees the page cache (it refills on use).
  void release_memory() override { m_db.release_memory(); }

  UpsertOutcome upsert_deposit(const DepositRecord& deposit) override;
  std::optional<IntakeState> intake_state(std::string_view deposit_id) override;
  DepositStatus create_deposit(
      const DepositRecord& deposit,
      const std::function<StatusDecision(const DepositFacts&)>& decide) override;
  std::optional<StoredDeposit> get_deposit(std::string_view deposit_id) override;
  DeleteOutcome delete_deposit(std::string_view deposit_id) override;
  bool close_deposit(std::string_view deposit_id, std::string_view closed_by) override;
  DepositPage list_deposits(const DepositFilter& filter) override;
  DepositTotals deposit_totals(const DepositFilter& filter) override;
  std::vector<std::string> active_deposit_ids_for_contract(
      std::string_view rental_contract_no) override;

  bool set_ledger_figures(std::string_view deposit_id, Date as_of, Money paid,
                          Money balance) override;
  std::optional<LedgerFigures> ledger_figures(std::string_view deposit_id,
                                              std::optional<Date> on_or_before) override;
  void for_each_reconcile_facts(Date as_of,
                                const std::function<void(const ReconcileFacts&)>& fn) override;

  std::vector<ExportJob> due_exports(TimePoint now, std::size_t limit) override;
  ExportAck record_export_success(std::string_view deposit_id, std::string_view exported_hash,
                                  std::string_view bank_ref) override;
  ExportAck record_export_failure(std::string_view deposit_id, std::string_view exported_hash,
                                  const Failure& failure,
                                  std::optional<TimePoint> next_attempt_at) override;
  bool retrigger_export(std::string_view deposit_id) override;

  AccessState access_state(std::string_view access) override;
  std::vector<AccessState> access_states() override;
  void mark_credentials_refused(std::string_view access, std::string_view message) override;
  void clear_credentials_refused(std::string_view access) override;
  std::optional<std::string> cursor(std::string_view access) override;

  std::size_t import_batch(const ImportBatch& batch) override;
  std::vector<Booking> bookings_after(std::int64_t after_seq, std::size_t limit) override;
  std::vector<UnassignedGroup> unassigned_bookings(std::size_t per_account_limit) override;
  AssignOutcome assign_booking(std::string_view booking_id, std::string_view deposit_id,
                               std::string_view assigned_by) override;

  std::vector<DirectoryEntry> directory(std::string_view access) override;
  std::vector<ExportJob> due_exports_of(std::string_view access, TimePoint now,
                                        std::size_t limit) override;
  std::vector<std::string> unassigned_bank_refs(std::string_view access) override;
  std::optional<TimePoint> next_export_at(std::string_view access) override;
  std::size_t record_interest(std::string_view access,
                              const std::vector<InterestRecord>& records) override;
  std::vector<InterestRecord> interest_records(std::string_view access) override;
  std::vector<PendingAssignment> assignments_to_send(std::string_view access,
                                                     std::size_t limit) override;
  void mark_assignment_sent(std::string_view booking_id) override;
  std::optional<AnnouncedRate> announced_rate(std::string_view access,
                                              std::string_view trust_account) override;
  void record_announced_rate(std::string_view access, std::string_view trust_account,
                             std::string_view rate, Date valid_from) override;

  std::optional<StatusRecord> status(std::string_view deposit_id) override;
  bool set_status(std::string_view deposit_id, DepositStatus status,
                  std::string_view reason) override;
  void record_exchange(const Exchange& exchange) override;
  std::vector<HistoryEntry> history(std::string_view deposit_id, std::size_t limit) override;
  std::vector<StatusCount> status_counts() override;
  std::vector<QueueFigures> queue_figures() override;
  std::optional<DepositFacts> facts(std::string_view deposit_id) override;
  std::vector<std::string> deposits_in_status(DepositStatus status) override;
  void for_each_facts(
      const std::function<void(std::string_view, const DepositFacts&)>& fn) override;

 private:
  std::int64_t now() const;

  const Clock& m_clock;
  sqlite::Database m_db;
};

}  // namespace kaution
