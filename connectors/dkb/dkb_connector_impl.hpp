#pragma once
// DkbConnector: the dkb profile behind the Connector contract (internal to kaution_dkb; use
// make_dkb_connector). Holds no state but the HTTP client, the cached token and the
// configured collective IBANs, so its calls may run on several threads.

#include <optional>
#include <string>
#include <vector>

#include "connectors/aak/access_http.hpp"
#include "connectors/connector.hpp"

namespace kaution::dkb {

class DkbConnector final : public Connector {
 public:
  DkbConnector(const AccessConfig& access, const ConnectorEnv& env);

  std::size_t max_export_batch() const override { return 1; }
  Result<void> check() override { return m_client.check(); }
  // One PUT per tenancy; the collective IBAN is checked against the access's before sending.
  // After a credentials or transient failure the rest of the batch is not sent.
  std::vector<ExportResult> export_deposits(std::span<const ExportItem> items) override;
  // Everything in one page: statements from the cursor date (one bulk call per 100 IBANs),
  // balances, unassigned counts, bookings assigned in the portal. The cursor is the latest
  // booking date seen (the last fully imported one: the next import starts there again).
  Result<ImportPage> import_page(const ImportRequest& request) override;
  // dkb.md has no interest distributions: an empty list.
  Result<std::vector<InterestDistribution>> interest_distributions(
      int, const DepositDirectory&) override {
    return std::vector<InterestDistribution>{};
  }
  // Assignments happen in DKB's portal: false, nothing sent.
  Result<bool> assign(const AssignRequest&) override { return false; }
  Result<void> close(const CloseRequest& request) override;
  Result<void> announce_interest_rate(const TrustAccount&) override { return {}; }

 private:
  ExportResult export_one(const ExportItem& item);
  Result<Iban> collective_iban(const ExportItem& item) const;
  Result<std::optional<Date>> add_statements(const ImportRequest& request, ImportPage& page);
  Result<void> add_balances(const DepositDirectory& directory, ImportPage& page);
  Result<void> add_unassigned(const ImportRequest& request, ImportPage& page);
  Result<void> add_portal_assignment(const std::string& key, const DepositDirectory& directory,
                                     ImportPage& page);
  // The answer to `request`, or its failure (refusals with the bank's field errors).
  httpclient::HttpResult send(httpclient::Request request);

  connectors::AuthorizedClient m_client;
  std::vector<Iban> m_ibans;  // the access's collective IBANs
};

}  // namespace kaution::dkb
