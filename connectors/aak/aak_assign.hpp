#pragma once
// Assignment of aak bookings and balances to deposits (specs/aak.md): exact, by the vIBAN the
// money was booked on.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "connectors/aak/aak_responses.hpp"
#include "connectors/connector.hpp"
#include "connectors/formats/statement_model.hpp"

namespace kaution::aak {

// The bookings of one statement of the trust account (connectors/camt_bookings.hpp), each
// assigned through directory.by_account by the vIBAN on the deposit's side: CdtrAcct of
// credits, DbtrAcct of debits (of a reversal: the side of the booking it cancels, else the
// other). `account` is that vIBAN, or the trust account when the entry names none; a vIBAN no
// deposit has (or the trust account itself) leaves the booking unassigned.
Result<std::vector<BookingEntry>> statement_bookings(std::string_view what,
                                                     const formats::Statement& statement,
                                                     const DepositDirectory& directory);

// The deposit of a balance: by uuid, else contract number, else vIBAN; nullopt when unknown.
std::optional<std::string> balance_deposit(const BalanceItem& item,
                                           const DepositDirectory& directory);

}  // namespace kaution::aak
