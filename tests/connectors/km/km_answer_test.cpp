// Answer parsing without a network: envelopes, faults and their classes, and each operation's
// answer, by namespace and local name whatever the prefixes.
#include <gtest/gtest.h>

#include "connectors/km/km_answers.hpp"
#include "connectors/km/km_values.hpp"
#include "connectors/km/soap_answer.hpp"
#include "tests/connectors/km/km_fixtures.hpp"

namespace kaution::km {
namespace {

using test::day;
using test::km_envelope;
using test::km_fault;
using test::km_fehler;

// `text` with the first occurrence of `part` replaced by `by`.
std::string replaced(std::string text, std::string_view part, std::string_view by = "") {
  const std::size_t at = text.find(part);
  EXPECT_NE(at, std::string::npos) << part;
  if (at != std::string::npos) text.replace(at, part.size(), by);
  return text;
}

SoapAnswer parsed(const std::string& xml) {
  auto answer = SoapAnswer::parse(xml);
  EXPECT_TRUE(answer) << (answer ? "" : answer.error());
  return std::move(*answer);
}

// ---- envelope and faults

TEST(KmAnswer, RejectsWhatIsNotASoapEnvelope) {
  EXPECT_NE(SoapAnswer::parse("<soap:Envelope").error().find("not XML"), std::string::npos);
  EXPECT_NE(SoapAnswer::parse("").error().find("not XML"), std::string::npos);
  const auto wrong_ns = SoapAnswer::parse(
      R"(<soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope"><soap:Body/></soap:Envelope>)");
  ASSERT_FALSE(wrong_ns);
  EXPECT_NE(wrong_ns.error().find("not a SOAP 1.1 envelope"), std::string::npos);
  EXPECT_NE(wrong_ns.error().find("2003/05"), std::string::npos);
  const auto no_body =
      SoapAnswer::parse(R"(<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"/>)");
  ASSERT_FALSE(no_body);
  EXPECT_NE(no_body.error().find("soap:Body"), std::string::npos);
}

TEST(KmFault, FailedAuthenticationIsCredentials) {
  const auto fault = find_fault(
      parsed(km_fault("wsse:FailedAuthentication", "The security token could not be authenticated"))
          .body());
  ASSERT_TRUE(fault);
  EXPECT_EQ(fault->kind, FaultKind::credentials);
  EXPECT_EQ(failure_class(fault->kind), FailureClass::credentials);
  EXPECT_EQ(fault->code, "wsse:FailedAuthentication");
}

TEST(KmFault, ClientWithFehlerIsRejectedWithFields) {
  const auto fault =
      find_fault(parsed(km_fault("soap:Client", "Validierung",
                                 km_fehler("BuchungsId", "UNBEKANNT", "Buchung unbekannt") +
                                     km_fehler("Vertragsnummer", "PFLICHTFELD", "fehlt")))
                     .body());
  ASSERT_TRUE(fault);
  EXPECT_EQ(fault->kind, FaultKind::client);
  EXPECT_EQ(failure_class(fault->kind), FailureClass::rejected);
  EXPECT_EQ(fault->text, "Validierung");
  EXPECT_EQ(fault->errors,
            (std::vector<FieldError>{{"BuchungsId", "UNBEKANNT", "Buchung unbekannt"},
                                     {"Vertragsnummer", "PFLICHTFELD", "fehlt"}}));
}

TEST(KmFault, ServerIsTransientAndOthersAreProtocol) {
  EXPECT_EQ(find_fault(parsed(km_fault("soap:Server", "intern")).body())->kind, FaultKind::server);
  EXPECT_EQ(failure_class(FaultKind::server), FailureClass::transient);
  EXPECT_EQ(find_fault(parsed(km_fault("soap:Client.Validation", "x")).body())->kind,
            FaultKind::client);
  EXPECT_EQ(find_fault(parsed(km_fault("soap:VersionMismatch", "x")).body())->kind,
            FaultKind::other);
  EXPECT_EQ(failure_class(FaultKind::other), FailureClass::protocol);
  // Bound to the wrong namespace: km:Server is not SOAP's Server.
  EXPECT_EQ(find_fault(parsed(km_fault("km:Server", "x")).body())->kind, FaultKind::other);
  EXPECT_EQ(find_fault(parsed(km_fault("soap:FailedAuthentication", "x")).body())->kind,
            FaultKind::other);
  // An unbound prefix is judged by its local name.
  EXPECT_EQ(find_fault(parsed(km_fault("sec:FailedAuthentication", "x")).body())->kind,
            FaultKind::credentials);
  EXPECT_FALSE(find_fault(parsed(km_envelope("<km:Salden/>")).body()));
}

TEST(KmFault, PrefixesAreTheSendersChoice) {
  const std::string xml =
      R"(<E:Envelope xmlns:E="http://schemas.xmlsoap.org/soap/envelope/"><E:Body><E:Fault>)"
      R"(<faultcode xmlns:sec="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd">)"
      R"(sec:FailedAuthentication</faultcode><faultstring>nein</faultstring></E:Fault></E:Body></E:Envelope>)";
  const auto fault = find_fault(parsed(xml).body());
  ASSERT_TRUE(fault);
  EXPECT_EQ(fault->kind, FaultKind::credentials);
  EXPECT_EQ(fault->text, "nein");
}

// ---- values

TEST(KmValues, AmountsAreExactSignedWithTwoDecimals) {
  EXPECT_EQ(parse_amount("446.67")->cents(), 44667);
  EXPECT_EQ(parse_amount("-446.67")->cents(), -44667);
  EXPECT_EQ(parse_amount("0.01")->cents(), 1);
  EXPECT_EQ(parse_amount("-0.50")->cents(), -50);
  EXPECT_EQ(parse_amount(" 1340.00\n")->cents(), 134000);
  EXPECT_EQ(parse_amount("92233720368547758.07")->cents(), 9223372036854775807);
  for (const char* bad : {"", "-", "1340", "1340.5", "1340.000", "1,00", "+1.00", "1e3", "--1.00",
                          ".50", "1.0a", "NaN", "92233720368547758.08"})
    EXPECT_FALSE(parse_amount(bad)) << bad;
  EXPECT_NE(parse_amount("1,00").error().find("1,00"), std::string::npos);
}

TEST(KmValues, DatesAndBooleans) {
  EXPECT_EQ(*parse_date("2026-11-02"), day("2026-11-02"));
  EXPECT_FALSE(parse_date("02.11.2026"));
  EXPECT_TRUE(*parse_bool("true"));
  EXPECT_FALSE(*parse_bool("0"));
  EXPECT_FALSE(parse_bool("yes"));
}

// ---- VertraegeUebertragen

const std::vector<std::string> k_sent{"1.080000.1047", "1.080000.1048"};

std::string ergebnisse(std::string_view inner) {
  return km_envelope("<km:VertraegeUebertragenAntwort>" + std::string(inner) +
                     "</km:VertraegeUebertragenAntwort>");
}

TEST(KmExportAnswer, OkAndFehlerPerContract) {
  const std::string xml = ergebnisse(
      R"(<km:Ergebnis Vertragsnummer="1.080000.1047" Status="OK" KontoId="KM-000184"/>)"
      R"(<km:Ergebnis Vertragsnummer="1.080000.1048" Status="FEHLER">)" +
      km_fehler("Mieter/Name", "ZU_LANG", "Name länger als 35 Zeichen") +
      km_fehler("Objekt/@Eigentuemer", "OBJEKT_OHNE_EIGENTUEMER", "") + "</km:Ergebnis>");
  const auto result = parse_export_answer(parsed(xml).body(), k_sent);
  ASSERT_TRUE(result) << result.error();
  ASSERT_EQ(result->size(), 2u);
  EXPECT_TRUE((*result)[0].ok);
  EXPECT_EQ((*result)[0].konto_id, "KM-000184");
  EXPECT_FALSE((*result)[1].ok);
  EXPECT_EQ((*result)[1].errors,
            (std::vector<FieldError>{{"Mieter/Name", "ZU_LANG", "Name länger als 35 Zeichen"},
                                     {"Objekt/@Eigentuemer", "OBJEKT_OHNE_EIGENTUEMER", ""}}));
}

TEST(KmExportAnswer, CountOrOrderOtherThanTheRequestIsAnError) {
  const std::string ok47 =
      R"(<km:Ergebnis Vertragsnummer="1.080000.1047" Status="OK" KontoId="K1"/>)";
  const std::string ok48 =
      R"(<km:Ergebnis Vertragsnummer="1.080000.1048" Status="OK" KontoId="K2"/>)";
  const auto missing = parse_export_answer(parsed(ergebnisse(ok47)).body(), k_sent);
  ASSERT_FALSE(missing);
  EXPECT_NE(missing.error().find("1 km:Ergebnis for 2"), std::string::npos);
  const auto swapped = parse_export_answer(parsed(ergebnisse(ok48 + ok47)).body(), k_sent);
  ASSERT_FALSE(swapped);
  EXPECT_NE(swapped.error().find("km:Ergebnis #1"), std::string::npos);
  EXPECT_NE(swapped.error().find("request order"), std::string::npos);
  const auto no_konto = parse_export_answer(
      parsed(ergebnisse(ok47 + R"(<km:Ergebnis Vertragsnummer="1.080000.1048" Status="OK"/>)"))
          .body(),
      k_sent);
  ASSERT_FALSE(no_konto);
  EXPECT_NE(no_konto.error().find("KontoId"), std::string::npos);
  const auto odd_status = parse_export_answer(
      parsed(ergebnisse(ok47 + R"(<km:Ergebnis Vertragsnummer="1.080000.1048" Status="NEU"/>)"))
          .body(),
      k_sent);
  ASSERT_FALSE(odd_status);
  EXPECT_NE(odd_status.error().find("NEU"), std::string::npos);
  EXPECT_FALSE(parse_export_answer(parsed(km_envelope("<km:Salden/>")).body(), k_sent));
}

// ---- UmsaetzeAbrufen

std::string umsatz(std::string_view id, std::string_view art, std::string_view betrag,
                   std::string_view vertrag, std::string_view extra_attributes = "") {
  return R"(<km:Umsatz BuchungsId=")" + std::string(id) + R"(" Art=")" + std::string(art) + "\" " +
         std::string(extra_attributes) +
         "><km:Buchungsdatum>2026-11-02</km:Buchungsdatum><km:Valuta>2026-11-03</km:Valuta>"
         "<km:Betrag>" +
         std::string(betrag) +
         "</km:Betrag><km:Treuhandkonto>DE14550104000007223330</km:Treuhandkonto>"
         R"(<km:Auftraggeber IBAN="DE89370400440532013000">Natalie Schmidt</km:Auftraggeber>)"
         "<km:Verwendungszweck>Kaution " +
         std::string(vertrag) + " Rate 1</km:Verwendungszweck><km:Vertragsnummer>" +
         std::string(vertrag) + "</km:Vertragsnummer></km:Umsatz>";
}

std::string umsaetze(std::string_view inner, std::string_view token = "T-2",
                     std::string_view weitere = "false") {
  return km_envelope(R"(<km:Umsaetze Fortsetzung=")" + std::string(token) + R"(" Weitere=")" +
                     std::string(weitere) + "\">" + std::string(inner) + "</km:Umsaetze>");
}

