#include "connectors/aak/aak_connector.hpp"

#include "connectors/aak/aak_connector_impl.hpp"
#include "connectors/aak/aak_requests.hpp"
#include "connectors/aak/bank_errors.hpp"
#include "connectors/aak/export_each.hpp"
#include "mapping/aak_record.hpp"

namespace kaution {
namespace aak {

AakConnector::AakConnector(const AccessConfig& access, const ConnectorEnv& env)
    : m_client(access, env, "/oauth2/token", httpclient::ClientAuth::basic) {}

httpclient::HttpResult AakConnector::send(httpclient::Request request) {
  auto result = m_client.send(std::move(request));
  if (!result && result.error().failure_class == FailureClass::rejected)
    connectors::add_field_errors(result.error());
  return result;
}

std::vector<ExportResult> AakConnector::export_deposits(std::span<const ExportItem> items) {
  return connectors::export_each(items, m_client.max_in_flight(),
                                 [this](const ExportItem& item) { return export_one(item); });
}

ExportResult AakConnector::export_one(const ExportItem& item) {
  ExportResult result{item.deposit_id, std::string(), {}};
  if (!item.deposit.virtual_iban) {
    result.bank_ref = std::unexpected(connectors::local_rejection(
        m_client.access_name() + ": deposit " + item.deposit_id +
            " has no virtual IBAN; aak cannot assign its payments",
        {{"virtual_iban", "REQUIRED", "aak needs the deposit's virtual IBAN"}}));
    return result;
  }
  AakRecord record = to_aak_record(item.deposit);
  result.notes = std::move(record.notes);
  httpclient::Request request = put_deposit(item, record);
  const std::string what = m_client.describe(request);
  auto response = send(std::move(request));
  if (!response) {
    result.bank_ref = std::unexpected(static_cast<Failure>(response.error()));
    return result;
  }
  result.bank_ref = read_accepted(what, response->body);
  return result;
}

Result<std::vector<InterestDistribution>> AakConnector::interest_distributions(
    int year, const DepositDirectory& directory) {
  httpclient::Request request = get_interest_distributions(year);
  const std::string what = m_client.describe(request);
  auto response = send(std::move(request));
  if (!response) return std::unexpected(static_cast<Failure>(response.error()));
  return read_interest_distributions(what, response->body, directory);
}

Result<bool> AakConnector::assign(const AssignRequest& request) {
  if (!request.bank_ref)
    return std::unexpected(connectors::local_rejection(m_client.access_name() + ": deposit " +
                                                       request.deposit_id +
                                                       " has no aak uuid yet (not exported)"));
  auto response = send(assign_payment(request.booking_bank_ref, *request.bank_ref));
  if (!response) return std::unexpected(static_cast<Failure>(response.error()));
  return true;
}

Result<void> AakConnector::close(const CloseRequest& request) {
  if (!request.bank_ref)
    return std::unexpected(connectors::local_rejection(m_client.access_name() + ": deposit " +
                                                       request.deposit_id +
                                                       " has no aak uuid (never exported)"));
  auto response = send(close_deposit(*request.bank_ref));
  if (!response) {
    if (response.error().status() == 409)
      connectors::ensure_code(response.error(), "BALANCE_NOT_ZERO", "balance");
    return std::unexpected(static_cast<Failure>(response.error()));
  }
  return {};
}

}  // namespace aak

std::unique_ptr<Connector> make_aak_connector(const AccessConfig& access, const ConnectorEnv& env) {
  return std::make_unique<aak::AakConnector>(access, env);
}

}  // namespace kaution
