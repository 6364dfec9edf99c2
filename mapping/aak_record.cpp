#include "mapping/aak_record.hpp"

#include "mapping/wire_text.hpp"

namespace kaution {
namespace {

nlohmann::json or_null(const std::optional<std::string>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

std::string_view aak_role(PartyRole role) {
  switch (role) {
    case PartyRole::tenant:
      return "TENANT";
    case PartyRole::guarantor:
      return "GUARANTOR";
    case PartyRole::other:
      return "OTHER";
  }
  return "OTHER";
}

nlohmann::json address(const Address& a, const std::string& path, const std::string& wire,
                       WireText& text) {
  return {{"line1", or_null(text.optional_text(a.street, path + ".street", wire + ".line1",
                                               k_wire_address_max_chars))},
          {"postcode", or_null(a.postcode)},
          {"city", or_null(a.city)},
          {"country", or_null(a.country)}};
}

nlohmann::json tenant(const Party& p, std::size_t index, WireText& text) {
  const std::string path = "parties[" + std::to_string(index) + "]";
  const std::string wire = "tenants[" + std::to_string(index) + "]";
  const auto name = [&](const std::optional<std::string>& value, const char* field,
                        const char* wire_field) {
    return or_null(text.optional_text(value, path + "." + field, wire + "." + wire_field,
                                      k_wire_name_max_chars));
  };
  return {{"role", aak_role(p.role)},
          {"salutation", or_null(p.salutation)},
          {"firstName", name(p.first_name, "first_name", "firstName")},
          {"lastName", name(p.last_name, "last_name", "lastName")},
          {"companyName", name(p.company_name, "company_name", "companyName")},
          {"birthDate", p.birth_date ? nlohmann::json(p.birth_date->to_string()) : nullptr},
          {"nationality", or_null(p.nationality)},
          {"address", p.address ? address(*p.address, path + ".address", wire + ".address", text)
                                : nlohmann::json(nullptr)}};
}

nlohmann::json instalments(const Deposit& d) {
  nlohmann::json out = nlohmann::json::array();
  for (const Instalment& i : d.instalments)
    out.push_back({{"dueDate", i.due_date.to_string()}, {"amount", i.amount.to_string()}});
  return out;
}

nlohmann::json payout(const Deposit& d) {
  if (!d.payout_account) return nullptr;
  return {{"holder", d.payout_account->holder}, {"iban", d.payout_account->iban.str()}};
}

}  // namespace

AakRecord to_aak_record(const Deposit& d) {
  AakRecord record;
  WireText text("aak", false, record.notes);
  nlohmann::json tenants = nlohmann::json::array();
  for (std::size_t i = 0; i < d.parties.size(); ++i)
    tenants.push_back(tenant(d.parties[i], i, text));
  record.body = {
      {"contractNumber", d.rental_contract_no},
      {"uuid", or_null(d.bank_ref)},
      {"virtualIban", d.virtual_iban ? nlohmann::json(d.virtual_iban->str()) : nullptr},
      {"object",
       {{"number", or_null(d.object_no)},
        {"label", or_null(text.optional_text(d.object_label, "object_label", "object.label",
                                             k_wire_name_max_chars))}}},
      {"unit", or_null(d.unit_no)},
      {"accountHolder", or_null(text.optional_text(d.account_holder, "account_holder",
                                                   "accountHolder", k_wire_name_max_chars))},
      {"tenants", std::move(tenants)},
      {"amount", d.agreed_amount.to_string()},
      {"currency", "EUR"},
      {"instalments", instalments(d)},
      {"validFrom", d.valid_from.to_string()},
      {"validUntil", d.valid_until ? nlohmann::json(d.valid_until->to_string()) : nullptr},
      {"payoutAccount", payout(d)}};
  return record;
}

}  // namespace kaution
