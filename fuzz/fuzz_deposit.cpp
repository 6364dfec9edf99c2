// libFuzzer target: a deposit body (PUT /api/v1/deposits/{id}, one batch entry) through
// parse_deposit and validate_deposit. A refusal must name its fields; an accepted deposit must
// write the same canonical JSON as the DOM (the stored content hash depends on it) and read back
// as the same deposit.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "mapping/canonical_json.hpp"
#include "mapping/validate.hpp"

namespace {

const kaution::ValidationContext& context() {
  static const kaution::ValidationContext c{
      {{"aak-main", kaution::BankProfile::aak, {}},
       {"km-main",
        kaution::BankProfile::km,
        {*kaution::Iban::parse("DE45120300001234567890"),
         *kaution::Iban::parse("DE02120300000000202051")}},
       {"dkb-main", kaution::BankProfile::dkb, {*kaution::Iban::parse("DE45120300001234567890")}}},
      false};
  return c;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto json = nlohmann::json::parse(text, nullptr, false);
  if (json.is_discarded()) return 0;
  const auto parsed = kaution::parse_deposit(json);
  if (!parsed) {
    for (const auto& e : parsed.error())
      if (e.message.empty() || e.code.empty()) std::abort();
    return 0;
  }
  const auto result = kaution::validate_deposit(*parsed, context());
  for (const auto& e : result.errors)
    if (e.message.empty()) std::abort();
  const std::string canonical = kaution::canonical_json(*parsed);
  if (canonical != kaution::to_json(*parsed).dump()) std::abort();
  const auto again = kaution::parse_deposit(nlohmann::json::parse(canonical));
  if (!again || !(*again == *parsed)) std::abort();
  return 0;
}
