// Envelopes and request bodies of km.md, without a network: SOAP 1.1, the WS-Security
// UsernameToken with PasswordText, one <km:{Operation}> per request.
#include <gtest/gtest.h>

#include "connectors/km/km_requests.hpp"
#include "connectors/km/soap_envelope.hpp"
#include "tests/connectors/km/km_fixtures.hpp"

namespace kaution::km {
namespace {

using test::SentRequest;

const Secret k_password("s3cr3t-Pa55");

TEST(KmEnvelope, IsSoap11WithUsernameTokenAndOneOperation) {
  SoapEnvelope envelope(k_umsaetze_abrufen, test::k_user, k_password);
  umsaetze_abrufen(envelope, "", 1000);
  const std::string xml = envelope.str();
  EXPECT_TRUE(xml.starts_with(R"(<?xml version="1.0" encoding="utf-8"?>)"));
  const SentRequest sent(xml);
  ASSERT_TRUE(sent.ok());
  EXPECT_TRUE(is_element(sent.root(), k_soap_ns, "Envelope"));
  const pugi::xml_node header = child(sent.root(), k_soap_ns, "Header");
  const pugi::xml_node security = child(header, k_wsse_ns, "Security");
  ASSERT_TRUE(security);
  EXPECT_STREQ(attribute(security, "mustUnderstand").value(), "1");
  const pugi::xml_node token = child(security, k_wsse_ns, "UsernameToken");
  EXPECT_EQ(std::string(child(token, k_wsse_ns, "Username").text().get()), test::k_user);
  const pugi::xml_node password = child(token, k_wsse_ns, "Password");
  EXPECT_STREQ(password.text().get(), "s3cr3t-Pa55");
  EXPECT_EQ(std::string(password.attribute("Type").value()), k_password_text_type);
  const pugi::xml_node body = child(sent.root(), k_soap_ns, "Body");
  const pugi::xml_node request = child(body, k_km_namespace, "UmsaetzeAbrufen");
  ASSERT_TRUE(request);
  EXPECT_EQ(request, body.first_child());
  EXPECT_FALSE(request.next_sibling());
  EXPECT_TRUE(child(request, k_km_namespace, "Fortsetzung"));
  EXPECT_STREQ(child(request, k_km_namespace, "Fortsetzung").text().get(), "");
  EXPECT_STREQ(child(request, k_km_namespace, "Max").text().get(), "1000");
}

TEST(KmEnvelope, PasswordAndUserAreEscaped) {
  SoapEnvelope envelope(k_salden_abrufen, "a&b", Secret(R"(p<w&"d>)"));
  const SentRequest sent(envelope.str());
  ASSERT_TRUE(sent.ok());
  EXPECT_STREQ(sent.find(k_wsse_ns, "Password").text().get(), R"(p<w&"d>)");
  EXPECT_STREQ(sent.find(k_wsse_ns, "Username").text().get(), "a&b");
}

TEST(KmEnvelope, SoapActionNamesTheOperationInQuotes) {
  EXPECT_EQ(soap_action("VertraegeUebertragen"),
            R"("urn:km-modul:kaution:v1#VertraegeUebertragen")");
}

TEST(KmRequests, Salden) {
  SoapEnvelope envelope(k_salden_abrufen, test::k_user, k_password);
  salden_abrufen(envelope, test::day("2026-11-20"));
  EXPECT_EQ(SentRequest(envelope.str()).text("Stichtag"), "2026-11-20");
}

TEST(KmRequests, Zinsverteilungen) {
  SoapEnvelope envelope(k_zinsverteilungen_abrufen, test::k_user, k_password);
  zinsverteilungen_abrufen(envelope, 2025);
  const SentRequest sent(envelope.str());
  EXPECT_TRUE(sent.find(k_km_namespace, "ZinsverteilungenAbrufen"));
  EXPECT_EQ(sent.text("Jahr"), "2025");
}

TEST(KmRequests, ZinssatzMitteilenInSpecOrder) {
  SoapEnvelope envelope(k_zinssatz_mitteilen, test::k_user, k_password);
  zinssatz_mitteilen(envelope, test::trust_account("DE14 5501 0400 0007 2233 30", "0.500"));
  const SentRequest sent(envelope.str());
  const pugi::xml_node request = sent.find(k_km_namespace, "ZinssatzMitteilen");
  std::vector<std::pair<std::string, std::string>> fields;
  for (pugi::xml_node c = request.first_child(); c; c = c.next_sibling())
    fields.emplace_back(std::string(local_name(c)), c.text().get());
  EXPECT_EQ(fields, (std::vector<std::pair<std::string, std::string>>{
                        {"Treuhandkonto", "DE14550104000007223330"},
                        {"GueltigAb", "2026-01-01"},
                        {"Satz", "0.500"}}));
}

TEST(KmRequests, ZahlungZuordnenAndVertragSchliessen) {
  SoapEnvelope assign(k_zahlung_zuordnen, test::k_user, k_password);
  zahlung_zuordnen(assign, "KM-B-77813", "1.080000.1047");
  const SentRequest a(assign.str());
  EXPECT_EQ(a.text("BuchungsId"), "KM-B-77813");
  EXPECT_EQ(a.text("Vertragsnummer"), "1.080000.1047");
  SoapEnvelope close(k_vertrag_schliessen, test::k_user, k_password);
  vertrag_schliessen(close, "1.080000.1047");
  const SentRequest c(close.str());
  EXPECT_TRUE(c.find(k_km_namespace, "VertragSchliessen"));
  EXPECT_EQ(c.text("Vertragsnummer"), "1.080000.1047");
}

TEST(KmRequests, VertraegeCarryOneVertragEach) {
  SoapEnvelope envelope(k_vertraege_uebertragen, test::k_user, k_password);
  const ExportItem first = test::km_item("1.080000.1047");
  ExportItem second = test::km_item("1.080000.1048");
  second.deposit.parties[0].last_name = "Schmidt-Übermaßgroßfeldhausenmeyer-Østergaard";
  EXPECT_TRUE(add_vertrag(envelope, first.deposit, *first.trust_account).empty());
  const auto notes = add_vertrag(envelope, second.deposit, *second.trust_account);
  EXPECT_FALSE(notes.empty());
  const SentRequest sent(envelope.str());
  EXPECT_EQ(sent.contracts(), (std::vector<std::string>{"1.080000.1047", "1.080000.1048"}));
  EXPECT_EQ(sent.text("Treuhandkonto"), "DE14550104000007223330");
}

}  // namespace
}  // namespace kaution::km
