#pragma once
// Parsing the config text: JSON with // and /* */ comments.

#include <cstddef>
#include <optional>
#include <string_view>

#include "config/json_pointer.hpp"

namespace kaution::config_detail {

// The document, or nullopt after a syntax error, reported at pointer "" as
// "origin: line L, column C: what" (never quoting the text, which may hold a secret). A key given
// twice in one object is an error at its pointer: JSON would silently keep the later value.
std::optional<Json> parse_config_json(std::string_view text, std::string_view origin,
                                      ErrorList& errors);

struct TextPosition {
  std::size_t line = 1;    // 1-based
  std::size_t column = 1;  // 1-based, in bytes
};

// Where the byte at `offset` (0-based) is; offsets past the end give the end.
TextPosition position_of(std::string_view text, std::size_t offset);

}  // namespace kaution::config_detail
