#include "daemon/sync/rate_announcer.hpp"

#include <spdlog/spdlog.h>

#include "daemon/sync/importer.hpp"

namespace kaution {

bool RateAnnouncer::announced(const SyncAccess& access, const TrustAccount& account) {
  const auto last = m_context.store.with(
      [&](Store& s) { return s.announced_rate(access.name(), account.iban.str()); });
  return last && last->rate == account.interest_rate && last->valid_from == account.valid_from;
}

std::int64_t RateAnnouncer::run(SyncAccess& access, CycleTally& tally) {
  if (!access.config().km) return 0;
  std::int64_t count = 0;
  for (const TrustAccount& account : access.config().km->trust_accounts) {
    if (account.interest_rate.empty() || announced(access, account)) continue;
    auto sent = access.call([&](Connector& c) { return c.announce_interest_rate(account); });
    tally.record(access.name(), sent);
    if (!sent) {
      if (sent.error().failure_class == FailureClass::credentials)
        mark_refused(m_context, access, sent.error());
      spdlog::warn("RATE_ANNOUNCE_FAILED access={} trust_account={} rate={} error=\"{}: {}\"",
                   access.name(), account.iban.str(), account.interest_rate,
                   to_string(sent.error().failure_class), sent.error().message);
      if (sent.error().failure_class != FailureClass::rejected) break;
      continue;
    }
    m_context.store.with([&](Store& s) {
      s.record_announced_rate(access.name(), account.iban.str(), account.interest_rate,
                              account.valid_from);
    });
    ++count;
    spdlog::info("RATE_ANNOUNCED access={} trust_account={} rate={} valid_from={}", access.name(),
                 account.iban.str(), account.interest_rate, account.valid_from.to_string());
  }
  return count;
}

}  // namespace kaution
