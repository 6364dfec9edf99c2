#include "daemon/sync/closer.hpp"

#include <spdlog/spdlog.h>

#include "daemon/sync/importer.hpp"

namespace kaution {
namespace {

constexpr std::int64_t k_page = 500;
constexpr std::string_view k_closed_by = "auto";

}  // namespace

std::vector<StoredDeposit> Closer::ending(const SyncAccess& access) {
  std::vector<StoredDeposit> found;
  DepositFilter filter;
  filter.status = DepositStatus::ending;
  filter.access = access.name();
  filter.closed = false;
  filter.limit = k_page;
  for (;;) {
    DepositPage page = m_context.store.with([&](Store& s) { return s.list_deposits(filter); });
    const auto n = static_cast<std::int64_t>(page.items.size());
    std::move(page.items.begin(), page.items.end(), std::back_inserter(found));
    if (n < k_page) return found;
    filter.offset += n;
  }
}

bool Closer::still_ending(const StoredDeposit& deposit, const StatusRules& rules) {
  const auto facts =
      m_context.store.with([&](Store& s) { return s.facts(deposit.deposit.deposit_id); });
  return facts &&
         derive_status(*facts, today(m_context.clock), rules).status == DepositStatus::ending;
}

std::int64_t Closer::run(SyncAccess& access, const StatusRules& rules, CycleTally& tally) {
  std::int64_t closed = 0;
  if (!access.active() || !access.has_connector()) return closed;
  for (const StoredDeposit& deposit : ending(access)) {
    if (m_context.stopping) break;
    if (!still_ending(deposit, rules)) continue;
    if (!close(access, deposit, tally, closed)) break;
  }
  return closed;
}

bool Closer::close(SyncAccess& access, const StoredDeposit& deposit, CycleTally& tally,
                   std::int64_t& closed) {
  const std::string& id = deposit.deposit.deposit_id;
  const bool at_bank = deposit.bank.last_export_ok_at.has_value();
  if (at_bank) {
    const CloseRequest request{id, deposit.deposit.rental_contract_no, deposit.bank.bank_ref};
    const Result<void> done = access.call([&](Connector& c) { return c.close(request); });
    tally.record(access.name(), done);
    if (!done) {
      const Failure& f = done.error();
      if (f.failure_class == FailureClass::credentials) mark_refused(m_context, access, f);
      spdlog::warn("CLOSE_FAILED deposit={} access={} class={} message=\"{}\"", id, access.name(),
                   to_string(f.failure_class), f.message);
      return f.failure_class == FailureClass::rejected;
    }
  }
  if (m_context.store.with([&](Store& s) { return s.close_deposit(id, k_closed_by); })) {
    m_context.touch(id);
    ++closed;
    spdlog::info("DEPOSIT_CLOSED deposit={} access={} at_bank={}", id, access.name(), at_bank);
  }
  return true;
}

}  // namespace kaution
