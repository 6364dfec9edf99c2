#include "daemon/sync/instrumented_connector.hpp"

#include "metrics/sync_metrics.hpp"

namespace kaution {
namespace {

class InstrumentedConnector final : public Connector {
 public:
  explicit InstrumentedConnector(std::unique_ptr<Connector> inner) : m_inner(std::move(inner)) {}

  std::size_t max_export_batch() const override { return m_inner->max_export_batch(); }
  Result<void> check() override {
    metrics::OperationScope scope("check");
    return m_inner->check();
  }
  std::vector<ExportResult> export_deposits(std::span<const ExportItem> items) override {
    metrics::OperationScope scope("export");
    return m_inner->export_deposits(items);
  }
  Result<ImportPage> import_page(const ImportRequest& request) override {
    metrics::OperationScope scope("import");
    return m_inner->import_page(request);
  }
  Result<std::vector<InterestDistribution>> interest_distributions(
      int year, const DepositDirectory& directory) override {
    metrics::OperationScope scope("interest");
    return m_inner->interest_distributions(year, directory);
  }
  Result<bool> assign(const AssignRequest& request) override {
    metrics::OperationScope scope("assign");
    return m_inner->assign(request);
  }
  Result<void> close(const CloseRequest& request) override {
    metrics::OperationScope scope("close");
    return m_inner->close(request);
  }
  Result<void> announce_interest_rate(const TrustAccount& account) override {
    metrics::OperationScope scope("announce_rate");
    return m_inner->announce_interest_rate(account);
  }

 private:
  std::unique_ptr<Connector> m_inner;
};

}  // namespace

std::unique_ptr<Connector> instrumented(std::unique_ptr<Connector> inner) {
  if (!inner) return nullptr;
  return std::make_unique<InstrumentedConnector>(std::move(inner));
}

httpclient::ExchangeObserver with_request_metrics(httpclient::ExchangeObserver observer) {
  return [observer = std::move(observer)](const httpclient::ExchangeRecord& record) {
    metrics::bank_request(record.access, metrics::current_operation(), record.duration);
    if (observer) observer(record);
  };
}

}  // namespace kaution