TEST(KmBookingAnswer, EveryFieldOfTheSpecExample) {
  const DepositDirectory dir = test::directory();
  const auto page = parse_umsaetze(
      parsed(umsaetze(umsatz("KM-B-77812", "ZAHLUNG", "446.67", "1.080000.1001"), "T-9", "true"))
          .body(),
      dir);
  ASSERT_TRUE(page) << page.error();
  EXPECT_EQ(page->token, "T-9");
  EXPECT_TRUE(page->more);
  ASSERT_EQ(page->bookings.size(), 1u);
  const BookingEntry& b = page->bookings[0];
  EXPECT_EQ(b.bank_ref, "KM-B-77812");
  EXPECT_EQ(b.booking_date, day("2026-11-02"));
  EXPECT_EQ(b.value_date, day("2026-11-03"));
  EXPECT_EQ(b.amount, Money::from_cents(44667));
  EXPECT_EQ(b.kind, BookingKind::payment_in);
  EXPECT_EQ(b.counterparty_name, "Natalie Schmidt");
  EXPECT_EQ(b.counterparty_iban, "DE89370400440532013000");
  EXPECT_EQ(b.remittance, "Kaution 1.080000.1001 Rate 1");
  EXPECT_EQ(b.account, "DE14550104000007223330");
  EXPECT_EQ(b.deposit_id, "D-1.080000.1001");
  EXPECT_TRUE(page->warnings.empty());
}

