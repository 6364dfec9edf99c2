#pragma once
// `kautionctl statement parse FILE... [--json]`: every file is parsed and printed (summary or
// JSON on `out`); rejected files are reported on `err` (and in the JSON "errors").

#include <ostream>
#include <string>
#include <vector>

namespace kaution::formats {

// Exit code: 0 when every file parsed, 2 when any was rejected (the others are still printed).
int run_statement_parse(const std::vector<std::string>& files, bool json, std::ostream& out,
                        std::ostream& err);

}  // namespace kaution::formats
