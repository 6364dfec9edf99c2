#include "daemon/status_refresh.hpp"

#include <spdlog/spdlog.h>

namespace kaution {

namespace {

// Derives one deposit's status and records a change.
void derive_one(Store& store, std::string_view deposit_id, const DepositFacts& facts, Date today,
                const StatusRules& rules, RefreshResult& result) {
  ++result.deposits;
  const DerivedStatus derived = derive_status(facts, today, rules);
  const auto before = store.status(deposit_id);
  if (before && before->status == derived.status) return;
  if (!store.set_status(deposit_id, derived.status, derived.reason)) return;
  ++result.changed;
  spdlog::info("STATUS_CHANGED deposit={} old={} new={} reason=\"{}\"", deposit_id,
               before ? to_string(before->status) : "none", to_string(derived.status),
               derived.reason);
}

}  // namespace

RefreshResult refresh_statuses(Store& store, Date today, const StatusRules& rules) {
  RefreshResult result;
  store.transaction([&] {
    store.for_each_facts([&](std::string_view deposit_id, const DepositFacts& facts) {
      derive_one(store, deposit_id, facts, today, rules, result);
    });
  });
  return result;
}

RefreshResult refresh_statuses_of(Store& store, const std::vector<std::string>& ids, Date today,
                                  const StatusRules& rules) {
  RefreshResult result;
  store.transaction([&] {
    for (const std::string& id : ids)
      if (const auto facts = store.facts(id)) derive_one(store, id, *facts, today, rules, result);
  });
  return result;
}

}  // namespace kaution
