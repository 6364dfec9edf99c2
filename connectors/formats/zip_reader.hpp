#pragma once
// Zip containers (banks deliver camt zipped), read from memory entry by entry with minizip so
// that only one entry is unpacked at a time.

#include <cstddef>
#include <expected>
#include <functional>
#include <string>
#include <string_view>

namespace kaution::formats {

struct ZipError {
  std::string where;  // entry name, when the fault lies in one
  std::string reason;
};

// Largest entry unpacked (a guard against zip bombs).
constexpr std::size_t k_max_zip_entry_bytes = std::size_t{1} << 31;

// Calls `on_entry(name, bytes)` for every file entry in `zip` (directories skipped), in order.
// Stops at the first damaged entry; what was delivered before stays delivered.
std::expected<void, ZipError> for_each_zip_entry(
    std::string_view zip, const std::function<void(const std::string&, std::string)>& on_entry,
    std::size_t max_entry_bytes = k_max_zip_entry_bytes);

}  // namespace kaution::formats
