#include "connectors/km/km_connector.hpp"

#include <algorithm>

#include "connectors/http/parallel.hpp"
#include "connectors/km/km_answers.hpp"
#include "connectors/km/km_export.hpp"
#include "connectors/km/km_requests.hpp"
#include "connectors/km/km_service.hpp"

namespace kaution {
namespace {

using namespace km;

const DepositDirectory k_no_deposits;

// Turns a Status answer into success or a rejection with KM's field errors.
Result<void> status_result(KmService& service, std::string_view operation,
                           const Result<SoapAnswer>& answer, bool status_required) {
  if (!answer) return std::unexpected(answer.error());
  auto status = parse_status_answer(answer->body(), operation, status_required);
  if (!status) return std::unexpected(service.protocol(operation, status.error()));
  if (status->ok) return {};
  std::string detail = "refused";
  detail += describe(status->errors);
  return std::unexpected(
      service.failure(FailureClass::rejected, operation, detail, std::move(status->errors)));
}

class KmConnector final : public Connector {
 public:
  KmConnector(const AccessConfig& access, const ConnectorEnv& env)
      : m_service(access, env),
        m_parallel(static_cast<std::size_t>(access.limits.max_in_flight)),
        m_accounts(access.km ? access.km->trust_accounts : std::vector<TrustAccount>{}) {}

  std::size_t max_export_batch() const override { return k_max_contracts_per_request; }

  // The cheapest authenticated call: the first booking from the start (Max 1), read only;
  // the cursor is not touched.
  Result<void> check() override {
    auto answer = fetch_umsaetze("", 1, k_no_deposits);
    if (!answer) return std::unexpected(answer.error());
    return {};
  }

  // Requests of up to 500 contracts: the first alone, then up to max_in_flight at once;
  // results in order.
  std::vector<ExportResult> export_deposits(std::span<const ExportItem> items) override {
    const std::size_t calls =
        (items.size() + k_max_contracts_per_request - 1) / k_max_contracts_per_request;
    std::vector<std::vector<ExportResult>> answers(calls);
    const auto send = [&](std::size_t call) {
      const std::size_t at = call * k_max_contracts_per_request;
      const std::size_t n = std::min(k_max_contracts_per_request, items.size() - at);
      answers[call] = export_batch(m_service, m_accounts, items.subspan(at, n));
    };
    if (calls > 0) send(0);
    if (calls > 1)
      httpclient::parallel_for(calls - 1, m_parallel, [&](std::size_t call) { send(call + 1); });
    std::vector<ExportResult> out;
    out.reserve(items.size());
    for (std::vector<ExportResult>& answer : answers)
      for (ExportResult& r : answer)
        out.push_back(std::move(r));
    return out;
  }

  Result<ImportPage> import_page(const ImportRequest& request) override;

  Result<std::vector<InterestDistribution>> interest_distributions(
      int year, const DepositDirectory& directory) override {
    SoapEnvelope envelope = m_service.envelope(k_zinsverteilungen_abrufen);
    zinsverteilungen_abrufen(envelope, year);
    auto answer = m_service.call(envelope);
    if (!answer) return std::unexpected(answer.error());
    auto parsed = parse_zinsverteilungen(answer->body(), directory);
    if (!parsed)
      return std::unexpected(m_service.protocol(k_zinsverteilungen_abrufen, parsed.error()));
    return std::move(*parsed);
  }

  Result<bool> assign(const AssignRequest& request) override {
    if (request.contract_no.empty())
      return std::unexpected(m_service.failure(
          FailureClass::rejected, k_zahlung_zuordnen,
          "no contract number to assign booking " + request.booking_bank_ref + " to"));
    SoapEnvelope envelope = m_service.envelope(k_zahlung_zuordnen);
    zahlung_zuordnen(envelope, request.booking_bank_ref, request.contract_no);
    auto done = status_result(m_service, k_zahlung_zuordnen, m_service.call(envelope), true);
    if (!done) return std::unexpected(done.error());
    return true;
  }

