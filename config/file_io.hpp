#pragma once
// Reading a whole regular file together with its mode, from one open file (no stat-then-open
// race).

#include <cstddef>
#include <expected>
#include <filesystem>
#include <string>

namespace kaution::config_detail {

struct FileContent {
  std::string text;
  unsigned mode = 0;  // permission bits, e.g. 0640
};

// The file's content and mode; the error names the path and the reason, never the content.
std::expected<FileContent, std::string> read_regular_file(const std::filesystem::path& path,
                                                          std::size_t max_bytes);

// "0640".
std::string octal_mode_string(unsigned mode);

}  // namespace kaution::config_detail
