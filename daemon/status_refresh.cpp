#include "daemon/status_refresh.hpp"

#include <spdlog/spdlog.h>

namespace kaution {

RefreshResult refresh_statuses(Store& store, Date today, const StatusRules& rules) {
  RefreshResult result;
  store.transaction([&] {
    store.for_each_facts([&](std::string_view deposit_id, const DepositFacts& facts) {
      ++result.deposits;
      const DerivedStatus derived = derive_status(facts, today, rules);
      const auto before = store.status(deposit_id);
      if (!store.set_status(deposit_id, derived.status, derived.reason)) return;
      ++result.changed;
      spdlog::info("STATUS_CHANGED deposit={} old={} new={} reason=\"{}\"", deposit_id,
                   before ? to_string(before->status) : "none", to_string(derived.status),
                   derived.reason);
    });
  });
  return result;
}

}  // namespace kaution
