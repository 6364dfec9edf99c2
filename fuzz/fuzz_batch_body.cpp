// libFuzzer target: the body of POST /api/v1/deposits:batch — a JSON array or NDJSON (the first
// byte chooses the Content-Type) — cut into entries, each parsed as a deposit. Nothing may
// crash; a refused body is a problem with a status; a malformed line names its line. A JSON
// array is cut into elements and parsed element by element (on several threads): its entries
// must be exactly the elements of one parse of the whole body, and the body is refused (400)
// exactly when that parse fails or is no array.
#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include "daemon/api/batch_body.hpp"
#include "mapping/deposit.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  kaution::http::Request request;
  request.method = "POST";
  request.path = "/api/v1/deposits:batch";
  request.headers["content-type"] =
      (data[0] & 1U) != 0 ? "application/x-ndjson" : "application/json";
  request.body.assign(reinterpret_cast<const char*>(data) + 1, size - 1);
  auto entries = kaution::api::split_batch(request);
  const bool ndjson = (data[0] & 1U) != 0;
  if (!ndjson) {
    const auto whole = nlohmann::json::parse(request.body, nullptr, false);
    const bool array = !whole.is_discarded() && whole.is_array();
    if (array && whole.size() <= kaution::api::k_max_batch_deposits) {
      if (!entries || entries->size() != whole.size()) std::abort();
      for (std::size_t i = 0; i < whole.size(); ++i)
        if ((*entries)[i].value != whole[i]) std::abort();
    } else if (entries) {
      std::abort();
    }
  }
  if (!entries) {
    if (entries.error().status < 400 || entries.error().body.empty()) std::abort();
    return 0;
  }
  if (entries->size() > kaution::api::k_max_batch_deposits) std::abort();
  for (auto& entry : *entries) {
    auto value = kaution::api::read_entry(entry);
    if (!value) {
      if (!value.error().field.starts_with("line ")) std::abort();
      continue;
    }
    (void)kaution::parse_deposit(*value);
  }
  return 0;
}
