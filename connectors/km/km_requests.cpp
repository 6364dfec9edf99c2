#include "connectors/km/km_requests.hpp"

#include <string>

#include "mapping/km_record.hpp"

namespace kaution::km {
namespace {

void element(SoapEnvelope& envelope, std::string_view local, std::string_view value) {
  const std::string name = "km:" + std::string(local);
  envelope.request().append_child(name.c_str()).text().set(std::string(value).c_str());
}

}  // namespace

std::vector<FieldError> add_vertrag(SoapEnvelope& envelope, const Deposit& deposit,
                                    const Iban& trust_account) {
  return to_km_vertrag(deposit, trust_account, envelope.request());
}

void umsaetze_abrufen(SoapEnvelope& envelope, std::string_view token, int max) {
  element(envelope, "Fortsetzung", token);
  element(envelope, "Max", std::to_string(max));
}

void salden_abrufen(SoapEnvelope& envelope, Date stichtag) {
  element(envelope, "Stichtag", stichtag.to_string());
}

void zinsverteilungen_abrufen(SoapEnvelope& envelope, int year) {
  element(envelope, "Jahr", std::to_string(year));
}

void zinssatz_mitteilen(SoapEnvelope& envelope, const TrustAccount& account) {
  element(envelope, "Treuhandkonto", account.iban.str());
  element(envelope, "GueltigAb", account.valid_from.to_string());
  element(envelope, "Satz", account.interest_rate);
}

void zahlung_zuordnen(SoapEnvelope& envelope, std::string_view booking_id,
                      std::string_view contract_no) {
  element(envelope, "BuchungsId", booking_id);
  element(envelope, "Vertragsnummer", contract_no);
}

void vertrag_schliessen(SoapEnvelope& envelope, std::string_view contract_no) {
  element(envelope, "Vertragsnummer", contract_no);
}

}  // namespace kaution::km
