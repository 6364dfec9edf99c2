#include "daemon/sync/interest_import.hpp"

#include <spdlog/spdlog.h>

#include "daemon/sync/importer.hpp"

namespace kaution {
namespace {

InterestRecord to_record(const InterestDistribution& d) {
  InterestRecord r;
  if (!d.deposit_id.empty()) r.deposit_id = d.deposit_id;
  r.contract_no = d.contract_no;
  r.period_from = d.period_from;
  r.period_to = d.period_to;
  r.rate = d.rate;
  r.gross = d.gross;
  r.withholding_tax = d.withholding_tax;
  r.solidarity_surcharge = d.solidarity_surcharge;
  r.church_tax = d.church_tax;
  r.net = d.net;
  return r;
}

}  // namespace

std::int64_t InterestImport::run(SyncAccess& access, const DepositDirectory& directory,
                                 CycleTally& tally) {
  std::int64_t added = 0;
  const int this_year = today(m_context.clock).year();
  for (const int year : {this_year - 1, this_year}) {
    auto fetched =
        access.call([&](Connector& c) { return c.interest_distributions(year, directory); });
    tally.record(access.name(), fetched);
    if (!fetched) {
      if (fetched.error().failure_class == FailureClass::credentials)
        mark_refused(m_context, access, fetched.error());
      spdlog::warn("INTEREST_FAILED access={} year={} error=\"{}: {}\"", access.name(), year,
                   to_string(fetched.error().failure_class), fetched.error().message);
      break;
    }
    std::vector<InterestRecord> records;
    records.reserve(fetched->size());
    for (const InterestDistribution& d : *fetched)
      records.push_back(to_record(d));
    try {
      const std::size_t fresh =
          m_context.store.with([&](Store& s) { return s.record_interest(access.name(), records); });
      added += static_cast<std::int64_t>(fresh);
      spdlog::info("INTEREST_DONE access={} year={} distributions={} new={}", access.name(), year,
                   records.size(), fresh);
    } catch (const StoreError& e) {
      spdlog::error("INTEREST_FAILED access={} year={} error=\"not stored: {}\"", access.name(),
                    year, e.what());
      break;
    }
  }
  return added;
}

}  // namespace kaution
