#include "mapping/assign.hpp"

#include <algorithm>

namespace kaution {
namespace {

enum class CharClass { digit, letter, other };

CharClass char_class(char c) {
  if (c >= '0' && c <= '9') return CharClass::digit;
  if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || static_cast<unsigned char>(c) >= 0x80)
    return CharClass::letter;
  return CharClass::other;
}

char upper(char c) {
  return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
}

// Length of the whitespace at `pos` in bytes: ASCII whitespace or U+00A0; 0 when none.
std::size_t whitespace_at(std::string_view text, std::size_t pos) {
  switch (text[pos]) {
    case ' ':
    case '\t':
    case '\n':
    case '\r':
    case '\v':
    case '\f':
      return 1;
    default:
      return text.substr(pos, 2) == "\xC2\xA0" ? 2 : 0;
  }
}

// The text without whitespace, upper case; gap_before[i]: whitespace preceded chars[i] (or
// the end, for i == chars.size()).
struct NormalText {
  std::string chars;
  std::vector<bool> gap_before;
};

NormalText normalize(std::string_view text) {
  NormalText out;
  out.chars.reserve(text.size());
  out.gap_before.reserve(text.size() + 1);
  bool gap = false;
  for (std::size_t pos = 0; pos < text.size();) {
    if (const std::size_t ws = whitespace_at(text, pos)) {
      gap = true;
      pos += ws;
      continue;
    }
    out.chars.push_back(upper(text[pos++]));
    out.gap_before.push_back(gap);
    gap = false;
  }
  out.gap_before.push_back(gap);
  return out;
}

bool is_boundary(const NormalText& t, std::size_t pos) {
  if (pos == 0 || pos == t.chars.size() || t.gap_before[pos]) return true;
  const CharClass before = char_class(t.chars[pos - 1]);
  return before == CharClass::other || before != char_class(t.chars[pos]);
}

void add_candidates(const std::vector<std::string>& found, std::vector<std::string>& out) {
  for (const std::string& contract : found)
    if (std::find(out.begin(), out.end(), contract) == out.end()) out.push_back(contract);
}

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items)
    out += (out.empty() ? "" : ", ") + item;
  return out;
}

}  // namespace

std::string normalize_contract_no(std::string_view text) {
  return normalize(text).chars;
}

void ContractIndex::add(std::string_view contract_no) {
  std::string key = normalize_contract_no(contract_no);
  if (key.empty()) return;
  m_first.set(static_cast<unsigned char>(key.front()));
  m_last.set(static_cast<unsigned char>(key.back()));
  const auto length = std::lower_bound(m_lengths.begin(), m_lengths.end(), key.size());
  if (length == m_lengths.end() || *length != key.size()) m_lengths.insert(length, key.size());
  std::vector<std::string>& contracts = m_by_key[std::move(key)];
  if (std::find(contracts.begin(), contracts.end(), contract_no) != contracts.end()) return;
  contracts.emplace_back(contract_no);
  ++m_count;
}

const std::vector<std::string>* ContractIndex::find(std::string_view key) const {
  const auto it = m_by_key.find(key);
  return it == m_by_key.end() ? nullptr : &it->second;
}

ContractMatch find_contract_numbers(std::string_view remittance, const ContractIndex& index) {
  const NormalText text = normalize(remittance);
  const std::string_view chars = text.chars;
  ContractMatch match;
  for (std::size_t start = 0; start < chars.size(); ++start) {
    if (!index.may_start_with(chars[start]) || !is_boundary(text, start)) continue;
    for (std::size_t length : index.key_lengths()) {
      const std::size_t end = start + length;
      if (end > chars.size()) break;
      if (!index.may_end_with(chars[end - 1]) || !is_boundary(text, end)) continue;
      if (const auto* found = index.find(chars.substr(start, length)))
        add_candidates(*found, match.candidates);
    }
  }
  if (match.candidates.size() == 1)
    match.contract_no = match.candidates.front();
  else if (match.candidates.empty())
    match.reason = "no known rental contract number in the remittance text";
  else
    match.reason = std::to_string(match.candidates.size()) +
                   " rental contracts match the remittance text (" + joined(match.candidates) +
                   "): not assigned";
  return match;
}

bool AccountIndex::add(std::string_view account, std::string deposit_id) {
  const auto [it, inserted] = m_by_account.try_emplace(normalize_contract_no(account), deposit_id);
  return inserted || it->second == deposit_id;
}

const std::string* AccountIndex::find(std::string_view account) const {
  const auto it = m_by_account.find(normalize_contract_no(account));
  return it == m_by_account.end() ? nullptr : &it->second;
}

std::optional<std::string> assign_by_iban(std::string_view account, const AccountIndex& index) {
  const std::string* deposit = index.find(account);
  if (deposit == nullptr) return std::nullopt;
  return *deposit;
}

}  // namespace kaution
