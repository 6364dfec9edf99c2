#pragma once
// Store: the daemon's durable state — deposits, the export queue (an outbox), the banks'
// bookings and balances, per-access cursors and state, statuses and their history.
//
// Contract for every implementation:
// - Each call is atomic: it commits all its writes or none. transaction(fn) makes a sequence
//   of calls atomic (nested transactions join the outer one).
// - A call that returns has made its writes durable.
// - Failures of the backend throw StoreError (queue/store_error.hpp); outcomes the caller can
//   act on (unknown id, already assigned, stale hash…) are return values.
// - "Now" comes from the Clock the store was given; instants are kept to the second.
// - Implementations are not thread-safe: one thread at a time per Store object.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "core/failure.hpp"
#include "core/status.hpp"
#include "queue/records.hpp"
#include "queue/store_error.hpp"

namespace kaution {

class Store {
 public:
  virtual ~Store() = default;

  // Runs fn in one transaction: commits when it returns, rolls back and rethrows when it
  // throws. Store calls inside fn are part of it.
  virtual void transaction(const std::function<void()>& fn) = 0;
  // Gives back memory kept for speed (caches); called when the daemon goes idle.
  virtual void release_memory() {}

  // ---- deposits
  // Compares the content hash with the stored one: unchanged touches nothing; created and
  // changed store the data and (re)queue its export with a fresh retry budget, clearing an
  // earlier rejection — except for a closed deposit, which is never queued again. The status
  // is not touched: derive it and set_status (in the same transaction if wanted).
  virtual UpsertOutcome upsert_deposit(const DepositRecord& deposit) = 0;
  // Intake's look-up before a write: the stored content hash, closed flag and status; nullopt
  // for an unknown deposit. One indexed read.
  virtual std::optional<IntakeState> intake_state(std::string_view deposit_id) = 0;
  // Stores a deposit the store does not have yet (it throws StoreError for a known id), queues
  // its export, and records its first status — decide(facts) with the facts facts() gives for
  // it — with a history row; returns that status. Alone it is atomic; inside transaction() it
  // takes no savepoint of its own (batch intake calls it thousands of times), so when it throws
  // its writes are only undone by the enclosing transaction's rollback: let the exception leave
  // the transaction.
  virtual DepositStatus create_deposit(
      const DepositRecord& deposit,
      const std::function<StatusDecision(const DepositFacts&)>& decide) = 0;
  virtual std::optional<StoredDeposit> get_deposit(std::string_view deposit_id) = 0;
  // Bookings are bank facts and are kept: a deposit with bookings cannot be deleted (close
  // it). Checking the balance is the caller's rule.
  virtual DeleteOutcome delete_deposit(std::string_view deposit_id) = 0;
  // Marks the deposit closed (terminal) and drops its queued export; false when it is
  // unknown or already closed.
  virtual bool close_deposit(std::string_view deposit_id, std::string_view closed_by) = 0;
  virtual DepositPage list_deposits(const DepositFilter& filter) = 0;
  // Count and sums of every deposit the filter matches.
  virtual DepositTotals deposit_totals(const DepositFilter& filter) = 0;
  // The ids of the active (not closed) bank-held deposits on a rental contract.
  virtual std::vector<std::string> active_deposit_ids_for_contract(
      std::string_view rental_contract_no) = 0;

  // ---- ledger figures (reconciliation input)
  // Stores what the ledger has booked as of `as_of`, replacing figures of the same date;
  // false for an unknown deposit.
  virtual bool set_ledger_figures(std::string_view deposit_id, Date as_of, Money paid,
                                  Money balance) = 0;
  // The latest figures with as_of on or before `on_or_before` (nullopt: the latest of all).
  virtual std::optional<LedgerFigures> ledger_figures(std::string_view deposit_id,
                                                      std::optional<Date> on_or_before) = 0;
  // Every deposit's figures as of `as_of`, in deposit_id order, in one pass. fn must not call
  // the store.
  virtual void for_each_reconcile_facts(Date as_of,
                                        const std::function<void(const ReconcileFacts&)>& fn) = 0;

  // ---- export queue (outbox)
  // Queued exports with next_attempt_at <= now, oldest due first; leaves out parked rows,
  // closed deposits and accesses whose credentials were refused.
  virtual std::vector<ExportJob> due_exports(TimePoint now, std::size_t limit) = 0;
  // The bank accepted the data with hash `exported_hash`: records bank_ref and the time, and
  // removes the queue row only if that hash is still the deposit's current one (`current`);
  // otherwise the newer data stays queued (`stale`).
  virtual ExportAck record_export_success(std::string_view deposit_id,
                                          std::string_view exported_hash,
                                          std::string_view bank_ref) = 0;
  // An attempt for `exported_hash` failed: counts it and keeps the error. next_attempt_at
  // schedules the retry; empty parks the row — as rejected (with the field errors) for
  // FailureClass::rejected, as retries exhausted otherwise. Ignored (`stale`) when the data
  // changed since.
  virtual ExportAck record_export_failure(std::string_view deposit_id,
                                          std::string_view exported_hash, const Failure& failure,
                                          std::optional<TimePoint> next_attempt_at) = 0;
  // Queues the current data now with a fresh retry budget and clears rejection/exhaustion;
  // false for an unknown or closed deposit.
  virtual bool retrigger_export(std::string_view deposit_id) = 0;

