#pragma once
// Shared checks of the fuzz targets: a parsed document must render, and every statement must
// survive the checks; a rejection must say why.

#include <cstdlib>

#include "connectors/formats/json_render.hpp"
#include "connectors/formats/statement_checks.hpp"

namespace kaution::formats::fuzz {

inline void exercise(std::expected<Document, ParseError>& parsed) {
  if (!parsed) {
    if (parsed.error().reason.empty()) std::abort();
    return;
  }
  for (Statement& s : parsed->statements) {
    assign_booking_refs(s);
    check_balances(s, true);
  }
  (void)to_json(*parsed).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace kaution::formats::fuzz
