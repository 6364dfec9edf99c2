#pragma once
// The canonical text of a deposit's master data, written straight from the Deposit (no JSON
// DOM): byte for byte what to_json(deposit).dump() gives — keys sorted, no spaces, strings
// escaped as nlohmann::json escapes them (", \, control characters; UTF-8 kept as it is).
// It is what the store keeps and hashes, so it must never change for stored content
// (tests/mapping/canonical_json_test.cpp and fuzz/fuzz_deposit.cpp compare the two).

#include <string>

#include "mapping/deposit.hpp"

namespace kaution {

std::string canonical_json(const Deposit& deposit);

}  // namespace kaution
