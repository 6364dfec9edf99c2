#pragma once
// The answer parsers of km.md: pure functions from a soap:Body (without a fault) to results.
// Elements are matched by namespace and local name, attributes by name (km.md writes them
// unprefixed). The error string names the offending element; a parser either returns all of
// an answer or nothing, so that nothing is half-applied.

#include <expected>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

#include "connectors/connector.hpp"

namespace kaution::km {

// ---- VertraegeUebertragen

struct KmErgebnis {
  bool ok = false;
  std::string konto_id;            // Status OK: KM's account id (the deposit's bank_ref)
  std::vector<FieldError> errors;  // Status FEHLER: its km:Fehler {Feld, Code, text}
};

// One km:Ergebnis per sent contract, in request order, each naming the contract sent at its
// place. Another count or order, a Status other than OK/FEHLER, or OK without KontoId is an
// error for the whole answer.
std::expected<std::vector<KmErgebnis>, std::string> parse_export_answer(
    pugi::xml_node body, std::span<const std::string> sent_contracts);

// ---- UmsaetzeAbrufen

struct KmUmsaetze {
  std::vector<BookingEntry> bookings;
  std::string token;  // Fortsetzung: the cursor after this page (may be empty)
  bool more = false;  // Weitere
  std::vector<std::string> warnings;
};

// BookingKind of a km Art (ZAHLUNG … STORNO), nullopt for one km.md does not list.
std::optional<BookingKind> booking_kind(std::string_view art);

// km:Umsaetze with its km:Umsatz elements. Each booking is assigned by its Vertragsnummer via
// directory.by_contract; an empty Vertragsnummer (KM could not assign) or one the directory
// does not know leaves it unassigned (the latter with a warning). STORNO keeps its StornoVon
// in the remittance: "<Verwendungszweck> [StornoVon <BuchungsId>]". An Art km.md does not list
// becomes `other`, with a warning.
std::expected<KmUmsaetze, std::string> parse_umsaetze(pugi::xml_node body,
                                                      const DepositDirectory& directory);

// ---- SaldenAbrufen

struct KmSalden {
  std::vector<BalanceRecord> balances;
  std::size_t unknown_contracts = 0;  // Saldo elements of contracts the directory lacks
};

// km:Salden/km:Saldo; Datum defaults to `stichtag` when absent.
std::expected<KmSalden, std::string> parse_salden(pugi::xml_node body, Date stichtag,
                                                  const DepositDirectory& directory);

// ---- ZinsverteilungenAbrufen

// Every km:Zinsverteilung, directly in soap:Body or in one wrapper element; deposit_id empty
// for a contract the directory lacks.
std::expected<std::vector<InterestDistribution>, std::string> parse_zinsverteilungen(
    pugi::xml_node body, const DepositDirectory& directory);

// ---- ZinssatzMitteilen, ZahlungZuordnen, VertragSchliessen

struct KmStatus {
  bool ok = false;
  std::vector<FieldError> errors;  // Status FEHLER: its km:Fehler
};

// <km:{operation}Antwort Status="OK"/> (else the first km element of the body). With
// `status_required` false an answer without that element or without Status counts as OK.
std::expected<KmStatus, std::string> parse_status_answer(pugi::xml_node body,
                                                         std::string_view operation,
                                                         bool status_required);

}  // namespace kaution::km
