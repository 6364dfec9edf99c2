// PUT/DELETE /api/v1/deposits/{deposit_id}, POST …/close, PUT …/ledger.
#include <spdlog/spdlog.h>

#include "daemon/api/batch_body.hpp"
#include "daemon/api/deposit_intake.hpp"
#include "daemon/api/json_out.hpp"
#include "daemon/api/problems.hpp"
#include "daemon/api/routes.hpp"
#include "daemon/http/json_body.hpp"

namespace kaution::api {
namespace {

using http::Request;
using http::Response;

std::string count_text(std::size_t n, std::string_view what) {
  return std::to_string(n) + " " + std::string(what) + (n == 1 ? "" : "s");
}

nlohmann::ordered_json balance_members(const StoredDeposit& d) {
  return {{"deposit_id", d.deposit.deposit_id},
          {"balance", d.bank.balance.value_or(Money()).to_string()},
          {"balance_date", json_of(d.bank.balance_date)}};
}

std::string balance_text(const StoredDeposit& d) {
  std::string text = d.bank.balance.value_or(Money()).to_string();
  if (d.bank.balance_date) text += " (as of " + d.bank.balance_date->to_string() + ")";
  return text;
}

Response put_deposit(ApiContext& context, const Request& request) {
  if (auto refused = unsupported_media_type(request)) return *refused;
  auto body = http::parse_json_object(request.body);
  if (!body) return body.error();
  const std::string id(request.path_param("deposit_id"));
  const auto settings = context.settings();
  auto checked = check_deposit(std::move(*body), id, settings->validation);
  if (!checked) {
    RefusedDeposit& refused = checked.error();
    context.store().with([&](Store& store) { add_contract_finding(store, refused); });
    return invalid_body("deposit " + id + ": " + count_text(refused.errors.size(), "error"),
                        refused.errors);
  }
  const IntakeOutcome out = context.store().with([&](Store& store) {
    IntakeOutcome outcome;
    store.transaction(
        [&] { outcome = store_deposit(store, *checked, context.today(), settings->status_rules); });
    return outcome;
  });
  if (out.result == IntakeResult::rejected)
    return invalid_body("deposit " + id + ": " + count_text(out.errors.size(), "error"),
                        out.errors);
  const bool written = out.result != IntakeResult::unchanged;
  if (written) {
    spdlog::info("DEPOSIT_STORED deposit={} result={} status={} by={}", id, to_string(out.result),
                 out.status ? to_string(*out.status) : "none", request.principal);
    context.notify_exports_queued();
  }
  return http::json_response(
      out.result == IntakeResult::created ? 201 : 200,
      {{"deposit_id", id},
       {"result", to_string(out.result)},
       {"status", out.status ? nlohmann::json(to_string(*out.status)) : nullptr},
       {"warnings", field_errors_json(out.warnings)}});
}

Response delete_deposit(ApiContext& context, const Request& request) {
  const std::string id(request.path_param("deposit_id"));
  return context.store().with([&](Store& store) -> Response {
    const auto stored = store.get_deposit(id);
    if (!stored) return not_found("no deposit " + id);
    if (!stored->bank.balance.value_or(Money()).is_zero())
      return conflict("deposit " + id + " has a bank balance of " + balance_text(*stored) +
                          "; it can be deleted only while the balance is 0.00",
                      balance_members(*stored));
    switch (store.delete_deposit(id)) {
      case DeleteOutcome::not_found:
        return not_found("no deposit " + id);
      case DeleteOutcome::has_bookings:
        return conflict("deposit " + id +
                            " has bank bookings, which are kept as bank facts; it cannot be "
                            "deleted — close it instead",
                        {{"deposit_id", id}, {"reason", "has_bookings"}});
      case DeleteOutcome::deleted:
        break;
    }
    spdlog::info("DEPOSIT_DELETED deposit={} by={}", id, request.principal);
    return http::json_response(200, {{"deposit_id", id}, {"deleted", true}});
  });
}

nlohmann::json closed_json(const StoredDeposit& d, bool changed) {
  return {{"deposit_id", d.deposit.deposit_id},
          {"status", "closed"},
          {"changed", changed},
          {"closed_at", json_of(d.closed_at)},
          {"closed_by", json_of(d.closed_by)}};
}

Response close_deposit(ApiContext& context, const Request& request) {
  const std::string id(request.path_param("deposit_id"));
  const auto settings = context.settings();
  return context.store().with([&](Store& store) -> Response {
    const auto stored = store.get_deposit(id);
    if (!stored) return not_found("no deposit " + id);
    if (stored->closed) return http::json_response(200, closed_json(*stored, false));
    if (!stored->bank.balance.value_or(Money()).is_zero())
      return conflict("deposit " + id + " has a bank balance of " + balance_text(*stored) +
                          "; it can be closed only while the balance is 0.00",
                      balance_members(*stored));
    std::optional<StoredDeposit> after;
    store.transaction([&] {
      store.close_deposit(id, request.principal);
      store.set_status(id, DepositStatus::closed, "closed by " + request.principal);
      after = store.get_deposit(id);
    });
    spdlog::info("DEPOSIT_CLOSED deposit={} by={}", id, request.principal);
    return http::json_response(200, closed_json(*after, true));
  });
}

Response put_ledger_figures(ApiContext& context, const Request& request) {
  auto body = read_object_body(request, {"paid", "balance", "as_of"});
  if (!body) return body.error();
  const std::string id(request.path_param("deposit_id"));
  BodyReader reader(*body);
  const auto paid = reader.money("paid", true);
  const auto balance = reader.money("balance", true);
  const auto as_of = reader.date("as_of", true);
  if (as_of && *as_of > context.today())
    reader.error("as_of", "FUTURE_DATE", "is after today (" + context.today().to_string() + ")");
  if (!reader.errors().empty())
    return invalid_body(
        "ledger figures of " + id + ": " + count_text(reader.errors().size(), "error"),
        reader.errors());
  const bool stored = context.store().with(
      [&](Store& store) { return store.set_ledger_figures(id, *as_of, *paid, *balance); });
  if (!stored) return not_found("no deposit " + id);
  return http::json_response(200, {{"deposit_id", id},
                                   {"as_of", as_of->to_string()},
                                   {"paid", paid->to_string()},
                                   {"balance", balance->to_string()}});
}

}  // namespace

void add_deposit_write_routes(http::Router& router, ApiContext& context) {
  using http::Role;
  router.add("PUT", "/api/v1/deposits/{deposit_id}", Role::ledger,
             [&context](const Request& r) { return put_deposit(context, r); });
  router.add("DELETE", "/api/v1/deposits/{deposit_id}", Role::ledger,
             [&context](const Request& r) { return delete_deposit(context, r); });
  router.add("POST", "/api/v1/deposits/{deposit_id}/close", Role::support,
             [&context](const Request& r) { return close_deposit(context, r); });
  router.add("PUT", "/api/v1/deposits/{deposit_id}/ledger", Role::ledger,
             [&context](const Request& r) { return put_ledger_figures(context, r); });
}

}  // namespace kaution::api
