#include "daemon/ctl/bookings.hpp"

#include "daemon/ctl/json_text.hpp"
#include "daemon/ctl/table.hpp"

namespace kaution::ctl {
namespace {

std::vector<Column> booking_columns() {
  return {key_column("SEQ", {"seq"}, Align::right),
          key_column("BOOKING", {"booking_id", "id"}),
          key_column("DATE", {"booking_date"}),
          key_column("VALUE", {"value_date"}),
          key_column("AMOUNT", {"amount"}, Align::right),
          key_column("KIND", {"kind"}),
          key_column("COUNTERPARTY", {"counterparty_name", "counterparty.name"}, Align::left, 30),
          key_column("IBAN", {"counterparty_iban", "counterparty.iban"}),
          key_column("ACCOUNT", {"account"}),
          key_column("DEPOSIT", {"deposit_id"}),
          key_column("REMITTANCE", {"remittance"}, Align::left, 40)};
}

void render_feed(const Json& answer, std::ostream& out) {
  render_list_answer(answer, {"bookings", "items"}, booking_columns(), out);
}

// One group: "account DE… (3 bookings)", then its bookings.
void render_group(const Json& group, std::ostream& out) {
  const auto* account = find_any(group, {"account", "iban", "bank_account"});
  const auto* count = find_any(group, {"count", "total"});
  const auto* rows = find_rows(group, {"bookings", "items"});
  out << "account " << (account != nullptr ? cell_text(*account) : "-");
  if (count != nullptr) out << " (" << cell_text(*count) << " bookings)";
  out << "\n";
  if (rows != nullptr && !rows->empty()) render_rows(*rows, booking_columns(), out);
}

void render_unassigned(const Json& answer, std::ostream& out) {
  const auto* groups = find_rows(answer, {"accounts", "groups"});
  if (groups == nullptr) return render_answer(answer, out);
  if (groups->empty()) out << "no unassigned bookings\n";
  bool first = true;
  for (const auto& group : *groups) {
    if (!first) out << "\n";
    first = false;
    if (group.is_object())
      render_group(group, out);
    else
      out << cell_text(group) << "\n";
  }
  if (answer.is_object())
    for (const auto& [key, member] : answer.items())
      if (&member != groups && !member.is_structured())
        out << key << "  " << cell_text(member) << "\n";
}

}  // namespace

int bookings_feed(const Context& ctx, const FeedPage& page) {
  Query query;
  query.add("after", page.after).add("limit", page.limit);
  return run_request(ctx, make_request("GET", "/api/v1/bookings" + query.str()), render_feed);
}

int bookings_unassigned(const Context& ctx) {
  return run_request(ctx, make_request("GET", "/api/v1/bookings/unassigned"), render_unassigned);
}

int bookings_assign(const Context& ctx, const std::string& booking_id,
                    const std::string& deposit_id) {
  const Json body = {{"deposit_id", deposit_id}};
  return run_request(
      ctx,
      make_request("POST", "/api/v1/bookings/" + encode_segment(booking_id) + "/assign",
                   body.dump()),
      [&](const Json& answer, std::ostream& out) {
        out << "booking " << booking_id << " assigned to " << deposit_id << "\n";
        render_answer(answer, out);
      });
}

}  // namespace kaution::ctl
