#pragma once
// Deposit: a rent deposit's master data as the ledger sends it (specs/domain.md,
// specs/ledger-api.md), parsed and checked for form; the business rules are in validate.hpp.
// Stored in full: only the bank records (aak_record.hpp, km_record.hpp, dkb_record.hpp) shorten.

#include <expected>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/date.hpp"
#include "core/failure.hpp"
#include "core/iban.hpp"
#include "core/money.hpp"

namespace kaution {

enum class BankProfile { aak, km, dkb };
std::string_view to_string(BankProfile profile);
std::optional<BankProfile> bank_profile_from_string(std::string_view text);

enum class PartyRole { tenant, guarantor, other };
std::string_view to_string(PartyRole role);
std::optional<PartyRole> party_role_from_string(std::string_view text);

struct Address {
  std::optional<std::string> street;  // street and house number
  std::optional<std::string> postcode;
  std::optional<std::string> city;
  std::optional<std::string> country;  // ISO 3166-1 alpha-2, "DE"
  bool operator==(const Address&) const = default;
};

struct Party {
  PartyRole role = PartyRole::tenant;
  std::optional<std::string> salutation;
  std::optional<std::string> first_name;
  std::optional<std::string> last_name;
  std::optional<std::string> company_name;
  std::optional<Date> birth_date;
  std::optional<std::string> nationality;  // ISO 3166-1 alpha-2
  std::optional<Address> address;
  bool operator==(const Party&) const = default;
};

struct Instalment {
  Date due_date = Date::from_days(0);
  Money amount;
  bool operator==(const Instalment&) const = default;
};

struct PayoutAccount {
  std::string holder;
  Iban iban;
  bool operator==(const PayoutAccount&) const = default;
};

// Absent (std::nullopt) is what the ledger sends as null or leaves out; an empty string in an
// optional text field counts as absent.
struct Deposit {
  std::string deposit_id;
  std::string rental_contract_no;
  std::optional<std::string> object_no;
  std::optional<std::string> object_label;
  std::optional<std::string> object_owner;
  std::optional<std::string> unit_no;
  std::optional<BankProfile> connector;  // absent: not held at a bank
  std::optional<std::string> access;
  std::vector<Party> parties;
  std::optional<std::string> account_holder;
  Money agreed_amount;
  std::vector<Instalment> instalments;
  Date valid_from = Date::from_days(0);
  std::optional<Date> valid_until;
  std::optional<Iban> virtual_iban;
  std::optional<Iban> trust_account;
  std::optional<std::string> bank_ref;
  std::optional<PayoutAccount> payout_account;
  std::optional<Money> net_cold_rent;
  bool residential = true;
  bool operator==(const Deposit&) const = default;
};

// Limits of the form checks, in characters (code points).
inline constexpr std::size_t k_deposit_id_max_chars = 64;
inline constexpr std::size_t k_text_max_chars = 255;

// Parses the ledger's deposit JSON, reporting every error at once with its field path
// ("parties[0].last_name", "instalments[1].amount"): wrong types, unknown fields, missing
// required fields, amounts (strings "1340.00"; agreed and instalment amounts > 0), dates,
// IBANs, lengths, control characters and invalid UTF-8.
std::expected<Deposit, std::vector<FieldError>> parse_deposit(const nlohmann::json& json);

// The same shape back, every field present (null when absent), amounts "1340.00", dates
// "YYYY-MM-DD", IBANs compact upper case. nlohmann::json keeps keys sorted: canonical.
nlohmann::json to_json(const Deposit& deposit);

// SHA-256 (lower-case hex) of to_json(deposit).dump() (written as canonical_json, the same
// bytes): equal for equal content whatever the
// key order, whitespace or IBAN spacing of the input. The change detection of PUT.
std::string content_hash(const Deposit& deposit);

}  // namespace kaution
