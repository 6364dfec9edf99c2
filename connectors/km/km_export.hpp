#pragma once
// Export to KM: one VertraegeUebertragen request for up to 500 contracts, answered per
// contract in request order (km.md).

#include <optional>
#include <span>
#include <vector>

#include "config/config.hpp"
#include "connectors/connector.hpp"
#include "connectors/km/km_service.hpp"

namespace kaution::km {

// The trust account an item is held on: the daemon's resolved one, else the deposit's own,
// else the access's only one; nullopt when none is known.
std::optional<Iban> export_trust_account(const ExportItem& item,
                                         std::span<const TrustAccount> accounts);

// One request for `items` (at most k_max_contracts_per_request); one result per item, in
// order. Items without a trust account are rejected without being sent. Status OK → accepted
// with KontoId as bank_ref; FEHLER → rejected with its km:Fehler; a failure of the whole call,
// or an answer whose count or order does not match the request (protocol), on every item sent.
std::vector<ExportResult> export_batch(KmService& service, std::span<const TrustAccount> accounts,
                                       std::span<const ExportItem> items);

}  // namespace kaution::km
