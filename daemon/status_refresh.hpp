#pragma once
// Derives every deposit's status from its stored facts and records each change once: in the
// store's history (with time, old, new and reason) and as one log line.

#include <cstdint>

#include "core/date.hpp"
#include "mapping/status.hpp"
#include "queue/store.hpp"

namespace kaution {

struct RefreshResult {
  std::int64_t deposits = 0;
  std::int64_t changed = 0;
};

RefreshResult refresh_statuses(Store& store, Date today, const StatusRules& rules);

}  // namespace kaution
