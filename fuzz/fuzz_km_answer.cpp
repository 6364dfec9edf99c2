// libFuzzer target: the km SOAP answer readers (connectors/km) on arbitrary bytes — the
// envelope, the fault classification and every answer parser on its body.
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "connectors/km/km_answers.hpp"
#include "connectors/km/soap_answer.hpp"
#include "fuzz_banks.hpp"

namespace {

using namespace kaution;

template <typename T>
void check(const std::expected<T, std::string>& parsed) {
  if (!parsed && parsed.error().empty()) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const DepositDirectory directory = fuzz::sample_directory();
  static const std::array<std::string, 2> sent{"2.080000.1000", "2.080000.1001"};
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto answer = km::SoapAnswer::parse(text);
  if (!answer) {
    if (answer.error().empty()) std::abort();
    return 0;
  }
  const pugi::xml_node body = answer->body();
  if (const auto fault = km::find_fault(body)) {
    (void)km::failure_class(fault->kind);
    (void)km::describe(fault->errors);
  }
  check(km::parse_export_answer(body, sent));
  check(km::parse_umsaetze(body, directory));
  check(km::parse_salden(body, *Date::parse("2026-11-23"), directory));
  check(km::parse_zinsverteilungen(body, directory));
  check(km::parse_status_answer(body, "ZinssatzMitteilen", true));
  check(km::parse_status_answer(body, "VertragSchliessen", false));
  return 0;
}
