#pragma once
// `kautionctl bookings feed | unassigned | assign`.

#include <optional>
#include <string>

#include "daemon/ctl/command.hpp"

namespace kaution::ctl {

struct FeedPage {
  std::optional<std::string> after;  // the last seq processed
  std::optional<std::string> limit;
};
// GET /api/v1/bookings?after=&limit=: bookings in stored order with their seq.
int bookings_feed(const Context& ctx, const FeedPage& page);
// GET /api/v1/bookings/unassigned: one table per bank account, with its count.
int bookings_unassigned(const Context& ctx);
// POST /api/v1/bookings/{booking_id}/assign {"deposit_id": …}.
int bookings_assign(const Context& ctx, const std::string& booking_id,
                    const std::string& deposit_id);

}  // namespace kaution::ctl
