// parse_deposit: the ledger's deposit JSON → Deposit, every form error at once.
#include <array>

#include "mapping/deposit.hpp"
#include "mapping/json_fields.hpp"

namespace kaution {
namespace {

using std::string_view_literals::operator""sv;

constexpr std::array k_deposit_keys{"deposit_id"sv,    "rental_contract_no"sv,
                                    "object_no"sv,     "object_label"sv,
                                    "object_owner"sv,  "unit_no"sv,
                                    "connector"sv,     "access"sv,
                                    "parties"sv,       "account_holder"sv,
                                    "agreed_amount"sv, "instalments"sv,
                                    "valid_from"sv,    "valid_until"sv,
                                    "virtual_iban"sv,  "trust_account"sv,
                                    "bank_ref"sv,      "payout_account"sv,
                                    "net_cold_rent"sv, "residential"sv};
constexpr std::array k_party_keys{"role"sv,         "salutation"sv, "first_name"sv,  "last_name"sv,
                                  "company_name"sv, "birth_date"sv, "nationality"sv, "address"sv};
constexpr std::array k_address_keys{"street"sv, "postcode"sv, "city"sv, "country"sv};
constexpr std::array k_instalment_keys{"due_date"sv, "amount"sv};
constexpr std::array k_payout_keys{"holder"sv, "iban"sv};

constexpr Presence k_opt = Presence::optional;
constexpr Presence k_req = Presence::required;

std::optional<Address> parse_address(const nlohmann::json& json, const std::string& path,
                                     std::vector<FieldError>& errors) {
  JsonFields f(json, path, k_address_keys, errors);
  if (!f.valid()) return std::nullopt;
  return Address{f.text("street", k_opt), f.text("postcode", k_opt), f.text("city", k_opt),
                 f.country("country")};
}

std::optional<PartyRole> parse_role(JsonFields& f) {
  const std::optional<std::string> text = f.text("role", k_opt);
  if (!text) return PartyRole::tenant;
  std::optional<PartyRole> role = party_role_from_string(*text);
  if (!role) f.error("role", "INVALID_VALUE", "expected one of tenant, guarantor, other");
  return role;
}

Party parse_party(const nlohmann::json& json, const std::string& path,
                  std::vector<FieldError>& errors) {
  JsonFields f(json, path, k_party_keys, errors);
  Party party;
  if (!f.valid()) return party;
  party.role = parse_role(f).value_or(PartyRole::tenant);
  party.salutation = f.text("salutation", k_opt);
  party.first_name = f.text("first_name", k_opt);
  party.last_name = f.text("last_name", k_opt);
  party.company_name = f.text("company_name", k_opt);
  party.birth_date = f.date("birth_date", k_opt);
  party.nationality = f.country("nationality");
  if (const nlohmann::json* address = f.object("address", k_opt))
    party.address = parse_address(*address, member_path(path, "address"), errors);
  return party;
}

std::optional<Instalment> parse_instalment(const nlohmann::json& json, const std::string& path,
                                           std::vector<FieldError>& errors) {
  JsonFields f(json, path, k_instalment_keys, errors);
  if (!f.valid()) return std::nullopt;
  const std::optional<Date> due = f.date("due_date", k_req);
  const std::optional<Money> amount = f.money("amount", k_req, true);
  if (!due || !amount) return std::nullopt;
  return Instalment{*due, *amount};
}

std::optional<PayoutAccount> parse_payout(const nlohmann::json& json, const std::string& path,
                                          std::vector<FieldError>& errors) {
  JsonFields f(json, path, k_payout_keys, errors);
  if (!f.valid()) return std::nullopt;
  std::optional<std::string> holder = f.text("holder", k_req);
  std::optional<Iban> iban = f.iban("iban", k_req);
  if (!holder || !iban) return std::nullopt;
  return PayoutAccount{std::move(*holder), std::move(*iban)};
}

std::optional<BankProfile> parse_connector(JsonFields& f) {
  const std::optional<std::string> text = f.text("connector", k_opt);
  if (!text) return std::nullopt;
  std::optional<BankProfile> profile = bank_profile_from_string(*text);
  if (!profile) f.error("connector", "INVALID_VALUE", "expected one of aak, km, dkb");
  return profile;
}

void parse_parties(JsonFields& f, Deposit& d, std::vector<FieldError>& errors) {
  const nlohmann::json* parties = f.array("parties", k_req);
  if (parties == nullptr) return;
  for (std::size_t i = 0; i < parties->size(); ++i)
    d.parties.push_back(parse_party((*parties)[i], element_path("parties", i), errors));
}

void parse_instalments(JsonFields& f, Deposit& d, std::vector<FieldError>& errors) {
  const nlohmann::json* instalments = f.array("instalments", k_req);
  if (instalments == nullptr) return;
  for (std::size_t i = 0; i < instalments->size(); ++i)
    if (auto instalment =
            parse_instalment((*instalments)[i], element_path("instalments", i), errors))
      d.instalments.push_back(*instalment);
}

void parse_accounts(JsonFields& f, Deposit& d, std::vector<FieldError>& errors) {
  d.virtual_iban = f.iban("virtual_iban", k_opt);
  d.trust_account = f.iban("trust_account", k_opt);
  d.bank_ref = f.text("bank_ref", k_opt);
  if (const nlohmann::json* payout = f.object("payout_account", k_opt))
    d.payout_account = parse_payout(*payout, "payout_account", errors);
}

}  // namespace

std::expected<Deposit, std::vector<FieldError>> parse_deposit(const nlohmann::json& json) {
  std::vector<FieldError> errors;
  JsonFields f(json, "", k_deposit_keys, errors);
  if (!f.valid()) return std::unexpected(std::move(errors));
  Deposit d;
  d.deposit_id = f.text("deposit_id", k_req, {1, k_deposit_id_max_chars}).value_or("");
  d.rental_contract_no = f.text("rental_contract_no", k_req).value_or("");
  d.object_no = f.text("object_no", k_opt);
  d.object_label = f.text("object_label", k_opt);
  d.object_owner = f.text("object_owner", k_opt);
  d.unit_no = f.text("unit_no", k_opt);
  d.connector = parse_connector(f);
  d.access = f.text("access", k_opt);
  parse_parties(f, d, errors);
  d.account_holder = f.text("account_holder", k_opt);
  d.agreed_amount = f.money("agreed_amount", k_req, true).value_or(Money());
  parse_instalments(f, d, errors);
  d.valid_from = f.date("valid_from", k_req).value_or(d.valid_from);
  d.valid_until = f.date("valid_until", k_opt);
  parse_accounts(f, d, errors);
  d.net_cold_rent = f.money("net_cold_rent", k_opt, true);
  d.residential = f.boolean("residential").value_or(true);
  if (!errors.empty()) return std::unexpected(std::move(errors));
  return d;
}

}  // namespace kaution
