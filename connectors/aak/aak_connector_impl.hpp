#pragma once
// AakConnector: the aak profile behind the Connector contract (internal to kaution_aak; use
// make_aak_connector). Holds no state of its own but the HTTP client and the cached token, so
// its calls may run on several threads.

#include <optional>
#include <string>
#include <vector>

#include "connectors/aak/aak_responses.hpp"
#include "connectors/aak/access_http.hpp"
#include "connectors/connector.hpp"

namespace kaution::aak {

class AakConnector final : public Connector {
 public:
  AakConnector(const AccessConfig& access, const ConnectorEnv& env);

  std::size_t max_export_batch() const override { return 1; }
  Result<void> check() override { return m_client.check(); }
  // One PUT per deposit (export_each.hpp).
  std::vector<ExportResult> export_deposits(std::span<const ExportItem> items) override;
  // One statement per page (cursor: its id; more while statements remain); the last page
  // also carries every balance.
  Result<ImportPage> import_page(const ImportRequest& request) override;
  Result<std::vector<InterestDistribution>> interest_distributions(
      int year, const DepositDirectory& directory) override;
  Result<bool> assign(const AssignRequest& request) override;
  Result<void> close(const CloseRequest& request) override;
  // The bank communicates rate changes itself: nothing to send.
  Result<void> announce_interest_rate(const TrustAccount&) override { return {}; }

 private:
  ExportResult export_one(const ExportItem& item);
  // The statements after `after`, following `next` past empty pages.
  Result<StatementList> statements_after(const std::optional<std::string>& after);
  Result<void> add_statement(const std::string& id, const DepositDirectory& directory,
                             ImportPage& page);
  Result<void> add_balances(const DepositDirectory& directory, ImportPage& page);
  // A JSON answer of `request`, or its failure (refusals with the bank's field errors).
  httpclient::HttpResult send(httpclient::Request request);

  connectors::AuthorizedClient m_client;
};

}  // namespace kaution::aak
