#pragma once
// The status summary operators read: deposits per connector, access and status, and each
// access's last successful export and import.

#include <string>

#include "queue/store.hpp"

namespace kaution {

std::string render_status_summary(Store& store);

}  // namespace kaution
