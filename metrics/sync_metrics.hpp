#pragma once
// What the sync runtime and the bank HTTP client report, as one-line calls into the process's
// metrics registry (Registry::global()). Labels are bounded sets: access names from the config,
// result words, operations of the connector contract — never a deposit id.
//
//   kautiond_exports_total{access,result}          result: accepted | rejected | credentials |
//                                                   transient | protocol (per deposit)
//   kautiond_export_retries_total{access}          exports put back for another attempt
//   kautiond_imports_total{access,result}          import runs: ok | interrupted | store |
//                                                   credentials | transient | protocol | rejected
//   kautiond_bookings_imported_total{access}       bookings new to the store
//   kautiond_bank_request_duration_seconds{access,operation}  histogram of every bank exchange

#include <chrono>
#include <cstdint>
#include <string_view>

#include "core/failure.hpp"

namespace kaution::metrics {

// The word for a result: "accepted" for a success, else the failure class.
std::string_view result_word(const Failure* failure, std::string_view success = "accepted");

void export_result(std::string_view access, const Failure* failure);
template <class T>
void export_result(std::string_view access, const Result<T>& result) {
  export_result(access, result ? nullptr : &result.error());
}
void export_retry(std::string_view access);
void import_finished(std::string_view access, std::string_view result, std::int64_t new_bookings);
void bank_request(std::string_view access, std::string_view operation,
                  std::chrono::milliseconds duration);

// The connector operation under way on this thread ("check", "export", "import", …), for the
// duration histogram; "other" when none is set. Set by OperationScope, whose argument must be a
// string literal (it is kept as a view).
std::string_view current_operation();

class OperationScope {
 public:
  explicit OperationScope(std::string_view operation);
  ~OperationScope();
  OperationScope(const OperationScope&) = delete;
  OperationScope& operator=(const OperationScope&) = delete;

 private:
  std::string_view m_previous;
};

}  // namespace kaution::metrics
