// The km sandbox bank against specs/km.md.
#include <pugixml.hpp>

#include "tests/connectors/sandbox/fixture.hpp"

namespace kaution::test {
namespace {

using sandbox::Bank;

struct Soap {
  long status = 0;
  std::string body;
  pugi::xml_document doc;
  // Elements by local name anywhere in the answer.
  pugi::xpath_node_set all(const std::string& local) const {
    return doc.select_nodes(("//*[local-name()='" + local + "']").c_str());
  }
  pugi::xml_node first(const std::string& local) const { return all(local).first().node(); }
  std::string fault_code() const { return first("faultcode").text().get(); }
};

class KmSandbox : public SandboxTest {
 protected:
  Soap call(const std::string& operation, const std::string& body,
            const std::string& password = "sandbox-km-secret") const {
    const Reply reply = km_call(operation, body, password);
    Soap soap;
    soap.status = reply.status;
    soap.body = reply.body;
    EXPECT_TRUE(soap.doc.load_string(reply.body.c_str())) << reply.body << reply.error;
    return soap;
  }

  Soap transfer(const std::vector<std::string>& contracts) const {
    std::string body = "<km:VertraegeUebertragen>";
    for (const std::string& c : contracts)
      body += c;
    return call("VertraegeUebertragen", body + "</km:VertraegeUebertragen>");
  }

  // Portfolio contract `index` with the text of every element `name` replaced by `value`.
  std::string changed(std::size_t index, const std::string& name, const std::string& value) const {
    pugi::xml_document doc;
    doc.load_string(km_vertrag(index).c_str());
    for (const auto& node : doc.select_nodes(("//" + name).c_str()))
      node.node().text().set(value.c_str());
    std::ostringstream out;
    doc.save(out, "", pugi::format_raw | pugi::format_no_declaration);
    return out.str();
  }

  std::vector<pugi::xml_node> bookings(std::size_t max) {
    std::vector<pugi::xml_node> out;
    std::string token;
    for (int page = 0; page < 100; ++page) {
      m_pages.push_back(std::make_unique<Soap>(
          call("UmsaetzeAbrufen", "<km:UmsaetzeAbrufen><km:Fortsetzung>" + token +
                                      "</km:Fortsetzung><km:Max>" + std::to_string(max) +
                                      "</km:Max></km:UmsaetzeAbrufen>")));
      const pugi::xml_node list = m_pages.back()->first("Umsaetze");
      for (const auto& u : m_pages.back()->all("Umsatz"))
        out.push_back(u.node());
      token = list.attribute("Fortsetzung").as_string();
      if (std::string(list.attribute("Weitere").as_string()) != "true") break;
    }
    return out;
  }

