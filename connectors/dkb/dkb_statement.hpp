#pragma once
// dkb statements as bookings (specs/dkb.md): the camt.053.001.02 bulk document of the
// collective accounts, each booking assigned by "KAUTION:{contractNumber}" in AddtlTxInf, else
// by the one contract number its remittance names.

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "connectors/connector.hpp"
#include "connectors/formats/statement_model.hpp"

namespace kaution::dkb {

// The booking reference the daemon keeps: "{IBAN}:{reference}", since DKB's AcctSvcrRef is
// unique per IBAN only. The IBAN compact and upper case.
std::string booking_key(std::string_view iban, std::string_view reference);
// {IBAN, reference} of a key; the IBAN empty for a key without one.
std::pair<std::string, std::string> split_booking_key(std::string_view key);

// The contract a booking's AddtlTxInf names as "KAUTION:{contractNumber}"; nullopt without.
std::optional<std::string> kaution_tag(std::string_view additional_info);

// The bookings of one statement (connectors/camt_bookings.hpp) of a collective account:
// bank_ref booking_key(account, reference), account the collective IBAN. Assigned by the
// KAUTION tag; else by the sub-account on the deposit's side (CdtrAcct of credits, DbtrAcct
// of debits) through directory.by_account; else — only without a tag — by
// find_contract_numbers on the remittance, when exactly one contract matches. A tag naming a
// contract the daemon does not know never falls back to the remittance.
Result<std::vector<BookingEntry>> statement_bookings(std::string_view what,
                                                     const formats::Statement& statement,
                                                     const DepositDirectory& directory);

}  // namespace kaution::dkb
