#pragma once
// The lookups an import of one access needs (connectors/connector.hpp DepositDirectory),
// built from the store's directory rows. Open deposits win over closed ones that share a
// vIBAN or contract number (a contract may have had an earlier, closed deposit).

#include <vector>

#include "connectors/connector.hpp"
#include "queue/records.hpp"

namespace kaution {

DepositDirectory build_directory(const std::vector<DirectoryEntry>& entries);

}  // namespace kaution
