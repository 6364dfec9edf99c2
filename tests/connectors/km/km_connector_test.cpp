// The km connector against a scripted KM web service on loopback: requests as km.md writes
// them, answers and faults mapped to results and failure classes, and the password nowhere
// but in the request.
#include "connectors/km/km_connector.hpp"

#include <gtest/gtest.h>

#include <map>

#include "tests/connectors/http/exchange_log.hpp"
#include "tests/connectors/http/scripted_server.hpp"
#include "tests/connectors/km/km_fixtures.hpp"

namespace kaution {
namespace {

using test::Action;
using test::ExchangeLog;
using test::km_envelope;
using test::km_fault;
using test::km_fehler;
using test::RecordedRequest;
using test::ScriptedServer;
using test::SentRequest;
using namespace std::chrono_literals;

constexpr const char* k_password = "canary-km-5e1f0a";

// The operation named by a request's SOAPAction ("\"urn:…#Op\"" → "Op").
std::string operation_of(const RecordedRequest& r) {
  std::string action(r.headers.get("SOAPAction").value_or(""));
  const std::size_t hash = action.find('#');
  if (hash == std::string::npos) return action;
  action = action.substr(hash + 1);
  if (action.ends_with('"')) action.pop_back();
  return action;
}

using Reply = std::function<Action(const SentRequest&)>;

// A fake KM: answers each request by its operation; 500 "no script" for any other.
test::Handler fake_km(std::map<std::string, Reply> replies) {
  return [replies = std::move(replies)](const RecordedRequest& r) {
    const auto found = replies.find(operation_of(r));
    if (found == replies.end()) return Action::reply(500, "no script for " + operation_of(r));
    return found->second(SentRequest(r.body));
  };
}

Action ok(const std::string& body) {
  return Action::reply(200, km_envelope(body), {{"Content-Type", "text/xml; charset=utf-8"}});
}

Action fault(int status, std::string_view code, std::string_view text, std::string_view detail = "",
             std::vector<std::pair<std::string, std::string>> headers = {}) {
  headers.emplace_back("Content-Type", "text/xml; charset=utf-8");
  return Action::reply(status, km_fault(code, text, detail), std::move(headers));
}

const std::string k_no_bookings = R"(<km:Umsaetze Fortsetzung="" Weitere="false"/>)";

std::string umsatz(std::string_view id, std::string_view art, std::string_view betrag,
                   std::string_view vertrag, std::string_view attributes = "") {
  return R"(<km:Umsatz BuchungsId=")" + std::string(id) + R"(" Art=")" + std::string(art) + "\" " +
         std::string(attributes) +
         R"(><km:Buchungsdatum>2026-11-02</km:Buchungsdatum><km:Valuta>2026-11-02</km:Valuta>)"
         "<km:Betrag>" +
         std::string(betrag) +
         "</km:Betrag><km:Treuhandkonto>DE14550104000007223330</km:Treuhandkonto>"
         "<km:Verwendungszweck>Kaution</km:Verwendungszweck><km:Vertragsnummer>" +
         std::string(vertrag) + "</km:Vertragsnummer></km:Umsatz>";
}

// Answers VertraegeUebertragen with OK and KontoId "K-<contract>" for every contract sent.
Action all_ok(const SentRequest& request) {
  std::string inner;
  for (const std::string& c : request.contracts())
    inner += R"(<km:Ergebnis Vertragsnummer=")" + c + R"(" Status="OK" KontoId="K-)" + c + "\"/>";
  return ok("<km:VertraegeUebertragenAntwort>" + inner + "</km:VertraegeUebertragenAntwort>");
}

std::vector<ExportItem> items(std::size_t n) {
  std::vector<ExportItem> out;
  for (std::size_t i = 0; i < n; ++i)
    out.push_back(test::km_item(test::contract_no(i)));
  return out;
}

ImportRequest import_request(std::optional<std::string> cursor, const DepositDirectory& dir) {
  return ImportRequest{std::move(cursor), test::day("2026-11-20"), &dir, {}};
}

