#include "connectors/sandbox/km_contract.hpp"

#include <fmt/format.h>

#include "connectors/sandbox/checks.hpp"
#include "connectors/sandbox/xml.hpp"
#include "core/iban.hpp"
#include "mapping/text.hpp"

namespace kaution::sandbox {
namespace {

constexpr std::size_t k_name_chars = 35;
constexpr std::size_t k_street_chars = 60;
constexpr std::size_t k_free_chars = 255;

class Checks {
 public:
  explicit Checks(std::vector<KmError>& errors) : m_errors(errors) {}

  void add(const std::string& field, const char* code, const std::string& text) {
    m_errors.push_back({field, code, text});
  }

  // Text in the DK set of at most `max` characters; empty counts as absent.
  std::string text(const std::string& value, const std::string& field, std::size_t max,
                   bool required) {
    if (value.empty()) {
      if (required) add(field, "PFLICHTFELD", field + " fehlt");
      return value;
    }
    const std::size_t chars = count_chars(value);
    if (chars > max) {
      add(field, "ZU_LANG", fmt::format("{} länger als {} Zeichen ({})", field, max, chars));
    }
    for (std::size_t at = 0; at < value.size();) {
      const DecodedChar c = decode_utf8(value, at);
      if (!c.valid || !is_dk_char(c.code_point)) {
        add(field, "ZEICHENSATZ",
            fmt::format("{}: Zeichen '{}' nicht im DK-Zeichensatz", field,
                        c.valid ? value.substr(at, c.length) : std::string("?")));
        break;
      }
      at += c.length;
    }
    return value;
  }

  std::optional<Date> date(const std::string& value, const std::string& field, bool required) {
    if (value.empty()) {
      if (required) add(field, "PFLICHTFELD", field + " fehlt");
      return std::nullopt;
    }
    auto date = Date::parse(value);
    if (!date) add(field, "DATUM_UNGUELTIG", field + " ist kein Datum JJJJ-MM-TT");
    return date ? std::optional<Date>(*date) : std::nullopt;
  }

  std::optional<Money> amount(const std::string& value, const std::string& field) {
    if (value.empty()) {
      add(field, "PFLICHTFELD", field + " fehlt");
      return std::nullopt;
    }
    auto money = parse_wire_amount(value);
    if (!money || money->cents() <= 0) {
      add(field, "BETRAG_UNGUELTIG", field + " ist kein Betrag wie 1340.00");
      return std::nullopt;
    }
    return money;
  }

  std::string iban(const std::string& value, const std::string& field, bool required) {
    if (value.empty()) {
      if (required) add(field, "PFLICHTFELD", field + " fehlt");
      return value;
    }
    auto iban = Iban::parse(value);
    if (!iban) add(field, "IBAN_UNGUELTIG", field + " ist keine gültige IBAN");
    return iban ? iban->str() : std::string();
  }