TEST(KmBookingAnswer, EachArtHasItsKind) {
  const std::vector<std::pair<std::string, BookingKind>> arts{
      {"ZAHLUNG", BookingKind::payment_in},
      {"ZINS", BookingKind::interest},
      {"KAPEST", BookingKind::withholding_tax},
      {"SOLZ", BookingKind::solidarity_surcharge},
      {"KIST", BookingKind::church_tax},
      {"AUSZAHLUNG", BookingKind::payout},
      {"GEBUEHR", BookingKind::fee},
      {"STORNO", BookingKind::reversal}};
  std::string inner;
  for (std::size_t i = 0; i < arts.size(); ++i)
    inner += umsatz("B" + std::to_string(i), arts[i].first, "-1.00", "1.080000.1000");
  const auto page = parse_umsaetze(parsed(umsaetze(inner)).body(), test::directory());
  ASSERT_TRUE(page) << page.error();
  ASSERT_EQ(page->bookings.size(), arts.size());
  for (std::size_t i = 0; i < arts.size(); ++i) {
    EXPECT_EQ(page->bookings[i].kind, arts[i].second) << arts[i].first;
    EXPECT_EQ(page->bookings[i].amount, Money::from_cents(-100));
  }
  EXPECT_FALSE(page->more);
}

TEST(KmBookingAnswer, UnknownArtIsOtherWithAWarning) {
  const auto page =
      parse_umsaetze(parsed(umsaetze(umsatz("B1", "UMBUCHUNG", "5.00", "1.080000.1000"))).body(),
                     test::directory());
  ASSERT_TRUE(page);
  EXPECT_EQ(page->bookings[0].kind, BookingKind::other);
  ASSERT_EQ(page->warnings.size(), 1u);
  EXPECT_NE(page->warnings[0].find("Art"), std::string::npos);
}

