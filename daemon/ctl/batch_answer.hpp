#pragma once
// The answer of POST /api/v1/deposits:batch, read tolerantly: ledger-api.md says only that it
// "lists each result". Accepted: an array, or an object with "results" (or "items"/"deposits");
// each result an object with the deposit_id and its outcome as a word ("created", "changed",
// "updated", "unchanged", "rejected", "invalid", under "result", "outcome", "action" or
// "status"), or flags ("created"/"changed": bool), or an HTTP-like code ("http_status"/"code":
// 201 created, 4xx rejected), and its "errors" (or a "problem" object) when rejected.

#include <string>
#include <vector>
#include "daemon/ctl/json.hpp"

#include "daemon/ctl/problem.hpp"

namespace kaution::ctl {

enum class Outcome { created, changed, unchanged, rejected, unknown };

struct BatchResult {
  Outcome outcome = Outcome::unknown;
  std::string deposit_id;                 // "" when the result does not say
  std::vector<ProblemFieldError> errors;  // why, when rejected
};

std::vector<BatchResult> read_batch_answer(const Json& answer);

}  // namespace kaution::ctl