class KmConnectorTest : public ::testing::Test {
 protected:
  std::unique_ptr<Connector> connect(const ScriptedServer& server, std::string base_path = "") {
    m_access = test::km_access(server.base_url() + base_path, k_password);
    return make_km_connector(m_access, test::env(m_log));
  }
  AccessConfig m_access;
  ExchangeLog m_log;
};

// ---- request shape

TEST_F(KmConnectorTest, CheckSendsAnAuthenticatedSoapRequestToWs) {
  ScriptedServer server(fake_km({{"UmsaetzeAbrufen", [](auto&) { return ok(k_no_bookings); }}}));
  auto km = connect(server, "/kaution/");
  const auto check = km->check();
  ASSERT_TRUE(check) << check.error().message;
  const auto seen = server.requests();
  ASSERT_EQ(seen.size(), 1u);
  const RecordedRequest& r = seen[0];
  EXPECT_EQ(r.method, "POST");
  EXPECT_EQ(r.target, "/kaution/ws");
  EXPECT_EQ(r.headers.get("Content-Type"), "text/xml; charset=utf-8");
  EXPECT_EQ(r.headers.get("SOAPAction"), R"("urn:km-modul:kaution:v1#UmsaetzeAbrufen")");
  const SentRequest sent(r.body);
  ASSERT_TRUE(sent.ok());
  EXPECT_TRUE(km::is_element(sent.root(), km::k_soap_ns, "Envelope"));
  EXPECT_STREQ(sent.find(km::k_wsse_ns, "Username").text().get(), test::k_user.data());
  EXPECT_STREQ(sent.find(km::k_wsse_ns, "Password").text().get(), k_password);
  EXPECT_EQ(std::string(sent.find(km::k_wsse_ns, "Password").attribute("Type").value()),
            km::k_password_text_type);
  EXPECT_EQ(sent.text("Fortsetzung"), "");
  EXPECT_EQ(sent.text("Max"), "1");
  EXPECT_EQ(km->max_export_batch(), 500u);
}

// ---- export

TEST_F(KmConnectorTest, Export501ContractsIsTwoCallsOf500And1) {
  ScriptedServer server(fake_km({{"VertraegeUebertragen", all_ok}}));
  auto km = connect(server);
  const std::vector<ExportItem> all = items(501);
  const std::vector<ExportResult> results = km->export_deposits(all);
  ASSERT_EQ(results.size(), 501u);
  for (std::size_t i = 0; i < results.size(); ++i) {
    EXPECT_EQ(results[i].deposit_id, all[i].deposit_id);
    ASSERT_TRUE(results[i].bank_ref) << results[i].bank_ref.error().message;
    EXPECT_EQ(*results[i].bank_ref, "K-" + test::contract_no(i));
  }
  const auto seen = server.requests();
  ASSERT_EQ(seen.size(), 2u);
  EXPECT_EQ(SentRequest(seen[0].body).contracts().size(), 500u);
  EXPECT_EQ(SentRequest(seen[1].body).contracts(),
            std::vector<std::string>{test::contract_no(500)});
  for (const auto& r : seen)
    EXPECT_EQ(r.headers.get("SOAPAction"), R"("urn:km-modul:kaution:v1#VertraegeUebertragen")");
}

TEST_F(KmConnectorTest, ExportMapsOkAndFehlerPerContract) {
  ScriptedServer server(fake_km({{"VertraegeUebertragen", [](const SentRequest&) {
                                    return ok(
                                        "<km:VertraegeUebertragenAntwort>"
                                        R"(<km:Ergebnis Vertragsnummer="1.080000.1000" )"
                                        R"(Status="FEHLER">)" +
                                        km_fehler("Mieter/Name", "ZU_LANG", "Name zu lang") +
                                        km_fehler("Mieter", "MIETER_HAT_KONTO", "hat Konto") +
                                        "</km:Ergebnis>"
                                        R"(<km:Ergebnis Vertragsnummer="1.080000.1001" )"
                                        R"(Status="OK" KontoId="KM-000184"/>)"
                                        "</km:VertraegeUebertragenAntwort>");
                                  }}}));
  auto km = connect(server);
  std::vector<ExportItem> two = items(2);
  two[1].deposit.account_holder = "Lidia Schøtt";  // transliterated: a note
  const auto results = km->export_deposits(two);
  ASSERT_EQ(results.size(), 2u);
  ASSERT_FALSE(results[0].bank_ref);
  const Failure& f = results[0].bank_ref.error();
  EXPECT_EQ(f.failure_class, FailureClass::rejected);
  EXPECT_EQ(f.fields, (std::vector<FieldError>{{"Mieter/Name", "ZU_LANG", "Name zu lang"},
                                               {"Mieter", "MIETER_HAT_KONTO", "hat Konto"}}));
  EXPECT_NE(f.message.find("1.080000.1000"), std::string::npos);
  EXPECT_NE(f.message.find("ZU_LANG"), std::string::npos);
  ASSERT_TRUE(results[1].bank_ref);
  EXPECT_EQ(*results[1].bank_ref, "KM-000184");
  EXPECT_FALSE(results[1].notes.empty());
  EXPECT_EQ(SentRequest(server.requests()[0].body).text("Kontoinhaber"), "Lidia Schott");
}

TEST_F(KmConnectorTest, ExportAnswerOutOfOrderIsProtocolForAll) {
  ScriptedServer server(
      fake_km({{"VertraegeUebertragen", [](const SentRequest&) {
                  return ok(
                      "<km:VertraegeUebertragenAntwort>"
                      R"(<km:Ergebnis Vertragsnummer="1.080000.1001" Status="OK" KontoId="A"/>)"
                      R"(<km:Ergebnis Vertragsnummer="1.080000.1000" Status="OK" KontoId="B"/>)"
                      "</km:VertraegeUebertragenAntwort>");
                }}}));
  auto km = connect(server);
  const auto results = km->export_deposits(items(2));
  ASSERT_EQ(results.size(), 2u);
  for (const auto& r : results) {
    ASSERT_FALSE(r.bank_ref);
    EXPECT_EQ(r.bank_ref.error().failure_class, FailureClass::protocol);
    EXPECT_NE(r.bank_ref.error().message.find("request order"), std::string::npos);
  }
}

TEST_F(KmConnectorTest, ExportWithoutTrustAccountIsRejectedUnsent) {
  ScriptedServer server(fake_km({{"VertraegeUebertragen", all_ok}}));
  m_access = test::km_access(server.base_url(), k_password);
  m_access.km->trust_accounts.push_back(test::trust_account("DE02120300000000202051"));
  auto km = make_km_connector(m_access, test::env(m_log));
  std::vector<ExportItem> three = items(3);
  three[1].trust_account.reset();
  three[1].deposit.trust_account.reset();
  const auto results = km->export_deposits(three);
  ASSERT_FALSE(results[1].bank_ref);
  EXPECT_EQ(results[1].bank_ref.error().failure_class, FailureClass::rejected);
  EXPECT_EQ(results[1].bank_ref.error().fields.at(0).field, "trust_account");
  EXPECT_TRUE(results[0].bank_ref);
  EXPECT_TRUE(results[2].bank_ref);
  EXPECT_EQ(SentRequest(server.requests().at(0).body).contracts(),
            (std::vector<std::string>{test::contract_no(0), test::contract_no(2)}));
}

// ---- faults and HTTP failures

TEST_F(KmConnectorTest, FailedAuthenticationIsCredentialsForEveryItem) {
  ScriptedServer server([](const RecordedRequest&) {
    return fault(500, "wsse:FailedAuthentication", "Authentifizierung fehlgeschlagen");
  });
  auto km = connect(server);
  const auto check = km->check();
  ASSERT_FALSE(check);
  EXPECT_EQ(check.error().failure_class, FailureClass::credentials);
  EXPECT_NE(check.error().message.find("km-main"), std::string::npos);
  for (const auto& r : km->export_deposits(items(3))) {
    ASSERT_FALSE(r.bank_ref);
    EXPECT_EQ(r.bank_ref.error().failure_class, FailureClass::credentials);
  }
  const auto records = m_log.records();
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].status, 500);
  EXPECT_EQ(records[0].path, "/ws");
}

