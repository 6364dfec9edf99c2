#pragma once
// Test support: an aak connector against FakeAak on a ScriptedServer.

#include <gtest/gtest.h>

#include <memory>

#include "connectors/aak/aak_connector.hpp"
#include "core/clock.hpp"
#include "tests/connectors/aak/bank_test_support.hpp"
#include "tests/connectors/aak/fake_aak.hpp"
#include "tests/connectors/http/exchange_log.hpp"
#include "tests/mapping/sample_deposit.hpp"

namespace kaution::test {

inline constexpr const char* k_aak_secret = "aak-s3cret-canary";

class AakTest : public ::testing::Test {
 protected:
  std::shared_ptr<FakeAak> bank = std::make_shared<FakeAak>();
  ScriptedServer server{[b = bank](const RecordedRequest& r) { return b->answer(r); }};
  ManualClock clock{utc_time(*Date::parse("2026-11-20"), 9)};
  ExchangeLog log;
  std::unique_ptr<Connector> connector = make_aak_connector(
      test_access(ConnectorKind::aak, server.base_url(), k_aak_secret), environment());

  ConnectorEnv environment() {
    ConnectorEnv env = test::env(log);
    env.clock = &clock;
    return env;
  }
  static ExportItem item(std::string deposit_id = "D-1") {
    ExportItem out{std::move(deposit_id), ledger_example(), std::nullopt, std::nullopt};
    return out;
  }
};

}  // namespace kaution::test
