#pragma once
// The request bodies of km.md: each builder fills the <km:{Operation}> of an envelope made for
// that operation (SoapEnvelope::request()).

#include <string_view>
#include <vector>

#include "config/config.hpp"
#include "connectors/km/soap_envelope.hpp"
#include "core/date.hpp"
#include "core/failure.hpp"
#include "core/iban.hpp"
#include "mapping/deposit.hpp"

namespace kaution::km {

inline constexpr std::string_view k_vertraege_uebertragen = "VertraegeUebertragen";
inline constexpr std::string_view k_umsaetze_abrufen = "UmsaetzeAbrufen";
inline constexpr std::string_view k_salden_abrufen = "SaldenAbrufen";
inline constexpr std::string_view k_zinsverteilungen_abrufen = "ZinsverteilungenAbrufen";
inline constexpr std::string_view k_zinssatz_mitteilen = "ZinssatzMitteilen";
inline constexpr std::string_view k_zahlung_zuordnen = "ZahlungZuordnen";
inline constexpr std::string_view k_vertrag_schliessen = "VertragSchliessen";

inline constexpr std::size_t k_max_contracts_per_request = 500;
inline constexpr int k_max_bookings_per_page = 1000;

// Appends one <km:Vertrag> (mapping/km_record.hpp); returns the notes of shortened or
// transliterated fields.
std::vector<FieldError> add_vertrag(SoapEnvelope& envelope, const Deposit& deposit,
                                    const Iban& trust_account);
// <km:Fortsetzung>{token, empty on the first call}</km:Fortsetzung><km:Max>{max}</km:Max>
void umsaetze_abrufen(SoapEnvelope& envelope, std::string_view token, int max);
// <km:Stichtag>{date}</km:Stichtag>
void salden_abrufen(SoapEnvelope& envelope, Date stichtag);
// <km:Jahr>{year}</km:Jahr>
void zinsverteilungen_abrufen(SoapEnvelope& envelope, int year);
// <km:Treuhandkonto/><km:GueltigAb/><km:Satz/> of the trust account's configured rate.
void zinssatz_mitteilen(SoapEnvelope& envelope, const TrustAccount& account);
// <km:BuchungsId/><km:Vertragsnummer/>
void zahlung_zuordnen(SoapEnvelope& envelope, std::string_view booking_id,
                      std::string_view contract_no);
// <km:Vertragsnummer/>
void vertrag_schliessen(SoapEnvelope& envelope, std::string_view contract_no);

}  // namespace kaution::km
