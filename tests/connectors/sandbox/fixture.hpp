#pragma once
// Test support: a Sandbox in this process on ephemeral ports, with its PKI in a temp directory,
// and calls to its three banks.

#include <gtest/gtest.h>

#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "connectors/sandbox/sandbox.hpp"
#include "tests/connectors/sandbox/client.hpp"
#include "tests/support/process.hpp"

namespace kaution::test {

inline constexpr std::uint64_t k_seed = 7;
inline constexpr std::size_t k_size = 20;

sandbox::SandboxOptions sandbox_options(const std::filesystem::path& pki_dir,
                                        std::uint64_t seed = k_seed, std::size_t size = k_size);

class SandboxTest : public ::testing::Test {
 protected:
  void SetUp() override { start(sandbox_options(m_dir.path() / "pki")); }
  void start(sandbox::SandboxOptions options);

  // dkb's client presents the client certificate unless told otherwise.
  BankClient client(sandbox::Bank bank, bool client_cert = true) const;
  std::string aak_token() const;
  std::string dkb_token() const;
  // A control call on one bank's port; `body` as JSON text.
  Reply control(sandbox::Bank bank, const std::string& method, const std::string& target,
                const std::string& body = {}) const;
  void advance(int days) const;

  // The aak and dkb master-data bodies and the km Vertrag of portfolio deposit `index`, as the
  // daemon's mapping makes them.
  nlohmann::json aak_body(std::size_t index) const;
  nlohmann::json dkb_body(std::size_t index) const;
  std::string km_vertrag(std::size_t index) const;
  Reply aak_put(const nlohmann::json& body, const std::string& token) const;
  Reply dkb_put(const nlohmann::json& body, const std::string& token) const;
  // A SOAP call to km with the sandbox's credentials (or `password`).
  Reply km_call(const std::string& operation, const std::string& body_xml,
                const std::string& password = "sandbox-km-secret") const;

  TempDir m_dir;
  std::unique_ptr<sandbox::Sandbox> m_sandbox;
};

nlohmann::json json_of(const Reply& reply);

}  // namespace kaution::test
