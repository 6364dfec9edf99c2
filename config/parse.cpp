#include "config/parse.hpp"

#include <algorithm>
#include <set>
#include <string>
#include <vector>

namespace kaution::config_detail {
namespace {

// Follows the parser's events to know the JSON Pointer of each key, and reports keys that an
// object repeats.
class DuplicateKeyTracker {
 public:
  explicit DuplicateKeyTracker(ErrorList& errors) : m_errors(errors) {}

  bool on_event(Json::parse_event_t event, const Json& parsed) {
    switch (event) {
      case Json::parse_event_t::object_start:
        m_frames.emplace_back().is_array = false;
        break;
      case Json::parse_event_t::array_start:
        m_frames.emplace_back().is_array = true;
        break;
      case Json::parse_event_t::key:
        on_key(parsed.get<std::string>());
        break;
      case Json::parse_event_t::object_end:
      case Json::parse_event_t::array_end:
        if (!m_frames.empty()) m_frames.pop_back();
        next_element();
        break;
      case Json::parse_event_t::value:
        next_element();
        break;
    }
    return true;
  }

 private:
  struct Frame {
    bool is_array = false;
    std::size_t index = 0;  // arrays: the element being parsed
    std::string key;        // objects: the member being parsed
    std::set<std::string> keys;
  };

  void on_key(std::string key) {
    if (m_frames.empty()) return;
    Frame& frame = m_frames.back();
    frame.key = std::move(key);
    if (!frame.keys.insert(frame.key).second) {
      m_errors.add(current_pointer(), "duplicate key: given twice in this object");
    }
  }

  void next_element() {
    if (!m_frames.empty() && m_frames.back().is_array) ++m_frames.back().index;
  }

  std::string current_pointer() const {
    std::string pointer;
    for (const Frame& frame : m_frames) {
      pointer =
          frame.is_array ? child_pointer(pointer, frame.index) : child_pointer(pointer, frame.key);
    }
    return pointer;
  }

  ErrorList& m_errors;
  std::vector<Frame> m_frames;
};

// nlohmann's message without its "[json.exception…] parse error at …: " prefix and without the
// "; last read: '…'" part, which quotes the text (possibly a secret).
std::string describe(const Json::parse_error& error) {
  std::string what = error.what();
  const auto bracket = what.find(']');
  const auto colon = what.find(": ", bracket == std::string::npos ? 0 : bracket);
  if (colon != std::string::npos) what.erase(0, colon + 2);
  const auto quote = what.find("; last read:");
  if (quote != std::string::npos) what.erase(quote);
  return what;
}

}  // namespace

TextPosition position_of(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  const std::string_view before = text.substr(0, offset);
  TextPosition position;
  position.line = 1 + static_cast<std::size_t>(std::count(before.begin(), before.end(), '\n'));
  const auto newline = before.rfind('\n');
  position.column = offset - (newline == std::string_view::npos ? 0 : newline + 1) + 1;
  return position;
}

std::optional<Json> parse_config_json(std::string_view text, std::string_view origin,
                                      ErrorList& errors) {
  DuplicateKeyTracker tracker(errors);
  try {
    return Json::parse(
        text,
        [&tracker](int /*depth*/, Json::parse_event_t event, Json& parsed) {
          return tracker.on_event(event, parsed);
        },
        /*allow_exceptions=*/true, /*ignore_comments=*/true);
  } catch (const Json::parse_error& error) {
    // error.byte counts the bytes read, the offending one included.
    const TextPosition at = position_of(text, error.byte == 0 ? 0 : error.byte - 1);
    errors.add("", std::string(origin) + ": line " + std::to_string(at.line) + ", column " +
                       std::to_string(at.column) + ": " + describe(error));
    return std::nullopt;
  }
}

}  // namespace kaution::config_detail