TEST(KmBookingAnswer, EmptyVertragsnummerStaysUnassigned) {
  // The remittance names a known contract, but KM did not assign it: the daemon trusts KM.
  const std::string booking = replaced(umsatz("B1", "ZAHLUNG", "100.00", "1.080000.1002"),
                                       "<km:Vertragsnummer>1.080000.1002", "<km:Vertragsnummer>");
  const auto page = parse_umsaetze(parsed(umsaetze(booking)).body(), test::directory());
  ASSERT_TRUE(page) << page.error();
  EXPECT_FALSE(page->bookings[0].deposit_id);
  EXPECT_EQ(page->bookings[0].remittance, "Kaution 1.080000.1002 Rate 1");
  EXPECT_TRUE(page->warnings.empty());
}

TEST(KmBookingAnswer, ContractUnknownToTheDirectoryStaysUnassignedWithAWarning) {
  const auto page =
      parse_umsaetze(parsed(umsaetze(umsatz("B1", "ZAHLUNG", "100.00", "9.999999.9999"))).body(),
                     test::directory());
  ASSERT_TRUE(page);
  EXPECT_FALSE(page->bookings[0].deposit_id);
  ASSERT_EQ(page->warnings.size(), 1u);
  EXPECT_NE(page->warnings[0].find("1 booking"), std::string::npos);
}

TEST(KmBookingAnswer, StornoKeepsItsReferenceInTheRemittance) {
  const auto page =
      parse_umsaetze(parsed(umsaetze(umsatz("KM-B-77813", "STORNO", "-446.67", "1.080000.1001",
                                            R"(StornoVon="KM-B-77812")")))
                         .body(),
                     test::directory());
  ASSERT_TRUE(page) << page.error();
  const BookingEntry& b = page->bookings[0];
  EXPECT_EQ(b.kind, BookingKind::reversal);
  EXPECT_EQ(b.amount, Money::from_cents(-44667));
  EXPECT_EQ(b.remittance, "Kaution 1.080000.1001 Rate 1 [StornoVon KM-B-77812]");
  EXPECT_EQ(b.deposit_id, "D-1.080000.1001");
}

