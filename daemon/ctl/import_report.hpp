#pragma once
// What `kautionctl deposits import` tells at the end: the counts, each rejected row with its
// reasons (on screen, as JSON, and in the --rejected-out file).

#include <cstddef>
#include <expected>
#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

#include "daemon/ctl/import_source.hpp"

namespace kaution::ctl {

struct Rejection {
  std::size_t index = 0;  // into ImportSource::rows
  std::vector<ProblemFieldError> errors;
};

struct ImportTally {
  std::size_t created = 0, changed = 0, unchanged = 0, unknown = 0;
  std::size_t batches = 0;
  std::size_t not_sent = 0;  // left when the import stopped early
  std::vector<Rejection> rejected;
};

// "<file>: 25 deposits in 3 batches" / "created 10, changed 5, unchanged 8, rejected 2" and
// the rejected rows ("  row 4 D-1: field: message"), at most 100 of them.
void print_summary(std::ostream& out, const std::string& file, const ImportSource& source,
                   const ImportTally& tally);

// {"file", "deposits", "batches", "created", "changed", "unchanged", "rejected", "not_sent",
//  "rejections": [{"row", "deposit_id", "errors": [{"field", "message"}]}]}
void print_summary_json(std::ostream& out, const std::string& file, const ImportSource& source,
                        const ImportTally& tally);

// The rejected rows: a CSV source as CSV (its header plus "rejected_reasons", which a later
// import ignores, so the fixed file can be imported again); JSON/NDJSON as NDJSON lines
// {"row", "deposit_id", "errors", "deposit"}.
std::expected<void, std::string> write_rejected(const std::filesystem::path& path,
                                                const ImportSource& source,
                                                const ImportTally& tally);

}  // namespace kaution::ctl
