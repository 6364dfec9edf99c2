#pragma once
// Interest distributions [Zinsverteilungen]: fetched for last year and this year (a bank
// distributes a year's interest early in the next) and stored per deposit and period; a
// distribution fetched again updates the stored one. Logs INTEREST_DONE access=… year=… ….

#include <cstdint>

#include "daemon/sync/cycle_tally.hpp"
#include "daemon/sync/sync_access.hpp"
#include "daemon/sync/sync_context.hpp"

namespace kaution {

class InterestImport {
 public:
  explicit InterestImport(SyncContext context) : m_context(context) {}

  // The number of distributions new to the store; stops at the first failed call.
  std::int64_t run(SyncAccess& access, const DepositDirectory& directory, CycleTally& tally);

 private:
  SyncContext m_context;
};

}  // namespace kaution
