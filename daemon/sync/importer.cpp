#include "daemon/sync/importer.hpp"

#include <spdlog/spdlog.h>

#include <chrono>
#include <future>
#include <iterator>

#include "daemon/sync/page_feed.hpp"
#include "metrics/sync_metrics.hpp"
#include "queue/content_hash.hpp"

namespace kaution {
namespace {

constexpr std::string_view k_portal = "bank_portal";

// Applies one portal assignment inside the page's transaction; true when it assigned.
bool apply_portal_assignment(Store& store, const SyncAccess& access, const PortalAssignment& pa) {
  const std::string booking_id =
      booking_id_for(access.connector_name(), access.name(), pa.bank_ref);
  const AssignOutcome outcome = store.assign_booking(booking_id, pa.deposit_id, k_portal);
  if (outcome == AssignOutcome::assigned) {
    spdlog::info("PORTAL_ASSIGNED access={} booking={} deposit={}", access.name(), pa.bank_ref,
                 pa.deposit_id);
    return true;
  }
  if (outcome != AssignOutcome::already_assigned)
    spdlog::warn("PORTAL_ASSIGNMENT_IGNORED access={} booking={} deposit={} reason={}",
                 access.name(), pa.bank_ref, pa.deposit_id,
                 outcome == AssignOutcome::unknown_booking ? "unknown booking" : "unknown deposit");
  return false;
}

std::string failure_text(const Failure& f) {
  return std::string(to_string(f.failure_class)) + ": " + f.message;
}

}  // namespace

void mark_refused(const SyncContext& context, const SyncAccess& access, const Failure& failure) {
  context.store.with([&](Store& s) { s.mark_credentials_refused(access.name(), failure.message); });
  if (context.touched) context.touched->everything = true;
  spdlog::error("CREDENTIALS_REFUSED access={} message=\"{}\"", access.name(), failure.message);
}

namespace {

Result<ImportPage> fetch_page(SyncAccess& access, const ImportRequest& request) {
  return access.call([&](Connector& c) { return c.import_page(request); });
}

}  // namespace

ImportStart Importer::start(SyncAccess& access, std::shared_ptr<const DepositDirectory> directory) {
  ImportStart start{std::move(directory),
                    ImportRequest{std::nullopt, today(m_context.clock), nullptr, {}},
                    {},
                    std::chrono::steady_clock::now()};
  start.request.directory = start.directory.get();
  m_context.store.with([&](Store& s) {
    start.request.cursor = s.cursor(access.name());
    start.request.held_unassigned = s.unassigned_bank_refs(access.name());
  });
  start.first = std::async(std::launch::async, fetch_page, std::ref(access), start.request);
  return start;
}

ImportSummary Importer::run(SyncAccess& access, ImportStart start, CycleTally& tally) {
  ImportSummary summary;
  const auto started = start.started;
  ImportRequest request = std::move(start.request);
  std::vector<UnassignedCount> unassigned;
  Pending pending;
  PageFeed feed([&access](const ImportRequest& r) { return fetch_page(access, r); }, request,
                std::move(start.first), m_context.clock, k_feed_ahead);
  while (!m_context.stopping) {
    Result<ImportPage> page = feed.next();
    if (page && page->more && request.cursor == page->cursor)
      page = std::unexpected(Failure{
          FailureClass::protocol, "more pages announced but the cursor did not advance", {}, {}});
    tally.record(access.name(), page);
    if (!page) {
      if (!store_pending(access, pending, summary)) return summary;  // the pages before it
      if (page.error().failure_class == FailureClass::credentials)
        mark_refused(m_context, access, page.error());
      summary.retry_after = page.error().retry_after;
      spdlog::warn("IMPORT_FAILED access={} pages_stored={} error=\"{}\"", access.name(),
                   summary.pages, failure_text(page.error()));
      metrics::import_finished(access.name(), to_string(page.error().failure_class), summary.added);
      return summary;
    }
    request.cursor = page->cursor;
    for (const std::string& w : page->warnings)
      spdlog::warn("IMPORT_WARNING access={} {}", access.name(), w);
    if (!page->unassigned.empty()) unassigned = page->unassigned;
    const bool last = !page->more;
    pending.add(std::move(*page));
    if ((last || pending.page.bookings.size() >= k_store_at_least) &&
        !store_pending(access, pending, summary))
      return summary;
    if (last) {
      summary.complete = true;
      break;
    }
  }
  if (!store_pending(access, pending, summary)) return summary;  // stopping: keep what came
  spdlog::info(
      "IMPORT_DONE access={} bookings={} new={} pages={} portal_assigned={} seconds={:.3f}{}",
      access.name(), summary.bookings, summary.added, summary.pages, summary.portal_assigned,
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count(),
      summary.complete ? "" : " interrupted=true");
  metrics::import_finished(access.name(), summary.complete ? "ok" : "interrupted", summary.added);
  log_unassigned(access, unassigned);
  return summary;
}

void Importer::Pending::add(ImportPage&& next) {
  ++pages;
  if (pages == 1) {
    page = std::move(next);
    return;
  }
  const auto append = [](auto& into, auto& from) {
    into.insert(into.end(), std::make_move_iterator(from.begin()),
                std::make_move_iterator(from.end()));
  };
  append(page.bookings, next.bookings);
  append(page.balances, next.balances);
  append(page.portal_assignments, next.portal_assignments);
  page.cursor = std::move(next.cursor);
  page.more = next.more;
}

bool Importer::store_pending(const SyncAccess& access, Pending& pending, ImportSummary& summary) {
  if (pending.pages == 0) return true;
  const auto sent = static_cast<std::int64_t>(pending.page.bookings.size());
  try {
    const auto [added, assigned] = store_page(access, pending.page);
    summary.added += static_cast<std::int64_t>(added);
    summary.portal_assigned += static_cast<std::int64_t>(assigned);
  } catch (const StoreError& e) {
    spdlog::error("IMPORT_FAILED access={} pages_stored={} error=\"page not stored: {}\"",
                  access.name(), summary.pages, e.what());
    metrics::import_finished(access.name(), "store", summary.added);
    return false;
  }
  summary.pages += pending.pages;
  summary.bookings += sent;
  if (m_context.touched) m_context.touched->imported = true;
  pending = Pending{};
  return true;
}

std::pair<std::size_t, std::size_t> Importer::store_page(const SyncAccess& access,
                                                         ImportPage& page) {
  for (const BalanceRecord& balance : page.balances)
    m_context.touch(balance.deposit_id);
  ImportBatch batch{std::string(access.connector_name()), access.name(), std::move(page.bookings),
                    std::move(page.balances), page.cursor};
  return m_context.store.with([&](Store& s) {
    std::pair<std::size_t, std::size_t> counts{0, 0};
    s.transaction([&] {
      m_context.write_exchanges(s);
      counts.first = s.import_batch(batch);
      for (const PortalAssignment& pa : page.portal_assignments)
        if (apply_portal_assignment(s, access, pa)) ++counts.second;
    });
    return counts;
  });
}

void Importer::log_unassigned(const SyncAccess& access,
                              const std::vector<UnassignedCount>& counts) {
  const std::string portal = access.config().dkb && access.config().dkb->portal_url
                                 ? *access.config().dkb->portal_url
                                 : std::string("-");
  for (const UnassignedCount& c : counts)
    if (c.count > 0)
      spdlog::info("UNASSIGNED access={} iban={} count={} portal={}", access.name(), c.account,
                   c.count, portal);
}

}  // namespace kaution
