#pragma once
// The aak master-data record: the body of PUT /v1/deposits/{contractNumber} (specs/aak.md).

#include <vector>

#include <nlohmann/json.hpp>

#include "core/failure.hpp"
#include "mapping/deposit.hpp"

namespace kaution {

struct AakRecord {
  nlohmann::json body;
  std::vector<FieldError> notes;  // shortened fields (wire_text.hpp codes)
};

// For a deposit that passed validate_deposit: names to 35 characters, address.line1 to 60,
// UTF-8 kept; contractNumber is never shortened (validation limits it to 35). Parties of every
// role go to `tenants` with role TENANT, GUARANTOR or OTHER.
AakRecord to_aak_record(const Deposit& deposit);

}  // namespace kaution
