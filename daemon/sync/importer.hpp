#pragma once
// Importer: fetches everything new on one access since its stored cursor, page by page
// (Connector::import_page until !more). Consecutive pages are merged until they hold
// k_store_at_least bookings (or the last page came) and stored in one transaction with the
// last page's cursor (import_batch) — bookings, balances, the bookings the bank's portal
// assigned — so a crash or a failed page keeps every page stored before, loses and doubles
// nothing, and the next import continues from the last stored cursor (pages fetched but not
// stored are fetched again). Fewer, larger transactions: small pages (km: 1,000 bookings)
// each committed alone wrote the same index pages to the WAL again and again. While pages are
// stored the next ones are fetched (PageFeed, on its own thread; the connector still sees one
// call at a time), so the bank's answers and the store overlap. After the run it logs
// IMPORT_DONE access=… bookings=… new=… and, where the bank reports them (dkb), the
// unassigned bookings per account with the portal's address.

#include <chrono>
#include <cstdint>
#include <future>
#include <memory>
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

// An access's import under way: its request (cursor, directory, held unassigned bookings read
// from the store) and its first page, requested on another thread. The scheduler starts the
// next access's import while the current one stores its pages, so that one bank's answer (dkb
// sends everything in one) arrives while another's bookings are stored.
struct ImportStart {
  std::shared_ptr<const DepositDirectory> directory;
  ImportRequest request;  // request.directory points into *directory
  std::future<Result<ImportPage>> first;
  std::chrono::steady_clock::time_point started;
};

class Importer {
 public:
  explicit Importer(SyncContext context) : m_context(context) {}

  // Reads the access's cursor and requests its first page (on another thread).
  ImportStart start(SyncAccess& access, std::shared_ptr<const DepositDirectory> directory);
  // Fetches and stores every page from `start` on.
  ImportSummary run(SyncAccess& access, ImportStart start, CycleTally& tally);

  static constexpr std::size_t k_store_at_least = 20000;             // bookings per transaction
  static constexpr std::size_t k_feed_ahead = 2 * k_store_at_least;  // bookings fetched ahead

 private:
  // Pages fetched and not yet stored, merged into one (the last page's cursor).
  struct Pending {
    ImportPage page;
    std::int64_t pages = 0;
    void add(ImportPage&& next);
  };

  // Stores the pending pages and empties them; false when the store failed (logged).
  bool store_pending(const SyncAccess& access, Pending& pending, ImportSummary& summary);
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
