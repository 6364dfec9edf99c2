#include "mapping/validate.hpp"

#include <algorithm>

#include "mapping/bgb551.hpp"
#include "mapping/text.hpp"

namespace kaution {
namespace {

void add(std::vector<FieldError>& out, std::string field, std::string_view code,
         std::string message) {
  out.push_back({std::move(field), std::string(code), std::move(message)});
}

void check_parties(const Deposit& d, std::vector<FieldError>& errors) {
  if (d.parties.empty()) add(errors, "parties", "REQUIRED", "at least one party is required");
  for (std::size_t i = 0; i < d.parties.size(); ++i) {
    const Party& p = d.parties[i];
    if (!p.last_name && !p.company_name)
      add(errors, "parties[" + std::to_string(i) + "].last_name", "REQUIRED",
          "last_name or company_name is required");
  }
}

void check_instalments(const Deposit& d, std::vector<FieldError>& errors) {
  if (d.instalments.empty()) {
    add(errors, "instalments", "REQUIRED", "at least one instalment is required");
    return;
  }
  Money sum;
  for (const Instalment& i : d.instalments) {
    const std::optional<Money> next = sum.checked_add(i.amount);
    if (!next) return add(errors, "instalments", "AMOUNT_MISMATCH", "the sum is out of range");
    sum = *next;
  }
  if (sum != d.agreed_amount)
    add(errors, "instalments", "AMOUNT_MISMATCH",
        "the instalments add up to " + sum.to_string() + ", agreed_amount is " +
            d.agreed_amount.to_string());
}

void check_dates(const Deposit& d, std::vector<FieldError>& errors) {
  if (d.valid_until && *d.valid_until < d.valid_from)
    add(errors, "valid_until", "INVALID_DATE", "is before valid_from " + d.valid_from.to_string());
}

std::string iban_list(const std::vector<Iban>& ibans) {
  std::string out;
  for (const Iban& iban : ibans)
    out += (out.empty() ? "" : ", ") + iban.str();
  return out;
}

void check_trust_account(const Deposit& d, const AccessInfo& access,
                         std::vector<FieldError>& errors) {
  const std::vector<Iban>& accounts = access.trust_accounts;
  const std::string name = "access " + access.name;
  if (d.trust_account) {
    if (std::find(accounts.begin(), accounts.end(), *d.trust_account) != accounts.end()) return;
    if (accounts.empty())
      return add(errors, "trust_account", "NOT_OF_ACCESS",
                 name + " has no trust accounts configured; leave trust_account out");
    return add(errors, "trust_account", "NOT_OF_ACCESS",
               d.trust_account->str() + " is not one of " + name + "'s trust accounts (" +
                   iban_list(accounts) + ")");
  }
  if (accounts.size() > 1)
    add(errors, "trust_account", "REQUIRED",
        name + " has " + std::to_string(accounts.size()) + " trust accounts (" +
            iban_list(accounts) + "); name one");
  else if (accounts.empty() && access.connector != BankProfile::aak)
    add(errors, "trust_account", "REQUIRED", name + " has no trust account configured");
}

bool has_tenant(const Deposit& d) {
  return std::any_of(d.parties.begin(), d.parties.end(),
                     [](const Party& p) { return p.role == PartyRole::tenant; });
}

void check_profile(const Deposit& d, BankProfile profile, std::vector<FieldError>& errors) {
  switch (profile) {
    case BankProfile::aak:
      if (!d.virtual_iban)
        add(errors, "virtual_iban", "REQUIRED", "aak needs a virtual IBAN to assign payments");
      if (count_chars(d.rental_contract_no) > k_aak_contract_number_max_chars)
        add(errors, "rental_contract_no", "TOO_LONG",
            "aak takes contract numbers of at most 35 characters");
      break;
    case BankProfile::km:
      if (!d.object_owner) add(errors, "object_owner", "REQUIRED", "km needs the object's owner");
      if (to_dk_charset(d.rental_contract_no).changed)
        add(errors, "rental_contract_no", "CHARACTER_SET",
            "km takes only the DK character set; a contract number is never transliterated");
      break;
    case BankProfile::dkb:
      if (!d.parties.empty() && !has_tenant(d))
        add(errors, "parties", "REQUIRED", "dkb needs at least one party with role tenant");
      break;
  }
}

void check_access(const Deposit& d, const ValidationContext& context,
                  std::vector<FieldError>& errors) {
  if (!d.access) return add(errors, "access", "REQUIRED", "is required for a bank-held deposit");
  const AccessInfo* access = find_access(context, *d.access);
  if (access == nullptr)
    return add(errors, "access", "UNKNOWN_ACCESS",
               "no access named " + *d.access + " is configured");
  if (access->connector != *d.connector)
    return add(errors, "access", "CONNECTOR_MISMATCH",
               "access " + access->name + " is a " + std::string(to_string(access->connector)) +
                   " access, the deposit's connector is " + std::string(to_string(*d.connector)));
  check_trust_account(d, *access, errors);
}

void check_bank_held(const Deposit& d, const ValidationContext& context,
                     std::vector<FieldError>& errors) {
  if (!d.connector) {
    if (d.access) add(errors, "connector", "REQUIRED", "is required when access is given");
    return;
  }
  check_access(d, context, errors);
  if (!d.object_label) add(errors, "object_label", "REQUIRED", "is required for the export");
  if (!d.account_holder) add(errors, "account_holder", "REQUIRED", "is required for the export");
  check_profile(d, *d.connector, errors);
}

}  // namespace

const AccessInfo* find_access(const ValidationContext& context, std::string_view name) {
  const auto it = std::find_if(context.accesses.begin(), context.accesses.end(),
                               [&](const AccessInfo& a) { return a.name == name; });
  return it == context.accesses.end() ? nullptr : &*it;
}

ValidationResult validate_deposit(const Deposit& deposit, const ValidationContext& context) {
  ValidationResult result;
  check_parties(deposit, result.errors);
  check_instalments(deposit, result.errors);
  check_dates(deposit, result.errors);
  check_bank_held(deposit, context, result.errors);
  std::vector<FieldError> findings = bgb551_findings(deposit);
  std::vector<FieldError>& target = context.bgb551_is_error ? result.errors : result.warnings;
  target.insert(target.end(), std::make_move_iterator(findings.begin()),
                std::make_move_iterator(findings.end()));
  return result;
}

std::optional<FieldError> check_single_active_deposit(
    const Deposit& deposit, std::span<const std::string> other_active_ids) {
  if (!deposit.connector) return std::nullopt;
  return check_single_active_deposit(deposit.deposit_id, deposit.rental_contract_no,
                                     other_active_ids);
}

std::optional<FieldError> check_single_active_deposit(
    std::string_view deposit_id, std::string_view rental_contract_no,
    std::span<const std::string> other_active_ids) {
  std::string others;
  for (const std::string& id : other_active_ids)
    if (id != deposit_id) others += (others.empty() ? "" : ", ") + id;
  if (others.empty()) return std::nullopt;
  return FieldError{"rental_contract_no", "ACTIVE_DEPOSIT_EXISTS",
                    "rental contract " + std::string(rental_contract_no) +
                        " already has an active bank-held deposit (" + others +
                        "); close it before adding another"};
}

std::optional<Iban> resolve_trust_account(const Deposit& deposit, const AccessInfo& access) {
  if (deposit.trust_account) return deposit.trust_account;
  if (access.trust_accounts.size() == 1) return access.trust_accounts.front();
  return std::nullopt;
}

}  // namespace kaution
