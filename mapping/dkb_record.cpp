#include "mapping/dkb_record.hpp"

#include "mapping/wire_text.hpp"

namespace kaution {
namespace {

nlohmann::json or_null(const std::optional<std::string>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

nlohmann::json tenant(const Party& p, std::size_t index, std::size_t wire_index, WireText& text) {
  const std::string path = "parties[" + std::to_string(index) + "]";
  const std::string wire = "tenants[" + std::to_string(wire_index) + "].";
  const auto name = [&](const std::optional<std::string>& value, const char* field,
                        const char* wire_field) {
    return or_null(
        text.optional_text(value, path + "." + field, wire + wire_field, k_wire_name_max_chars));
  };
  const Address a = p.address.value_or(Address{});
  return {{"firstName", name(p.first_name, "first_name", "firstName")},
          {"lastName", name(p.last_name, "last_name", "lastName")},
          {"companyName", name(p.company_name, "company_name", "companyName")},
          {"birthDate", p.birth_date ? nlohmann::json(p.birth_date->to_string()) : nullptr},
          {"street", or_null(text.optional_text(a.street, path + ".address.street", wire + "street",
                                                k_wire_address_max_chars))},
          {"postcode", or_null(a.postcode)},
          {"city", or_null(a.city)},
          {"country", or_null(a.country)}};
}

nlohmann::json tenants(const Deposit& d, WireText& text) {
  nlohmann::json out = nlohmann::json::array();
  for (std::size_t i = 0; i < d.parties.size(); ++i) {
    const Party& p = d.parties[i];
    if (p.role == PartyRole::tenant)
      out.push_back(tenant(p, i, out.size(), text));
    else
      text.not_sent("parties[" + std::to_string(i) + "]",
                    "a " + std::string(to_string(p.role)) + " (dkb's tenants have no role)");
  }
  return out;
}

}  // namespace

DkbRecord to_dkb_tenancy(const Deposit& d, const Iban& collective_iban) {
  DkbRecord record;
  WireText text("dkb", false, record.notes);
  nlohmann::json parties = tenants(d, text);
  record.body = {
      {"collectiveIban", collective_iban.str()},
      {"contractNumber", d.rental_contract_no},
      {"object",
       {{"number", or_null(d.object_no)},
        {"label", or_null(text.optional_text(d.object_label, "object_label", "object.label",
                                             k_wire_name_max_chars))}}},
      {"unit", or_null(d.unit_no)},
      {"tenants", std::move(parties)},
      {"depositAmount", d.agreed_amount.to_string()},
      {"start", d.valid_from.to_string()},
      {"end", d.valid_until ? nlohmann::json(d.valid_until->to_string()) : nullptr},
      {"payoutIban", d.payout_account ? nlohmann::json(d.payout_account->iban.str()) : nullptr}};
  return record;
}

}  // namespace kaution
