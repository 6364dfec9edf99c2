#pragma once
// Failure: what went wrong with a piece of per-deposit or per-request work, with its class
// (specs/connectors.md), which decides what happens next.

#include <chrono>
#include <expected>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kaution {

enum class FailureClass { rejected, credentials, transient, protocol };

std::string_view to_string(FailureClass c);

struct FieldError {
  std::string field;    // e.g. "tenants[0].lastName" or "/accesses/1/name"
  std::string code;     // e.g. "TOO_LONG"; may be empty
  std::string message;  // fit for an operator; never contains a secret
  bool operator==(const FieldError&) const = default;
};

struct Failure {
  FailureClass failure_class = FailureClass::transient;
  std::string message;
  std::vector<FieldError> fields;
  std::optional<std::chrono::seconds> retry_after;  // from the bank's Retry-After
};

template <typename T>
using Result = std::expected<T, Failure>;

}  // namespace kaution
