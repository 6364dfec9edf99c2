#pragma once
// Fault injection: rules set by --faults FILE or POST /_control/faults, consulted before every
// request of one bank (the control endpoints excepted). Thread-safe.
//
// A rule applies to requests whose path starts with `path_prefix`: to the next `next` of them,
// or to each with probability `fraction` (drawn from the seed, so a run repeats), or with both
// to a fraction until `next` have been hit; with neither, to every request until cleared.

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <expected>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "connectors/sandbox/random.hpp"

namespace kaution::sandbox {

enum class FaultKind {
  latency,       // wait latency_ms, then answer normally
  status,        // answer `status` (429, 503, …) with Retry-After when given
  reset,         // close the connection abortively, no answer (the request is not handled)
  truncate,      // handle, then send half the body under the full Content-Length and close
  malformed,     // handle, then send half the body as if it were all (unparseable XML/JSON)
  credentials,   // refuse the credentials the way the profile does
  hang,          // read the request, never answer: held until the rule is cleared (or latency_ms,
                 // default 30 s), then the connection is reset
  reset_body,    // handle, send the headers and half the body, then reset the connection (RST)
  content_type,  // handle, then answer 200 with `content_type` (default text/html) and an HTML
                 // page instead of the profile's body (a proxy's or portal's page)
};

struct FaultRule {
  std::uint64_t id = 0;
  FaultKind kind = FaultKind::status;
  int status = 503;
  std::optional<std::string> retry_after;  // sent verbatim: "2" or an HTTP-date
  std::optional<int> retry_after_date_in;  // Retry-After as the HTTP-date this many s ahead
  int latency_ms = 0;
  std::optional<double> fraction;     // 0 … 1
  std::optional<std::uint64_t> next;  // remaining hits
  std::string path_prefix;
  std::optional<std::string> content_type;  // kind content_type
};

// {"kind": "status", "status": 429, "retry_after": "2", "retry_after_date_in": 2,
//  "latency_ms": 200, "fraction": 0.1, "next": 5, "path_prefix": "/v1/deposits"}
std::expected<FaultRule, std::string> parse_fault(const nlohmann::json& json);
nlohmann::json to_json(const FaultRule& rule);

// The Retry-After value of a rule, if it has one.
std::optional<std::string> retry_after_value(const FaultRule& rule);
// RFC 9110 IMF-fixdate of now + `seconds`: "Sun, 06 Nov 1994 08:49:37 GMT".
std::string http_date_in(int seconds);

class FaultSet {
 public:
  explicit FaultSet(std::uint64_t seed) : m_rng(seed) {}
  std::uint64_t add(FaultRule rule);
  void clear();
  nlohmann::json to_json() const;
  // The first rule that applies to a request for `path`; consumes one of its `next`.
  std::optional<FaultRule> decide(std::string_view path);
  // Waits until clear() is called or `limit` passed (kind hang); true when cleared.
  bool wait_cleared(std::chrono::milliseconds limit);

 private:
  mutable std::mutex m_mutex;
  std::condition_variable m_cleared;
  std::uint64_t m_clears = 0;  // generation: how many times clear() ran
  std::vector<FaultRule> m_rules;
  std::uint64_t m_next_id = 1;
  Rng m_rng;
};

}  // namespace kaution::sandbox
