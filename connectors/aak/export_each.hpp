#pragma once
// Exports of profiles that take one deposit per request (aak, dkb).

#include <mutex>
#include <optional>
#include <span>
#include <vector>

#include "connectors/connector.hpp"
#include "connectors/http/parallel.hpp"

namespace kaution::connectors {

// export_one(item) for each item: the first alone (a refused token or a 429 costs one request),
// then the others up to `parallel` at once (the access's max_in_flight); the results in the
// order of the items. After a credentials, transient or protocol failure the bank is not asked
// again (the exporter pauses the access after such a call, daemon/sync/exporter.cpp):
// items not yet started carry the same failure (no retry storm); those already under way
// finish. export_one must be thread-safe.
template <typename ExportOne>
std::vector<ExportResult> export_each(std::span<const ExportItem> items, std::size_t parallel,
                                      ExportOne&& export_one) {
  std::vector<std::optional<ExportResult>> slots(items.size());
  std::mutex stop_mutex;
  std::optional<Failure> stop;
  const auto one = [&](std::size_t i) {
    {
      const std::lock_guard lock(stop_mutex);
      if (stop) {
        slots[i] = ExportResult{items[i].deposit_id, std::unexpected(*stop), {}};
        return;
      }
    }
    ExportResult result = export_one(items[i]);
    const Result<std::string>& ref = result.bank_ref;
    if (!ref && ref.error().failure_class != FailureClass::rejected) {
      const std::lock_guard lock(stop_mutex);
      if (!stop) stop = ref.error();
    }
    slots[i] = std::move(result);
  };
  if (!items.empty()) one(0);
  if (items.size() > 1)
    httpclient::parallel_for(items.size() - 1, parallel, [&](std::size_t i) { one(i + 1); });
  std::vector<ExportResult> out;
  out.reserve(items.size());
  for (std::optional<ExportResult>& slot : slots)
    out.push_back(std::move(*slot));
  return out;
}

}  // namespace kaution::connectors