TEST_F(KmConnectorTest, ServerFaultIsTransient) {
  ScriptedServer server([](const RecordedRequest&) {
    return fault(500, "soap:Server", "Wartung", "", {{"Retry-After", "30"}});
  });
  auto km = connect(server);
  const auto page = km->import_page(import_request(std::nullopt, {}));
  ASSERT_FALSE(page);
  EXPECT_EQ(page.error().failure_class, FailureClass::transient);
  EXPECT_EQ(page.error().retry_after, 30s);
  EXPECT_NE(page.error().message.find("Wartung"), std::string::npos);
}

TEST_F(KmConnectorTest, Http503WithRetryAfterIsTransient) {
  ScriptedServer server({Action::reply(503, "busy", {{"Retry-After", "120"}})});
  auto km = connect(server);
  const auto results = km->export_deposits(items(1));
  ASSERT_FALSE(results[0].bank_ref);
  EXPECT_EQ(results[0].bank_ref.error().failure_class, FailureClass::transient);
  EXPECT_EQ(results[0].bank_ref.error().retry_after, 120s);
  EXPECT_NE(results[0].bank_ref.error().message.find("VertraegeUebertragen"), std::string::npos);
}

TEST_F(KmConnectorTest, MalformedAnswersAreProtocol) {
  ScriptedServer server({Action::reply(200, "<soap:Envelope><soap:Body>"),
                         Action::reply(200, R"({"json":true})"),
                         Action::reply(200, km_envelope(R"(<km:Umsaetze Fortsetzung="x"/>)")),
                         Action::reply(500, "<html>proxy error</html>")});
  auto km = connect(server);
  const DepositDirectory dir;
  for (int i = 0; i < 3; ++i) {
    const auto page = km->import_page(import_request("c", dir));
    ASSERT_FALSE(page);
    EXPECT_EQ(page.error().failure_class, FailureClass::protocol) << page.error().message;
    EXPECT_NE(page.error().message.find("km-main: km UmsaetzeAbrufen: "), std::string::npos);
  }
  const auto proxy = km->import_page(import_request("c", dir));  // a 500 without a fault
  ASSERT_FALSE(proxy);
  EXPECT_EQ(proxy.error().failure_class, FailureClass::transient);
}

