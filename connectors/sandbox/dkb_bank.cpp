#include "connectors/sandbox/dkb_bank.hpp"

#include <algorithm>

#include "connectors/sandbox/camt.hpp"
#include "connectors/sandbox/gate.hpp"
#include "connectors/sandbox/state.hpp"
#include "core/iban.hpp"
#include "daemon/http/json_body.hpp"

namespace kaution::sandbox {
namespace {

using http::Request;
using http::Response;
using nlohmann::json;

constexpr std::size_t k_max_ibans = 100;

Response error(int status, const std::string& code) {
  return http::json_response(status, {{"error", code}});
}

Response invalid_token() {
  Response response = error(401, "invalid_token");
  response.headers.emplace_back("WWW-Authenticate",
                                "Bearer realm=\"dkb-sandbox\", error=\"invalid_token\"");
  return response;
}

FaultAnswers fault_answers() {
  return {[](int status) {
            return error(status, status == 429 ? "TOO_MANY_REQUESTS" : "SERVICE_UNAVAILABLE");
          },
          [](const Request& request) {
            return request.path == "/oauth/token" ? error(401, "invalid_client") : invalid_token();
          }};
}

http::Handler authorized(BankContext& context, http::Handler handler) {
  return [&context, handler = std::move(handler)](const Request& request) {
    const auto token = bearer_token(request);
    if (!token || !context.tokens.valid(*token)) return invalid_token();
    return handler(request);
  };
}

bool is_collective(const std::string& iban) {
  const auto known = dkb_collective_ibans();
  return std::find(known.begin(), known.end(), iban) != known.end();
}

// The `ibans` parameter: compact IBANs of the bank's collective accounts, or an error answer.
std::expected<std::vector<std::string>, Response> requested_ibans(const Request& request) {
  const std::string list(request.query_param("ibans").value_or(""));
  std::vector<std::string> ibans;
  for (std::size_t start = 0; start <= list.size();) {
    const std::size_t comma = std::min(list.find(',', start), list.size());
    const auto iban = Iban::parse(list.substr(start, comma - start));
    if (!iban) return std::unexpected(error(400, "INVALID_IBAN"));
    if (!is_collective(iban->str())) {
      return std::unexpected(error(404, "COLLECTIVE_ACCOUNT_UNKNOWN"));
    }
    ibans.push_back(iban->str());
    start = comma + 1;
  }
  if (ibans.size() > k_max_ibans) return std::unexpected(error(400, "TOO_MANY_IBANS"));
  return ibans;
}

Response token(BankContext& context, const Request& request) {
  const auto form = form_fields(request.body);
  if (!form || form->count("grant_type") == 0) return error(400, "invalid_request");
  if (form->at("grant_type") != "client_credentials") return error(400, "unsupported_grant_type");
  const auto field = [&](const char* name) {
    const auto it = form->find(name);
    return it == form->end() ? std::string() : it->second;
  };
  if (field("client_id") != context.credentials.user ||
      field("client_secret") != context.credentials.secret) {
    return error(401, "invalid_client");
  }
  return http::json_response(200, {{"access_token", context.tokens.issue()},
                                   {"token_type", "Bearer"},
                                   {"expires_in", context.tokens.ttl().count()}});
}

Response violations(const std::vector<Violation>& found) {
  json list = json::array();
  for (const Violation& v : found)
    list.push_back({{"path", v.field}, {"reason", v.code}});
  return http::json_response(422, {{"violations", list}});
}

Response put_tenancy(BankContext& context, const Request& request) {
  const std::string contract(request.path_param("contractNumber"));
  auto body = http::parse_json_object(request.body);
  if (!body) return error(400, "MALFORMED");
  auto tenancy = check_dkb_tenancy(*body, contract);
  if (!tenancy) return violations(tenancy.error());
  if (auto rejection = context.script.take_rejection(contract)) return violations({*rejection});
  if (!is_collective(tenancy->record.iban)) return error(404, "COLLECTIVE_ACCOUNT_UNKNOWN");
  const std::lock_guard lock(context.world.mutex);
  const Account* existing = context.world.simulation.books(Bank::dkb).account(contract);
  if (existing != nullptr && existing->closed) return error(409, "TENANCY_CLOSED");
  const auto registered =
      context.world.simulation.register_account(Bank::dkb, std::move(tenancy->record));
  return http::json_response(registered.created ? 201 : 200,
                             {{"subAccount", registered.account->bank_id}, {"status", "OPEN"}});
}

Response delete_tenancy(BankContext& context, const Request& request) {
  const std::lock_guard lock(context.world.mutex);
  Account* account =
      context.world.simulation.books(Bank::dkb).account(request.path_param("contractNumber"));
  if (account == nullptr) return error(404, "NOT_FOUND");
  if (!account->balance.is_zero()) return error(409, "BALANCE_NOT_ZERO");
  account->closed = true;
  return Response{204, "application/json", "", {}};
}

Response statements(BankContext& context, const Request& request) {
  auto ibans = requested_ibans(request);
  if (!ibans) return ibans.error();
  const std::lock_guard lock(context.world.mutex);
  Simulation& simulation = context.world.simulation;
  // Without `from`: every day kept (the first import has no cursor yet).
  const auto from_text = request.query_param("from");
  const auto from =
      from_text ? Date::parse(*from_text) : std::expected<Date, std::string>(Date::from_days(0));
  if (!from) return error(400, "INVALID_DATE");
  return Response{
      200,
      "application/xml",
      dkb_statements_xml(simulation.books(Bank::dkb), *ibans, *from, simulation.today()),
      {}};
}

Response balances(BankContext& context, const Request& request) {
  auto ibans = requested_ibans(request);
  if (!ibans) return ibans.error();
  const std::lock_guard lock(context.world.mutex);
  Simulation& simulation = context.world.simulation;
  json items = json::array();
  for (const Account& account : simulation.books(Bank::dkb).accounts()) {
    if (account.closed || !has_balance(account) ||
        std::find(ibans->begin(), ibans->end(), account.iban) == ibans->end()) {
      continue;
    }
    items.push_back({{"collectiveIban", account.iban},
                     {"contractNumber", account.contract},
                     {"subAccount", account.bank_id},
                     {"balance", account.balance.to_string()},
                     {"asOf", simulation.today().to_string()}});
  }
  return http::json_response(200, {{"items", items}});
}

Response unassigned(BankContext& context, const Request& request) {
  auto ibans = requested_ibans(request);
  if (!ibans) return ibans.error();
  const std::lock_guard lock(context.world.mutex);
  const auto& journal = context.world.simulation.books(Bank::dkb).journal();
  json items = json::array();
  for (const std::string& iban : *ibans) {
    json bookings = json::array();
    for (const Booking& b : journal) {
      if (b.ledger_account != iban || !b.contract.empty() || b.kind != BookingKind::payment_in) {
        continue;
      }
      bookings.push_back({{"reference", b.reference},
                          {"bookingDate", b.date.to_string()},
                          {"amount", b.amount.to_string()},
                          {"payer", b.party_name},
                          {"remittance", b.remittance}});
    }
    items.push_back({{"iban", iban}, {"count", bookings.size()}, {"bookings", bookings}});
  }
  return http::json_response(200, {{"items", items}});
}

Response booking(BankContext& context, const Request& request) {
  const std::lock_guard lock(context.world.mutex);
  const Booking* b =
      context.world.simulation.books(Bank::dkb).booking(request.path_param("reference"));
  if (b == nullptr) return error(404, "NOT_FOUND");
  return http::json_response(
      200, {{"reference", b->reference},
            {"contractNumber", b->contract.empty() ? json(nullptr) : json(b->contract)}});
}

// The portal: support staff assign an unassigned booking to a tenancy.
Response portal_assign(BankContext& context, const Request& request) {
  auto body = http::parse_json_object(request.body);
  if (!body || !(*body)["reference"].is_string() || !(*body)["contractNumber"].is_string()) {
    return error(400, "{\"reference\", \"contractNumber\"} expected");
  }
  const std::lock_guard lock(context.world.mutex);
  Simulation& simulation = context.world.simulation;
  Books& books = simulation.books(Bank::dkb);
  Booking* b = books.booking((*body)["reference"].get<std::string>());
  Account* account = books.account((*body)["contractNumber"].get<std::string>());
  if (b == nullptr || account == nullptr || account->closed) return error(404, "NOT_FOUND");
  if (b->kind != BookingKind::payment_in || !books.assign(*b, *account, simulation.today())) {
    return error(409, "ALREADY_ASSIGNED");
  }
  return Response{204, "application/json", "", {}};
}

}  // namespace

void add_dkb_routes(http::Router& router, BankContext& context) {
  const FaultAnswers answers = fault_answers();
  const auto route = [&](const char* method, const char* pattern, auto handler, bool auth) {
    http::Handler bound = recorded(context, method, pattern, [&context, handler](const Request& r) {
      return handler(context, r);
    });
    if (auth) bound = authorized(context, std::move(bound));
    add_gated(router, context, answers, method, pattern, std::move(bound));
  };
  route("POST", "/oauth/token", &token, false);
  route("PUT", "/kaution/v1/tenancies/{contractNumber}", &put_tenancy, true);
  route("DELETE", "/kaution/v1/tenancies/{contractNumber}", &delete_tenancy, true);
  route("GET", "/kaution/v1/statements", &statements, true);
  route("GET", "/kaution/v1/balances", &balances, true);
  route("GET", "/kaution/v1/unassigned", &unassigned, true);
  route("GET", "/kaution/v1/bookings/{reference}", &booking, true);
  router.add("POST", "/_control/portal-assign", http::Role::none,
             recorded(context, "POST", "/_control/portal-assign",
                      [&context](const Request& r) { return portal_assign(context, r); }));
}

}  // namespace kaution::sandbox
