#pragma once
// Closer: deposits in status `ending` (valid_until past, bank balance none or 0) are closed at
// the bank (Connector::close) and then locally (Store::close_deposit, closed_by "auto"). The
// status is derived again from the facts right before, so a deposit whose data or balance
// changed since is left alone. A deposit the bank never accepted is closed locally only. A
// refusal by the bank (e.g. balance not zero there) leaves it open: the next import brings the
// balance and with it the right status.

#include <cstdint>

#include "daemon/sync/cycle_tally.hpp"
#include "daemon/sync/sync_access.hpp"
#include "daemon/sync/sync_context.hpp"
#include "mapping/status.hpp"

namespace kaution {

class Closer {
 public:
  explicit Closer(SyncContext context) : m_context(context) {}

  // The number of deposits closed.
  std::int64_t run(SyncAccess& access, const StatusRules& rules, CycleTally& tally);

 private:
  std::vector<StoredDeposit> ending(const SyncAccess& access);
  bool still_ending(const StoredDeposit& deposit, const StatusRules& rules);
  // false when the access stops answering (credentials, transient): try the rest later.
  bool close(SyncAccess& access, const StoredDeposit& deposit, CycleTally& tally,
             std::int64_t& closed);

  SyncContext m_context;
};

}  // namespace kaution
