#pragma once
// The km master-data record: one <km:Vertrag> of VertraegeUebertragen (specs/km.md).

#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

#include "core/failure.hpp"
#include "core/iban.hpp"
#include "mapping/deposit.hpp"

namespace kaution {

inline constexpr std::string_view k_km_namespace = "urn:km-modul:kaution:v1";

// Appends <km:Vertrag> for a deposit that passed validate_deposit, held on `trust_account`
// (resolve_trust_account), to `parent`; the caller binds the prefix km to k_km_namespace on an
// ancestor. Every text is DK-transliterated (text.hpp); Objekt, Kontoinhaber, Vorname, Name and
// Firma are shortened to 35 characters, Strasse to 60. Every element is present, empty when the
// value is unknown (like <km:Vertragsende/>); a company party gets Firma instead of
// Vorname/Name. Returns the notes (wire_text.hpp codes).
std::vector<FieldError> to_km_vertrag(const Deposit& deposit, const Iban& trust_account,
                                      pugi::xml_node parent);

struct KmVertragXml {
  std::string xml;  // <km:Vertrag xmlns:km="urn:km-modul:kaution:v1">…</km:Vertrag>, unindented
  std::vector<FieldError> notes;
};

// The same element on its own, serialised: for tests and logs.
KmVertragXml km_vertrag_xml(const Deposit& deposit, const Iban& trust_account);

}  // namespace kaution
