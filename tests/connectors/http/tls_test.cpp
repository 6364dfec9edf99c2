#include <gtest/gtest.h>

#include "connectors/http/http_client.hpp"
#include "tests/connectors/http/exchange_log.hpp"
#include "tests/connectors/http/scripted_server.hpp"
#include "tests/connectors/http/test_pki.hpp"

namespace kaution::httpclient {
namespace {

using test::Action;
using test::KeyAndCert;
using test::RecordedRequest;
using test::ScriptedServer;
using test::Usage;

Action ok(const RecordedRequest& r) {
  return Action::reply(200, "hello " + r.client_cert_cn);
}

Request get() {
  Request r;
  r.path = "/kaution/v1/balances";
  return r;
}

// A bank CA with its server certificate, a client CA with the daemon's client certificate,
// and an unrelated CA, written to files.
class TlsTest : public ::testing::Test {
 protected:
  test::TempDir dir;
  KeyAndCert bank_ca = test::make_cert("Test Bank CA", Usage::ca, nullptr);
  KeyAndCert server = test::make_cert("127.0.0.1", Usage::server, &bank_ca);
  KeyAndCert client_ca = test::make_cert("Test Client CA", Usage::ca, nullptr);
  KeyAndCert daemon_cert = test::make_cert("kautiond-test-client", Usage::client, &client_ca);
  KeyAndCert other_ca = test::make_cert("Unrelated CA", Usage::ca, nullptr);

  void SetUp() override {
    test::write_cert_pem(dir.file("bank-ca.pem"), bank_ca.cert.get());
    test::write_cert_pem(dir.file("other-ca.pem"), other_ca.cert.get());
    test::write_cert_pem(dir.file("client.pem"), daemon_cert.cert.get());
    test::write_key_pem(dir.file("client.key"), daemon_cert.key.get());
  }

  HttpClientSettings settings(const ScriptedServer& s, const std::string& ca) const {
    auto out = test::test_settings(s.base_url());
    out.tls.ca_file = dir.file(ca);
    return out;
  }
};

TEST_F(TlsTest, VerifiedWithTheConfiguredCaFile) {
  auto context = test::server_context(server);
  ScriptedServer bank(ok, context.get());
  HttpClient client(settings(bank, "bank-ca.pem"));
  auto result = client.send(get());
  ASSERT_TRUE(result) << result.error().message;
  EXPECT_EQ(result->body, "hello ");
}

TEST_F(TlsTest, WrongCaFailsNamingCertificateVerification) {
  auto context = test::server_context(server);
  ScriptedServer bank(ok, context.get());
  test::ExchangeLog log;
  HttpClient client(settings(bank, "other-ca.pem"), test::env(log));
  auto result = client.send(get());
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().failure_class, FailureClass::transient);
  EXPECT_NE(result.error().message.find("certificate verification failed"), std::string::npos)
      << result.error().message;
  EXPECT_TRUE(bank.requests().empty());
  ASSERT_EQ(log.records().size(), 1u);
  EXPECT_EQ(log.records()[0].status, 0);
}

TEST_F(TlsTest, MutualTlsWithAClientCertificate) {
  auto context = test::server_context(server, &client_ca);
  ScriptedServer bank(ok, context.get());
  auto s = settings(bank, "bank-ca.pem");
  s.tls.client_cert = dir.file("client.pem");
  s.tls.client_key = dir.file("client.key");
  HttpClient client(s);
  auto result = client.send(get());
  ASSERT_TRUE(result) << result.error().message;
  EXPECT_EQ(result->body, "hello kautiond-test-client");
}

TEST_F(TlsTest, MissingClientCertificateIsCredentials) {
  auto context = test::server_context(server, &client_ca);
  ScriptedServer bank(ok, context.get());
  HttpClient client(settings(bank, "bank-ca.pem"));
  auto result = client.send(get());
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().failure_class, FailureClass::credentials) << result.error().message;
  EXPECT_NE(result.error().message.find("refused the client certificate"), std::string::npos)
      << result.error().message;
}

TEST_F(TlsTest, UnreadableClientCertificateIsCredentials) {
  auto context = test::server_context(server, &client_ca);
  ScriptedServer bank(ok, context.get());
  auto s = settings(bank, "bank-ca.pem");
  s.tls.client_cert = dir.file("missing.pem");
  HttpClient client(s);
  auto result = client.send(get());
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().failure_class, FailureClass::credentials) << result.error().message;
}

TEST_F(TlsTest, PinnedPublicKey) {
  auto context = test::server_context(server);
  ScriptedServer bank(ok, context.get());
  auto s = settings(bank, "bank-ca.pem");
  s.tls.pinned_public_key = test::public_key_pin(server.cert.get());
  EXPECT_TRUE(HttpClient(s).send(get()));
  s.tls.pinned_public_key = test::public_key_pin(other_ca.cert.get());
  auto result = HttpClient(s).send(get());
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().failure_class, FailureClass::transient);
  EXPECT_NE(result.error().message.find("pinned_public_key"), std::string::npos);
}

TEST_F(TlsTest, VerificationSwitchedOffAcceptsAnyCertificate) {
  auto context = test::server_context(server);
  ScriptedServer bank(ok, context.get());
  auto s = settings(bank, "other-ca.pem");
  s.tls.verify = false;
  EXPECT_TRUE(HttpClient(s).send(get()));
}

}  // namespace
}  // namespace kaution::httpclient
