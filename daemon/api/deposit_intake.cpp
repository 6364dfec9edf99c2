#include "daemon/api/deposit_intake.hpp"

#include <algorithm>
#include <utility>

#include "mapping/canonical_json.hpp"
#include "queue/content_hash.hpp"

namespace kaution::api {
namespace {

std::string party_name(const Party& p) {
  if (p.last_name) return p.first_name ? *p.last_name + ", " + *p.first_name : *p.last_name;
  return p.company_name.value_or("");
}

DepositRecord record_of(const Deposit& d, std::string master_json) {
  DepositRecord r;
  r.deposit_id = d.deposit_id;
  r.master_json = std::move(master_json);  // the store hashes it: content_hash(d)
  r.rental_contract_no = d.rental_contract_no;
  r.connector = d.connector ? std::string(to_string(*d.connector)) : std::string();
  r.access = d.access.value_or("");
  r.valid_from = d.valid_from;
  r.valid_until = d.valid_until;
  r.agreed = d.agreed_amount;
  if (d.virtual_iban) r.virtual_iban = d.virtual_iban->str();
  if (d.trust_account) r.trust_account = d.trust_account->str();
  r.tenant_name = tenant_name(d);
  return r;
}

// The id the body names must be the URL's; a body without one takes the URL's.
std::optional<FieldError> reconcile_path_id(nlohmann::json& body, std::string_view path_id) {
  const auto it = body.find("deposit_id");
  if (it == body.end() || it->is_null()) {
    body["deposit_id"] = std::string(path_id);
    return std::nullopt;
  }
  if (it->is_string() && it->get<std::string>() == path_id) return std::nullopt;
  return FieldError{"deposit_id", "MISMATCH",
                    "does not match the deposit_id of the URL (" + std::string(path_id) + ")"};
}

// The contract a refused body claims: a string deposit_id and rental_contract_no and a
// connector (any value: a bank-held deposit is intended).
std::optional<ContractClaim> claim_of(const nlohmann::json& body) {
  if (!body.is_object()) return std::nullopt;
  const auto id = body.find("deposit_id");
  const auto contract = body.find("rental_contract_no");
  const auto connector = body.find("connector");
  if (id == body.end() || !id->is_string() || contract == body.end() || !contract->is_string() ||
      connector == body.end() || connector->is_null())
    return std::nullopt;
  std::string contract_no = contract->get<std::string>();
  if (contract_no.empty()) return std::nullopt;
  return ContractClaim{id->get<std::string>(), std::move(contract_no)};
}

}  // namespace

std::string_view to_string(IntakeResult result) {
  switch (result) {
    case IntakeResult::created:
      return "created";
    case IntakeResult::changed:
      return "changed";
    case IntakeResult::unchanged:
      return "unchanged";
    case IntakeResult::rejected:
      return "rejected";
  }
  return "rejected";
}

DepositStatus record_derived_status(Store& store, std::string_view deposit_id, Date today,
                                    const StatusRules& rules) {
  const DerivedStatus derived =
      derive_status(store.facts(deposit_id).value_or(DepositFacts{}), today, rules);
  store.set_status(deposit_id, derived.status, derived.reason);
  return derived.status;
}

std::string tenant_name(const Deposit& deposit) {
  const bool any_tenant = std::any_of(deposit.parties.begin(), deposit.parties.end(),
                                      [](const Party& p) { return p.role == PartyRole::tenant; });
  std::string out;
  for (const Party& p : deposit.parties) {
    if (any_tenant && p.role != PartyRole::tenant) continue;
    const std::string name = party_name(p);
    if (name.empty()) continue;
    out += (out.empty() ? "" : " & ") + name;
  }
  return out;
}

std::expected<CheckedDeposit, RefusedDeposit> check_deposit(nlohmann::json body,
                                                            std::optional<std::string_view> path_id,
                                                            const ValidationContext& context) {
  RefusedDeposit refused;
  if (path_id && body.is_object())
    if (auto mismatch = reconcile_path_id(body, *path_id))
      refused.errors.push_back(std::move(*mismatch));
  auto parsed = parse_deposit(body);
  if (!parsed) {
    refused.errors.insert(refused.errors.end(), parsed.error().begin(), parsed.error().end());
    refused.claim = claim_of(body);
    return std::unexpected(std::move(refused));
  }
  ValidationResult validation = validate_deposit(*parsed, context);
  refused.errors.insert(refused.errors.end(), validation.errors.begin(), validation.errors.end());
  if (!refused.errors.empty()) {
    if (parsed->connector)
      refused.claim = ContractClaim{parsed->deposit_id, parsed->rental_contract_no};
    return std::unexpected(std::move(refused));
  }
  DepositRecord record = record_of(*parsed, canonical_json(*parsed));
  record.content_hash = sha256_hex(record.master_json);
  return CheckedDeposit{std::move(*parsed), std::move(record), std::move(validation.warnings)};
}

void add_contract_finding(Store& store, RefusedDeposit& refused) {
  if (!refused.claim) return;
  const ContractClaim& claim = *refused.claim;
  const auto state = store.intake_state(claim.deposit_id);
  if (state && state->closed) return;
  const auto others = store.active_deposit_ids_for_contract(claim.rental_contract_no);
  if (auto error = check_single_active_deposit(claim.deposit_id, claim.rental_contract_no, others))
    refused.errors.push_back(std::move(*error));
}

IntakeOutcome store_deposit(Store& store, const CheckedDeposit& checked, Date today,
                            const StatusRules& rules) {
  const std::string& id = checked.deposit.deposit_id;
  IntakeOutcome out{IntakeResult::rejected, id, std::nullopt, {}, checked.warnings};
  const auto state = store.intake_state(id);
  if (state && state->content_hash == checked.record.content_hash) {
    out.result = IntakeResult::unchanged;  // nothing written
    out.status = state->status;
    return out;
  }
  if (!state || !state->closed) {
    const auto others = store.active_deposit_ids_for_contract(checked.record.rental_contract_no);
    if (auto error = check_single_active_deposit(checked.deposit, others)) {
      out.errors.push_back(std::move(*error));
      out.warnings.clear();
      return out;
    }
  }
  if (!state) {
    out.result = IntakeResult::created;
    out.status = store.create_deposit(checked.record, [&](const DepositFacts& facts) {
      DerivedStatus derived = derive_status(facts, today, rules);
      return StatusDecision{derived.status, std::move(derived.reason)};
    });
    return out;
  }
  store.upsert_deposit(checked.record);
  out.result = IntakeResult::changed;
  out.status = record_derived_status(store, id, today, rules);
  return out;
}

}  // namespace kaution::api
