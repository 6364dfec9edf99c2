// `kautionctl bookings feed | unassigned | assign` on the command line.

#include "daemon/ctl/bookings.hpp"
#include "daemon/ctl/cli_commands.hpp"

namespace kaution::ctl {

void add_booking_commands(CLI::App& app, CommandSet& set) {
  auto* group = app.add_subcommand("bookings", "Bank bookings: the feed, unassigned, assign");
  group->require_subcommand(1);

  auto page = std::make_shared<FeedPage>();
  auto* feed = group->add_subcommand("feed", "Bookings in stored order, after a seq");
  add_optional(feed, "--after", page->after, "The last seq already processed");
  add_optional(feed, "--limit", page->limit, "At most this many bookings");
  set.add(feed, {NeededRole::ledger, true,
                 [page](const Context& ctx) { return bookings_feed(ctx, *page); }});

  auto* unassigned = group->add_subcommand("unassigned", "Unassigned bookings per bank account");
  set.add(unassigned, {NeededRole::any, true, bookings_unassigned});

  auto ids = std::make_shared<std::pair<std::string, std::string>>();
  auto* assign = group->add_subcommand("assign", "Assign a booking to a deposit");
  assign->add_option("BOOKING_ID", ids->first, "booking_id")->required();
  assign->add_option("DEPOSIT_ID", ids->second, "deposit_id")->required();
  set.add(assign, {NeededRole::support, true, [ids](const Context& ctx) {
                     return bookings_assign(ctx, ids->first, ids->second);
                   }});
}

}  // namespace kaution::ctl
