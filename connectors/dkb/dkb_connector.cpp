#include "connectors/dkb/dkb_connector.hpp"

#include <algorithm>

#include "connectors/aak/bank_errors.hpp"
#include "connectors/aak/export_each.hpp"
#include "connectors/dkb/dkb_connector_impl.hpp"
#include "connectors/dkb/dkb_requests.hpp"
#include "connectors/dkb/dkb_responses.hpp"
#include "mapping/dkb_record.hpp"

namespace kaution {
namespace dkb {

DkbConnector::DkbConnector(const AccessConfig& access, const ConnectorEnv& env)
    : m_client(access, env, "/oauth/token", httpclient::ClientAuth::form),
      m_ibans(access.dkb ? access.dkb->collective_ibans : std::vector<Iban>{}) {}

httpclient::HttpResult DkbConnector::send(httpclient::Request request) {
  auto result = m_client.send(std::move(request));
  if (!result && result.error().failure_class == FailureClass::rejected)
    connectors::add_field_errors(result.error());
  return result;
}

std::vector<ExportResult> DkbConnector::export_deposits(std::span<const ExportItem> items) {
  return connectors::export_each(items, m_client.max_in_flight(),
                                 [this](const ExportItem& item) { return export_one(item); });
}

Result<Iban> DkbConnector::collective_iban(const ExportItem& item) const {
  const std::string deposit = m_client.access_name() + ": deposit " + item.deposit_id;
  if (!item.trust_account) {
    if (m_ibans.size() == 1) return m_ibans.front();
    return std::unexpected(connectors::local_rejection(
        deposit + " names no collective account and the access has several",
        {{"trust_account", "REQUIRED", "one of the access's dkb.collective_ibans"}}));
  }
  if (std::find(m_ibans.begin(), m_ibans.end(), *item.trust_account) != m_ibans.end())
    return *item.trust_account;
  return std::unexpected(connectors::local_rejection(
      deposit + ": " + item.trust_account->str() + " is not one of the access's collective IBANs",
      {{"trust_account", "NOT_CONFIGURED", "not one of the access's dkb.collective_ibans"}}));
}

ExportResult DkbConnector::export_one(const ExportItem& item) {
  ExportResult result{item.deposit_id, std::string(), {}};
  auto iban = collective_iban(item);
  if (!iban) {
    result.bank_ref = std::unexpected(iban.error());
    return result;
  }
  DkbRecord record = to_dkb_tenancy(item.deposit, *iban);
  result.notes = std::move(record.notes);
  httpclient::Request request = put_tenancy(item.deposit.rental_contract_no, record);
  const std::string what = m_client.describe(request);
  auto response = send(std::move(request));
  if (!response) {
    if (response.error().status() == 404)
      connectors::ensure_code(response.error(), "COLLECTIVE_ACCOUNT_UNKNOWN", "collectiveIban");
    result.bank_ref = std::unexpected(static_cast<Failure>(response.error()));
    return result;
  }
  result.bank_ref = read_tenancy_accepted(what, response->body);
  return result;
}

Result<void> DkbConnector::close(const CloseRequest& request) {
  auto response = send(delete_tenancy(request.contract_no));
  if (!response) {
    if (response.error().status() == 409)
      connectors::ensure_code(response.error(), "BALANCE_NOT_ZERO", "balance");
    return std::unexpected(static_cast<Failure>(response.error()));
  }
  return {};
}

}  // namespace dkb

std::unique_ptr<Connector> make_dkb_connector(const AccessConfig& access, const ConnectorEnv& env) {
  return std::make_unique<dkb::DkbConnector>(access, env);
}

}  // namespace kaution
