#pragma once
// BGB §551 checks of a residential deposit (internal to validate.cpp): findings the caller files
// as warnings or, when configured, as errors.

#include <vector>

#include "core/failure.hpp"
#include "mapping/deposit.hpp"

namespace kaution {

// agreed_amount ≤ 3 × net_cold_rent (when known); at most 3 instalments; instalment k (in due
// date order, from 0) due no earlier than the first day of valid_from's month + k months — the
// first with the start of the tenancy, the others with the two following monthly rents.
// Nothing for a non-residential deposit.
std::vector<FieldError> bgb551_findings(const Deposit& deposit);

}  // namespace kaution
