// libFuzzer target: MT940/MT942 reader on arbitrary bytes.
#include <cstddef>
#include <cstdint>
#include <string>

#include "connectors/formats/mt940_reader.hpp"
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  auto parsed = kaution::formats::read_mt940(text, "fuzz.sta");
  kaution::formats::fuzz::exercise(parsed);
  return 0;
}
