#pragma once
// RateAnnouncer (km ZinssatzMitteilen): tells the bank each trust account's configured interest
// rate once — when first configured and whenever rate or valid_from change. The last rate the
// bank accepted is kept in the store per access and trust account, so a restart announces
// nothing twice; a failed announcement is tried again on the next run.

#include <cstdint>

#include "daemon/sync/cycle_tally.hpp"
#include "daemon/sync/sync_access.hpp"
#include "daemon/sync/sync_context.hpp"

namespace kaution {

class RateAnnouncer {
 public:
  explicit RateAnnouncer(SyncContext context) : m_context(context) {}

  // The number of rates announced; nothing for accesses without trust-account rates.
  std::int64_t run(SyncAccess& access, CycleTally& tally);

 private:
  bool announced(const SyncAccess& access, const TrustAccount& account);

  SyncContext m_context;
};

}  // namespace kaution