// ---- import

TEST_F(KmConnectorTest, ImportPagesByFortsetzungAndBalancesOnTheLastPage) {
  ScriptedServer server(fake_km(
      {{"UmsaetzeAbrufen",
        [](const SentRequest& r) {
          if (r.text("Fortsetzung").empty())
            return ok(R"(<km:Umsaetze Fortsetzung="T1" Weitere="true">)" +
                      umsatz("B1", "ZAHLUNG", "446.67", "1.080000.1001") +
                      umsatz("B2", "ZAHLUNG", "50.00", "") + "</km:Umsaetze>");
          return ok(R"(<km:Umsaetze Fortsetzung="T2" Weitere="false">)" +
                    umsatz("B3", "ZINS", "3.35", "1.080000.1001") +
                    umsatz("B4", "KAPEST", "-0.84", "1.080000.1001") +
                    umsatz("B5", "SOLZ", "-0.04", "1.080000.1001") +
                    umsatz("B6", "KIST", "-0.06", "1.080000.1001") +
                    umsatz("B7", "GEBUEHR", "-1.00", "1.080000.1001") +
                    umsatz("B8", "STORNO", "1.00", "1.080000.1001", R"(StornoVon="B7")") +
                    umsatz("B9", "AUSZAHLUNG", "-448.18", "1.080000.1001") + "</km:Umsaetze>");
        }},
       {"SaldenAbrufen", [](const SentRequest&) {
          return ok(R"(<km:Salden><km:Saldo Vertragsnummer="1.080000.1001" Datum="2026-11-20">)"
                    "448.18</km:Saldo></km:Salden>");
        }}}));
  auto km = connect(server);
  const DepositDirectory dir = test::directory();
  const auto first = km->import_page(import_request(std::nullopt, dir));
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_TRUE(first->more);
  EXPECT_EQ(first->cursor, "T1");
  ASSERT_EQ(first->bookings.size(), 2u);
  EXPECT_EQ(first->bookings[0].deposit_id, "D-1.080000.1001");
  EXPECT_FALSE(first->bookings[1].deposit_id);  // KM could not assign it
  EXPECT_TRUE(first->balances.empty());
  const auto second = km->import_page(import_request(first->cursor, dir));
  ASSERT_TRUE(second) << second.error().message;
  EXPECT_FALSE(second->more);
  EXPECT_EQ(second->cursor, "T2");
  std::vector<std::pair<BookingKind, std::int64_t>> kinds;
  for (const BookingEntry& b : second->bookings)
    kinds.emplace_back(b.kind, b.amount.cents());
  EXPECT_EQ(kinds, (std::vector<std::pair<BookingKind, std::int64_t>>{
                       {BookingKind::interest, 335},
                       {BookingKind::withholding_tax, -84},
                       {BookingKind::solidarity_surcharge, -4},
                       {BookingKind::church_tax, -6},
                       {BookingKind::fee, -100},
                       {BookingKind::reversal, 100},
                       {BookingKind::payout, -44818}}));
  EXPECT_EQ(second->bookings[5].remittance, "Kaution [StornoVon B7]");
  ASSERT_EQ(second->balances.size(), 1u);
  EXPECT_EQ(second->balances[0].deposit_id, "D-1.080000.1001");
  EXPECT_EQ(second->balances[0].balance, Money::from_cents(44818));
  const auto seen = server.requests();
  ASSERT_EQ(seen.size(), 3u);
  EXPECT_EQ(operation_of(seen[0]), "UmsaetzeAbrufen");
  EXPECT_EQ(SentRequest(seen[0].body).text("Max"), "1000");
  EXPECT_EQ(SentRequest(seen[1].body).text("Fortsetzung"), "T1");
  EXPECT_EQ(operation_of(seen[2]), "SaldenAbrufen");
  EXPECT_EQ(SentRequest(seen[2].body).text("Stichtag"), "2026-11-20");
}

