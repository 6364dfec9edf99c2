#include "daemon/sync/directory.hpp"

namespace kaution {
namespace {

void add_entry(DepositDirectory& dir, const DirectoryEntry& e) {
  if (e.virtual_iban) dir.by_account.add(*e.virtual_iban, e.deposit_id);
  if (dir.by_contract.emplace(e.rental_contract_no, e.deposit_id).second)
    dir.contracts.add(e.rental_contract_no);
  if (e.bank_ref) dir.by_bank_ref.emplace(*e.bank_ref, e.deposit_id);
}

}  // namespace

DepositDirectory build_directory(const std::vector<DirectoryEntry>& entries) {
  DepositDirectory dir;
  for (const DirectoryEntry& e : entries)
    if (!e.closed) add_entry(dir, e);
  for (const DirectoryEntry& e : entries)
    if (e.closed) add_entry(dir, e);
  return dir;
}

}  // namespace kaution
