#pragma once
// The contract of a bank connector (specs/connectors.md). A connector turns deposits into
// requests and responses into results; the daemon owns the queue, retries and the cursor.
// Every call returns its failures as values (Result = std::expected<T, Failure>), classified
// rejected / credentials / transient / protocol.

#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "config/config.hpp"
#include "connectors/http/http_client.hpp"
#include "core/booking.hpp"
#include "core/clock.hpp"
#include "core/failure.hpp"
#include "core/iban.hpp"
#include "mapping/assign.hpp"
#include "mapping/deposit.hpp"

namespace kaution {

// ---- export

struct ExportItem {
  std::string deposit_id;
  Deposit deposit;
  std::optional<std::string> bank_ref;  // the bank's id once it accepted the deposit (aak uuid)
  std::optional<Iban> trust_account;    // km trust account / dkb collective IBAN, resolved
};

struct ExportResult {
  std::string deposit_id;
  Result<std::string> bank_ref;   // accepted: the bank's reference; else the classified failure
  std::vector<FieldError> notes;  // fields shortened or transliterated for the bank
};

// ---- import

// The lookups an import needs to assign bookings and balances to deposits. Built by the daemon
// from the store for one access.
struct DepositDirectory {
  AccountIndex by_account;                                   // vIBAN / sub-account → deposit
  ContractIndex contracts;                                   // known contract numbers
  std::unordered_map<std::string, std::string> by_contract;  // contract number → deposit
  std::unordered_map<std::string, std::string> by_bank_ref;  // bank reference → deposit
};

struct ImportRequest {
  std::optional<std::string> cursor;  // the access's stored cursor; empty on the first import
  Date today;
  const DepositDirectory* directory = nullptr;
  // Bank references of bookings the daemon holds as unassigned on this access (dkb: those no
  // longer listed as unassigned were assigned in the bank's portal).
  std::vector<std::string> held_unassigned;
};

// A booking the bank's portal assigned since the last import.
struct PortalAssignment {
  std::string bank_ref;
  std::string deposit_id;
};

struct UnassignedCount {
  std::string account;  // the bank account (IBAN) the bookings wait on
  std::int64_t count = 0;
};

// One page of an import. The daemon stores bookings, balances and `cursor` in one transaction,
// then asks again while `more` is true.
struct ImportPage {
  std::vector<BookingEntry> bookings;
  std::vector<BalanceRecord> balances;
  std::string cursor;
  bool more = false;
  std::vector<PortalAssignment> portal_assignments;
  std::vector<UnassignedCount> unassigned;  // as the bank reports them (dkb)
  std::vector<std::string> warnings;        // e.g. a statement whose balances do not add up
};

// ---- interest

struct InterestDistribution {
  std::string deposit_id;  // empty when it could not be assigned
  std::string contract_no;
  Date period_from;
  Date period_to;
  std::string rate;  // percent per year, as the bank gave it ("0.250")
  Money gross, withholding_tax, solidarity_surcharge, church_tax, net;
};

// ---- assignment and close

struct AssignRequest {
  std::string booking_bank_ref;
  std::string deposit_id;
  std::string contract_no;
  std::optional<std::string> bank_ref;  // the deposit's bank reference (aak uuid)
};

struct CloseRequest {
  std::string deposit_id;
  std::string contract_no;
  std::optional<std::string> bank_ref;
};

// What a connector needs from its surroundings: the clock, and an observer that receives each
// exchange with the bank (method, path, status, duration, size, request id).
using ConnectorEnv = httpclient::HttpClientEnv;

class Connector {
 public:
  virtual ~Connector() = default;

  // How many deposits one export call takes (km: 500; aak and dkb: 1 per request).
  virtual std::size_t max_export_batch() const = 0;
  // Verifies the credentials.
  virtual Result<void> check() = 0;
  // One result per item, in order. A failure of the whole call (credentials, transient)
  // appears on every item. The requests of one call run up to limits.max_in_flight at once.
  virtual std::vector<ExportResult> export_deposits(std::span<const ExportItem> items) = 0;
  virtual Result<ImportPage> import_page(const ImportRequest& request) = 0;
  virtual Result<std::vector<InterestDistribution>> interest_distributions(
      int year, const DepositDirectory& directory) = 0;
  // false (not a failure) when the bank's interface takes no assignments (dkb: the portal).
  virtual Result<bool> assign(const AssignRequest& request) = 0;
  virtual Result<void> close(const CloseRequest& request) = 0;
  // km: ZinssatzMitteilen for a trust account's configured rate; others: nothing to send.
  virtual Result<void> announce_interest_rate(const TrustAccount& account) = 0;
};

// The explicit registry: one factory per connector kind (connectors/registry.cpp).
std::unique_ptr<Connector> make_connector(const AccessConfig& access, const ConnectorEnv& env);

}  // namespace kaution
