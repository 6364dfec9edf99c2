#pragma once
// Test support: a dkb connector over mutual TLS against FakeDkb on a ScriptedServer.

#include <gtest/gtest.h>

#include <memory>

#include "connectors/dkb/dkb_connector.hpp"
#include "tests/connectors/aak/bank_test_support.hpp"
#include "tests/connectors/dkb/fake_dkb.hpp"
#include "tests/connectors/http/exchange_log.hpp"
#include "tests/connectors/http/test_pki.hpp"
#include "tests/mapping/sample_deposit.hpp"

namespace kaution::test {

inline constexpr const char* k_dkb_secret = "dkb-s3cret-canary";

// The bank's CA and server certificate, the client CA and the daemon's client certificate.
struct DkbPki {
  TempDir dir;
  KeyAndCert bank_ca = make_cert("Test DKB CA", Usage::ca, nullptr);
  KeyAndCert server = make_cert("127.0.0.1", Usage::server, &bank_ca);
  KeyAndCert client_ca = make_cert("Test Client CA", Usage::ca, nullptr);
  KeyAndCert client = make_cert("kautiond-dkb-client", Usage::client, &client_ca);
  SslCtxPtr context = server_context(server, &client_ca);

  DkbPki() {
    write_cert_pem(dir.file("bank-ca.pem"), bank_ca.cert.get());
    write_cert_pem(dir.file("client.pem"), client.cert.get());
    write_key_pem(dir.file("client.key"), client.key.get());
  }
};

class DkbTest : public ::testing::Test {
 protected:
  DkbPki pki;
  std::shared_ptr<FakeDkb> bank = std::make_shared<FakeDkb>();
  ScriptedServer server{[b = bank](const RecordedRequest& r) { return b->answer(r); },
                        pki.context.get()};
  ExchangeLog log;
  std::vector<std::string> ibans{german_iban(1), german_iban(2)};
  std::unique_ptr<Connector> connector;

  void SetUp() override { connector = make(access()); }

  AccessConfig access(bool with_client_cert = true) const {
    AccessConfig a = test_access(ConnectorKind::dkb, server.base_url(), k_dkb_secret);
    a.tls.ca_file = pki.dir.file("bank-ca.pem");
    if (with_client_cert) {
      a.tls.client_cert = pki.dir.file("client.pem");
      a.tls.client_key = pki.dir.file("client.key");
    }
    DkbConfig dkb;
    for (const std::string& iban : ibans)
      dkb.collective_ibans.push_back(*Iban::parse(iban));
    a.dkb = dkb;
    return a;
  }
  std::unique_ptr<Connector> make(const AccessConfig& a) {
    return make_dkb_connector(a, test::env(log));
  }
  std::vector<RecordedRequest> api() const {
    std::vector<RecordedRequest> out;
    for (const RecordedRequest& r : server.requests())
      if (!r.target.starts_with("/oauth/token")) out.push_back(r);
    return out;
  }
  ExportItem item(std::string deposit_id = "D-1") const {
    ExportItem out{std::move(deposit_id), ledger_example(), std::nullopt,
                   *Iban::parse(ibans.front())};
    out.deposit.connector = BankProfile::dkb;
    return out;
  }
};

}  // namespace kaution::test
