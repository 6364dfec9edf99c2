#pragma once
// km master data: the checks of one <km:Vertrag> of VertraegeUebertragen (km.md): required
// fields, 35/60 characters, the DK character set, IBANs, dates, instalment sum, the owner.

#include <string>
#include <vector>

#include <pugixml.hpp>

#include "connectors/sandbox/km_soap.hpp"
#include "connectors/sandbox/simulation.hpp"

namespace kaution::sandbox {

struct KmContract {
  std::string contract;  // Vertragsnummer as sent (may be empty)
  AccountRecord record;  // complete only when `errors` is empty
  std::vector<KmError> errors;
};

KmContract check_km_vertrag(pugi::xml_node vertrag);

}  // namespace kaution::sandbox
