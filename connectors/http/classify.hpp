#pragma once
// Classification of HTTP answers into core's failure classes (specs/connectors.md):
//   2xx                      success
//   401 403                  credentials
//   408 425 429 500 502 503 504 and any other 5xx but 501
//                            transient, with Retry-After (seconds or HTTP-date) when given
//   405 406 415 501, 1xx/3xx protocol: our request breaks the bank's profile (wrong method or
//                            media type, an unexpected redirect); a bug to look at, not data
//   every other 4xx (400 404 409 410 413 422 …)
//                            rejected: the bank judged this request and repeating it will not
//                            change the answer; the body is kept for the connector to read the
//                            bank's field errors (and to reclassify, e.g. a 404 that means a
//                            wrong base URL)

#include <optional>
#include <string_view>

#include "connectors/http/message.hpp"
#include "core/clock.hpp"
#include "core/failure.hpp"

namespace kaution::httpclient {

// nullopt for a 2xx status.
std::optional<FailureClass> status_class(int status);

// The failure for a non-2xx `response`; `what` names the exchange ("GET /v1/balances").
HttpFailure status_failure(std::string_view what, Response response, TimePoint now);

// For a connector whose 2xx answer does not parse or breaks the profile: class protocol,
// message "<what>: <detail>", scrubbed of registered secrets.
Failure protocol_failure(std::string_view what, std::string_view detail);

// `text` with every secret registered with Redactor::global() replaced by "***".
std::string scrub(std::string_view text);

}  // namespace kaution::httpclient
