#include "metrics/sync_metrics.hpp"

#include "metrics/registry.hpp"

namespace kaution::metrics {
namespace {

thread_local std::string_view t_operation;

}  // namespace

std::string_view result_word(const Failure* failure, std::string_view success) {
  return failure ? to_string(failure->failure_class) : success;
}

void export_result(std::string_view access, const Failure* failure) {
  Registry::global().counter_add("kautiond_exports_total",
                                 "Deposit exports answered, by access and result.",
                                 {{"access", access}, {"result", result_word(failure)}});
}

void export_retry(std::string_view access) {
  Registry::global().counter_add("kautiond_export_retries_total",
                                 "Exports scheduled for another attempt after a failure.",
                                 {{"access", access}});
}

void import_finished(std::string_view access, std::string_view result, std::int64_t new_bookings) {
  Registry& r = Registry::global();
  r.counter_add("kautiond_imports_total", "Import runs, by access and result.",
                {{"access", access}, {"result", result}});
  r.counter_add("kautiond_bookings_imported_total", "Bookings new to the store, by access.",
                {{"access", access}}, static_cast<double>(new_bookings));
}

void bank_request(std::string_view access, std::string_view operation,
                  std::chrono::milliseconds duration) {
  Registry::global().observe("kautiond_bank_request_duration_seconds",
                             "Duration of requests to the banks, by access and operation.",
                             {{"access", access}, {"operation", operation}},
                             static_cast<double>(duration.count()) / 1000.0);
}

std::string_view current_operation() {
  return t_operation.empty() ? std::string_view("other") : t_operation;
}

OperationScope::OperationScope(std::string_view operation) : m_previous(t_operation) {
  t_operation = operation;
}

OperationScope::~OperationScope() {
  t_operation = m_previous;
}

}  // namespace kaution::metrics
