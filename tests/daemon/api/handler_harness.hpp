#pragma once
// Test support: the API's router on a temporary SqliteStore with a ManualClock, called without
// a transport (the role check as the dispatcher does it), for the handlers' logic.

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "daemon/api/routes.hpp"
#include "daemon/http/role.hpp"
#include "queue/sqlite_store.hpp"
#include "tests/support/process.hpp"

namespace kaution::test {

struct Answer {
  int status = 0;
  std::string content_type;
  std::string body;
  nlohmann::json json;
  std::vector<std::pair<std::string, std::string>> headers;
};

class Harness {
 public:
  // Today is 2026-11-23 (Europe/Berlin); accesses aak-main and dkb-main.
  explicit Harness(api::ApiHooks hooks = {}, bool bgb551_is_error = false);

  Answer call(const std::string& method, const std::string& target, http::Role role,
              const std::optional<std::string>& body = {},
              std::vector<std::pair<std::string, std::string>> headers = {});
  Answer put(const nlohmann::json& deposit);

  ManualClock& clock() { return m_clock; }
  SqliteStore& store() { return m_store; }
  api::ApiContext& context() { return m_context; }

 private:
  TempDir m_dir;
  ManualClock m_clock;
  SqliteStore m_store;
  StoreAccess m_access;
  api::ApiContext m_context;
  http::Router m_router;
};

}  // namespace kaution::test
