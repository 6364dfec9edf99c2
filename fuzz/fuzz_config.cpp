// libFuzzer target: the config loader on arbitrary text (JSON with comments), secrets checked
// but not read. Nothing may crash; every error names a JSON Pointer ("" or starting with '/')
// and says what is wrong.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "config/load.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  kaution::SecretEnvironment env;
  env.resolve_secrets = false;
  const auto loaded = kaution::load_config_text(text, "fuzz.json", true, env);
  if (loaded) {
    (void)kaution::summarize(*loaded);
    return 0;
  }
  if (loaded.error().empty()) std::abort();
  for (const auto& e : loaded.error())
    if (e.message.empty() || (!e.pointer.empty() && e.pointer.front() != '/')) std::abort();
  return 0;
}
