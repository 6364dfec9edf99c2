#pragma once
// Derives every deposit's status from its stored facts and records each change once: in the
// store's history (with time, old, new and reason) and as one log line.

#include <cstdint>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "mapping/status.hpp"
#include "queue/store.hpp"

namespace kaution {

struct RefreshResult {
  std::int64_t deposits = 0;
  std::int64_t changed = 0;
};

RefreshResult refresh_statuses(Store& store, Date today, const StatusRules& rules);
// The same for the deposits `ids` only (unknown ids are skipped), in one transaction.
RefreshResult refresh_statuses_of(Store& store, const std::vector<std::string>& ids, Date today,
                                  const StatusRules& rules);

}  // namespace kaution
