#pragma once
// The generic walker: checks a JSON object against a KeyTable, recursively.

#include <string>

#include "config/json_pointer.hpp"
#include "config/key_table.hpp"

namespace kaution::config_detail {

// "an integer", "a string", "null", … for messages.
std::string type_phrase(const Json& value);

// Checks `object` (a JSON object, found at `pointer`) against `table` and appends every problem
// to `errors`: unknown keys (with the allowed ones), missing required keys, wrong types, values
// out of range or format. Returns the object normalized: absent keys carry their defaults, keys
// with a wrong value are left out, and wrong array entries become null so that indices hold.
Json walk_object(const Json& object, const KeyTable& table, const std::string& pointer,
                 ErrorList& errors);

}  // namespace kaution::config_detail
