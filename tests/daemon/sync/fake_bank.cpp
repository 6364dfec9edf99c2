#include "tests/daemon/sync/fake_bank.hpp"

#include <algorithm>

namespace kaution::test {

Failure http_failure(int status, std::optional<std::chrono::seconds> retry_after) {
  Failure f;
  f.message = "HTTP " + std::to_string(status);
  f.retry_after = retry_after;
  if (status == 401 || status == 403)
    f.failure_class = FailureClass::credentials;
  else if (status == 409 || status == 422)
    f.failure_class = FailureClass::rejected;
  else
    f.failure_class = FailureClass::transient;
  return f;
}

std::string FakeBank::book(const std::string& account, Money amount, Date on,
                           std::string remittance, BookingKind kind) {
  std::lock_guard lock(mutex);
  BookingEntry b;
  b.bank_ref = "BK-" + std::to_string(bookings.size() + 1);
  b.booking_date = on;
  b.value_date = on;
  b.amount = amount;
  b.kind = kind;
  b.remittance = std::move(remittance);
  b.account = account;
  balances[account] += amount;
  bookings.push_back({b, std::nullopt});
  return b.bank_ref;
}

std::optional<Failure> FakeConnector::begin_request() {
  ++m_bank->requests;
  if (m_bank->unreachable)
    return Failure{FailureClass::transient, "connect failed: connection refused", {}, {}};
  if (m_bank->refuse_credentials) return http_failure(401);
  if (m_bank->next_failures.empty()) return std::nullopt;
  Failure f = m_bank->next_failures.front();
  m_bank->next_failures.pop_front();
  return f;
}

std::size_t FakeConnector::max_export_batch() const {
  std::lock_guard lock(m_bank->mutex);
  return m_bank->export_batch;
}

Result<void> FakeConnector::check() {
  std::lock_guard lock(m_bank->mutex);
  if (auto f = begin_request()) return std::unexpected(*f);
  return {};
}

std::vector<ExportResult> FakeConnector::export_deposits(std::span<const ExportItem> items) {
  std::lock_guard lock(m_bank->mutex);
  std::optional<Failure> whole = begin_request();
  if (!whole && !m_bank->export_failures.empty()) {
    whole = m_bank->export_failures.front();
    m_bank->export_failures.pop_front();
  }
  std::vector<ExportResult> results;
  for (const ExportItem& item : items) {
    m_bank->export_calls.push_back(item.deposit_id);
    ExportResult r{item.deposit_id, std::string(), {}};
    const auto rejection = m_bank->rejections.find(item.deposit_id);
    if (whole) {
      r.bank_ref = std::unexpected(*whole);
    } else if (rejection != m_bank->rejections.end()) {
      Failure f = http_failure(422);
      f.fields = rejection->second;
      r.bank_ref = std::unexpected(f);
    } else {
      const std::string ref = item.bank_ref.value_or("REF-" + item.deposit_id);
      m_bank->accepted[item.deposit_id] = ref;
      r.bank_ref = ref;
    }
    results.push_back(std::move(r));
  }
  return results;
}

std::optional<std::string> FakeConnector::assign_to(const BookingEntry& b,
                                                    const DepositDirectory& dir) const {
  if (auto id = assign_by_iban(b.account, dir.by_account)) return id;
  const ContractMatch match = find_contract_numbers(b.remittance, dir.contracts);
  if (!match.contract_no) return std::nullopt;
  const auto it = dir.by_contract.find(*match.contract_no);
  return it == dir.by_contract.end() ? std::nullopt : std::optional(it->second);
}

std::optional<std::string> FakeConnector::balance_owner(const std::string& account,
                                                        const DepositDirectory& dir) const {
  if (const std::string* id = dir.by_account.find(account)) return *id;
  const auto sub = m_bank->sub_accounts.find(account);
  if (sub == m_bank->sub_accounts.end()) return std::nullopt;
  const auto it = dir.by_contract.find(sub->second);
  return it == dir.by_contract.end() ? std::nullopt : std::optional(it->second);
}

Result<ImportPage> FakeConnector::import_page(const ImportRequest& request) {
  std::lock_guard lock(m_bank->mutex);
  const std::size_t from =
      request.cursor && !m_bank->ignore_cursor ? std::stoul(*request.cursor) : 0;
  const std::size_t page_index = from / std::max<std::size_t>(1, m_bank->page_size);
  if (auto f = begin_request()) return std::unexpected(*f);
  if (m_bank->fail_page && *m_bank->fail_page == page_index)
    return std::unexpected(Failure{FailureClass::protocol, "truncated body", {}, {}});
  ++m_bank->imports;
  const DepositDirectory& dir = *request.directory;
  ImportPage page;
  const std::size_t to = std::min(m_bank->bookings.size(), from + m_bank->page_size);
  for (std::size_t i = from; i < to; ++i) {
    BookingEntry b = m_bank->bookings[i].booking;
    b.deposit_id = assign_to(b, dir);
    page.bookings.push_back(std::move(b));
  }
  page.cursor = std::to_string(to);
  page.more = to < m_bank->bookings.size();
  if (!page.more) {
    for (const auto& [account, balance] : m_bank->balances)
      if (auto id = balance_owner(account, dir))
        page.balances.push_back({*id, request.today, balance});
    for (const std::string& ref : request.held_unassigned)
      for (const FakeBank::Entry& e : m_bank->bookings)
        if (e.booking.bank_ref == ref && e.portal_contract)
          if (auto it = dir.by_contract.find(*e.portal_contract); it != dir.by_contract.end())
            page.portal_assignments.push_back({ref, it->second});
  }
  return page;
}

Result<std::vector<InterestDistribution>> FakeConnector::interest_distributions(
    int year, const DepositDirectory&) {
  std::lock_guard lock(m_bank->mutex);
  if (auto f = begin_request()) return std::unexpected(*f);
  std::vector<InterestDistribution> out;
  for (const InterestDistribution& d : m_bank->distributions)
    if (d.period_from.year() == year) out.push_back(d);
  return out;
}

Result<bool> FakeConnector::assign(const AssignRequest& request) {
  std::lock_guard lock(m_bank->mutex);
  if (!m_bank->takes_assignments) return false;
  if (auto f = begin_request()) return std::unexpected(*f);
  if (m_bank->refuse_assignments) return std::unexpected(http_failure(409));
  m_bank->assignments.push_back(request.booking_bank_ref + " " + request.deposit_id);
  return true;
}

Result<void> FakeConnector::close(const CloseRequest& request) {
  std::lock_guard lock(m_bank->mutex);
  if (auto f = begin_request()) return std::unexpected(*f);
  m_bank->closed.push_back(request.deposit_id);
  return {};
}

Result<void> FakeConnector::announce_interest_rate(const TrustAccount& account) {
  std::lock_guard lock(m_bank->mutex);
  if (auto f = begin_request()) return std::unexpected(*f);
  m_bank->rates.push_back(account.iban.str() + " " + account.interest_rate + " " +
                          account.valid_from.to_string());
  return {};
}

}  // namespace kaution::test
