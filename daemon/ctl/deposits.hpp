#pragma once
// `kautionctl deposits …`: list, show, history, put, delete, close, ledger figures, export.
// Paths and bodies as in specs/ledger-api.md.

#include <istream>
#include <optional>
#include <string>

#include "daemon/ctl/command.hpp"

namespace kaution::ctl {

struct DepositFilter {
  std::optional<std::string> status, connector, access, q, from;
  std::optional<std::string> offset, limit;  // paging of the daemon's list
  bool active_only = false;
  bool ended_only = false;
};

// GET /api/v1/deposits with the filters (--from as YYYY-MM-DD or DD.MM.YYYY); a table and the
// sums.
int deposits_list(const Context& ctx, DepositFilter filter);
// GET /api/v1/deposits/{id}: every field as a key/value line.
int deposits_show(const Context& ctx, const std::string& id);
// GET /api/v1/deposits/{id}/history, newest first.
int deposits_history(const Context& ctx, const std::string& id);
// PUT /api/v1/deposits/{deposit_id} with the JSON object read from `file` ("-": `in`); the id
// is the object's "deposit_id". An unreadable file or no object: exit 2 before sending.
int deposits_put(const Context& ctx, const std::string& file, std::istream& in);
int deposits_delete(const Context& ctx, const std::string& id);  // DELETE …/{id}
int deposits_close(const Context& ctx, const std::string& id);   // POST …/{id}/close
int deposits_export(const Context& ctx, const std::string& id);  // POST …/{id}/export

struct LedgerFigures {
  std::string paid;     // "1340.00" or "1.340,00"; sent as "1340.00"
  std::string balance;  // likewise
  std::string as_of;    // YYYY-MM-DD or DD.MM.YYYY; sent as YYYY-MM-DD
};
// PUT /api/v1/deposits/{id}/ledger; amounts and date checked first (exit 2 when invalid).
int deposits_ledger(const Context& ctx, const std::string& id, const LedgerFigures& figures);

}  // namespace kaution::ctl
