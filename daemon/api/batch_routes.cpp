// POST /api/v1/deposits:batch — up to 10,000 deposits, each stored or rejected on its own, all
// writes in one store transaction.
#include <spdlog/spdlog.h>

#include <chrono>
#include <optional>
#include <string>
#include <unordered_map>

#include "daemon/api/batch_body.hpp"
#include "daemon/api/batch_check.hpp"
#include "daemon/api/deposit_intake.hpp"
#include "daemon/api/problems.hpp"
#include "daemon/api/routes.hpp"

namespace kaution::api {
namespace {

using http::Request;
using http::Response;

// What the batch stored so far: ids (a second entry of the same deposit is refused) and the
// contracts of its bank-held deposits (to say that the other deposit came with this batch).
struct BatchSeen {
  std::unordered_map<std::string, std::size_t> ids;
  std::unordered_map<std::string, std::size_t> contracts;
};

std::optional<FieldError> duplicate_of(BatchSeen& seen, const std::string& id, std::size_t index) {
  if (id.empty()) return std::nullopt;
  const auto [it, fresh] = seen.ids.try_emplace(id, index);
  if (fresh) return std::nullopt;
  return FieldError{"deposit_id", "DUPLICATE_IN_BATCH",
                    "deposit " + id + " is already entry " + std::to_string(it->second) +
                        " of this batch; send each deposit once per batch"};
}

// Names the entry of this batch that holds the contract, when it was one of them.
void name_batch_entry(const BatchSeen& seen, const std::string& contract,
                      std::vector<FieldError>& errors) {
  const auto it = seen.contracts.find(contract);
  if (it == seen.contracts.end()) return;
  for (FieldError& e : errors)
    if (e.code == "ACTIVE_DEPOSIT_EXISTS")
      e.message += " (stored from entry " + std::to_string(it->second) + " of this batch)";
}

IntakeOutcome store_item(Store& store, BatchItem& item, BatchSeen& seen, std::size_t index,
                         Date today, const StatusRules& rules) {
  const std::optional<FieldError> duplicate = duplicate_of(seen, item.deposit_id, index);
  if (!item.checked) {
    RefusedDeposit& refused = item.checked.error();
    if (duplicate) refused.errors.insert(refused.errors.begin(), *duplicate);
    add_contract_finding(store, refused);
    if (refused.claim) name_batch_entry(seen, refused.claim->rental_contract_no, refused.errors);
    IntakeOutcome out;
    out.errors = std::move(refused.errors);
    return out;
  }
  const CheckedDeposit& checked = *item.checked;
  if (duplicate) {
    IntakeOutcome out;
    out.errors.push_back(*duplicate);
    return out;
  }
  IntakeOutcome out = store_deposit(store, checked, today, rules);
  const std::string& contract = checked.record.rental_contract_no;
  if (out.result == IntakeResult::rejected)
    name_batch_entry(seen, contract, out.errors);
  else if (checked.deposit.connector && out.result != IntakeResult::unchanged)
    seen.contracts.try_emplace(contract, index);
  return out;
}

// Stores each entry as soon as it is checked, in order, in one transaction.
void store_items(Store& store, BatchChecker& checker, std::vector<BatchItem>& items, Date today,
                 const StatusRules& rules) {
  BatchSeen seen;
  store.transaction([&] {
    for (std::size_t i = 0; i < items.size(); ++i) {
      checker.wait(i);
      BatchItem& item = items[i];
      item.outcome = store_item(store, item, seen, i, today, rules);
      item.outcome.deposit_id = item.deposit_id;
    }
  });
}

nlohmann::json item_json(std::size_t index, const IntakeOutcome& out) {
  nlohmann::json j{{"index", index},
                   {"deposit_id", out.deposit_id},
                   {"result", to_string(out.result)},
                   {"status", out.status ? nlohmann::json(to_string(*out.status)) : nullptr}};
  if (!out.errors.empty()) j["errors"] = field_errors_json(out.errors);
  if (!out.warnings.empty()) j["warnings"] = field_errors_json(out.warnings);
  return j;
}

struct BatchCounts {
  std::size_t created = 0, changed = 0, unchanged = 0, rejected = 0;
};

BatchCounts count(const std::vector<BatchItem>& items) {
  BatchCounts c;
  for (const BatchItem& item : items) {
    switch (item.outcome.result) {
      case IntakeResult::created:
        ++c.created;
        break;
      case IntakeResult::changed:
        ++c.changed;
        break;
      case IntakeResult::unchanged:
        ++c.unchanged;
        break;
      case IntakeResult::rejected:
        ++c.rejected;
        break;
    }
  }
  return c;
}

Response answer(const std::vector<BatchItem>& items, const BatchCounts& c) {
  auto results = nlohmann::json::array();
  for (std::size_t i = 0; i < items.size(); ++i)
    results.push_back(item_json(i, items[i].outcome));
  nlohmann::json summary{{"received", items.size()},
                         {"created", c.created},
                         {"changed", c.changed},
                         {"unchanged", c.unchanged},
                         {"rejected", c.rejected}};
  return http::json_response(200, {{"summary", summary}, {"results", std::move(results)}});
}

Response post_batch(ApiContext& context, const Request& request) {
  const auto started = std::chrono::steady_clock::now();
  auto entries = split_batch(request);
  if (!entries) return entries.error();
  const auto settings = context.settings();
  std::vector<BatchItem> items(entries->size());
  {
    BatchChecker checker(*entries, items, settings->validation);
    context.store().with([&](Store& store) {
      store_items(store, checker, items, context.today(), settings->status_rules);
    });
  }
  const BatchCounts c = count(items);
  Response response = answer(items, c);
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                      std::chrono::steady_clock::now() - started)
                      .count();
  spdlog::info("BATCH_DONE deposits={} created={} changed={} unchanged={} rejected={} by={} ms={}",
               items.size(), c.created, c.changed, c.unchanged, c.rejected, request.principal, ms);
  if (c.created + c.changed > 0) context.notify_exports_queued();
  return response;
}

}  // namespace

void add_batch_routes(http::Router& router, ApiContext& context) {
  router.add("POST", "/api/v1/deposits:batch", http::Role::ledger,
             [&context](const Request& r) { return post_batch(context, r); });
}

}  // namespace kaution::api
