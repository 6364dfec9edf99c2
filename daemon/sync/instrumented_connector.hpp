#pragma once
// InstrumentedConnector: a Connector that names the contract operation under way on the
// calling thread (metrics::OperationScope) while it delegates to the real one, so that every
// bank exchange the connector's HTTP client reports is counted under its access and operation
// (kautiond_bank_request_duration_seconds). Nothing else changes.

#include <memory>

#include "connectors/connector.hpp"

namespace kaution {

// `inner` with its operations named; null stays null.
std::unique_ptr<Connector> instrumented(std::unique_ptr<Connector> inner);
// `observer` (may be empty) plus the duration histogram of metrics/sync_metrics.hpp.
httpclient::ExchangeObserver with_request_metrics(httpclient::ExchangeObserver observer);

}  // namespace kaution
