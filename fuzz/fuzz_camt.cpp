// libFuzzer target: camt reader on arbitrary bytes.
#include <cstddef>
#include <cstdint>
#include <string>

#include "connectors/formats/camt_reader.hpp"
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string buffer(reinterpret_cast<const char*>(data), size);
  auto parsed = kaution::formats::read_camt(buffer, "fuzz.xml");
  kaution::formats::fuzz::exercise(parsed);
  return 0;
}
