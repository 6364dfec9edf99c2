// Deposit: names of its enumerations, the canonical JSON and the content hash.
#include "mapping/deposit.hpp"

#include "mapping/canonical_json.hpp"

#include <array>
#include <memory>
#include <stdexcept>

#include <openssl/evp.h>

namespace kaution {
namespace {

constexpr std::array<std::string_view, 3> k_profile_names{"aak", "km", "dkb"};
constexpr std::array<std::string_view, 3> k_role_names{"tenant", "guarantor", "other"};

template <typename Enum, std::size_t N>
std::optional<Enum> from_name(const std::array<std::string_view, N>& names, std::string_view text) {
  for (std::size_t i = 0; i < N; ++i)
    if (names[i] == text) return static_cast<Enum>(i);
  return std::nullopt;
}

template <typename T, typename F>
nlohmann::json or_null(const std::optional<T>& value, F&& convert) {
  return value ? nlohmann::json(convert(*value)) : nlohmann::json(nullptr);
}

nlohmann::json or_null(const std::optional<std::string>& value) {
  return or_null(value, [](const std::string& s) { return s; });
}

std::string date_text(const Date& d) {
  return d.to_string();
}
std::string money_text(const Money& m) {
  return m.to_string();
}
std::string iban_text(const Iban& i) {
  return i.str();
}

nlohmann::json address_json(const Address& a) {
  return {{"street", or_null(a.street)},
          {"postcode", or_null(a.postcode)},
          {"city", or_null(a.city)},
          {"country", or_null(a.country)}};
}

nlohmann::json party_json(const Party& p) {
  return {{"role", to_string(p.role)},
          {"salutation", or_null(p.salutation)},
          {"first_name", or_null(p.first_name)},
          {"last_name", or_null(p.last_name)},
          {"company_name", or_null(p.company_name)},
          {"birth_date", or_null(p.birth_date, date_text)},
          {"nationality", or_null(p.nationality)},
          {"address", or_null(p.address, address_json)}};
}

nlohmann::json payout_json(const PayoutAccount& p) {
  return {{"holder", p.holder}, {"iban", p.iban.str()}};
}

std::string hex(const unsigned char* bytes, unsigned length) {
  constexpr std::string_view k_digits = "0123456789abcdef";
  std::string out;
  for (unsigned i = 0; i < length; ++i) {
    out += k_digits[bytes[i] >> 4U];
    out += k_digits[bytes[i] & 0x0FU];
  }
  return out;
}

std::string sha256_hex(std::string_view data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned length = 0;
  if (EVP_Digest(data.data(), data.size(), digest, &length, EVP_sha256(), nullptr) != 1)
    throw std::runtime_error("SHA-256 failed (OpenSSL EVP_Digest)");
  return hex(digest, length);
}

}  // namespace

std::string_view to_string(BankProfile profile) {
  return k_profile_names[static_cast<std::size_t>(profile)];
}

std::optional<BankProfile> bank_profile_from_string(std::string_view text) {
  return from_name<BankProfile>(k_profile_names, text);
}

std::string_view to_string(PartyRole role) {
  return k_role_names[static_cast<std::size_t>(role)];
}

std::optional<PartyRole> party_role_from_string(std::string_view text) {
  return from_name<PartyRole>(k_role_names, text);
}

nlohmann::json to_json(const Deposit& d) {
  nlohmann::json parties = nlohmann::json::array();
  for (const Party& p : d.parties)
    parties.push_back(party_json(p));
  nlohmann::json instalments = nlohmann::json::array();
  for (const Instalment& i : d.instalments)
    instalments.push_back({{"due_date", i.due_date.to_string()}, {"amount", i.amount.to_string()}});
  return {{"deposit_id", d.deposit_id},
          {"rental_contract_no", d.rental_contract_no},
          {"object_no", or_null(d.object_no)},
          {"object_label", or_null(d.object_label)},
          {"object_owner", or_null(d.object_owner)},
          {"unit_no", or_null(d.unit_no)},
          {"connector", or_null(d.connector, [](BankProfile p) { return to_string(p); })},
          {"access", or_null(d.access)},
          {"parties", std::move(parties)},
          {"account_holder", or_null(d.account_holder)},
          {"agreed_amount", d.agreed_amount.to_string()},
          {"instalments", std::move(instalments)},
          {"valid_from", d.valid_from.to_string()},
          {"valid_until", or_null(d.valid_until, date_text)},
          {"virtual_iban", or_null(d.virtual_iban, iban_text)},
          {"trust_account", or_null(d.trust_account, iban_text)},
          {"bank_ref", or_null(d.bank_ref)},
          {"payout_account", or_null(d.payout_account, payout_json)},
          {"net_cold_rent", or_null(d.net_cold_rent, money_text)},
          {"residential", d.residential}};
}

std::string content_hash(const Deposit& deposit) {
  return sha256_hex(canonical_json(deposit));
}

}  // namespace kaution