TEST(KmBookingAnswer, OptionalPartsMayBeAbsentOrEmpty) {
  const std::string xml = umsaetze(
      R"(<km:Umsatz BuchungsId="B7" Art="GEBUEHR"><km:Buchungsdatum>2026-11-02</km:Buchungsdatum>)"
      R"(<km:Valuta/><km:Betrag>-2.50</km:Betrag><km:Treuhandkonto>DE14 5501 0400 0007 2233 30</km:Treuhandkonto>)"
      R"(<km:Vertragsnummer>1.080000.1000</km:Vertragsnummer></km:Umsatz>)");
  const auto page = parse_umsaetze(parsed(xml).body(), test::directory());
  ASSERT_TRUE(page) << page.error();
  const BookingEntry& b = page->bookings[0];
  EXPECT_FALSE(b.value_date);
  EXPECT_FALSE(b.counterparty_name);
  EXPECT_FALSE(b.counterparty_iban);
  EXPECT_EQ(b.remittance, "");
  EXPECT_EQ(b.account, "DE14550104000007223330");
  EXPECT_EQ(b.kind, BookingKind::fee);
}

TEST(KmBookingAnswer, AnyPrefixOrTheDefaultNamespace) {
  const std::string xml =
      R"(<S:Envelope xmlns:S="http://schemas.xmlsoap.org/soap/envelope/"><S:Body>)"
      R"(<Umsaetze xmlns="urn:km-modul:kaution:v1" Fortsetzung="X" Weitere="0">)"
      R"(<Umsatz BuchungsId="B1" Art="ZINS"><Buchungsdatum>2026-12-31</Buchungsdatum>)"
      R"(<Betrag>3.35</Betrag><Treuhandkonto>DE14550104000007223330</Treuhandkonto>)"
      R"(<Vertragsnummer>1.080000.1003</Vertragsnummer></Umsatz>)"
      R"(<k:Umsatz xmlns:k="urn:km-modul:kaution:v1" BuchungsId="B2" Art="KAPEST">)"
      R"(<k:Buchungsdatum>2026-12-31</k:Buchungsdatum><k:Betrag>-0.84</k:Betrag>)"
      R"(<k:Treuhandkonto>DE14550104000007223330</k:Treuhandkonto>)"
      R"(<k:Vertragsnummer>1.080000.1003</k:Vertragsnummer></k:Umsatz>)"
      R"(</Umsaetze></S:Body></S:Envelope>)";
  const auto page = parse_umsaetze(parsed(xml).body(), test::directory());
  ASSERT_TRUE(page) << page.error();
  ASSERT_EQ(page->bookings.size(), 2u);
  EXPECT_EQ(page->bookings[1].kind, BookingKind::withholding_tax);
  EXPECT_EQ(page->bookings[1].amount, Money::from_cents(-84));
  EXPECT_EQ(page->bookings[1].deposit_id, "D-1.080000.1003");
  EXPECT_FALSE(page->more);
}

TEST(KmBookingAnswer, AChildRebindingThePrefixIsNotKms) {
  const std::string xml = umsaetze(replaced(umsatz("B1", "ZAHLUNG", "1.00", "1.080000.1000"),
                                            "<km:Betrag>", R"(<km:Betrag xmlns:km="urn:x">)"));
  const auto page = parse_umsaetze(parsed(xml).body(), test::directory());
  ASSERT_FALSE(page);
  EXPECT_NE(page.error().find("km:Betrag is missing"), std::string::npos) << page.error();
}

