#pragma once
// Deposit validation: the business rules of specs/domain.md on a parsed Deposit, every finding
// at once. Errors refuse the deposit; warnings are stored with it (§551 unless configured).

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/failure.hpp"
#include "core/iban.hpp"
#include "mapping/deposit.hpp"

namespace kaution {

// What validation needs to know of one configured access [Kautionszugang].
struct AccessInfo {
  std::string name;
  BankProfile connector = BankProfile::aak;
  std::vector<Iban> trust_accounts;  // km: trust_accounts[].iban; dkb: collective_ibans; aak: none
};

struct ValidationContext {
  std::vector<AccessInfo> accesses;
  bool bgb551_is_error = false;  // config rules.bgb551 == "error"
};

struct ValidationResult {
  std::vector<FieldError> errors;
  std::vector<FieldError> warnings;
  bool ok() const { return errors.empty(); }
};

// Limits a bank-held deposit must meet because they identify it and are never shortened.
inline constexpr std::size_t k_aak_contract_number_max_chars = 35;

// Codes of the §551 findings (warnings, or errors when bgb551_is_error).
inline constexpr std::string_view k_bgb551_amount = "BGB551_AMOUNT";
inline constexpr std::string_view k_bgb551_instalments = "BGB551_INSTALMENTS";
inline constexpr std::string_view k_bgb551_due_date = "BGB551_DUE_DATE";

// Every rule of domain.md that needs only the deposit and the configuration: parties, names,
// instalments (1–3, sum = agreed_amount), valid_until ≥ valid_from, connector/access (exists,
// same connector), aak vIBAN, km owner, dkb tenant, trust_account, export fields, §551.
ValidationResult validate_deposit(const Deposit& deposit, const ValidationContext& context);

// "Only one active bank-held deposit per rental contract": `other_active_ids` are the ids of the
// other active bank-held deposits the store has on deposit.rental_contract_no (the deposit's own
// id is ignored). An error on rental_contract_no when there is one and this deposit is bank-held.
std::optional<FieldError> check_single_active_deposit(
    const Deposit& deposit, std::span<const std::string> other_active_ids);
// The same for a bank-held deposit known only by its id and contract number (one refused for
// other reasons, whose errors this finding joins).
std::optional<FieldError> check_single_active_deposit(
    std::string_view deposit_id, std::string_view rental_contract_no,
    std::span<const std::string> other_active_ids);

// The trust account the deposit is held on: its own trust_account, else the access's only one;
// nullopt when neither names exactly one.
std::optional<Iban> resolve_trust_account(const Deposit& deposit, const AccessInfo& access);

const AccessInfo* find_access(const ValidationContext& context, std::string_view name);

}  // namespace kaution
