#pragma once
// `kautionctl reconciliation [--as-of DATE] [--all] [--csv [--bom]]`.

#include <optional>
#include <string>

#include "daemon/ctl/command.hpp"

namespace kaution::ctl {

struct ReconciliationQuery {
  std::optional<std::string> as_of;  // YYYY-MM-DD or DD.MM.YYYY
  bool all = false;                  // every deposit, not only those that differ
  bool csv = false;                  // ';'-separated CSV with a header row
  bool bom = false;                  // CSV starts with a UTF-8 BOM (for spreadsheets)
};

// GET /api/v1/reconciliation?as_of=&all=true. CSV is asked for with "Accept: text/csv"; when
// the daemon answers JSON instead, the rows are written as CSV here, same columns as the JSON.
int show_reconciliation(const Context& ctx, const ReconciliationQuery& query);

}  // namespace kaution::ctl
