#include "daemon/sync/assignment_sender.hpp"

#include <spdlog/spdlog.h>

#include "daemon/sync/importer.hpp"

namespace kaution {
namespace {

constexpr std::size_t k_fetch_limit = 100;

}  // namespace

std::int64_t AssignmentSender::run(SyncAccess& access, CycleTally& tally) {
  std::int64_t sent = 0;
  if (!access.active() || !access.has_connector()) return sent;
  while (!m_context.stopping) {
    const auto pending = m_context.store.with(
        [&](Store& s) { return s.assignments_to_send(access.name(), k_fetch_limit); });
    for (const PendingAssignment& p : pending) {
      if (m_context.stopping || !send(access, p, tally)) return sent;
      ++sent;
    }
    if (pending.size() < k_fetch_limit) break;
  }
  return sent;
}

bool AssignmentSender::send(SyncAccess& access, const PendingAssignment& p, CycleTally& tally) {
  const AssignRequest request{p.booking_bank_ref, p.deposit_id, p.contract_no, p.deposit_bank_ref};
  const Result<bool> taken = access.call([&](Connector& c) { return c.assign(request); });
  // false: the bank's interface takes no assignments (dkb) and was not called, so no answer.
  if (!taken || *taken) tally.record(access.name(), taken);
  if (!taken && taken.error().failure_class != FailureClass::rejected) {
    const Failure& f = taken.error();
    if (f.failure_class == FailureClass::credentials) mark_refused(m_context, access, f);
    spdlog::warn("ASSIGNMENT_RETRY access={} booking={} deposit={} class={} message=\"{}\"",
                 access.name(), p.booking_bank_ref, p.deposit_id, to_string(f.failure_class),
                 f.message);
    return false;
  }
  m_context.store.with([&](Store& s) { s.mark_assignment_sent(p.booking_id); });
  if (taken)
    spdlog::info("ASSIGNMENT_SENT access={} booking={} deposit={} by={} at_bank={}", access.name(),
                 p.booking_bank_ref, p.deposit_id, p.assigned_by, *taken);
  else
    spdlog::error("ASSIGNMENT_REFUSED access={} booking={} deposit={} message=\"{}\"",
                  access.name(), p.booking_bank_ref, p.deposit_id, taken.error().message);
  return true;
}

}  // namespace kaution
