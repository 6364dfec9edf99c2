#pragma once
// Crash harness: the checks at the end of a run, against the store file (the daemon stopped),
// the banks' ground truth (GET /_control/bookings), the booking feed read whole, and the feed as
// a ledger consumed it while the daemon was being killed.

#include <cstdint>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "mapping/status.hpp"

namespace kaution::crash {

// A booking as the bank booked it, with the reference the daemon keeps (bank_ref).
struct TruthBooking {
  std::string bank_ref;
  std::int64_t amount_cents = 0;
};

// The feed as read: seq and booking_id of every entry, in order.
struct FeedEntry {
  std::int64_t seq = 0;
  std::string booking_id;
};

struct Evidence {
  std::filesystem::path store;
  std::map<std::string, std::vector<TruthBooking>> truth;  // by access name
  std::vector<FeedEntry> feed;                             // read from after=0 to the end
  std::set<std::string> consumed;  // booking_ids a ledger saw in the feed during the run
  Date today = Date::from_days(0);
  StatusRules rules;
};

struct Verdict {
  std::vector<std::string> failures;  // empty: everything held
  std::int64_t bookings = 0;          // in the store
  std::int64_t truth = 0;             // at the banks
  std::int64_t deposits = 0;
  std::map<std::string, std::int64_t> statuses;  // deposits per status
};

Verdict verify(const Evidence& evidence);

}  // namespace kaution::crash