TEST_F(KmConnectorTest, EmptyFortsetzungKeepsTheCursorAndAStuckTokenIsProtocol) {
  ScriptedServer server(
      fake_km({{"UmsaetzeAbrufen",
                [](const SentRequest& r) {
                  if (r.text("Fortsetzung") == "T5")
                    return ok(R"(<km:Umsaetze Fortsetzung="T5" Weitere="true"/>)");
                  return ok(k_no_bookings);
                }},
               {"SaldenAbrufen", [](const SentRequest&) { return ok("<km:Salden/>"); }}}));
  auto km = connect(server);
  const DepositDirectory dir;
  const auto quiet = km->import_page(import_request("T4", dir));
  ASSERT_TRUE(quiet) << quiet.error().message;
  EXPECT_EQ(quiet->cursor, "T4");
  EXPECT_FALSE(quiet->more);
  const auto stuck = km->import_page(import_request("T5", dir));
  ASSERT_FALSE(stuck);
  EXPECT_EQ(stuck.error().failure_class, FailureClass::protocol);
}

TEST_F(KmConnectorTest, FailedBalancesFailTheLastPage) {
  ScriptedServer server(fake_km(
      {{"UmsaetzeAbrufen",
        [](const SentRequest&) {
          return ok(R"(<km:Umsaetze Fortsetzung="T9" Weitere="false">)" +
                    umsatz("B1", "ZAHLUNG", "1.00", "1.080000.1000") + "</km:Umsaetze>");
        }},
       {"SaldenAbrufen", [](const SentRequest&) { return fault(500, "soap:Server", "x"); }}}));
  auto km = connect(server);
  const DepositDirectory dir = test::directory();
  const auto page = km->import_page(import_request("T8", dir));
  ASSERT_FALSE(page);
  EXPECT_EQ(page.error().failure_class, FailureClass::transient);
  EXPECT_NE(page.error().message.find("SaldenAbrufen"), std::string::npos);
}

