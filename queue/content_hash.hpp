#pragma once
// Hashes the store uses: the content hash of a deposit's master data, and the stable id of
// a booking.

#include <string>
#include <string_view>

namespace kaution {

// SHA-256 of `data` as 64 lower-case hex digits.
std::string sha256_hex(std::string_view data);

// The booking_id the store gives a bank booking: "bk_" and 32 hex digits of the SHA-256 of
// (connector, access, bank_ref) — the same booking always gets the same id.
std::string booking_id_for(std::string_view connector, std::string_view access,
                           std::string_view bank_ref);

}  // namespace kaution
