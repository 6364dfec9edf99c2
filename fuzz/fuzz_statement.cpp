// libFuzzer target: the whole file entry point (format detection, zip containers, both
// readers, JSON rendering).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "connectors/formats/json_render.hpp"
#include "connectors/formats/statement_parser.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  const auto parsed = kaution::formats::parse_statement_buffer("fuzz", std::move(bytes));
  if (parsed.documents.empty() && parsed.errors.empty()) std::abort();  // nothing said
  (void)kaution::formats::to_json(parsed).dump(-1, ' ', false,
                                               nlohmann::json::error_handler_t::replace);
  return 0;
}
