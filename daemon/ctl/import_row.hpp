#pragma once
// One deposit read for `kautionctl deposits import`: where it came from, the JSON to send, or
// why it could not be made here (then it is rejected without being sent).

#include <cstddef>
#include <string>
#include <vector>
#include "daemon/ctl/json.hpp"

#include "daemon/ctl/problem.hpp"

namespace kaution::ctl {

struct ImportRow {
  std::size_t row = 0;                    // CSV/NDJSON: line; JSON array: position (1-based)
  std::string deposit_id;                 // "" when unknown
  Json deposit;                           // the object to send; null when `errors` is not empty
  std::vector<ProblemFieldError> errors;  // found here; the row is not sent
  std::vector<std::string> csv_fields;    // CSV: the row as read, for --rejected-out
  std::string source;                     // JSON/NDJSON: the element as read
};

}  // namespace kaution::ctl
