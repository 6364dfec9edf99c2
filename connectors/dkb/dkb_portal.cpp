#include "connectors/dkb/dkb_portal.hpp"

#include <unordered_set>

#include "connectors/dkb/dkb_statement.hpp"

namespace kaution::dkb {

std::vector<UnassignedCount> unassigned_counts(const std::vector<UnassignedAccount>& listed) {
  std::vector<UnassignedCount> out;
  out.reserve(listed.size());
  for (const UnassignedAccount& account : listed)
    out.push_back(UnassignedCount{normalize_contract_no(account.iban), account.count});
  return out;
}

std::vector<std::string> gone_from_list(const std::vector<std::string>& held,
                                        const std::vector<UnassignedAccount>& listed) {
  std::unordered_set<std::string> still;
  for (const UnassignedAccount& account : listed)
    for (const std::string& reference : account.references)
      still.insert(booking_key(account.iban, reference));
  std::vector<std::string> out;
  for (const std::string& key : held)
    if (!still.contains(key)) out.push_back(key);
  return out;
}

}  // namespace kaution::dkb
