#include "connectors/formats/statement_checks.hpp"

#include <cstdint>
#include <cstdio>
#include <map>
#include <unordered_map>

#include "connectors/formats/amount.hpp"

namespace kaution::formats {
namespace {

bool usable_ref(std::string_view ref) {
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
  const auto date = [](const std::optional<StatementDate>& d) {
    return d ? d->to_string() : std::string{};
  };
  const auto concat = [](std::string_view a, std::string_view b, std::string_view c = {}) {
    std::string out(a);
    return (out += b) += c;
  };
  h = fnv1a(statement.account.iban + statement.account.other_id, h);
  h = fnv1a(date(entry.booking_date()), h);
  h = fnv1a(date(entry.value_date()), h);
  h = fnv1a(concat(std::to_string(entry.amount.cents()), entry.currency()), h);
  h = fnv1a(concat(entry.bank_tx_code().proprietary, entry.additional_info()), h);
  for (const Transaction& tx : entry.transactions) {
    h = fnv1a(concat(tx.end_to_end_id(), tx.debtor().iban, tx.creditor().iban), h);
    for (std::string_view line : tx.remittance())
      h = fnv1a(line, h);
  }
  char text[24];
  std::snprintf(text, sizeof text, "H%016llx", static_cast<unsigned long long>(h));
  return text;
}

void assign_transaction_refs(Entry& entry, TextArena& texts) {
  if (entry.transactions.size() == 1)
    entry.transactions.front().set_booking_ref(entry.booking_ref());
  if (entry.transactions.size() <= 1) return;
  std::map<std::string_view, int> seen;
  for (const Transaction& tx : entry.transactions)
    ++seen[tx.end_to_end_id()];
  std::size_t position = 0;
  for (Transaction& tx : entry.transactions) {
    ++position;
    const std::string_view e2e = tx.end_to_end_id();
    const bool unique = usable_ref(e2e) && e2e != "NOTPROVIDED" && seen[e2e] == 1;
    std::string ref(entry.booking_ref());
    ref += '/';
    ref += unique ? std::string(e2e) : "#" + std::to_string(position);
    tx.set_booking_ref(texts.store(ref));
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
      complete = complete && tx.amount && tx.currency() == entry.currency() &&
                 !__builtin_add_overflow(sum, tx.amount->cents(), &sum);
    }
    if (complete && sum != entry.amount.cents())
      statement.warnings.push_back(
          "entry " + std::to_string(index) + " (" + std::string(entry.booking_ref()) + "): its " +
          std::to_string(entry.transactions.size()) + " transactions add up to " +
          format_amount(Money::from_cents(sum), entry.currency()) + ", the entry says " +
          format_amount(entry.amount, entry.currency()));
  }
}

}  // namespace

void warn_repeated_statements(Document& document) {
  std::map<std::string, std::size_t> seen;  // key → 1-based position
  std::size_t position = 0;
  for (Statement& s : document.statements) {
    ++position;
    if (s.id.empty()) continue;
    const std::string account = s.account.iban.empty() ? s.account.other_id : s.account.iban;
    const std::string key =
        account + '\n' + s.id + '\n' + s.sequence_number + '\n' + s.from + '\n' + s.to;
    const auto [it, fresh] = seen.emplace(key, position);
    if (fresh) continue;
    s.warnings.push_back("statement " + std::to_string(position) + " repeats statement " +
                         std::to_string(it->second) + " (id " + s.id + ", account " + account +
                         (s.sequence_number.empty() ? "" : ", sequence " + s.sequence_number) +
                         "): the same bookings carry the same booking references");
  }
}

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
  if (!statement.texts) statement.texts = std::make_shared<TextArena>();
  TextArena& texts = *statement.texts;
  // Keys view the arena, which never moves what it holds.
  std::unordered_map<std::string_view, int> used;
  used.reserve(statement.entries.size());
  for (Entry& entry : statement.entries) {
    std::string_view ref = usable_ref(entry.account_servicer_ref()) ? entry.account_servicer_ref()
                           : usable_ref(entry.ref())                ? entry.ref()
                                                     : texts.store(digest_of(statement, entry));
    const int repeat = ++used[ref];
    if (repeat > 1) ref = texts.store(std::string(ref) + "#" + std::to_string(repeat));
    entry.set_booking_ref(ref);
    assign_transaction_refs(entry, texts);
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
  std::optional<Money> booked = Money{};
  for (const Entry& entry : statement.entries) {
    if (entry.status != EntryStatus::booked || !booked) continue;
    if (entry.currency() != opening->currency) {
      statement.warnings.push_back("balances not checked: an entry in " +
                                   std::string(entry.currency()));
      return;
    }
    booked = booked->checked_add(entry.amount);
  }
  // Both sums checked: a booked total near the int64 limit must not print as 0.
  const std::optional<Money> total = booked ? opening->amount.checked_add(*booked) : std::nullopt;
  if (!total) {
    statement.warnings.push_back("balances not checked: the sum overflows");
  } else if (*total != closing->amount) {
    statement.warnings.push_back(
        "balance mismatch: opening " + format_amount(opening->amount, opening->currency) +
        " + booked entries " + format_amount(*booked, opening->currency) + " = " +
        format_amount(*total, opening->currency) + ", but the closing balance is " +
        format_amount(closing->amount, closing->currency));
  }
}

}  // namespace kaution::formats