TEST(KmBookingAnswer, MalformedAnswersNameTheElement) {
  const DepositDirectory dir = test::directory();
  const auto error = [&](const std::string& xml) {
    auto page = parse_umsaetze(parsed(xml).body(), dir);
    EXPECT_FALSE(page);
    return page ? std::string() : page.error();
  };
  const std::string good = umsatz("B1", "ZAHLUNG", "1.00", "1.080000.1000");
  EXPECT_NE(error(umsaetze(good + umsatz("B2", "ZAHLUNG", "1,00", "x"))).find("B2: km:Betrag"),
            std::string::npos);
  const std::string no_date = replaced(umsatz("B3", "ZAHLUNG", "1.00", "x"),
                                       "<km:Buchungsdatum>2026-11-02</km:Buchungsdatum>");
  EXPECT_NE(error(umsaetze(no_date)).find("B3: km:Buchungsdatum is missing"), std::string::npos);
  EXPECT_NE(error(umsaetze(good, "T", "vielleicht")).find("Weitere"), std::string::npos);
  EXPECT_NE(error(km_envelope(R"(<km:Umsaetze Weitere="false"/>)")).find("Fortsetzung"),
            std::string::npos);
  EXPECT_NE(error(km_envelope(R"(<km:Umsaetze Fortsetzung="x"/>)")).find("Weitere"),
            std::string::npos);
  const std::string no_id = replaced(good, R"(BuchungsId="B1")");
  EXPECT_NE(error(umsaetze(no_id)).find("km:Umsatz #1: attribute BuchungsId"), std::string::npos);
  // The right names in the wrong namespace are not KM's.
  const std::string foreign =
      R"(<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>)"
      R"(<km:Umsaetze xmlns:km="urn:km-modul:kaution:v2" Fortsetzung="" Weitere="false"/>)"
      R"(</soap:Body></soap:Envelope>)";
  EXPECT_NE(error(foreign).find("urn:km-modul:kaution:v2"), std::string::npos);
}

// ---- SaldenAbrufen

TEST(KmBalanceAnswer, BalancesPerKnownContract) {
  const std::string xml = km_envelope(
      R"(<km:Salden><km:Saldo Vertragsnummer="1.080000.1000" Datum="2026-11-20">1342.17</km:Saldo>)"
      R"(<km:Saldo Vertragsnummer="1.080000.1001">-0.50</km:Saldo>)"
      R"(<km:Saldo Vertragsnummer="7.7" Datum="2026-11-20">1.00</km:Saldo></km:Salden>)");
  const auto salden = parse_salden(parsed(xml).body(), day("2026-11-21"), test::directory());
  ASSERT_TRUE(salden) << salden.error();
  ASSERT_EQ(salden->balances.size(), 2u);
  EXPECT_EQ(salden->balances[0].deposit_id, "D-1.080000.1000");
  EXPECT_EQ(salden->balances[0].date, day("2026-11-20"));
  EXPECT_EQ(salden->balances[0].balance, Money::from_cents(134217));
  EXPECT_EQ(salden->balances[1].date, day("2026-11-21"));
  EXPECT_EQ(salden->balances[1].balance, Money::from_cents(-50));
  EXPECT_EQ(salden->unknown_contracts, 1u);
}

TEST(KmBalanceAnswer, MalformedBalanceIsAnError) {
  const auto salden = parse_salden(
      parsed(
          km_envelope(
              R"(<km:Salden><km:Saldo Vertragsnummer="1.080000.1000">12</km:Saldo></km:Salden>)"))
          .body(),
      day("2026-11-21"), test::directory());
  ASSERT_FALSE(salden);
  EXPECT_NE(salden.error().find("km:Saldo Vertragsnummer 1.080000.1000"), std::string::npos);
  EXPECT_FALSE(parse_salden(parsed(km_envelope("")).body(), day("2026-11-21"), {}));
}

// ---- ZinsverteilungenAbrufen

const std::string k_verteilung =
    R"(<km:Zinsverteilung Vertragsnummer="1.080000.1004" Von="2025-01-01" Bis="2025-12-31" )"
    R"(Satz="0.250" Brutto="3.35" KapESt="0.84" SolZ="0.04" KiSt="0.00" Netto="2.47"/>)";