  std::vector<std::unique_ptr<Soap>> m_pages;
};

// Every deposit of a larger portfolio, as the daemon maps it, is accepted by its bank.
TEST_F(KmSandbox, TheWholePortfolioAsMappedIsAcceptedByAllThreeBanks) {
  constexpr std::size_t k_many = 60;
  start(sandbox_options(m_dir.path() / "pki", 21, k_many));
  std::vector<std::string> contracts;
  for (std::size_t i = 0; i < k_many; ++i)
    contracts.push_back(km_vertrag(i));
  const Soap answer = transfer(contracts);
  ASSERT_EQ(answer.all("Ergebnis").size(), k_many);
  for (const auto& result : answer.all("Ergebnis")) {
    EXPECT_STREQ(result.node().attribute("Status").as_string(), "OK")
        << result.node().first_child().attribute("Code").as_string() << " "
        << result.node().first_child().text().get();
  }
  const std::string aak = aak_token();
  const std::string dkb = dkb_token();
  for (std::size_t i = 0; i < k_many; ++i) {
    const Reply a = aak_put(aak_body(i), aak);
    EXPECT_EQ(a.status, 201) << a.body;
    const Reply d = dkb_put(dkb_body(i), dkb);
    EXPECT_EQ(d.status, 201) << d.body;
  }
}

TEST_F(KmSandbox, WrongPasswordIsFailedAuthentication) {
  const Soap refused = call("SaldenAbrufen",
                            "<km:SaldenAbrufen><km:Stichtag>2026-11-20</km:Stichtag>"
                            "</km:SaldenAbrufen>",
                            "wrong");
  EXPECT_EQ(refused.status, 500);
  EXPECT_EQ(refused.fault_code(), "wsse:FailedAuthentication");
}

TEST_F(KmSandbox, ContractsAreAnsweredOneByOneInOrder) {
  const Soap answer =
      transfer({km_vertrag(0), km_vertrag(1), changed(2, "km:Name", std::string(36, 'n'))});
  ASSERT_EQ(answer.status, 200) << answer.body;
  const auto results = answer.all("Ergebnis");
  ASSERT_EQ(results.size(), 3U);
  EXPECT_STREQ(results[0].node().attribute("Status").as_string(), "OK");
  EXPECT_STREQ(results[0].node().attribute("KontoId").as_string(), "KM-000001");
  EXPECT_STREQ(results[1].node().attribute("Vertragsnummer").as_string(), "2.080000.1001");
  EXPECT_STREQ(results[2].node().attribute("Status").as_string(), "FEHLER");
  const pugi::xml_node fehler = results[2].node().first_child();
  EXPECT_STREQ(fehler.attribute("Feld").as_string(), "Mieter/Name");
  EXPECT_STREQ(fehler.attribute("Code").as_string(), "ZU_LANG");
}

TEST_F(KmSandbox, CharactersOutsideTheDkSetAreRefused) {
  const Soap answer = transfer({changed(3, "km:Vorname", "Zoë"), changed(4, "km:Ort", "Łódź")});
  const auto results = answer.all("Ergebnis");
  ASSERT_EQ(results.size(), 2U);
  for (const auto& result : results) {
    EXPECT_STREQ(result.node().attribute("Status").as_string(), "FEHLER");
    EXPECT_STREQ(result.node().first_child().attribute("Code").as_string(), "ZEICHENSATZ");
  }
  EXPECT_STREQ(results[0].node().first_child().attribute("Feld").as_string(), "Mieter/Vorname");
  // Umlauts and ß are in the set.
  const Soap fine = transfer({changed(5, "km:Vorname", "Jürgen Groß")});
  EXPECT_STREQ(fine.first("Ergebnis").attribute("Status").as_string(), "OK") << fine.body;
}

TEST_F(KmSandbox, OwnerSumAndTenantRules) {
  std::string no_owner = km_vertrag(6);
  const auto at = no_owner.find("Eigentuemer=\"");
  no_owner.replace(at, no_owner.find('"', at + 13) - at + 1, "Eigentuemer=\"\"");
  std::string bad_sum = changed(7, "km:Kautionsbetrag", "1.00");
  const std::string same_tenant = changed(0, "km:Vertragsnummer", "2.999999.9999");
  const Soap answer = transfer({km_vertrag(0), no_owner, bad_sum, same_tenant});
  const auto results = answer.all("Ergebnis");
  ASSERT_EQ(results.size(), 4U);
  EXPECT_STREQ(results[1].node().first_child().attribute("Code").as_string(),
               "OBJEKT_OHNE_EIGENTUEMER");
  EXPECT_STREQ(results[2].node().first_child().attribute("Code").as_string(), "RATEN_SUMME");
  EXPECT_STREQ(results[3].node().first_child().attribute("Code").as_string(), "MIETER_HAT_KONTO");
}

TEST_F(KmSandbox, BookingsByContinuationAssignedByContractNumber) {
  std::vector<std::string> contracts;
  for (std::size_t i = 0; i < k_size; ++i)
    contracts.push_back(km_vertrag(i));
  ASSERT_EQ(transfer(contracts).all("Ergebnis").size(), k_size);
  advance(60);
  const auto small_pages = bookings(7);
  const auto one_page = bookings(1000);
  ASSERT_EQ(small_pages.size(), one_page.size());
  std::size_t assigned = 0;
  std::size_t unassigned = 0;
  std::map<std::string, std::int64_t> sums;
  for (const pugi::xml_node u : one_page) {
    const std::string contract = u.child("km:Vertragsnummer").text().get();
    const std::string remittance = u.child("km:Verwendungszweck").text().get();
    const Money amount = *Money::parse(u.child("km:Betrag").text().get());
    if (contract.empty()) {
      ++unassigned;
    } else {
      ++assigned;
      sums[contract] += amount.cents();
      if (std::string(u.attribute("Art").as_string()) == "ZAHLUNG") {
        EXPECT_NE(remittance.find(contract.substr(contract.rfind('.') + 1)), std::string::npos);
      }
    }
  }
  EXPECT_GT(assigned, 10U);
  EXPECT_GT(unassigned, 2U);
  const Soap salden = call("SaldenAbrufen",
                           "<km:SaldenAbrufen><km:Stichtag>2027-12-31</km:Stichtag>"
                           "</km:SaldenAbrufen>");
  for (const auto& saldo : salden.all("Saldo")) {
    const std::string contract = saldo.node().attribute("Vertragsnummer").as_string();
    EXPECT_EQ(Money::parse(saldo.node().text().get())->cents(), sums[contract]) << contract;
  }
  EXPECT_EQ(call("UmsaetzeAbrufen",
                 "<km:UmsaetzeAbrufen><km:Fortsetzung>nonsense</km:Fortsetzung>"
                 "</km:UmsaetzeAbrufen>")
                .fault_code(),
            "soap:Client");
}

TEST_F(KmSandbox, ManualAssignmentAndClose) {
  ASSERT_STREQ(transfer({km_vertrag(0)}).first("Ergebnis").attribute("Status").as_string(), "OK");
  std::string unassigned;
  for (const pugi::xml_node u : bookings(1000)) {
    if (std::string(u.child("km:Vertragsnummer").text().get()).empty()) {
      unassigned = u.attribute("BuchungsId").as_string();
      break;
    }
  }
  ASSERT_FALSE(unassigned.empty());
  const std::string assign = "<km:ZahlungZuordnen><km:BuchungsId>" + unassigned +
                             "</km:BuchungsId><km:Vertragsnummer>2.080000.1000"
                             "</km:Vertragsnummer></km:ZahlungZuordnen>";
  EXPECT_STREQ(call("ZahlungZuordnen", assign)
                   .first("ZahlungZuordnenAntwort")
                   .attribute("Status")
                   .as_string(),
               "OK");
  const Soap again = call("ZahlungZuordnen", assign);
  EXPECT_EQ(again.fault_code(), "soap:Client");
  EXPECT_STREQ(again.first("Fehler").attribute("Code").as_string(), "BEREITS_ZUGEORDNET");
  const Soap close = call("VertragSchliessen",
                          "<km:VertragSchliessen><km:Vertragsnummer>2.080000.1000"
                          "</km:Vertragsnummer></km:VertragSchliessen>");
  EXPECT_STREQ(close.first("Fehler").attribute("Code").as_string(), "SALDO_NICHT_NULL");
}

TEST_F(KmSandbox, CommunicatedRateYieldsInterestAndTaxes) {
  auto options = sandbox_options(m_dir.path() / "pki");
  options.data.start = *Date::parse("2026-10-01");
  start(options);
  const Soap rate = call("ZinssatzMitteilen",
                         "<km:ZinssatzMitteilen><km:Treuhandkonto>DE89370400440532013000"
                         "</km:Treuhandkonto><km:GueltigAb>2026-01-01</km:GueltigAb>"
                         "<km:Satz>0.500</km:Satz></km:ZinssatzMitteilen>");
  EXPECT_STREQ(rate.first("ZinssatzMitteilenAntwort").attribute("Status").as_string(), "OK");
  std::vector<std::string> contracts;
  for (std::size_t i = 0; i < k_size; ++i)
    contracts.push_back(km_vertrag(i));
  transfer(contracts);
  advance(92);
  const Soap z = call("ZinsverteilungenAbrufen",
                      "<km:ZinsverteilungenAbrufen><km:Jahr>2026</km:Jahr>"
                      "</km:ZinsverteilungenAbrufen>");
  ASSERT_FALSE(z.all("Zinsverteilung").empty()) << z.body;
  EXPECT_STREQ(z.first("Zinsverteilung").attribute("Satz").as_string(), "0.500");
  std::set<std::string> kinds;
  for (const pugi::xml_node u : bookings(1000))
    kinds.insert(u.attribute("Art").as_string());
  EXPECT_TRUE(kinds.contains("ZINS"));
  EXPECT_TRUE(kinds.contains("KAPEST"));
  EXPECT_TRUE(kinds.contains("SOLZ"));
  EXPECT_TRUE(kinds.contains("ZAHLUNG"));
}

TEST_F(KmSandbox, BrokenRequestsAreClientFaults) {
  EXPECT_EQ(call("Unbekannt", "<km:Unbekannt/>").fault_code(), "soap:Client");
  EXPECT_EQ(call("SaldenAbrufen", "<km:VertragSchliessen/>").fault_code(), "soap:Client");
  Call broken{"POST",           "/ws", {"SOAPAction: \"urn:km-modul:kaution:v1#SaldenAbrufen\""},
              "<soap:Envelope", {},    {}};
  const Reply reply = client(Bank::km).send(broken);
  EXPECT_EQ(reply.status, 500);
  EXPECT_NE(reply.body.find("soap:Client"), std::string::npos);
}

}  // namespace
}  // namespace kaution::test
