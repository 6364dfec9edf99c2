#pragma once
// The requests of the dkb profile (specs/dkb.md); paths below the access's base URL. Lists of
// IBANs go into the query as dkb.md writes them, comma-separated ("ibans=DE…,DE…").

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "connectors/http/message.hpp"
#include "core/date.hpp"
#include "core/iban.hpp"
#include "mapping/dkb_record.hpp"

namespace kaution::dkb {

inline constexpr std::size_t k_max_ibans_per_call = 100;  // statements (and balances)

// PUT /kaution/v1/tenancies/{contractNumber}
httpclient::Request put_tenancy(std::string_view contract_no, const DkbRecord& record);
// DELETE /kaution/v1/tenancies/{contractNumber}
httpclient::Request delete_tenancy(std::string_view contract_no);
// GET /kaution/v1/statements?ibans=…[&from=YYYY-MM-DD]; at most k_max_ibans_per_call IBANs.
httpclient::Request get_statements(std::span<const Iban> ibans, const std::optional<Date>& from);
// GET /kaution/v1/balances?ibans=…
httpclient::Request get_balances(std::span<const Iban> ibans);
// GET /kaution/v1/unassigned?ibans=… (all configured IBANs in one call)
httpclient::Request get_unassigned(std::span<const Iban> ibans);
// GET /kaution/v1/bookings/{reference}
httpclient::Request get_booking(std::string_view reference);

}  // namespace kaution::dkb
