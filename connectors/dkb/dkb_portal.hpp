#pragma once
// Unassigned bookings and DKB's portal (specs/dkb.md): the counts per collective IBAN, and the
// bookings the daemon holds as unassigned that the bank no longer lists — assigned in the
// portal since.

#include <string>
#include <vector>

#include "connectors/connector.hpp"
#include "connectors/dkb/dkb_responses.hpp"

namespace kaution::dkb {

// One count per IBAN, as the bank reports them.
std::vector<UnassignedCount> unassigned_counts(const std::vector<UnassignedAccount>& listed);

// The keys (booking_key) of `held` that `listed` no longer names, in the order held.
std::vector<std::string> gone_from_list(const std::vector<std::string>& held,
                                        const std::vector<UnassignedAccount>& listed);

}  // namespace kaution::dkb
