#pragma once
// JSON values as text for people: cells, flattened objects, tolerant lookups. Money stays the
// string the daemon sent ("1340.00"); numbers are printed as JSON has them, never via double.

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>
#include "daemon/ctl/json.hpp"

namespace kaution::ctl {

std::string trim(std::string_view text);
// At most `max_chars` code points, "…" at the end when cut; never splits a UTF-8 sequence.
std::string shorten(std::string_view text, std::size_t max_chars);
// Code points in `text` (what a terminal column count approximates).
std::size_t display_width(std::string_view text);

// A value as one cell: strings as they are, null "-", true/false "yes"/"no", numbers as in
// JSON, arrays of scalars joined with ", ", other arrays "<n items>", objects compact JSON.
std::string cell_text(const Json& value);

// The member at a dotted path ("account.iban"); nullptr when any step is missing.
const Json* find_path(const Json& object, std::string_view dotted);

// The first of `keys` present and not null.
const Json* find_any(const Json& object, std::initializer_list<std::string_view> keys);

// Every scalar leaf with its path: "parties[0].address.city" → "Dortmund". Empty arrays and
// objects appear as "-".
std::vector<std::pair<std::string, std::string>> flatten(const Json& value);

// The rows of a list answer: the value itself when it is an array, else the first of `keys`
// holding an array, else the first array member; nullptr when there is none.
const Json* find_rows(const Json& answer, std::initializer_list<std::string_view> keys);

}  // namespace kaution::ctl