 private:
  std::vector<KmError>& m_errors;
};

std::string field_text(pugi::xml_node parent, const char* name) {
  return xml::text(xml::child(parent, name, k_km_ns));
}

struct Tenant {
  std::string name;
  std::string last;
  std::string key;
};

Tenant check_mieter(Checks& checks, pugi::xml_node mieter, const std::string& at) {
  checks.text(field_text(mieter, "Anrede"), at + "/Anrede", k_free_chars, false);
  const std::string first =
      checks.text(field_text(mieter, "Vorname"), at + "/Vorname", k_name_chars, false);
  const std::string last =
      checks.text(field_text(mieter, "Name"), at + "/Name", k_name_chars, false);
  const std::string company =
      checks.text(field_text(mieter, "Firma"), at + "/Firma", k_name_chars, false);
  if (last.empty() && company.empty()) checks.add(at + "/Name", "PFLICHTFELD", "Name fehlt");
  const auto birth = checks.date(field_text(mieter, "Geburtsdatum"), at + "/Geburtsdatum", false);
  checks.text(field_text(mieter, "Strasse"), at + "/Strasse", k_street_chars, false);
  checks.text(field_text(mieter, "PLZ"), at + "/PLZ", k_free_chars, false);
  checks.text(field_text(mieter, "Ort"), at + "/Ort", k_free_chars, false);
  if (!company.empty()) return {company, company, {}};
  const std::string key =
      birth && !last.empty() ? first + "|" + last + "|" + birth->to_string() : std::string();
  return {first.empty() ? last : first + " " + last, last, key};
}

std::vector<Tenant> check_mieters(Checks& checks, pugi::xml_node vertrag) {
  std::vector<Tenant> tenants;
  std::size_t n = 0;
  for (pugi::xml_node c = vertrag.first_child(); c; c = c.next_sibling()) {
    if (xml::local_name(c) != "Mieter") continue;
    ++n;
    const std::string at = n == 1 ? "Mieter" : fmt::format("Mieter[{}]", n);
    Tenant tenant = check_mieter(checks, c, at);
    if (std::string(c.attribute("Rolle").as_string("Mieter")) == "Mieter") {
      tenants.push_back(std::move(tenant));
    }
  }
  if (n == 0) checks.add("Mieter", "PFLICHTFELD", "kein Mieter");
  return tenants;
}

void check_object(Checks& checks, pugi::xml_node vertrag) {
  const pugi::xml_node objekt = xml::child(vertrag, "Objekt", k_km_ns);
  checks.text(xml::text(objekt), "Objekt", k_name_chars, true);
  checks.text(objekt.attribute("Nummer").as_string(), "Objekt/Nummer", k_free_chars, false);
  const std::string owner = objekt.attribute("Eigentuemer").as_string();
  if (owner.empty()) {
    checks.add("Objekt/Eigentuemer", "OBJEKT_OHNE_EIGENTUEMER", "Objekt ohne Eigentümer");
  } else {
    checks.text(owner, "Objekt/Eigentuemer", k_free_chars, false);
  }
  checks.text(field_text(vertrag, "Mieteinheit"), "Mieteinheit", k_free_chars, false);
}

std::vector<Instalment> check_raten(Checks& checks, pugi::xml_node vertrag,
                                    std::optional<Money> total) {
  std::vector<Instalment> out;
  Money sum;
  bool complete = true;
  std::size_t n = 0;
  for (pugi::xml_node rate = xml::child(xml::child(vertrag, "Raten", k_km_ns), "Rate", k_km_ns);
       rate; rate = rate.next_sibling(rate.name())) {
    const std::string at = fmt::format("Raten/Rate[{}]", ++n);
    const auto due = checks.date(rate.attribute("Faellig").as_string(), at + "/Faellig", true);
    const auto part = checks.amount(xml::text(rate), at);
    if (!due || !part) {
      complete = false;
      continue;
    }
    sum += *part;
    out.push_back({*due, *part});
  }
  if (n == 0) checks.add("Raten", "PFLICHTFELD", "keine Rate");
  if (n > 0 && complete && total && sum != *total) {
    checks.add("Raten", "RATEN_SUMME",
               fmt::format("Raten ergeben {}, nicht {}", sum.to_string(), total->to_string()));
  }
  return out;
}

}  // namespace

KmContract check_km_vertrag(pugi::xml_node vertrag) {
  KmContract out;
  Checks checks(out.errors);
  out.contract =
      checks.text(field_text(vertrag, "Vertragsnummer"), "Vertragsnummer", k_name_chars, true);
  check_object(checks, vertrag);
  const std::string trust =
      checks.iban(field_text(vertrag, "Treuhandkonto"), "Treuhandkonto", true);
  checks.text(field_text(vertrag, "Kontoinhaber"), "Kontoinhaber", k_name_chars, true);
  const std::vector<Tenant> tenants = check_mieters(checks, vertrag);
  const auto total = checks.amount(field_text(vertrag, "Kautionsbetrag"), "Kautionsbetrag");
  out.record.instalments = check_raten(checks, vertrag, total);
  checks.date(field_text(vertrag, "Vertragsbeginn"), "Vertragsbeginn", true);
  out.record.valid_until = checks.date(field_text(vertrag, "Vertragsende"), "Vertragsende", false);
  const pugi::xml_node payout = xml::child(vertrag, "Auszahlungskonto", k_km_ns);
  out.record.payout_iban = checks.iban(xml::text(payout), "Auszahlungskonto", false);
  out.record.payout_holder = checks.text(payout.attribute("Inhaber").as_string(),
                                         "Auszahlungskonto/Inhaber", k_free_chars, false);
  out.record.contract = out.contract;
  out.record.iban = trust;
  if (!tenants.empty()) {
    out.record.payer_name = tenants.front().name;
    out.record.payer_last_name = tenants.front().last;
    out.record.tenant_key = tenants.front().key;
  }
  return out;
}

}  // namespace kaution::sandbox