TEST_F(KmConnectorTest, InterestDistributionsOfAYear) {
  ScriptedServer server(fake_km({{"ZinsverteilungenAbrufen", [](const SentRequest& r) {
                                    if (r.text("Jahr") != "2025") return ok("");
                                    return ok(
                                        "<km:ZinsverteilungenAbrufenAntwort>"
                                        R"(<km:Zinsverteilung Vertragsnummer="1.080000.1002" )"
                                        R"(Von="2025-01-01" Bis="2025-12-31" Satz="0.250" )"
                                        R"(Brutto="3.35" KapESt="0.84" SolZ="0.04" KiSt="0.00" )"
                                        R"(Netto="2.47"/></km:ZinsverteilungenAbrufenAntwort>)");
                                  }}}));
  auto km = connect(server);
  const auto list = km->interest_distributions(2025, test::directory());
  ASSERT_TRUE(list) << list.error().message;
  ASSERT_EQ(list->size(), 1u);
  EXPECT_EQ((*list)[0].deposit_id, "D-1.080000.1002");
  EXPECT_EQ((*list)[0].net, Money::from_cents(247));
}

// ---- interest rate, assignment, close

TEST_F(KmConnectorTest, ZinssatzMitteilenSendsTheTrustAccountsRate) {
  ScriptedServer server(fake_km({{"ZinssatzMitteilen", [](const SentRequest&) {
                                    return ok(R"(<km:ZinssatzMitteilenAntwort Status="OK"/>)");
                                  }}}));
  auto km = connect(server);
  ASSERT_TRUE(km->announce_interest_rate(
      test::trust_account("DE14550104000007223330", "0.500", "2026-01-01")));
  const SentRequest sent(server.requests().at(0).body);
  EXPECT_EQ(server.requests()[0].headers.get("SOAPAction"),
            R"("urn:km-modul:kaution:v1#ZinssatzMitteilen")");
  EXPECT_EQ(sent.text("Treuhandkonto"), "DE14550104000007223330");
  EXPECT_EQ(sent.text("GueltigAb"), "2026-01-01");
  EXPECT_EQ(sent.text("Satz"), "0.500");
}

TEST_F(KmConnectorTest, AssignIsTrueOrRejectedWithKmsCode) {
  ScriptedServer server(fake_km({{"ZahlungZuordnen", [](const SentRequest& r) {
                                    const std::string id = r.text("BuchungsId");
                                    if (id == "KM-B-1")
                                      return ok(R"(<km:ZahlungZuordnenAntwort Status="OK"/>)");
                                    const char* code =
                                        id == "KM-B-2" ? "UNBEKANNT" : "BEREITS_ZUGEORDNET";
                                    return fault(500, "soap:Client", "abgelehnt",
                                                 km_fehler("BuchungsId", code, "nein"));
                                  }}}));
  auto km = connect(server);
  const auto assigned = km->assign({"KM-B-1", "D-1", "1.080000.1047", std::nullopt});
  ASSERT_TRUE(assigned) << assigned.error().message;
  EXPECT_TRUE(*assigned);
  const SentRequest sent(server.requests().at(0).body);
  EXPECT_EQ(sent.text("BuchungsId"), "KM-B-1");
  EXPECT_EQ(sent.text("Vertragsnummer"), "1.080000.1047");
  for (const auto& [id, code] :
       {std::pair{"KM-B-2", "UNBEKANNT"}, std::pair{"KM-B-3", "BEREITS_ZUGEORDNET"}}) {
    const auto refused = km->assign({id, "D-1", "1.080000.1047", std::nullopt});
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().failure_class, FailureClass::rejected);
    ASSERT_EQ(refused.error().fields.size(), 1u);
    EXPECT_EQ(refused.error().fields[0].code, code);
  }
}

