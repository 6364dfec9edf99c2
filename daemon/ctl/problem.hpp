#pragma once
// The daemon's refusals: application/problem+json (RFC 9457) read tolerantly, and printed for
// people — title, status, detail and every field error.

#include <ostream>
#include <string>
#include <vector>
#include "daemon/ctl/json.hpp"

#include "daemon/ctl/api_client.hpp"

namespace kaution::ctl {

struct ProblemFieldError {
  std::string field;
  std::string message;
};

struct ProblemReport {
  int status = 0;
  std::string title;
  std::string detail;
  std::vector<ProblemFieldError> errors;
};

// Any error answer: a problem document, other JSON (its "message"/"error" when present), or text
// (the body, shortened, as the detail). Missing members stay empty; extra members are ignored.
ProblemReport read_problem(const ApiResponse& response);

// Field errors from a JSON value: an array of {"field", "message"} (strings also accepted).
std::vector<ProblemFieldError> read_field_errors(const Json& errors);

// "kautionctl: <title> (HTTP <status>)", then the detail and "  <field>: <message>" per error.
void print_problem(const ProblemReport& problem, std::ostream& err);

// "<field>: <message>", or the message alone when the field is empty.
std::string format(const ProblemFieldError& error);

}  // namespace kaution::ctl
