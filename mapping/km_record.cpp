#include "mapping/km_record.hpp"

#include <sstream>

#include "mapping/wire_text.hpp"

namespace kaution {
namespace {

pugi::xml_node element(pugi::xml_node parent, const char* name, std::string_view value) {
  pugi::xml_node node = parent.append_child(name);
  if (!value.empty()) node.text().set(std::string(value).c_str());
  return node;
}

void attribute(pugi::xml_node node, const char* name, std::string_view value) {
  node.append_attribute(name).set_value(std::string(value).c_str());
}

std::string_view km_role(PartyRole role) {
  switch (role) {
    case PartyRole::tenant:
      return "Mieter";
    case PartyRole::guarantor:
      return "Bürge";
    case PartyRole::other:
      return "Sonstige";
  }
  return "Sonstige";
}

// The party's name elements: Firma for a company, else Vorname and Name.
void names(const Party& p, const std::string& path, pugi::xml_node mieter, WireText& text) {
  const auto name = [&](const std::optional<std::string>& value, const char* field,
                        const char* wire) {
    element(mieter, (std::string("km:") + wire).c_str(),
            text.optional_text(value, path + "." + field, std::string("Mieter/") + wire,
                               k_wire_name_max_chars)
                .value_or(""));
  };
  if (!p.company_name) {
    name(p.first_name, "first_name", "Vorname");
    name(p.last_name, "last_name", "Name");
    return;
  }
  name(p.company_name, "company_name", "Firma");
  if (p.first_name) text.not_sent(path + ".first_name", "Firma replaces Vorname for a company");
  if (p.last_name) text.not_sent(path + ".last_name", "Firma replaces Name for a company");
}

void mieter(const Party& p, std::size_t index, pugi::xml_node vertrag, WireText& text) {
  const std::string path = "parties[" + std::to_string(index) + "]";
  pugi::xml_node node = vertrag.append_child("km:Mieter");
  attribute(node, "Rolle", km_role(p.role));
  const auto plain = [&](const std::optional<std::string>& value, const std::string& field,
                         const char* wire, std::size_t max_chars = k_no_limit) {
    element(
        node, (std::string("km:") + wire).c_str(),
        text.optional_text(value, field, std::string("Mieter/") + wire, max_chars).value_or(""));
  };
  plain(p.salutation, path + ".salutation", "Anrede");
  names(p, path, node, text);
  element(node, "km:Geburtsdatum", p.birth_date ? p.birth_date->to_string() : "");
  plain(p.nationality, path + ".nationality", "Nationalitaet");
  const Address a = p.address.value_or(Address{});
  const std::string address = path + ".address";
  plain(a.street, address + ".street", "Strasse", k_wire_address_max_chars);
  plain(a.postcode, address + ".postcode", "PLZ");
  plain(a.city, address + ".city", "Ort");
  plain(a.country, address + ".country", "Land");
}

void objekt(const Deposit& d, pugi::xml_node vertrag, WireText& text) {
  pugi::xml_node node =
      element(vertrag, "km:Objekt",
              text.optional_text(d.object_label, "object_label", "Objekt", k_wire_name_max_chars)
                  .value_or(""));
  if (d.object_no)
    attribute(node, "Nummer", text.text(*d.object_no, "object_no", "Objekt/@Nummer"));
  if (d.object_owner)
    attribute(node, "Eigentuemer",
              text.text(*d.object_owner, "object_owner", "Objekt/@Eigentuemer"));
}

void raten(const Deposit& d, pugi::xml_node vertrag) {
  pugi::xml_node node = vertrag.append_child("km:Raten");
  for (const Instalment& i : d.instalments)
    attribute(element(node, "km:Rate", i.amount.to_string()), "Faellig", i.due_date.to_string());
}

void auszahlungskonto(const Deposit& d, pugi::xml_node vertrag, WireText& text) {
  if (!d.payout_account) {
    vertrag.append_child("km:Auszahlungskonto");
    return;
  }
  pugi::xml_node node = element(vertrag, "km:Auszahlungskonto", d.payout_account->iban.str());
  attribute(
      node, "Inhaber",
      text.text(d.payout_account->holder, "payout_account.holder", "Auszahlungskonto/@Inhaber"));
}

}  // namespace

std::vector<FieldError> to_km_vertrag(const Deposit& d, const Iban& trust_account,
                                      pugi::xml_node parent) {
  std::vector<FieldError> notes;
  WireText text("km", true, notes);
  pugi::xml_node vertrag = parent.append_child("km:Vertrag");
  element(vertrag, "km:Vertragsnummer",
          text.text(d.rental_contract_no, "rental_contract_no", "Vertragsnummer"));
  objekt(d, vertrag, text);
  element(vertrag, "km:Mieteinheit",
          text.optional_text(d.unit_no, "unit_no", "Mieteinheit").value_or(""));
  element(vertrag, "km:Treuhandkonto", trust_account.str());
  element(
      vertrag, "km:Kontoinhaber",
      text.optional_text(d.account_holder, "account_holder", "Kontoinhaber", k_wire_name_max_chars)
          .value_or(""));
  for (std::size_t i = 0; i < d.parties.size(); ++i)
    mieter(d.parties[i], i, vertrag, text);
  element(vertrag, "km:Kautionsbetrag", d.agreed_amount.to_string());
  raten(d, vertrag);
  element(vertrag, "km:Vertragsbeginn", d.valid_from.to_string());
  element(vertrag, "km:Vertragsende", d.valid_until ? d.valid_until->to_string() : "");
  auszahlungskonto(d, vertrag, text);
  return notes;
}

KmVertragXml km_vertrag_xml(const Deposit& deposit, const Iban& trust_account) {
  pugi::xml_document doc;
  KmVertragXml out;
  out.notes = to_km_vertrag(deposit, trust_account, doc);
  doc.first_child().prepend_attribute("xmlns:km").set_value(std::string(k_km_namespace).c_str());
  std::ostringstream stream;
  doc.save(stream, "", pugi::format_raw | pugi::format_no_declaration, pugi::encoding_utf8);
  out.xml = stream.str();
  return out;
}

}  // namespace kaution
