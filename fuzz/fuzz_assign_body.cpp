// libFuzzer target: the small JSON bodies of the support and ledger endpoints — the assignment
// {"deposit_id"} (POST /api/v1/bookings/{id}/assign) and the ledger figures {"paid", "balance",
// "as_of"} (PUT …/ledger) — read as their handlers read them, and every field error's JSON
// Pointer. Nothing may crash; a refusal is a 4xx problem.
#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include "daemon/api/problems.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  kaution::http::Request request;
  request.method = "POST";
  request.headers["content-type"] = "application/json";
  request.body.assign(reinterpret_cast<const char*>(data), size);
  auto assign = kaution::api::read_object_body(request, {"deposit_id"});
  if (assign) {
    kaution::api::BodyReader reader(*assign);
    (void)reader.text("deposit_id", true);
    for (const auto& e : reader.errors())
      (void)kaution::api::json_pointer_of(e.field);
  } else if (assign.error().status < 400 || assign.error().status > 499) {
    std::abort();
  }
  auto ledger = kaution::api::read_object_body(request, {"paid", "balance", "as_of"});
  if (ledger) {
    kaution::api::BodyReader reader(*ledger);
    (void)reader.money("paid", true);
    (void)reader.money("balance", true);
    (void)reader.date("as_of", true);
    (void)kaution::api::invalid_body("fuzz", reader.errors());
  }
  (void)kaution::api::json_pointer_of(request.body);
  return 0;
}
