#pragma once
// Importer: fetches everything new on one access since its stored cursor, page by page
// (Connector::import_page until !more). Each page — bookings, balances, its cursor and the
// bookings the bank's portal assigned since — is stored in one transaction (import_batch),
// so a crash or a failed page keeps every earlier page, loses and doubles nothing, and the
// next import continues from the last stored cursor. While a page is stored the next one is
// fetched (on a second thread; the connector still sees one call at a time), so the bank's
// answer and the store overlap. After the run it logs
// IMPORT_DONE access=… bookings=… new=… and, where the bank reports them (dkb), the
// unassigned bookings per account with the portal's address.

#include <chrono>
#include <cstdint>
#include <optional>

#include "daemon/sync/cycle_tally.hpp"
#include "daemon/sync/sync_access.hpp"
#include "daemon/sync/sync_context.hpp"

namespace kaution {

struct ImportSummary {
  std::int64_t pages = 0;
  std::int64_t bookings = 0;  // as the bank sent them
  std::int64_t added = 0;     // new to the store
  std::int64_t portal_assigned = 0;
  bool complete = false;                            // every page up to !more stored
  std::optional<std::chrono::seconds> retry_after;  // the bank's Retry-After of a failed page
};

class Importer {
 public:
  explicit Importer(SyncContext context) : m_context(context) {}

  ImportSummary run(SyncAccess& access, const DepositDirectory& directory, CycleTally& tally);

 private:
  // Stores one page atomically (moving its bookings and balances out); the number of new
  // bookings and of portal assignments applied.
  std::pair<std::size_t, std::size_t> store_page(const SyncAccess& access, ImportPage& page);
  void log_unassigned(const SyncAccess& access, const std::vector<UnassignedCount>& counts);

  SyncContext m_context;
};

// Records a refusal of the access's credentials: the access pauses until a check succeeds
// (and every status of the access is derived again).
void mark_refused(const SyncContext& context, const SyncAccess& access, const Failure& failure);

}  // namespace kaution
