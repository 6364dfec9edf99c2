#include "tests/connectors/sandbox/fixture.hpp"

#include "mapping/aak_record.hpp"
#include "mapping/dkb_record.hpp"
#include "mapping/km_record.hpp"

namespace kaution::test {

using sandbox::Bank;

sandbox::SandboxOptions sandbox_options(const std::filesystem::path& pki_dir, std::uint64_t seed,
                                        std::size_t size) {
  sandbox::SandboxOptions options;
  options.data.seed = seed;
  options.data.size = size;
  options.data.start = *Date::parse("2026-11-20");
  options.pki_dir = pki_dir;
  options.ports = {0, 0, 0};
  return options;
}

void SandboxTest::start(sandbox::SandboxOptions options) {
  m_sandbox.reset();
  m_sandbox = std::make_unique<sandbox::Sandbox>(std::move(options));
}

BankClient SandboxTest::client(Bank bank, bool client_cert) const {
  const sandbox::PkiFiles& pki = m_sandbox->pki();
  TlsFiles tls{pki.ca_cert, {}, {}};
  if (bank == Bank::dkb && client_cert) {
    tls.client_cert = pki.client_cert;
    tls.client_key = pki.client_key;
  }
  return BankClient(m_sandbox->port(bank), tls);
}

nlohmann::json json_of(const Reply& reply) {
  return nlohmann::json::parse(reply.body, nullptr, false);
}

std::string SandboxTest::aak_token() const {
  Call call{"POST",
            "/oauth2/token",
            {"Content-Type: application/x-www-form-urlencoded"},
            "grant_type=client_credentials",
            "sandbox-aak-client:sandbox-aak-secret",
            {}};
  const Reply reply = client(Bank::aak).send(call);
  EXPECT_EQ(reply.status, 200) << reply.body << reply.error;
  return json_of(reply).value("access_token", "");
}

std::string SandboxTest::dkb_token() const {
  Call call{"POST",
            "/oauth/token",
            {"Content-Type: application/x-www-form-urlencoded"},
            "grant_type=client_credentials&client_id=sandbox-dkb-client&client_secret=sandbox-"
            "dkb-secret",
            {},
            {}};
  const Reply reply = client(Bank::dkb).send(call);
  EXPECT_EQ(reply.status, 200) << reply.body << reply.error;
  return json_of(reply).value("access_token", "");
}

Reply SandboxTest::control(Bank bank, const std::string& method, const std::string& target,
                           const std::string& body) const {
  Call call{method, target, {"Content-Type: application/json"}, {}, {}, {}};
  if (!body.empty()) call.body = body;
  return client(bank).send(call);
}

void SandboxTest::advance(int days) const {
  const Reply reply =
      control(Bank::aak, "POST", "/_control/advance", "{\"days\": " + std::to_string(days) + "}");
  ASSERT_EQ(reply.status, 200) << reply.body;
}

nlohmann::json SandboxTest::aak_body(std::size_t index) const {
  const auto& data = m_sandbox->world().simulation.options();
  return to_aak_record(sandbox::portfolio_deposit(Bank::aak, index, data)).body;
}

nlohmann::json SandboxTest::dkb_body(std::size_t index) const {
  const auto& data = m_sandbox->world().simulation.options();
  const Iban collective = *Iban::parse(sandbox::dkb_collective_ibans().front());
  return to_dkb_tenancy(sandbox::portfolio_deposit(Bank::dkb, index, data), collective).body;
}

std::string SandboxTest::km_vertrag(std::size_t index) const {
  const auto& data = m_sandbox->world().simulation.options();
  const Iban trust = *Iban::parse(std::string(sandbox::k_km_trust_account));
  return km_vertrag_xml(sandbox::portfolio_deposit(Bank::km, index, data), trust).xml;
}

Reply SandboxTest::aak_put(const nlohmann::json& body, const std::string& token) const {
  Call call{"PUT",
            "/v1/deposits/" + body["contractNumber"].get<std::string>(),
            {"Content-Type: application/json"},
            body.dump(),
            {},
            token};
  return client(Bank::aak).send(call);
}

Reply SandboxTest::dkb_put(const nlohmann::json& body, const std::string& token) const {
  Call call{"PUT",
            "/kaution/v1/tenancies/" + body["contractNumber"].get<std::string>(),
            {"Content-Type: application/json"},
            body.dump(),
            {},
            token};
  return client(Bank::dkb).send(call);
}

Reply SandboxTest::km_call(const std::string& operation, const std::string& body_xml,
                           const std::string& password) const {
  const std::string envelope =
      "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
      "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" "
      "xmlns:km=\"urn:km-modul:kaution:v1\">"
      "<soapenv:Header><wsse:Security xmlns:wsse=\"http://docs.oasis-open.org/wss/2004/01/"
      "oasis-200401-wss-wssecurity-secext-1.0.xsd\"><wsse:UsernameToken>"
      "<wsse:Username>sandbox-km-user</wsse:Username>"
      "<wsse:Password Type=\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-"
      "token-profile-1.0#PasswordText\">" +
      password +
      "</wsse:Password></wsse:UsernameToken></wsse:Security></soapenv:Header>"
      "<soapenv:Body>" +
      body_xml + "</soapenv:Body></soapenv:Envelope>";
  Call call{"POST",
            "/ws",
            {"Content-Type: text/xml; charset=utf-8",
             "SOAPAction: \"urn:km-modul:kaution:v1#" + operation + "\""},
            envelope,
            {},
            {}};
  return client(Bank::km).send(call);
}

}  // namespace kaution::test
