#pragma once
// `kautionctl deposits import FILE`: reads .json/.ndjson/.csv (import_source.hpp), sends the
// deposits in batches to POST /api/v1/deposits:batch, shows a progress bar on a terminal and a
// summary at the end (import_report.hpp).
//
// Exit code: 0 when every deposit was accepted (created, changed or unchanged); 1 when any was
// rejected (here or by the daemon) or the daemon refused a whole batch (the import stops; its
// problem is printed); 2 when the file cannot be read or the daemon cannot be reached.

#include <cstddef>
#include <filesystem>
#include <optional>
#include <ostream>

#include "daemon/ctl/command.hpp"

namespace kaution::ctl {

inline constexpr std::size_t k_max_batch_deposits = 10000;         // ledger-api.md
inline constexpr std::size_t k_max_batch_bytes = 9 * 1024 * 1024;  // under the 10 MiB default

struct ImportOptions {
  std::filesystem::path file;
  std::optional<std::filesystem::path> rejected_out;
  std::size_t batch_size = k_max_batch_deposits;  // 1..10,000
  std::size_t batch_bytes = k_max_batch_bytes;    // a batch body stays below this
  std::ostream* progress = nullptr;               // the terminal; nullptr: no bar
};

// A batch the daemon answers with 413 is split in halves and sent again; a single deposit still
// too large is rejected.
int import_deposits(const Context& ctx, const ImportOptions& options);

}  // namespace kaution::ctl
