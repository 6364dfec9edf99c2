#pragma once
// Shared checks of the per-parser fuzz targets: every statement must survive the checks and
// small documents must render (rendering large ones under ASan costs most of the run time;
// fuzz_statement renders everything); a rejection must say why.

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
  std::size_t entries = 0;
  for (const Statement& s : parsed->statements)
    entries += s.entries.size();
  if (entries <= 16)
    (void)to_json(*parsed).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace kaution::formats::fuzz
