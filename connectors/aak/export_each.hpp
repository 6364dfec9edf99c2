#pragma once
// Exports of profiles that take one deposit per request (aak, dkb).

#include <optional>
#include <span>
#include <vector>

#include "connectors/connector.hpp"

namespace kaution::connectors {

// export_one(item) for each item in order. After a credentials or transient failure the
// bank is not asked again: the remaining items carry the same failure (no retry storm).
template <typename ExportOne>
std::vector<ExportResult> export_each(std::span<const ExportItem> items, ExportOne&& export_one) {
  std::vector<ExportResult> out;
  out.reserve(items.size());
  std::optional<Failure> stop;
  for (const ExportItem& item : items) {
    if (stop) {
      out.push_back(ExportResult{item.deposit_id, std::unexpected(*stop), {}});
      continue;
    }
    out.push_back(export_one(item));
    const Result<std::string>& ref = out.back().bank_ref;
    if (!ref && (ref.error().failure_class == FailureClass::credentials ||
                 ref.error().failure_class == FailureClass::transient))
      stop = ref.error();
  }
  return out;
}

}  // namespace kaution::connectors
