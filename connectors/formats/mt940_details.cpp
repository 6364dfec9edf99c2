#include "connectors/formats/mt940_details.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace kaution::formats::mt940 {
namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

std::string trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\n'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\n'))
    s.remove_suffix(1);
  return std::string(s);
}

bool is_iban(std::string_view s) {
  if (s.size() < 15 || s.size() > 34) return false;
  if (s[0] < 'A' || s[0] > 'Z' || s[1] < 'A' || s[1] > 'Z' || !is_digit(s[2]) || !is_digit(s[3]))
    return false;
  for (char c : s)
    if (!is_digit(c) && (c < 'A' || c > 'Z')) return false;
  return true;
}

// Structured when "NNN?" starts it (any non-alphanumeric separator as some banks use).
bool is_structured(std::string_view value, char& sep) {
  if (value.size() < 4 || !is_digit(value[0]) || !is_digit(value[1]) || !is_digit(value[2]))
    return false;
  sep = value[3];
  return sep == '?' || sep == '/' || sep == '>' || sep == '|';
}

using Subfield = std::pair<int, std::string>;

std::vector<Subfield> subfields(std::string_view joined, char sep) {
  std::vector<Subfield> out;
  std::size_t pos = 3;
  while (pos < joined.size()) {
    std::size_t next = pos + 1;
    while (true) {
      next = joined.find(sep, next);
      if (next == std::string_view::npos ||
          (next + 2 < joined.size() && is_digit(joined[next + 1]) && is_digit(joined[next + 2])))
        break;
      ++next;
    }
    const std::string_view part =
        joined.substr(pos, next == std::string_view::npos ? next : next - pos);
    if (part.size() >= 3 && is_digit(part[1]) && is_digit(part[2]))
      out.emplace_back((part[1] - '0') * 10 + (part[2] - '0'), std::string(part.substr(3)));
    pos = next;
  }
  return out;
}

constexpr std::array<std::string_view, 13> k_sepa_keys = {
    "EREF+", "KREF+", "MREF+", "CRED+", "SVWZ+", "ABWA+", "ABWE+",
    "DEBT+", "COAM+", "OAMT+", "IBAN+", "BIC+",  "BREF+"};

std::string_view sepa_key(std::string_view text) {
  for (std::string_view key : k_sepa_keys)
    if (text.starts_with(key)) return key;
  return {};
}

void assign_sepa(std::string_view key, std::string value, Details& out) {
  if (key == "EREF+")
    out.end_to_end_id = std::move(value);
  else if (key == "KREF+")
    out.customer_ref = std::move(value);
  else if (key == "MREF+")
    out.mandate_id = std::move(value);
  else if (key == "CRED+")
    out.creditor_scheme_id = std::move(value);
  else if (key == "SVWZ+")
    out.remittance.push_back(std::move(value));
  else if (key == "ABWA+")
    out.ultimate_debtor = std::move(value);
  else if (key == "ABWE+")
    out.ultimate_creditor = std::move(value);
}

// Purpose subfields joined: a SEPA keyword starts at the beginning, after a blank or at a
// subfield boundary; its text runs to the next keyword. Text before any keyword is kept as
// remittance lines, one per subfield.
void read_purpose(const std::vector<std::string>& parts, Details& out) {
  std::string joined;
  std::vector<std::size_t> starts;
  for (const std::string& part : parts) {
    starts.push_back(joined.size());
    joined += part;
  }
  std::vector<std::pair<std::size_t, std::string_view>> keys;
  std::size_t next_start = 0;  // index into starts, which ascend with i
  for (std::size_t i = 0; i < joined.size(); ++i) {
    while (next_start < starts.size() && starts[next_start] < i)
      ++next_start;
    const bool subfield_start = next_start < starts.size() && starts[next_start] == i;
    if (i != 0 && joined[i - 1] != ' ' && !subfield_start) continue;
    const std::string_view key = sepa_key(std::string_view(joined).substr(i));
    if (!key.empty()) keys.emplace_back(i, key);
  }
  const std::size_t first_key = keys.empty() ? joined.size() : keys.front().first;
  for (std::size_t p = 0; p < starts.size() && starts[p] < first_key; ++p) {
    const std::size_t end = p + 1 < starts.size() ? std::min(starts[p + 1], first_key) : first_key;
    std::string line = trim(std::string_view(joined).substr(starts[p], end - starts[p]));
    if (!line.empty()) out.remittance.push_back(std::move(line));
  }
  for (std::size_t k = 0; k < keys.size(); ++k) {
    const std::size_t from = keys[k].first + keys[k].second.size();
    const std::size_t to = k + 1 < keys.size() ? keys[k + 1].first : joined.size();
    assign_sepa(keys[k].second, trim(std::string_view(joined).substr(from, to - from)), out);
  }
}

Details structured(std::string_view value, char sep) {
  std::string joined;
  for (char c : value)
    if (c != '\n') joined += c;
  Details out;
  out.gvc = joined.substr(0, 3);
  std::vector<std::string> purpose;
  for (auto& [code, text] : subfields(joined, sep)) {
    if (code == 0)
      out.booking_text = trim(text);
    else if ((code >= 20 && code <= 29) || (code >= 60 && code <= 63))
      purpose.push_back(text);
    else if (code == 30)
      out.counterparty.bic = trim(text);
    else if (code == 31)
      (is_iban(trim(text)) ? out.counterparty.iban : out.counterparty.other_id) = trim(text);
    else if (code == 32 || code == 33)
      out.counterparty.name += text;
    else if (code == 34)
      out.text_key_extension = trim(text);
  }
  out.counterparty.name = trim(out.counterparty.name);
  read_purpose(purpose, out);
  return out;
}

}  // namespace

Details parse_details(std::string_view value) {
  char sep = '?';
  if (is_structured(value, sep)) return structured(value, sep);
  Details out;
  std::size_t pos = 0;
  while (pos <= value.size()) {
    std::size_t nl = value.find('\n', pos);
    if (nl == std::string_view::npos) nl = value.size();
    std::string line = trim(value.substr(pos, nl - pos));
    if (!line.empty()) out.remittance.push_back(std::move(line));
    pos = nl + 1;
  }
  return out;
}

}  // namespace kaution::formats::mt940
