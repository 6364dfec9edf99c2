#pragma once
// Taking in one deposit from the ledger (PUT and batch): parse and validate without the store,
// then — under the store mutex — the one-active-deposit rule, the write and the status, all in
// one transaction. Invalid: nothing is written.

#include <expected>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/failure.hpp"
#include "core/status.hpp"
#include "mapping/deposit.hpp"
#include "mapping/status.hpp"
#include "mapping/validate.hpp"
#include "queue/store.hpp"

namespace kaution::api {

// A deposit that passed parse_deposit and validate_deposit, ready for the store; the record
// carries the canonical master JSON and its content hash.
struct CheckedDeposit {
  Deposit deposit;
  DepositRecord record;
  std::vector<FieldError> warnings;
};

// A bank-held deposit's claim on its rental contract: what the one-active-deposit rule checks.
struct ContractClaim {
  std::string deposit_id;
  std::string rental_contract_no;
};

// A deposit refused before the store: every error of parse and validation, and its claim on a
// contract when the body names one (so that the store's finding joins the others).
struct RefusedDeposit {
  std::vector<FieldError> errors;
  std::optional<ContractClaim> claim;
};

// Parses and validates `body`. `path_id` (PUT) is the id of the URL: used when the body has no
// deposit_id, an error when the body names another. Every error at once.
std::expected<CheckedDeposit, RefusedDeposit> check_deposit(nlohmann::json body,
                                                            std::optional<std::string_view> path_id,
                                                            const ValidationContext& context);

// Adds the one-active-deposit finding of the store (read only) to a refused deposit's errors, so
// that every reason is reported at once.
void add_contract_finding(Store& store, RefusedDeposit& refused);

enum class IntakeResult { created, changed, unchanged, rejected };
std::string_view to_string(IntakeResult result);

struct IntakeOutcome {
  IntakeResult result = IntakeResult::rejected;
  std::string deposit_id;
  std::optional<DepositStatus> status;  // the status after the call (not for rejected)
  std::vector<FieldError> errors;       // rejected: every reason
  std::vector<FieldError> warnings;     // §551 findings (and the like) of a stored deposit
};

// The store's part; call it inside the caller's transaction (one per PUT, one per batch):
// unchanged content (same hash) writes nothing; otherwise refuses a second active bank-held
// deposit on the same rental contract (writing nothing); stores; derives the status as of
// `today` and records it (history). StoreError propagates: the caller's transaction rolls back
// (a new deposit is written without a savepoint of its own: Store::create_deposit).
IntakeOutcome store_deposit(Store& store, const CheckedDeposit& checked, Date today,
                            const StatusRules& rules);

// Derives the deposit's status from its stored facts as of `today` and records it (a history row
// when it changed); returns it. Call inside the caller's transaction.
DepositStatus record_derived_status(Store& store, std::string_view deposit_id, Date today,
                                    const StatusRules& rules);

// "Schmidt, Natalie & Meyer, Frank": the tenants (or, without tenants, every party) for display
// and search.
std::string tenant_name(const Deposit& deposit);

}  // namespace kaution::api
