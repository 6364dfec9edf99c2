// to_km_vertrag: the ledger-api.md example becomes km.md's <km:Vertrag>; every text in the DK
// character set, names to 35 characters (after transliteration), Firma for companies.
#include "mapping/km_record.hpp"

#include <gtest/gtest.h>

#include "mapping/text.hpp"
#include "mapping/wire_text.hpp"
#include "sample_deposit.hpp"

namespace kaution {
namespace {

using test::repeat;

// km.md, VertraegeUebertragen, the <km:Vertrag> verbatim (with the namespace bound on it).
constexpr const char* k_km_example = R"xml(
  <km:Vertrag xmlns:km="urn:km-modul:kaution:v1">
    <km:Vertragsnummer>1.080000.1047</km:Vertragsnummer>
    <km:Objekt Nummer="P1096" Eigentuemer="Wohnbau Dortmund GmbH">Mittelweg 30, Dortmund</km:Objekt>
    <km:Mieteinheit>10006.1.340</km:Mieteinheit>
    <km:Treuhandkonto>DE14550104000007223330</km:Treuhandkonto>
    <km:Kontoinhaber>Lidia Schott</km:Kontoinhaber>
    <km:Mieter Rolle="Mieter">
      <km:Anrede>Frau</km:Anrede><km:Vorname>Natalie</km:Vorname><km:Name>Schmidt</km:Name>
      <km:Geburtsdatum>1990-01-01</km:Geburtsdatum><km:Nationalitaet>DE</km:Nationalitaet>
      <km:Strasse>Mittelweg 30</km:Strasse><km:PLZ>44267</km:PLZ><km:Ort>Dortmund</km:Ort><km:Land>DE</km:Land>
    </km:Mieter>
    <km:Kautionsbetrag>1340.00</km:Kautionsbetrag>
    <km:Raten><km:Rate Faellig="2022-08-09">1340.00</km:Rate></km:Raten>
    <km:Vertragsbeginn>2021-01-01</km:Vertragsbeginn>
    <km:Vertragsende/>
    <km:Auszahlungskonto Inhaber="Natalie Schmidt">DE02120300000000202051</km:Auszahlungskonto>
  </km:Vertrag>)xml";

const Iban k_trust = test::iban("DE14550104000007223330");

// The document re-serialised without formatting whitespace, for comparison.
std::string canonical(const char* xml) {
  pugi::xml_document doc;
  EXPECT_TRUE(doc.load_string(xml));
  std::ostringstream out;
  doc.save(out, "", pugi::format_raw | pugi::format_no_declaration);
  return out.str();
}

pugi::xml_document parsed(const std::string& xml) {
  pugi::xml_document doc;
  EXPECT_TRUE(doc.load_string(xml.c_str())) << xml;
  return doc;
}

TEST(KmRecord, TheLedgerExampleIsTheKmExample) {
  Deposit d = test::ledger_example();
  d.instalments = {{test::day("2022-08-09"), test::eur("1340.00")}};  // as in km.md
  const KmVertragXml out = km_vertrag_xml(d, k_trust);
  EXPECT_EQ(out.xml, canonical(k_km_example));
  EXPECT_TRUE(out.notes.empty());
}

TEST(KmRecord, AppendsToTheCallersParent) {
  pugi::xml_document doc;
  pugi::xml_node request = doc.append_child("km:VertraegeUebertragen");
  request.append_attribute("xmlns:km").set_value(std::string(k_km_namespace).c_str());
  to_km_vertrag(test::ledger_example(), k_trust, request);
  to_km_vertrag(test::ledger_example(), k_trust, request);
  EXPECT_EQ(
      std::distance(request.children("km:Vertrag").begin(), request.children("km:Vertrag").end()),
      2);
  const pugi::xml_node raten = request.child("km:Vertrag").child("km:Raten");
  EXPECT_EQ(std::string(raten.last_child().attribute("Faellig").value()), "2021-03-01");
  EXPECT_EQ(std::string(raten.last_child().text().get()), "446.66");
}

TEST(KmRecord, TransliteratedToDkThenShortenedTo35) {
  Deposit d = test::ledger_example();
  d.parties[0].first_name = "Łukasz";
  d.parties[0].last_name = "Żółć-Ærøskøbing „Jr.“ " + repeat("x", 20);  // 46 after æ→ae
  d.parties[0].address->street = "Rue de l'Église 3";
  d.parties[0].address->city = "Kraków";
  d.account_holder = "Jürgen Müller";  // DK has umlauts: unchanged
  d.object_owner = "Smith & Søn";
  const KmVertragXml out = km_vertrag_xml(d, k_trust);
  const pugi::xml_document doc = parsed(out.xml);
  const pugi::xml_node mieter = doc.child("km:Vertrag").child("km:Mieter");
  EXPECT_EQ(std::string(mieter.child("km:Vorname").text().get()), "Lukasz");
  const std::string name = mieter.child("km:Name").text().get();
  EXPECT_EQ(name, truncate_chars("Zolc-AEroskobing 'Jr.' " + repeat("x", 20), 35));
  EXPECT_EQ(count_chars(name), 35u);
  EXPECT_EQ(std::string(mieter.child("km:Strasse").text().get()), "Rue de l'Eglise 3");
  EXPECT_EQ(std::string(mieter.child("km:Ort").text().get()), "Krakow");
  EXPECT_EQ(std::string(doc.child("km:Vertrag").child("km:Kontoinhaber").text().get()),
            "Jürgen Müller");
  EXPECT_EQ(
      std::string(doc.child("km:Vertrag").child("km:Objekt").attribute("Eigentuemer").value()),
      "Smith + Son");
  std::vector<std::pair<std::string, std::string>> notes;
  for (const FieldError& n : out.notes)
    notes.emplace_back(n.field, n.code);
  EXPECT_EQ(notes, (std::vector<std::pair<std::string, std::string>>{
                       {"object_owner", "TRANSLITERATED"},
                       {"parties[0].first_name", "TRANSLITERATED"},
                       {"parties[0].last_name", "TRANSLITERATED"},
                       {"parties[0].last_name", "SHORTENED"},
                       {"parties[0].address.street", "TRANSLITERATED"},
                       {"parties[0].address.city", "TRANSLITERATED"}}));
}

TEST(KmRecord, UntransliterableCharactersAreReplacedVisiblyWithAWarning) {
  Deposit d = test::ledger_example();
  d.parties[0].last_name = "Иванов";
  const KmVertragXml out = km_vertrag_xml(d, k_trust);
  const pugi::xml_document doc = parsed(out.xml);
  EXPECT_EQ(std::string(doc.child("km:Vertrag").child("km:Mieter").child("km:Name").text().get()),
            "??????");
  ASSERT_EQ(out.notes.size(), 1u);
  EXPECT_EQ(out.notes[0].code, k_note_replaced);
  EXPECT_EQ(out.notes[0].field, "parties[0].last_name");
  EXPECT_NE(out.notes[0].message.find("И в а н о в"), std::string::npos) << out.notes[0].message;
}

void expect_dk_only(pugi::xml_node node) {
  const auto dk_only = [](std::string_view text) {
    for (std::size_t pos = 0; pos < text.size();) {
      const DecodedChar c = decode_utf8(text, pos);
      if (!c.valid || !is_dk_char(c.code_point)) return false;
      pos += c.length;
    }
    return true;
  };
  for (pugi::xml_attribute a : node.attributes()) {
    if (std::string_view(a.name()) != "xmlns:km") {
      EXPECT_TRUE(dk_only(a.value())) << a.value();
    }
  }
  if (node.type() == pugi::node_pcdata) {
    EXPECT_TRUE(dk_only(node.value())) << node.value();
  }
  for (pugi::xml_node child : node.children())
    expect_dk_only(child);
}

TEST(KmRecord, EveryTextIsInTheDkSet) {
  Deposit d = test::ledger_example();
  d.object_label = "Château d'Œuvre — Bâtiment «B»";
  d.object_no = "P_1096#2";
  d.unit_no = "10006/1\\340";
  d.parties[0].salutation = "Mme.";
  d.parties[0].address->postcode = "F-75001";
  d.payout_account->holder = "Zoë Ångström & Co.";
  d.account_holder = "Dvořák 😀";
  expect_dk_only(parsed(km_vertrag_xml(d, k_trust).xml).child("km:Vertrag"));
}

TEST(KmRecord, FirmaReplacesVornameAndNameForACompany) {
  Deposit d = test::ledger_example();
  d.parties[0].role = PartyRole::guarantor;
  d.parties[0].company_name = "Bürgschaftsbank Nordrhein-Westfalen Aktiengesellschaft";
  d.parties[0].address.reset();
  d.parties[0].birth_date.reset();
  d.payout_account.reset();
  d.valid_until = test::day("2031-12-31");
  const KmVertragXml out = km_vertrag_xml(d, k_trust);
  const pugi::xml_document doc = parsed(out.xml);
  const pugi::xml_node vertrag = doc.child("km:Vertrag");
  const pugi::xml_node mieter = vertrag.child("km:Mieter");
  EXPECT_EQ(std::string(mieter.attribute("Rolle").value()), "Bürge");
  EXPECT_EQ(std::string(mieter.child("km:Firma").text().get()),
            "Bürgschaftsbank Nordrhein-Westfalen");
  EXPECT_FALSE(mieter.child("km:Vorname"));
  EXPECT_FALSE(mieter.child("km:Name"));
  EXPECT_TRUE(mieter.child("km:Strasse")) << "present and empty when unknown";
  EXPECT_STREQ(mieter.child("km:Strasse").text().get(), "");
  EXPECT_STREQ(mieter.child("km:Geburtsdatum").text().get(), "");
  EXPECT_EQ(std::string(vertrag.child("km:Vertragsende").text().get()), "2031-12-31");
  EXPECT_FALSE(vertrag.child("km:Auszahlungskonto").attribute("Inhaber"));
  std::vector<std::pair<std::string, std::string>> notes;
  for (const FieldError& n : out.notes)
    notes.emplace_back(n.field, n.code);
  EXPECT_EQ(notes, (std::vector<std::pair<std::string, std::string>>{
                       {"parties[0].company_name", "SHORTENED"},
                       {"parties[0].first_name", "NOT_SENT"},
                       {"parties[0].last_name", "NOT_SENT"}}));
}

}  // namespace
}  // namespace kaution
