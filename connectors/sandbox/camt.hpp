#pragma once
// The camt.053 documents of the sandbox banks: aak's camt.053.001.08 (one Stmt for the trust
// account per closed day) and dkb's camt.053.001.02 (one Stmt per collective IBAN and day).
// Deterministic: creation times are derived from the simulated dates, never the wall clock.

#include <string>
#include <vector>

#include "connectors/sandbox/books.hpp"
#include "connectors/sandbox/simulation.hpp"

namespace kaution::sandbox {

inline constexpr std::string_view k_camt053_v08 = "urn:iso:std:iso:20022:tech:xsd:camt.053.001.08";
inline constexpr std::string_view k_camt053_v02 = "urn:iso:std:iso:20022:tech:xsd:camt.053.001.02";

std::string aak_statement_xml(const AakStatement& statement, const Books& books);

// Days from `from` to the last booked day, bounded by the retention; IBANs in the given order.
std::string dkb_statements_xml(const Books& books, const std::vector<std::string>& ibans, Date from,
                               Date today);

// "2026-11-20T18:00:00+01:00": a time on `date` in Europe/Berlin.
std::string berlin_time(Date date, int hour, int minute = 0, int second = 0);

}  // namespace kaution::sandbox
