// GET /api/v1/deposits/{deposit_id} and …/history (operator).
#include "daemon/api/json_out.hpp"
#include "daemon/api/problems.hpp"
#include "daemon/api/routes.hpp"
#include "mapping/reconcile.hpp"

namespace kaution::api {
namespace {

using http::Request;
using http::Response;

// What the store knows of one deposit, read under the store mutex in one go.
struct DepositView {
  StoredDeposit stored;
  DepositFacts facts;
  std::optional<LedgerFigures> ledger;
};

std::optional<DepositView> load_view(Store& store, std::string_view id) {
  auto stored = store.get_deposit(id);
  if (!stored) return std::nullopt;
  return DepositView{std::move(*stored), store.facts(id).value_or(DepositFacts{}),
                     store.ledger_figures(id, std::nullopt)};
}

// The master data as stored, and the rule findings it has under today's config (warnings).
std::pair<nlohmann::json, std::vector<FieldError>> master_and_warnings(
    const std::string& master_json, const ValidationContext& validation) {
  nlohmann::json master = nlohmann::json::parse(master_json, nullptr, false);
  std::vector<FieldError> warnings;
  if (auto parsed = parse_deposit(master))
    warnings = validate_deposit(*parsed, validation).warnings;
  return {std::move(master), std::move(warnings)};
}

ReconcileRow reconcile_view(const DepositView& v) {
  ReconcileInput in;
  in.agreed = v.facts.agreed;
  if (v.facts.any_payment) in.bank_paid = v.facts.payments;
  in.bank_balance = v.facts.balance;
  in.bookings_total = v.facts.bookings_total;
  if (v.ledger) {
    in.ledger_paid = v.ledger->paid;
    in.ledger_balance = v.ledger->balance;
  }
  in.stale = v.stored.status && v.stored.status->status == DepositStatus::stale;
  return reconcile(in);
}

nlohmann::json flags_json(const DepositView& v) {
  const ReconcileRow row = reconcile_view(v);
  bool ledger_difference = false;
  for (std::string_view reason : row.reasons)
    ledger_difference = ledger_difference || reason == k_reason_paid ||
                        reason == k_reason_balance || reason == k_reason_ledger_missing;
  return {{"booking_difference", row.booking_difference},
          {"booking_difference_amount", json_of(row.booking_difference_amount)},
          {"traffic_light", to_string(row.traffic_light)},
          {"ledger_difference", ledger_difference}};
}

nlohmann::json bank_json(const BankState& b) {
  return {{"bank_ref", json_of(b.bank_ref)},
          {"balance", json_of(b.balance)},
          {"balance_date", json_of(b.balance_date)},
          {"last_export_ok_at", json_of(b.last_export_ok_at)},
          {"last_import_ok_at", json_of(b.last_import_ok_at)},
          {"export_rejected", b.export_rejected},
          {"retries_exhausted", b.retries_exhausted}};
}

nlohmann::json export_json(const std::optional<QueuedExport>& q) {
  if (!q) return {{"queued", false}};
  return {{"queued", true},
          {"attempts", q->attempts},
          {"next_attempt_at", json_of(q->next_attempt_at)},
          {"enqueued_at", to_rfc3339(q->enqueued_at)}};
}

// The last error of the export: the queued row's message and the bank's field errors.
nlohmann::json last_error_json(const StoredDeposit& d) {
  const bool has_message = d.queued && d.queued->last_error;
  if (!has_message && d.bank.rejections.empty()) return nullptr;
  return {{"message", has_message ? nlohmann::json(*d.queued->last_error) : nullptr},
          {"class", d.queued && d.queued->last_error_class
                        ? nlohmann::json(to_string(*d.queued->last_error_class))
                        : nullptr},
          {"fields", field_errors_json(d.bank.rejections)}};
}

nlohmann::json figures_json(const DepositFacts& f) {
  return {{"agreed", f.agreed.to_string()},
          {"paid", f.payments.to_string()},
          {"outstanding", (f.agreed - f.payments).to_string()},
          {"bookings_total", f.bookings_total.to_string()}};
}

nlohmann::json deposit_json(const DepositView& v, const ValidationContext& validation) {
  const StoredDeposit& d = v.stored;
  auto [master, warnings] = master_and_warnings(d.deposit.master_json, validation);
  return {{"deposit_id", d.deposit.deposit_id},
          {"master", std::move(master)},
          {"status", status_json(d.status)},
          {"closed", d.closed},
          {"closed_at", json_of(d.closed_at)},
          {"closed_by", json_of(d.closed_by)},
          {"flags", flags_json(v)},
          {"figures", figures_json(v.facts)},
          {"bank", bank_json(d.bank)},
          {"export", export_json(d.queued)},
          {"last_error", last_error_json(d)},
          {"ledger", ledger_figures_json(v.ledger)},
          {"warnings", field_errors_json(warnings)},
          {"created_at", to_rfc3339(d.created_at)},
          {"updated_at", to_rfc3339(d.updated_at)}};
}

Response get_deposit(ApiContext& context, const Request& request) {
  QueryReader query(request, {});
  if (auto problem = query.problem()) return *problem;
  const std::string id(request.path_param("deposit_id"));
  const auto view = context.store().with([&](Store& store) { return load_view(store, id); });
  if (!view) return not_found("no deposit " + id);
  return http::json_response(200, deposit_json(*view, context.settings()->validation));
}

Response get_history(ApiContext& context, const Request& request) {
  QueryReader query(request, {"limit"});
  const auto limit = static_cast<std::size_t>(query.integer("limit", 100, 1, 10000));
  if (auto problem = query.problem()) return *problem;
  const std::string id(request.path_param("deposit_id"));
  const auto entries =
      context.store().with([&](Store& store) -> std::optional<std::vector<HistoryEntry>> {
        if (!store.status(id) && !store.get_deposit(id)) return std::nullopt;
        return store.history(id, limit);
      });
  if (!entries) return not_found("no deposit " + id);
  auto out = nlohmann::json::array();
  for (const HistoryEntry& entry : *entries)
    out.push_back(history_json(entry));
  return http::json_response(200, {{"deposit_id", id}, {"entries", std::move(out)}});
}

}  // namespace

void add_deposit_read_routes(http::Router& router, ApiContext& context) {
  router.add("GET", "/api/v1/deposits/{deposit_id}", http::Role::operator_,
             [&context](const Request& r) { return get_deposit(context, r); });
  router.add("GET", "/api/v1/deposits/{deposit_id}/history", http::Role::operator_,
             [&context](const Request& r) { return get_history(context, r); });
}

}  // namespace kaution::api
