#include "connectors/sandbox/truth.hpp"

#include "daemon/http/json_body.hpp"

namespace kaution::sandbox {
namespace {

using nlohmann::json;

json booking_json(const Booking& b) {
  return {{"reference", b.reference},   {"ledger_account", b.ledger_account},
          {"date", b.date.to_string()}, {"amount_cents", b.amount.cents()},
          {"kind", to_string(b.kind)},  {"contract", b.contract}};
}

http::Response bookings(BankContext& context) {
  const std::lock_guard lock(context.world.mutex);
  const Simulation& simulation = context.world.simulation;
  const auto& journal = context.world.simulation.books(context.bank).journal();
  json list = json::array();
  for (const Booking& booking : journal)
    list.push_back(booking_json(booking));
  return http::json_response(200, {{"bank", bank_name(context.bank)},
                                   {"today", simulation.today().to_string()},
                                   {"count", journal.size()},
                                   {"bookings", std::move(list)}});
}

}  // namespace

void add_truth_routes(http::Router& router, BankContext& context) {
  router.add("GET", "/_control/bookings", http::Role::none,
             [&context](const http::Request&) { return bookings(context); });
}

}  // namespace kaution::sandbox
