#pragma once
// The dkb master-data record: the body of PUT /kaution/v1/tenancies/{contractNumber}
// (specs/dkb.md).

#include <vector>

#include <nlohmann/json.hpp>

#include "core/failure.hpp"
#include "core/iban.hpp"
#include "mapping/deposit.hpp"

namespace kaution {

struct DkbRecord {
  nlohmann::json body;
  std::vector<FieldError> notes;  // shortened fields, parties not sent (wire_text.hpp codes)
};

// For a deposit that passed validate_deposit, held under `collective_iban`
// (resolve_trust_account). Names to 35 characters, street to 60, UTF-8 kept. dkb's tenants have
// no role: only parties with role tenant are sent, each other party gets a NOT_SENT note.
DkbRecord to_dkb_tenancy(const Deposit& deposit, const Iban& collective_iban);

}  // namespace kaution