  // ---- accesses
  // The state of an access; all unset for one never seen.
  virtual AccessState access_state(std::string_view access) = 0;
  virtual std::vector<AccessState> access_states() = 0;
  // Keeps the first refusal's time while the access stays refused.
  virtual void mark_credentials_refused(std::string_view access, std::string_view message) = 0;
  virtual void clear_credentials_refused(std::string_view access) = 0;
  virtual std::optional<std::string> cursor(std::string_view access) = 0;

  // ---- import and bookings
  // Stores bookings, balances, the new cursor and the access's import time in one
  // transaction. Idempotent per (connector, access, bank_ref): a booking already stored is
  // left as it is. Returns how many bookings were new. Throws (and stores nothing) when a
  // booking or balance names an unknown deposit.
  virtual std::size_t import_batch(const ImportBatch& batch) = 0;
  // The feed: bookings with seq > after_seq in seq order.
  virtual std::vector<Booking> bookings_after(std::int64_t after_seq, std::size_t limit) = 0;
  // Unassigned bookings per (connector, access, account) with count and sum, and up to
  // per_account_limit of the oldest of them.
  virtual std::vector<UnassignedGroup> unassigned_bookings(std::size_t per_account_limit) = 0;
  // Assigns an unassigned booking: records who and when and gives it a new feed seq.
  virtual AssignOutcome assign_booking(std::string_view booking_id, std::string_view deposit_id,
                                       std::string_view assigned_by) = 0;

  // ---- sync runtime
  // The deposits of an access (closed ones too) with what an import assigns by, in
  // deposit_id order.
  virtual std::vector<DirectoryEntry> directory(std::string_view access) = 0;
  // due_exports for one access: the same rows and order, only the access's.
  virtual std::vector<ExportJob> due_exports_of(std::string_view access, TimePoint now,
                                                std::size_t limit) = 0;
  // The bank references of the access's bookings that are still unassigned.
  virtual std::vector<std::string> unassigned_bank_refs(std::string_view access) = 0;
  // The earliest next_attempt_at among the access's exports that due_exports_of will return
  // once due; nullopt when none is queued.
  virtual std::optional<TimePoint> next_export_at(std::string_view access) = 0;
  // Stores interest distributions of an access; one already stored (same deposit or, while
  // unassigned, contract number, and period) is updated. Returns how many were new. Throws
  // (and stores nothing) when one names an unknown deposit.
  virtual std::size_t record_interest(std::string_view access,
                                      const std::vector<InterestRecord>& records) = 0;
  // The access's stored interest distributions, by contract number and period.
  virtual std::vector<InterestRecord> interest_records(std::string_view access) = 0;
  // The assignment outbox: bookings of the access assigned by a person (not by the import or
  // the bank's portal) whose assignment was not yet passed to the bank, oldest first.
  virtual std::vector<PendingAssignment> assignments_to_send(std::string_view access,
                                                             std::size_t limit) = 0;
  // The bank took (or cannot take) the assignment: it leaves the outbox.
  virtual void mark_assignment_sent(std::string_view booking_id) = 0;
  // The rate last announced for a trust account of the access; nullopt before the first.
  virtual std::optional<AnnouncedRate> announced_rate(std::string_view access,
                                                      std::string_view trust_account) = 0;
  virtual void record_announced_rate(std::string_view access, std::string_view trust_account,
                                     std::string_view rate, Date valid_from) = 0;

  // ---- status and history
  virtual std::optional<StatusRecord> status(std::string_view deposit_id) = 0;
  // Writes the status and a history row only when it differs from the stored one; returns
  // whether it did. The deposit must exist.
  virtual bool set_status(std::string_view deposit_id, DepositStatus status,
                          std::string_view reason) = 0;
  virtual void record_exchange(const Exchange& exchange) = 0;
  // Status changes and exchanges of the deposit, newest first.
  virtual std::vector<HistoryEntry> history(std::string_view deposit_id, std::size_t limit) = 0;
  // Deposits per connector, access and status.
  virtual std::vector<StatusCount> status_counts() = 0;
  // Per access with waiting exports or unassigned bookings: those figures (for /metrics).
  virtual std::vector<QueueFigures> queue_figures() = 0;
  virtual std::optional<DepositFacts> facts(std::string_view deposit_id) = 0;
  // The deposits whose stored status is `status`.
  virtual std::vector<std::string> deposits_in_status(DepositStatus status) = 0;
  // The facts of every deposit in one pass, in deposit_id order. fn may call other Store
  // functions (e.g. set_status) but not for_each_facts.
  virtual void for_each_facts(
      const std::function<void(std::string_view deposit_id, const DepositFacts& facts)>& fn) = 0;
};

}  // namespace kaution
