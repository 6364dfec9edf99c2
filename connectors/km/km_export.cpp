#include "connectors/km/km_export.hpp"

#include "connectors/km/km_answers.hpp"
#include "connectors/km/km_requests.hpp"
#include "connectors/km/xml_names.hpp"
#include "mapping/km_record.hpp"

namespace kaution::km {
namespace {

struct Batch {
  std::vector<ExportResult> results;   // one per item
  std::vector<std::size_t> sent;       // indices of the items in the request
  std::vector<std::string> contracts;  // their Vertragsnummer as sent
};

Batch build(KmService& service, std::span<const TrustAccount> accounts,
            std::span<const ExportItem> items, SoapEnvelope& envelope) {
  Batch batch;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const ExportItem& item = items[i];
    ExportResult& result = batch.results.emplace_back(ExportResult{item.deposit_id, "", {}});
    const std::optional<Iban> account = export_trust_account(item, accounts);
    if (!account) {
      result.bank_ref = std::unexpected(service.failure(
          FailureClass::rejected, k_vertraege_uebertragen,
          "deposit " + item.deposit_id + ": no trust account",
          {FieldError{"trust_account", "REQUIRED", "the deposit names no trust account"}}));
      continue;
    }
    result.notes = add_vertrag(envelope, item.deposit, *account);
    const pugi::xml_node vertrag = envelope.request().last_child();
    batch.sent.push_back(i);
    batch.contracts.emplace_back(child(vertrag, k_km_namespace, "Vertragsnummer").text().get());
  }
  return batch;
}

Result<std::vector<KmErgebnis>> send(KmService& service, const SoapEnvelope& envelope,
                                     std::span<const std::string> contracts) {
  auto answer = service.call(envelope);
  if (!answer) return std::unexpected(answer.error());
  auto parsed = parse_export_answer(answer->body(), contracts);
  if (!parsed) return std::unexpected(service.protocol(k_vertraege_uebertragen, parsed.error()));
  return std::move(*parsed);
}

Failure refused(KmService& service, const std::string& contract, const KmErgebnis& ergebnis) {
  std::string detail = "contract " + contract + " refused";
  detail += describe(ergebnis.errors);
  return service.failure(FailureClass::rejected, k_vertraege_uebertragen, detail, ergebnis.errors);
}

void apply(KmService& service, const std::vector<KmErgebnis>& answer, Batch& batch) {
  for (std::size_t k = 0; k < batch.sent.size(); ++k) {
    ExportResult& result = batch.results[batch.sent[k]];
    if (answer[k].ok)
      result.bank_ref = answer[k].konto_id;
    else
      result.bank_ref = std::unexpected(refused(service, batch.contracts[k], answer[k]));
  }
}

}  // namespace

std::optional<Iban> export_trust_account(const ExportItem& item,
                                         std::span<const TrustAccount> accounts) {
  if (item.trust_account) return item.trust_account;
  if (item.deposit.trust_account) return item.deposit.trust_account;
  if (accounts.size() == 1) return accounts.front().iban;
  return std::nullopt;
}

std::vector<ExportResult> export_batch(KmService& service, std::span<const TrustAccount> accounts,
                                       std::span<const ExportItem> items) {
  SoapEnvelope envelope = service.envelope(k_vertraege_uebertragen);
  Batch batch = build(service, accounts, items, envelope);
  if (batch.sent.empty()) return std::move(batch.results);
  Result<std::vector<KmErgebnis>> answer = send(service, envelope, batch.contracts);
  if (answer) {
    apply(service, *answer, batch);
    return std::move(batch.results);
  }
  for (std::size_t index : batch.sent)
    batch.results[index].bank_ref = std::unexpected(answer.error());
  return std::move(batch.results);
}

}  // namespace kaution::km
