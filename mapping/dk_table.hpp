#pragma once
// The transliteration table into the DK character set (mapping/README.md): internal to text.cpp.

#include <optional>
#include <string_view>

namespace kaution {

// The DK replacement of a character outside the DK set, or nullopt when there is none.
std::optional<std::string_view> dk_transliteration(char32_t c);

}  // namespace kaution