  Result<void> close(const CloseRequest& request) override {
    SoapEnvelope envelope = m_service.envelope(k_vertrag_schliessen);
    vertrag_schliessen(envelope, request.contract_no);
    return status_result(m_service, k_vertrag_schliessen, m_service.call(envelope), false);
  }

  Result<void> announce_interest_rate(const TrustAccount& account) override {
    SoapEnvelope envelope = m_service.envelope(k_zinssatz_mitteilen);
    zinssatz_mitteilen(envelope, account);
    return status_result(m_service, k_zinssatz_mitteilen, m_service.call(envelope), true);
  }

 private:
  Result<KmUmsaetze> fetch_umsaetze(std::string_view token, int max,
                                    const DepositDirectory& directory);
  Result<KmSalden> fetch_salden(Date stichtag, const DepositDirectory& directory);

  KmService m_service;
  std::size_t m_parallel;  // limits.max_in_flight
  std::vector<TrustAccount> m_accounts;
};

Result<KmUmsaetze> KmConnector::fetch_umsaetze(std::string_view token, int max,
                                               const DepositDirectory& directory) {
  SoapEnvelope envelope = m_service.envelope(k_umsaetze_abrufen);
  umsaetze_abrufen(envelope, token, max);
  auto answer = m_service.call(envelope);
  if (!answer) return std::unexpected(answer.error());
  auto parsed = parse_umsaetze(answer->body(), directory);
  if (!parsed) return std::unexpected(m_service.protocol(k_umsaetze_abrufen, parsed.error()));
  return std::move(*parsed);
}

Result<KmSalden> KmConnector::fetch_salden(Date stichtag, const DepositDirectory& directory) {
  SoapEnvelope envelope = m_service.envelope(k_salden_abrufen);
  salden_abrufen(envelope, stichtag);
  auto answer = m_service.call(envelope);
  if (!answer) return std::unexpected(answer.error());
  auto parsed = parse_salden(answer->body(), stichtag, directory);
  if (!parsed) return std::unexpected(m_service.protocol(k_salden_abrufen, parsed.error()));
  return std::move(*parsed);
}

// One page of bookings; on the last page (Weitere false) also the balances at request.today,
// so that a whole import yields one balance per contract. A failed balance call fails the
// page: the bookings come again with the same cursor (import is idempotent).
Result<ImportPage> KmConnector::import_page(const ImportRequest& request) {
  const DepositDirectory& directory =
      request.directory != nullptr ? *request.directory : k_no_deposits;
  const std::string cursor = request.cursor.value_or("");
  auto umsaetze = fetch_umsaetze(cursor, k_max_bookings_per_page, directory);
  if (!umsaetze) return std::unexpected(umsaetze.error());
  if (umsaetze->more && (umsaetze->token.empty() || umsaetze->token == cursor))
    return std::unexpected(m_service.protocol(
        k_umsaetze_abrufen, "km:Umsaetze: Weitere is true but Fortsetzung does not advance"));
  ImportPage page;
  page.bookings = std::move(umsaetze->bookings);
  page.cursor = umsaetze->token.empty() ? cursor : std::move(umsaetze->token);
  page.more = umsaetze->more;
  page.warnings = std::move(umsaetze->warnings);
  if (page.more) return page;
  auto salden = fetch_salden(request.today, directory);
  if (!salden) return std::unexpected(salden.error());
  page.balances = std::move(salden->balances);
  if (salden->unknown_contracts > 0)
    page.warnings.push_back(std::to_string(salden->unknown_contracts) +
                            " balance(s) of contracts no deposit of this access has; ignored");
  return page;
}

}  // namespace

std::unique_ptr<Connector> make_km_connector(const AccessConfig& access, const ConnectorEnv& env) {
  return std::make_unique<KmConnector>(access, env);
}

}  // namespace kaution