TEST(KmInterestAnswer, DistributionsInAWrapperOrDirectlyInTheBody) {
  for (const std::string& xml : {km_envelope("<km:ZinsverteilungenAbrufenAntwort>" + k_verteilung +
                                             "</km:ZinsverteilungenAbrufenAntwort>"),
                                 km_envelope(k_verteilung)}) {
    const auto list = parse_zinsverteilungen(parsed(xml).body(), test::directory());
    ASSERT_TRUE(list) << list.error();
    ASSERT_EQ(list->size(), 1u);
    const InterestDistribution& d = (*list)[0];
    EXPECT_EQ(d.deposit_id, "D-1.080000.1004");
    EXPECT_EQ(d.contract_no, "1.080000.1004");
    EXPECT_EQ(d.period_from, day("2025-01-01"));
    EXPECT_EQ(d.period_to, day("2025-12-31"));
    EXPECT_EQ(d.rate, "0.250");
    EXPECT_EQ(d.gross, Money::from_cents(335));
    EXPECT_EQ(d.withholding_tax, Money::from_cents(84));
    EXPECT_EQ(d.solidarity_surcharge, Money::from_cents(4));
    EXPECT_EQ(d.church_tax, Money::from_cents(0));
    EXPECT_EQ(d.net, Money::from_cents(247));
  }
}

TEST(KmInterestAnswer, UnknownContractEmptyListAndMalformed) {
  const std::string unknown = replaced(k_verteilung, "1.080000.1004", "5.5");
  const auto list = parse_zinsverteilungen(parsed(km_envelope(unknown)).body(), test::directory());
  ASSERT_TRUE(list);
  EXPECT_EQ((*list)[0].deposit_id, "");
  const auto empty = parse_zinsverteilungen(
      parsed(km_envelope("<km:ZinsverteilungenAbrufenAntwort/>")).body(), test::directory());
  ASSERT_TRUE(empty);
  EXPECT_TRUE(empty->empty());
  const std::string bad_rate = replaced(k_verteilung, "0.250", "0,25");
  const auto bad = parse_zinsverteilungen(parsed(km_envelope(bad_rate)).body(), {});
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().find("Satz"), std::string::npos);
  const std::string bad_netto = replaced(k_verteilung, "2.47", "2.4");
  EXPECT_NE(parse_zinsverteilungen(parsed(km_envelope(bad_netto)).body(), {}).error().find("Netto"),
            std::string::npos);
  EXPECT_TRUE(parse_zinsverteilungen(parsed(km_envelope("")).body(), {})->empty());
  const auto other = parse_zinsverteilungen(parsed(km_envelope("<km:Salden/>")).body(), {});
  ASSERT_FALSE(other);
  EXPECT_NE(other.error().find("km:Salden"), std::string::npos);
}

// ---- Status answers

TEST(KmStatusAnswer, OkFehlerAndMissing) {
  const auto ok = parse_status_answer(
      parsed(km_envelope(R"(<km:ZinssatzMitteilenAntwort Status="OK"/>)")).body(),
      "ZinssatzMitteilen", true);
  ASSERT_TRUE(ok);
  EXPECT_TRUE(ok->ok);
  const auto fehler =
      parse_status_answer(parsed(km_envelope(R"(<km:ZahlungZuordnenAntwort Status="FEHLER">)" +
                                             km_fehler("BuchungsId", "UNBEKANNT", "unbekannt") +
                                             "</km:ZahlungZuordnenAntwort>"))
                              .body(),
                          "ZahlungZuordnen", true);
  ASSERT_TRUE(fehler);
  EXPECT_FALSE(fehler->ok);
  EXPECT_EQ(fehler->errors.size(), 1u);
  EXPECT_FALSE(parse_status_answer(parsed(km_envelope("")).body(), "ZahlungZuordnen", true));
  EXPECT_FALSE(parse_status_answer(parsed(km_envelope("<km:ZahlungZuordnenAntwort/>")).body(),
                                   "ZahlungZuordnen", true));
  EXPECT_TRUE(parse_status_answer(parsed(km_envelope("")).body(), "VertragSchliessen", false)->ok);
  EXPECT_FALSE(parse_status_answer(
      parsed(km_envelope(R"(<km:VertragSchliessenAntwort Status="??"/>)")).body(),
      "VertragSchliessen", false));
}

}  // namespace
}  // namespace kaution::km
