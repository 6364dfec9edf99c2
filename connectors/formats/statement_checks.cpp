#include "connectors/formats/statement_checks.hpp"

#include <cstdint>
#include <cstdio>
#include <map>
#include <unordered_map>

#include "connectors/formats/amount.hpp"

namespace kaution::formats {
namespace {

bool usable_ref(const std::string& ref) {
  return !ref.empty() && ref != "NONREF";
}

std::uint64_t fnv1a(std::string_view text, std::uint64_t hash) {
  for (char c : text) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ULL;
  }
  return hash ^ 0xFFU;  // field separator
}

std::string digest_of(const Statement& statement, const Entry& entry) {
  std::uint64_t h = 14695981039346656037ULL;
  h = fnv1a(statement.account.iban + statement.account.other_id, h);
  h = fnv1a(entry.booking_date ? entry.booking_date->to_string() : "", h);
  h = fnv1a(entry.value_date ? entry.value_date->to_string() : "", h);
  h = fnv1a(std::to_string(entry.amount.cents()) + entry.currency, h);
  h = fnv1a(entry.bank_tx_code.proprietary + entry.additional_info, h);
  for (const Transaction& tx : entry.transactions) {
    h = fnv1a(tx.end_to_end_id + tx.debtor.iban + tx.creditor.iban, h);
    for (const std::string& line : tx.remittance)
      h = fnv1a(line, h);
  }
  char text[24];
  std::snprintf(text, sizeof text, "H%016llx", static_cast<unsigned long long>(h));
  return text;
}

void assign_transaction_refs(Entry& entry) {
  if (entry.transactions.size() == 1) entry.transactions.front().booking_ref = entry.booking_ref;
  if (entry.transactions.size() <= 1) return;
  std::map<std::string, int> seen;
  for (const Transaction& tx : entry.transactions)
    ++seen[tx.end_to_end_id];
  std::size_t position = 0;
  for (Transaction& tx : entry.transactions) {
    ++position;
    const bool unique = usable_ref(tx.end_to_end_id) && tx.end_to_end_id != "NOTPROVIDED" &&
                        seen[tx.end_to_end_id] == 1;
    tx.booking_ref =
        entry.booking_ref + "/" + (unique ? tx.end_to_end_id : "#" + std::to_string(position));
  }
}

const Balance* find_balance(const Statement& s, std::string_view type) {
  for (const Balance& b : s.balances)
    if (b.type == type) return &b;
  return nullptr;
}

void check_batches(Statement& statement) {
  std::size_t index = 0;
  for (const Entry& entry : statement.entries) {
    ++index;
    if (entry.transactions.size() < 2) continue;
    std::int64_t sum = 0;
    bool complete = true;
    for (const Transaction& tx : entry.transactions) {
      complete = complete && tx.amount && tx.currency == entry.currency &&
                 !__builtin_add_overflow(sum, tx.amount->cents(), &sum);
    }
    if (complete && sum != entry.amount.cents())
      statement.warnings.push_back(
          "entry " + std::to_string(index) + " (" + entry.booking_ref + "): its " +
          std::to_string(entry.transactions.size()) + " transactions add up to " +
          format_amount(Money::from_cents(sum), entry.currency) + ", the entry says " +
          format_amount(entry.amount, entry.currency));
  }
}

}  // namespace

std::string format_amount(Money amount, std::string_view currency) {
  const int exponent = currency_exponent(currency);
  const std::int64_t cents = amount.cents();
  // Unsigned so that INT64_MIN prints correctly.
  std::string digits = std::to_string(cents < 0 ? 0 - static_cast<std::uint64_t>(cents)
                                                : static_cast<std::uint64_t>(cents));
  if (exponent > 0) {
    const auto width = static_cast<std::size_t>(exponent);
    if (digits.size() <= width) digits.insert(0, width + 1 - digits.size(), '0');
    digits.insert(digits.size() - width, ".");
  }
  return (amount.cents() < 0 ? "-" : "") + digits + " " + std::string(currency);
}

void assign_booking_refs(Statement& statement) {
  // Keys view the entries' own strings, which stay put while this runs.
  std::unordered_map<std::string_view, int> used;
  used.reserve(statement.entries.size());
  for (Entry& entry : statement.entries) {
    entry.booking_ref = usable_ref(entry.account_servicer_ref) ? entry.account_servicer_ref
                        : usable_ref(entry.ref)                ? entry.ref
                                                               : digest_of(statement, entry);
    const int repeat = ++used[entry.booking_ref];
    if (repeat > 1) entry.booking_ref += "#" + std::to_string(repeat);
    assign_transaction_refs(entry);
  }
}

void check_balances(Statement& statement, bool expect_balances) {
  check_batches(statement);
  const Balance* opening = find_balance(statement, "OPBD");
  if (opening == nullptr) opening = find_balance(statement, "PRCD");
  const Balance* closing = find_balance(statement, "CLBD");
  if (opening == nullptr || closing == nullptr) {
    if (expect_balances)
      statement.warnings.push_back("balances not checked: no opening and closing balance");
    return;
  }
  if (opening->currency != closing->currency) {
    statement.warnings.push_back("balances not checked: opening in " + opening->currency +
                                 ", closing in " + closing->currency);
    return;
  }
  std::optional<Money> total = opening->amount;
  for (const Entry& entry : statement.entries) {
    if (entry.status != EntryStatus::booked || !total) continue;
    if (entry.currency != opening->currency) {
      statement.warnings.push_back("balances not checked: an entry in " + entry.currency);
      return;
    }
    total = total->checked_add(entry.amount);
  }
  if (!total) {
    statement.warnings.push_back("balances not checked: the sum overflows");
  } else if (*total != closing->amount) {
    statement.warnings.push_back(
        "balance mismatch: opening " + format_amount(opening->amount, opening->currency) +
        " + booked entries " +
        format_amount(total->checked_sub(opening->amount).value_or(Money{}), opening->currency) +
        " = " + format_amount(*total, opening->currency) + ", but the closing balance is " +
        format_amount(closing->amount, closing->currency));
  }
}

}  // namespace kaution::formats
