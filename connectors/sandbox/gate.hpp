#pragma once
// The gate in front of every bank endpoint (the control endpoints excepted): counts the request
// in the bank's Stats, applies the first fault rule that matches, and adds X-Request-Id.

#include <functional>
#include <string>

#include "connectors/sandbox/context.hpp"
#include "daemon/http/router.hpp"

namespace kaution::sandbox {

// How a profile answers an injected fault.
struct FaultAnswers {
  std::function<http::Response(int status)> status;  // the profile's error shape for a status
  std::function<http::Response(const http::Request&)> refused;  // credentials refused
};

// The Stats key of a request ("PUT /v1/deposits/{contractNumber}", "POST /ws#UmsaetzeAbrufen").
using KeyOf = std::function<std::string(const http::Request&)>;

http::Handler gated(BankContext& context, FaultAnswers answers, KeyOf key, http::Handler handler);

// Adds a gated route whose Stats key is "METHOD pattern".
void add_gated(http::Router& router, BankContext& context, const FaultAnswers& answers,
               const std::string& method, const std::string& pattern, http::Handler handler);

}  // namespace kaution::sandbox
