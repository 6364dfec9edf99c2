#pragma once
// Classification of a transfer that got no (complete) HTTP answer (internal to the client):
// connect, TLS handshake, timeout, reset, partial body → transient; the bank refusing our
// client certificate, or an unusable certificate, key or CA file → credentials (the access
// cannot work until an operator fixes it); an oversized body or a malformed URL → protocol.
// Certificate problems are named as such, so that operators see them.

#include <string_view>

#include "connectors/http/curl_session.hpp"
#include "connectors/http/message.hpp"

namespace kaution::httpclient::detail {

// `what` names the exchange ("aak-main: GET /v1/balances").
HttpFailure transport_failure(std::string_view what, const Transfer& transfer,
                              std::size_t max_response_bytes);

}  // namespace kaution::httpclient::detail
