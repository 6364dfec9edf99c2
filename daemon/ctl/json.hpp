#pragma once
// JSON in kautionctl keeps the member order of what it parses, so that tables and key/value
// listings show the daemon's answers in the daemon's order.

#include <nlohmann/json.hpp>

namespace kaution::ctl {

using Json = nlohmann::ordered_json;

}  // namespace kaution::ctl
