#pragma once
// TouchedDeposits: what a sync run changed of the facts a status derives from
// (mapping/status.hpp), so that the run derives only those deposits' statuses again:
// - deposits whose export result or bank balance was recorded, or that were closed;
// - `imported`: an access's import completed, which renews its last import for all of its
//   deposits — only those now `stale` can change by that;
// - `everything`: an access's credentials were refused or accepted again (all its deposits).
// What changes with the date alone (stale, faulty without balance, valid_until passed) is
// derived for every deposit once per day (SyncScheduler). Used by the sync thread only.

#include <string>
#include <unordered_set>

namespace kaution {

struct TouchedDeposits {
  std::unordered_set<std::string> ids;
  bool imported = false;
  bool everything = false;

  void add(const std::string& deposit_id) { ids.insert(deposit_id); }
  bool empty() const { return ids.empty() && !imported && !everything; }
  void clear() { *this = {}; }
};

}  // namespace kaution
