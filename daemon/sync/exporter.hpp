#pragma once
// Exporter: the sender of the outbox. Per access it takes the exports due now
// (Store::due_exports_of), sends them in calls of the connector's batch size (of 8 ×
// max_in_flight for connectors of one deposit per request, which run max_in_flight requests at
// once), and records each result only after the bank answered:
// - accepted → record_export_success with the bank's reference (the row goes unless the data
//   changed meanwhile, then the newer data stays queued);
// - rejected → parked with the bank's field errors: faulty until the data changes or support
//   re-triggers;
// - transient, protocol → retried at next_attempt_at (full jitter, Retry-After honoured), or
//   parked as exhausted (faulty) once the retry budget is spent; the run of the access stops
//   there (the other deposits wait for the access's pause rather than meet the same fault);
// - credentials → the access is marked refused and gets no further call until a check
//   succeeds; the deposits' rows stay queued untouched.
// A crash between the bank's yes and the record only sends the data again: the bank's PUT is
// idempotent. Results are recorded in one transaction per group of calls.

#include <chrono>
#include <cstdint>
#include <optional>

#include "core/retry.hpp"
#include "daemon/sync/cycle_tally.hpp"
#include "daemon/sync/sync_access.hpp"
#include "daemon/sync/sync_context.hpp"

namespace kaution {

struct ExportSummary {
  std::int64_t accepted = 0;
  std::int64_t rejected = 0;
  std::int64_t retried = 0;
  std::int64_t exhausted = 0;
  std::int64_t deferred = 0;  // sent but not recorded: the access refused the credentials
  // The run stopped at a call that failed transiently (or with a protocol error): the access
  // waits before its next call (SyncScheduler), with the bank's Retry-After when it gave one.
  bool stopped = false;
  std::optional<std::chrono::seconds> retry_after;
  ExportSummary& operator+=(const ExportSummary& other);
};

class Exporter {
 public:
  Exporter(SyncContext context, RandomSource& random) : m_context(context), m_random(random) {}
  struct Sent;  // a deposit sent, with the bank's answer for it

  // Exports what is due on `access`; nothing for an inactive access or one without connector.
  ExportSummary run(SyncAccess& access, const RetryPolicy& policy, CycleTally& tally);

 private:
  void send_chunk(SyncAccess& access, std::vector<ExportJob>& chunk, std::vector<Sent>& sent,
                  CycleTally& tally);
  // Records the results; false when the access refused the credentials.
  bool record(SyncAccess& access, std::vector<Sent>& sent, const RetryPolicy& policy,
              ExportSummary& summary);
  void record_failure(Store& store, SyncAccess& access, const Sent& sent, const Failure& failure,
                      const RetryPolicy& policy, ExportSummary& summary);

  SyncContext m_context;
  RandomSource& m_random;
};

}  // namespace kaution
