#include "connectors/formats/mt940_fields.hpp"

namespace kaution::formats::mt940 {
namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_upper(char c) {
  return c >= 'A' && c <= 'Z';
}

// Length of the tag in ":60F:…" (3), or 0 when the line does not start with a field tag.
std::size_t tag_length(std::string_view line) {
  if (line.size() < 4 || line[0] != ':') return 0;
  const std::size_t close = line.find(':', 1);
  if (close == std::string_view::npos || close < 3 || close > 4) return 0;
  const std::string_view tag = line.substr(1, close - 1);
  const bool numeric =
      is_digit(tag[0]) && is_digit(tag[1]) && (tag.size() == 2 || is_upper(tag[2]));
  const bool letters = tag.size() == 2 && is_upper(tag[0]) && is_upper(tag[1]);
  return numeric || letters ? tag.size() : 0;
}

// The text of a line after SWIFT envelope blocks: "{1:…}{2:…}{4:" yields what follows "{4:".
bool strip_envelope(std::string_view& line) {
  if (!line.starts_with('{')) return true;
  const std::size_t body = line.find("{4:");
  if (body == std::string_view::npos) return false;
  line.remove_prefix(body + 3);
  return true;
}

class Splitter {
 public:
  explicit Splitter(const MessageVisitor& visit) : m_visit(visit) {}
  void run(std::string_view text);

 private:
  // Emits the current message; false when the visitor says stop.
  bool end_message(std::size_t end);
  bool add_line(std::string_view line, std::size_t number, std::size_t start);

  const MessageVisitor& m_visit;
  Message m_current;
  bool m_in_field = false;
};

bool Splitter::end_message(std::size_t end) {
  m_in_field = false;
  if (m_current.fields.empty()) return true;
  // Trailing blank continuation lines are not part of a field.
  for (Field& f : m_current.fields)
    while (!f.value.empty() && f.value.back() == '\n')
      f.value.pop_back();
  const bool go_on = m_visit(m_current, end);
  m_current.fields.clear();
  return go_on;
}

bool Splitter::add_line(std::string_view line, std::size_t number, std::size_t start) {
  if (!strip_envelope(line)) return true;
  std::string_view bare = line;
  while (!bare.empty() && (bare.back() == ' ' || bare.back() == '\t'))
    bare.remove_suffix(1);
  if (bare == "-" || bare.starts_with("-}") || bare == "}") return end_message(start);
  if (const std::size_t len = tag_length(line); len != 0) {
    std::string tag(line.substr(1, len));
    if (tag == "20" && !end_message(start)) return false;
    m_current.fields.push_back(Field{std::move(tag), std::string(line.substr(len + 2)), number});
    m_in_field = true;
    return true;
  }
  if (m_in_field) {
    std::string& value = m_current.fields.back().value;
    value += '\n';
    value += line;
  }
  return true;
}

void Splitter::run(std::string_view text) {
  std::size_t number = 0;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(pos, nl - pos);
    while (!line.empty() && line.back() == '\r')
      line.remove_suffix(1);
    if (!add_line(line, ++number, pos)) return;
    pos = nl + 1;
  }
  end_message(text.size());
}

}  // namespace

void for_each_message(std::string_view text, const MessageVisitor& visit) {
  Splitter{visit}.run(text);
}

std::vector<Message> split_messages(std::string_view text) {
  std::vector<Message> out;
  for_each_message(text, [&](const Message& message, std::size_t) {
    out.push_back(message);
    return true;
  });
  return out;
}

}  // namespace kaution::formats::mt940
