#pragma once
// FakeBank: a scriptable bank for the sync runtime's tests. It keeps what a bank knows —
// accepted deposits, bookings in order, balances per account, closed accounts, announced
// rates — and what it does next: failures for the next N requests, rejections per deposit,
// refused credentials, a failing import page. FakeConnector is the Connector the runtime gets;
// every call goes to the shared FakeBank, so a test scripts the bank while the runtime runs.

#include <chrono>
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "connectors/connector.hpp"

namespace kaution::test {

struct FakeBank {
  mutable std::mutex mutex;

  // ---- behaviour
  std::size_t export_batch = 1;
  std::size_t page_size = 2;  // bookings per import page
  bool refuse_credentials = false;
  bool unreachable = false;             // every request: a transient connect failure
  std::deque<Failure> next_failures;    // the next requests fail with these, in order
  std::deque<Failure> export_failures;  // the next export requests fail with these
  bool ignore_cursor = false;           // every import starts from the first booking
  std::map<std::string, std::vector<FieldError>> rejections;  // deposit_id → field errors
  std::optional<std::size_t> fail_page;  // the import page with this index (0 = first) fails
  std::vector<InterestDistribution> distributions;

  // ---- what the bank holds
  struct Entry {
    BookingEntry booking;                        // account (vIBAN), remittance, amount, date, ref
    std::optional<std::string> portal_contract;  // assigned in the bank's portal to this contract
  };
  std::vector<Entry> bookings;                      // the cursor is the index of the next one
  std::map<std::string, Money> balances;            // by account (vIBAN or sub-account)
  std::map<std::string, std::string> sub_accounts;  // sub-account → contract number (no vIBAN)
  std::map<std::string, std::string> accepted;      // deposit_id → bank_ref
  std::vector<std::string> export_calls;            // deposit ids in the order sent
  std::vector<std::string> closed;                  // deposit ids
  std::vector<std::string> rates;                   // "IBAN rate valid_from"
  std::vector<std::string> assignments;             // "booking_ref deposit_id" the bank took
  bool takes_assignments = true;                    // false: assignment in the portal only (dkb)
  bool refuse_assignments = false;                  // 409 already assigned
  std::int64_t requests = 0;
  std::int64_t imports = 0;

  // A booking on `account` with `remittance`; returns its reference.
  std::string book(const std::string& account, Money amount, Date on, std::string remittance,
                   BookingKind kind = BookingKind::payment_in);
};

// The Connector over a FakeBank (thread-safe: the bank's mutex serialises calls).
class FakeConnector final : public Connector {
 public:
  explicit FakeConnector(std::shared_ptr<FakeBank> bank) : m_bank(std::move(bank)) {}

  std::size_t max_export_batch() const override;
  Result<void> check() override;
  std::vector<ExportResult> export_deposits(std::span<const ExportItem> items) override;
  Result<ImportPage> import_page(const ImportRequest& request) override;
  Result<std::vector<InterestDistribution>> interest_distributions(
      int year, const DepositDirectory& directory) override;
  Result<bool> assign(const AssignRequest& request) override;
  Result<void> close(const CloseRequest& request) override;
  Result<void> announce_interest_rate(const TrustAccount& account) override;

 private:
  // Counts the request; the failure it meets (refusal, unreachable, scripted), if any.
  std::optional<Failure> begin_request();
  std::optional<std::string> assign_to(const BookingEntry& b, const DepositDirectory& dir) const;
  std::optional<std::string> balance_owner(const std::string& account,
                                           const DepositDirectory& dir) const;

  std::shared_ptr<FakeBank> m_bank;
};

// A failure as a bank's HTTP status would be classified (connectors.md): 429/5xx transient
// (with Retry-After), 401/403 credentials, 409/422 rejected.
Failure http_failure(int status, std::optional<std::chrono::seconds> retry_after = std::nullopt);

}  // namespace kaution::test
