#include "connectors/sandbox/km_bank.hpp"

#include <fmt/format.h>

#include <charconv>
#include <functional>
#include <map>

#include "connectors/sandbox/gate.hpp"
#include "connectors/sandbox/km_contract.hpp"
#include "connectors/sandbox/state.hpp"
#include "connectors/sandbox/xml.hpp"
#include "core/iban.hpp"

namespace kaution::sandbox {
namespace {

using http::Request;
using http::Response;

constexpr std::size_t k_max_contracts = 500;
constexpr std::size_t k_max_bookings = 1000;

using Operation = std::function<Response(BankContext&, pugi::xml_node)>;

std::string km_text(pugi::xml_node parent, const char* name) {
  return xml::text(xml::child(parent, name, k_km_ns));
}

Response refused() {
  return soap_fault("wsse:FailedAuthentication", "the security token could not be authenticated");
}

Response ok_answer(const char* name) {
  SoapAnswer answer;
  answer.add(name).append_attribute("Status") = "OK";
  return answer.response();
}

std::string art(BookingKind kind) {
  switch (kind) {
    case BookingKind::payment_in:
      return "ZAHLUNG";
    case BookingKind::interest:
      return "ZINS";
    case BookingKind::withholding_tax:
      return "KAPEST";
    case BookingKind::solidarity_surcharge:
      return "SOLZ";
    case BookingKind::church_tax:
      return "KIST";
    case BookingKind::payout:
      return "AUSZAHLUNG";
    case BookingKind::fee:
      return "GEBUEHR";
    case BookingKind::reversal:
      return "STORNO";
    case BookingKind::other:
      break;
  }
  return "SONSTIGE";
}

// The result of one accepted or refused Vertrag, registered when it is fine.
void transfer_one(Simulation& simulation, Script& script, pugi::xml_node vertrag,
                  pugi::xml_node answer) {
  KmContract checked = check_km_vertrag(vertrag);
  if (checked.errors.empty()) {
    if (auto rejection = script.take_rejection(checked.contract))
      checked.errors.push_back({rejection->field, rejection->code, rejection->message});
  }
  Books& books = simulation.books(Bank::km);
  const Account* existing = books.account(checked.contract);
  if (checked.errors.empty() && existing != nullptr && existing->closed) {
    checked.errors.push_back({"Vertragsnummer", "GESCHLOSSEN", "Vertrag ist geschlossen"});
  }
  if (checked.errors.empty() && !checked.record.tenant_key.empty()) {
    if (const Account* other = books.tenant_account(checked.record.tenant_key, checked.contract)) {
      checked.errors.push_back(
          {"Mieter", "MIETER_HAT_KONTO", "Mieter hat ein Kautionskonto: " + other->contract});
    }
  }
  pugi::xml_node result = answer.append_child("km:Ergebnis");
  result.append_attribute("Vertragsnummer") = checked.contract.c_str();
  if (!checked.errors.empty()) {
    result.append_attribute("Status") = "FEHLER";
    for (const KmError& error : checked.errors) {
      pugi::xml_node fehler = xml::add(result, "km:Fehler", error.text);
      fehler.append_attribute("Feld") = error.field.c_str();
      fehler.append_attribute("Code") = error.code.c_str();
    }
    return;
  }
  const auto registered = simulation.register_account(Bank::km, std::move(checked.record));
  result.append_attribute("Status") = "OK";
  result.append_attribute("KontoId") = registered.account->bank_id.c_str();
}

Response transfer(BankContext& context, pugi::xml_node operation) {
  std::vector<pugi::xml_node> contracts;
  for (pugi::xml_node c = operation.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_element && xml::local_name(c) == "Vertrag") contracts.push_back(c);
  }
  if (contracts.empty()) return client_fault("Vertrag", "PFLICHTFELD", "kein Vertrag");
  if (contracts.size() > k_max_contracts) {
    return client_fault("Vertrag", "ZU_VIELE", "höchstens 500 Verträge je Aufruf");
  }
  SoapAnswer answer;
  pugi::xml_node list = answer.add("VertraegeUebertragenAntwort");
  const std::lock_guard lock(context.world.mutex);
  for (pugi::xml_node vertrag : contracts)
    transfer_one(context.world.simulation, context.script, vertrag, list);
  return answer.response();
}

std::optional<std::size_t> parse_number(std::string_view text) {
  std::size_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return value;
}

void add_umsatz(pugi::xml_node list, const Booking& b) {
  pugi::xml_node umsatz = list.append_child("km:Umsatz");
  umsatz.append_attribute("BuchungsId") = b.reference.c_str();
  umsatz.append_attribute("Art") = art(b.kind).c_str();
  if (!b.reverses.empty()) umsatz.append_attribute("StornoVon") = b.reverses.c_str();
  xml::add(umsatz, "km:Buchungsdatum", b.date.to_string());
  xml::add(umsatz, "km:Valuta", b.date.to_string());
  xml::add(umsatz, "km:Betrag", b.amount.to_string());
  xml::add(umsatz, "km:Treuhandkonto", b.ledger_account);
  pugi::xml_node party = xml::add(umsatz, "km:Auftraggeber", b.party_name);
  if (!b.party_iban.empty()) party.append_attribute("IBAN") = b.party_iban.c_str();
  xml::add(umsatz, "km:Verwendungszweck", b.remittance);
  xml::add(umsatz, "km:Vertragsnummer", b.contract);
}

Response bookings(BankContext& context, pugi::xml_node operation) {
  const std::string token = km_text(operation, "Fortsetzung");
  std::size_t from = 0;
  if (!token.empty()) {
    const auto n = token.starts_with('T') ? parse_number(token.substr(1)) : std::nullopt;
    if (!n) return client_fault("Fortsetzung", "FORTSETZUNG_UNGUELTIG", "unbekannte Fortsetzung");
    from = *n;
  }
  const std::string max_text = km_text(operation, "Max");
  const auto max =
      max_text.empty() ? std::optional<std::size_t>(k_max_bookings) : parse_number(max_text);
  if (!max || *max < 1 || *max > k_max_bookings) {
    return client_fault("Max", "MAX_UNGUELTIG", "Max muss 1 bis 1000 sein");
  }
  const std::lock_guard lock(context.world.mutex);
  const auto& journal = context.world.simulation.books(Bank::km).journal();
  if (from > journal.size()) {
    return client_fault("Fortsetzung", "FORTSETZUNG_UNGUELTIG", "unbekannte Fortsetzung");
  }
  const std::size_t to = std::min(journal.size(), from + *max);
  SoapAnswer answer;
  pugi::xml_node list = answer.add("Umsaetze");
  list.append_attribute("Fortsetzung") = fmt::format("T{}", to).c_str();
  list.append_attribute("Weitere") = to < journal.size() ? "true" : "false";
  for (std::size_t i = from; i < to; ++i)
    add_umsatz(list, journal[i]);
  return answer.response();
}

Money balance_at(const Account& account, Date date) {
  Money balance;
  for (const auto& [day, value] : account.history) {
    if (day > date) break;
    balance = value;
  }
  return balance;
}

Response balances(BankContext& context, pugi::xml_node operation) {
  const auto date = Date::parse(km_text(operation, "Stichtag"));
  if (!date) return client_fault("Stichtag", "DATUM_UNGUELTIG", "Stichtag ist kein Datum");
  SoapAnswer answer;
  pugi::xml_node list = answer.add("Salden");
  const std::lock_guard lock(context.world.mutex);
  for (const Account& account : context.world.simulation.books(Bank::km).accounts()) {
    if (account.closed || !has_balance(account, *date)) continue;
    pugi::xml_node saldo = xml::add(list, "km:Saldo", balance_at(account, *date).to_string());
    saldo.append_attribute("Vertragsnummer") = account.contract.c_str();
    saldo.append_attribute("Datum") = date->to_string().c_str();
  }
  return answer.response();
}

std::string rate_text(int milli) {
  return fmt::format("{}.{:03}", milli / 1000, milli % 1000);
}

Response distributions(BankContext& context, pugi::xml_node operation) {
  const auto year = parse_number(km_text(operation, "Jahr"));
  if (!year) return client_fault("Jahr", "PFLICHTFELD", "Jahr fehlt");
  SoapAnswer answer;
  pugi::xml_node list = answer.add("Zinsverteilungen");
  const std::lock_guard lock(context.world.mutex);
  for (const Distribution& d : context.world.simulation.books(Bank::km).distributions()) {
    if (static_cast<std::size_t>(d.to.year()) != *year) continue;
    pugi::xml_node z = list.append_child("km:Zinsverteilung");
    z.append_attribute("Vertragsnummer") = d.contract.c_str();
    z.append_attribute("Von") = d.from.to_string().c_str();
    z.append_attribute("Bis") = d.to.to_string().c_str();
    z.append_attribute("Satz") = rate_text(d.rate_milli).c_str();
    z.append_attribute("Brutto") = d.gross.to_string().c_str();
    z.append_attribute("KapESt") = d.withholding_tax.to_string().c_str();
    z.append_attribute("SolZ") = d.solidarity_surcharge.to_string().c_str();
    z.append_attribute("KiSt") = d.church_tax.to_string().c_str();
    z.append_attribute("Netto") = d.net.to_string().c_str();
  }
  return answer.response();
}

// "0.500" → 500 thousandths of a percent; up to three decimals.
std::optional<int> parse_rate(const std::string& text) {
  const auto dot = text.find('.');
  const std::string whole = text.substr(0, dot);
  std::string fraction = dot == std::string::npos ? std::string() : text.substr(dot + 1);
  if (whole.empty() || fraction.size() > 3) return std::nullopt;
  fraction.resize(3, '0');
  const auto w = parse_number(whole);
  const auto f = parse_number(fraction);
  if (!w || !f || *w > 100) return std::nullopt;
  return static_cast<int>(*w * 1000 + *f);
}

Response set_rate(BankContext& context, pugi::xml_node operation) {
  const auto iban = Iban::parse(km_text(operation, "Treuhandkonto"));
  if (!iban) return client_fault("Treuhandkonto", "IBAN_UNGUELTIG", "keine gültige IBAN");
  const auto from = Date::parse(km_text(operation, "GueltigAb"));
  if (!from) return client_fault("GueltigAb", "DATUM_UNGUELTIG", "GueltigAb ist kein Datum");
  const auto rate = parse_rate(km_text(operation, "Satz"));
  if (!rate) return client_fault("Satz", "SATZ_UNGUELTIG", "Satz wie 0.250 erwartet");
  const std::lock_guard lock(context.world.mutex);
  context.world.simulation.books(Bank::km).set_rate(iban->str(), *from, *rate);
  return ok_answer("ZinssatzMitteilenAntwort");
}

Response assign(BankContext& context, pugi::xml_node operation) {
  const std::lock_guard lock(context.world.mutex);
  Simulation& simulation = context.world.simulation;
  Books& books = simulation.books(Bank::km);
  Booking* booking = books.booking(km_text(operation, "BuchungsId"));
  if (booking == nullptr) return client_fault("BuchungsId", "UNBEKANNT", "Buchung unbekannt");
  Account* account = books.account(km_text(operation, "Vertragsnummer"));
  if (account == nullptr || account->closed) {
    return client_fault("Vertragsnummer", "UNBEKANNT", "Vertrag unbekannt");
  }
  if (booking->kind != BookingKind::payment_in ||
      !books.assign(*booking, *account, simulation.today())) {
    return client_fault("BuchungsId", "BEREITS_ZUGEORDNET", "Buchung ist bereits zugeordnet");
  }
  return ok_answer("ZahlungZuordnenAntwort");
}

Response close(BankContext& context, pugi::xml_node operation) {
  const std::lock_guard lock(context.world.mutex);
  Books& books = context.world.simulation.books(Bank::km);
  Account* account = books.account(km_text(operation, "Vertragsnummer"));
  if (account == nullptr) return client_fault("Vertragsnummer", "UNBEKANNT", "Vertrag unbekannt");
  if (!account->balance.is_zero()) {
    return client_fault("Vertragsnummer", "SALDO_NICHT_NULL",
                        "Saldo ist " + account->balance.to_string());
  }
  account->closed = true;
  return ok_answer("VertragSchliessenAntwort");
}

const std::map<std::string, Operation, std::less<>>& operations() {
  static const std::map<std::string, Operation, std::less<>> k_operations{
      {"VertraegeUebertragen", &transfer}, {"UmsaetzeAbrufen", &bookings},
      {"SaldenAbrufen", &balances},        {"ZinsverteilungenAbrufen", &distributions},
      {"ZinssatzMitteilen", &set_rate},    {"ZahlungZuordnen", &assign},
      {"VertragSchliessen", &close}};
  return k_operations;
}

Response serve(BankContext& context, const Request& request) {
  SoapRequest soap;
  if (auto fault = parse_soap(request, soap)) return *fault;
  if (!soap.token || soap.token->user != context.credentials.user ||
      soap.token->secret != context.credentials.secret) {
    return refused();
  }
  const auto operation = operations().find(xml::local_name(soap.operation));
  if (operation == operations().end()) {
    return client_fault("", "OPERATION_UNBEKANNT",
                        "unbekannte Operation " + std::string(xml::local_name(soap.operation)));
  }
  return operation->second(context, soap.operation);
}

FaultAnswers fault_answers() {
  return {[](int status) {
            return soap_fault("soap:Server", "Dienst vorübergehend nicht verfügbar", {}, status);
          },
          [](const Request&) { return refused(); }};
}

}  // namespace

void add_km_routes(http::Router& router, BankContext& context) {
  KeyOf key = [](const Request& request) {
    const std::string operation = soap_action(request);
    return "POST /ws#" + (operation.empty() ? std::string("?") : operation);
  };
  router.add("POST", "/ws", http::Role::none,
             gated(context, fault_answers(), std::move(key),
                   recorded(context, "POST", "/ws", [&context](const Request& request) {
                     return serve(context, request);
                   })));
}

}  // namespace kaution::sandbox
