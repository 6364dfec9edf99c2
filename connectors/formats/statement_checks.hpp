#pragma once
// Format-independent post-processing of a parsed statement.

#include "connectors/formats/statement_model.hpp"

namespace kaution::formats {

// Gives every entry and transaction a booking_ref that is the same each time the same booking
// is delivered (camt.052 several times a day, overlapping statements): the account servicer's
// reference, else the entry reference, else a digest of the booking's own data; "#2", "#3" for
// repeats within the statement. A transaction of a batch (more than one) appends "/" and its
// EndToEndId, or "/#n" (its position) when that is missing, NOTPROVIDED or repeated.
void assign_booking_refs(Statement& statement);

// Opening (OPBD, else PRCD) + booked entries == closing (CLBD); a mismatch, or a batch whose
// transactions do not add up to its entry, becomes a warning on the statement.
void check_balances(Statement& statement, bool expect_balances);

// A statement that repeats an earlier one of the same document (same account, id, sequence
// number and period) gets a warning naming both: its entries carry the same booking
// references, so an idempotent import books them once; a caller that does not deduplicate
// must not take both.
void warn_repeated_statements(Document& document);

// "12.34 EUR" / "2700 JPY": minor units shown with the currency's decimals.
std::string format_amount(Money amount, std::string_view currency);

}  // namespace kaution::formats