TEST_F(KmConnectorTest, CloseWithBalanceIsRejected) {
  ScriptedServer server(
      fake_km({{"VertragSchliessen", [](const SentRequest& r) {
                  if (r.text("Vertragsnummer") == "1.080000.1047")
                    return ok(R"(<km:VertragSchliessenAntwort Status="OK"/>)");
                  return fault(500, "soap:Client", "Saldo nicht null",
                               km_fehler("Vertragsnummer", "SALDO_NICHT_NULL", "Saldo 12.00"));
                }}}));
  auto km = connect(server);
  EXPECT_TRUE(km->close({"D-1", "1.080000.1047", std::nullopt}));
  const auto refused = km->close({"D-2", "1.080000.1048", std::nullopt});
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().failure_class, FailureClass::rejected);
  EXPECT_EQ(refused.error().fields.at(0).code, "SALDO_NICHT_NULL");
  EXPECT_NE(refused.error().message.find("SALDO_NICHT_NULL"), std::string::npos);
}

// ---- secrets

TEST_F(KmConnectorTest, PasswordNeverInAnErrorOrExchangeRecord) {
  // A KM that echoes the password back in every kind of answer.
  ScriptedServer server([&](const RecordedRequest& r) {
    const std::string op = operation_of(r);
    if (op == "UmsaetzeAbrufen") return fault(500, "wsse:FailedAuthentication", k_password);
    if (op == "ZahlungZuordnen")
      return fault(500, "soap:Client", k_password, km_fehler(k_password, k_password, k_password));
    if (op == "VertragSchliessen") return fault(500, "soap:Server", k_password);
    if (op == "SaldenAbrufen") return Action::reply(503, k_password, {{"Retry-After", "1"}});
    return ok(std::string("<km:") + k_password + "/>");
  });
  auto km = connect(server);
  std::vector<Failure> failures;
  const auto collect = [&](const auto& result) {
    ASSERT_FALSE(result);
    failures.push_back(result.error());
  };
  collect(km->check());
  collect(km->assign({"B", "D", "1.080000.1047", std::nullopt}));
  collect(km->close({"D", "1.080000.1047", std::nullopt}));
  collect(km->announce_interest_rate(test::trust_account()));
  collect(km->interest_distributions(2025, {}));
  for (const auto& r : km->export_deposits(items(2)))
    collect(r.bank_ref);
  ASSERT_EQ(failures.size(), 7u);
  EXPECT_NE(failures[0].message.find("***"), std::string::npos) << failures[0].message;
  for (const Failure& f : failures) {
    EXPECT_EQ(f.message.find(k_password), std::string::npos) << f.message;
    for (const FieldError& e : f.fields)
      EXPECT_EQ((e.field + e.code + e.message).find(k_password), std::string::npos);
  }
  EXPECT_EQ(m_log.all_text().find(k_password), std::string::npos) << m_log.all_text();
  EXPECT_EQ(m_log.records().size(), server.requests().size());
  for (const auto& r : server.requests())  // it was sent, though
    EXPECT_NE(r.body.find(k_password), std::string::npos);
}

TEST_F(KmConnectorTest, MissingPasswordIsCredentialsWithoutACall) {
  ScriptedServer server(fake_km({}));
  m_access = test::km_access(server.base_url(), k_password);
  m_access.password.reset();
  auto km = make_km_connector(m_access, test::env(m_log));
  const auto check = km->check();
  ASSERT_FALSE(check);
  EXPECT_EQ(check.error().failure_class, FailureClass::credentials);
  EXPECT_TRUE(server.requests().empty());
}

}  // namespace
}  // namespace kaution
