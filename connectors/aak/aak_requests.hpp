#pragma once
// The requests of the aak profile (specs/aak.md); paths below the access's base URL.

#include <optional>
#include <string>
#include <string_view>

#include "connectors/connector.hpp"
#include "connectors/http/message.hpp"
#include "mapping/aak_record.hpp"

namespace kaution::aak {

inline constexpr int k_balance_page_size = 1000;  // the profile's maximum

// PUT /v1/deposits/{contractNumber}: the record, with `uuid` the bank's once it has one.
httpclient::Request put_deposit(const ExportItem& item, AakRecord& record);
// GET /v1/statements[?after=…]: the statements produced since `after` (all kept when empty).
httpclient::Request list_statements(const std::optional<std::string>& after);
// The next page of a statement list: `next` as a path when it is one, else as `after`.
httpclient::Request next_statements(const std::string& next);
// GET /v1/statements/{id}: one camt.053.001.08 document.
httpclient::Request get_statement(std::string_view id);
httpclient::Request get_balances(int page);
httpclient::Request get_interest_distributions(int year);
// POST /v1/payments/{bookingReference}/assign {"uuid": …}
httpclient::Request assign_payment(std::string_view booking_ref, std::string_view uuid);
// POST /v1/deposits/{uuid}/close
httpclient::Request close_deposit(std::string_view uuid);

}  // namespace kaution::aak
