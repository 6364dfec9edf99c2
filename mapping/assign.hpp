#pragma once
// Assignment of bookings to deposits [Zuordnung] (specs/domain.md): by the account a payment
// was booked on (aak vIBAN, dkb sub-account), or by a rental contract number found in the
// remittance text (km, dkb fallback) — only when exactly one contract matches.

#include <bitset>
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace kaution {

struct StringViewHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

// The known rental contract numbers, keyed by their normal form: whitespace removed, ASCII
// letters upper-cased. A lookup costs a few hash probes per token boundary of the text, not a
// scan over the contracts.
class ContractIndex {
 public:
  void add(std::string_view contract_no);
  std::size_t size() const { return m_count; }

  // The contract numbers whose normal form is `key` (several only when two configured numbers
  // differ in whitespace or case alone), or nullptr.
  const std::vector<std::string>* find(std::string_view key) const;
  const std::vector<std::size_t>& key_lengths() const { return m_lengths; }
  bool may_start_with(char c) const { return m_first[static_cast<unsigned char>(c)]; }
  bool may_end_with(char c) const { return m_last[static_cast<unsigned char>(c)]; }

 private:
  std::unordered_map<std::string, std::vector<std::string>, StringViewHash, std::equal_to<>>
      m_by_key;
  std::vector<std::size_t> m_lengths;  // distinct key lengths, ascending
  std::bitset<256> m_first;
  std::bitset<256> m_last;
  std::size_t m_count = 0;
};

// Whitespace removed, ASCII letters upper-cased: the key of ContractIndex.
std::string normalize_contract_no(std::string_view text);

struct ContractMatch {
  std::optional<std::string> contract_no;  // set only when exactly one contract matched
  std::vector<std::string> candidates;     // every distinct contract found, in order of appearance
  std::string reason;                      // why none was assigned; empty when assigned
};

// Finds known contract numbers in a remittance text. Whitespace (spaces, line breaks, tabs,
// no-break spaces) inside a number is ignored ("1.080000. 1047", "1.080000.\n1047"); a match
// must start and end at a boundary: the text's edge, whitespace, or a change between digits,
// letters and other characters — so "1.080000.1047" is not found in "11.080000.10478".
ContractMatch find_contract_numbers(std::string_view remittance, const ContractIndex& index);

// Accounts (aak vIBAN, dkb sub-account) → deposit id; keys compact and upper case.
class AccountIndex {
 public:
  // False (and nothing changed) when the account already belongs to another deposit.
  bool add(std::string_view account, std::string deposit_id);
  const std::string* find(std::string_view account) const;
  std::size_t size() const { return m_by_account.size(); }

 private:
  std::unordered_map<std::string, std::string, StringViewHash, std::equal_to<>> m_by_account;
};

// The deposit an account ("DE14 5501 …" or compact) belongs to, or nullopt.
std::optional<std::string> assign_by_iban(std::string_view account, const AccountIndex& index);

}  // namespace kaution
