#pragma once
// AssignmentSender: the outbox of manual assignments [Zuordnung]. A booking that support staff
// assigned (Store::assign_booking) is passed to the bank where its interface takes one
// (Connector::assign) and leaves the outbox once the bank took it, or cannot take it (dkb:
// the portal), or refused it (unknown, already assigned: logged, never retried). A transient
// failure leaves it for the next run; a crash before the record only sends it again.

#include <cstdint>

#include "daemon/sync/cycle_tally.hpp"
#include "daemon/sync/sync_access.hpp"
#include "daemon/sync/sync_context.hpp"

namespace kaution {

class AssignmentSender {
 public:
  explicit AssignmentSender(SyncContext context) : m_context(context) {}

  // The number of assignments that left the outbox.
  std::int64_t run(SyncAccess& access, CycleTally& tally);

 private:
  // false when the access stopped answering: try the rest later.
  bool send(SyncAccess& access, const PendingAssignment& pending, CycleTally& tally);

  SyncContext m_context;
};

}  // namespace kaution
