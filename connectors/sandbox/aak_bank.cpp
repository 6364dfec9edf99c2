#include "connectors/sandbox/aak_bank.hpp"

#include <fmt/format.h>

#include <charconv>

#include "connectors/sandbox/camt.hpp"
#include "connectors/sandbox/gate.hpp"
#include "connectors/sandbox/state.hpp"
#include "daemon/http/json_body.hpp"

namespace kaution::sandbox {
namespace {

using http::Request;
using http::Response;
using nlohmann::json;

constexpr std::size_t k_statements_page = 100;
constexpr std::size_t k_max_page_size = 1000;
constexpr std::string_view k_token_path = "/oauth2/token";

Response errors(int status, const std::vector<Violation>& violations) {
  json list = json::array();
  for (const Violation& v : violations) {
    json item{{"code", v.code}, {"message", v.message}};
    if (!v.field.empty()) item["field"] = v.field;
    list.push_back(std::move(item));
  }
  return http::json_response(status, {{"errors", list}});
}

Response error(int status, std::string field, std::string code, std::string message) {
  return errors(status, {Violation{std::move(field), std::move(code), std::move(message)}});
}

Response invalid_token() {
  Response response = http::json_response(401, {{"error", "invalid_token"}});
  response.headers.emplace_back("WWW-Authenticate",
                                "Bearer realm=\"aak-sandbox\", error=\"invalid_token\"");
  return response;
}

FaultAnswers fault_answers() {
  return {[](int status) {
            const char* code = status == 429 ? "TOO_MANY_REQUESTS" : "SERVICE_UNAVAILABLE";
            return error(status, "", code, "fault injected by the sandbox");
          },
          [](const Request& request) {
            if (request.path == k_token_path) {
              return http::json_response(401, {{"error", "invalid_client"}});
            }
            return invalid_token();
          }};
}

// Runs `handler` only for a valid bearer token.
http::Handler authorized(BankContext& context, http::Handler handler) {
  return [&context, handler = std::move(handler)](const Request& request) {
    const auto token = bearer_token(request);
    if (!token || !context.tokens.valid(*token)) return invalid_token();
    return handler(request);
  };
}

Response token(BankContext& context, const Request& request) {
  const auto credentials = basic_credentials(request);
  const auto form = form_fields(request.body);
  if (!form || form->count("grant_type") == 0) {
    return http::json_response(400, {{"error", "invalid_request"}});
  }
  if (form->at("grant_type") != "client_credentials") {
    return http::json_response(400, {{"error", "unsupported_grant_type"}});
  }
  if (!credentials || credentials->first != context.credentials.user ||
      credentials->second != context.credentials.secret) {
    return http::json_response(401, {{"error", "invalid_client"}});
  }
  return http::json_response(200, {{"access_token", context.tokens.issue()},
                                   {"token_type", "Bearer"},
                                   {"expires_in", context.tokens.ttl().count()}});
}

Response put_deposit(BankContext& context, const Request& request) {
  const std::string contract(request.path_param("contractNumber"));
  auto body = http::parse_json_object(request.body);
  if (!body) return error(400, "", "MALFORMED", "the body is not a JSON object");
  auto deposit = check_aak_deposit(*body, contract);
  if (!deposit) return errors(422, deposit.error());
  if (auto rejection = context.script.take_rejection(contract)) return errors(422, {*rejection});
  const std::lock_guard lock(context.world.mutex);
  Books& books = context.world.simulation.books(Bank::aak);
  const Account* existing = books.account(contract);
  if (existing != nullptr && existing->closed) {
    return error(409, "contractNumber", "CONTRACT_CLOSED", "the deposit is closed");
  }
  const std::string own_uuid = context.world.simulation.aak_uuid(contract);
  if (deposit->uuid && *deposit->uuid != own_uuid) {
    return error(422, "uuid", "UNKNOWN_UUID", "no account with this uuid");
  }
  const Account* holder = books.account_by_iban(deposit->record.iban);
  if (holder != nullptr && holder->contract != contract) {
    return error(409, "virtualIban", "VIBAN_IN_USE", "the vIBAN belongs to another contract");
  }
  const auto registered =
      context.world.simulation.register_account(Bank::aak, std::move(deposit->record));
  return http::json_response(registered.created ? 201 : 200,
                             {{"uuid", registered.account->bank_id}, {"state", "ACCEPTED"}});
}

Response close_deposit(BankContext& context, const Request& request) {
  const std::lock_guard lock(context.world.mutex);
  Books& books = context.world.simulation.books(Bank::aak);
  Account* account = books.account_by_bank_id(request.path_param("uuid"));
  if (account == nullptr) return error(404, "uuid", "NOT_FOUND", "no account with this uuid");
  if (!account->balance.is_zero()) {
    return error(409, "balance", "BALANCE_NOT_ZERO",
                 "the balance is " + account->balance.to_string());
  }
  account->closed = true;
  books.reindex_iban(account->iban, *account);
  return Response{204, "application/json", "", {}};
}

std::optional<std::size_t> number_param(const Request& request, std::string_view name,
                                        std::size_t fallback) {
  const auto text = request.query_param(name);
  if (!text) return fallback;
  std::size_t value = 0;
  const auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (ec != std::errc{} || end != text->data() + text->size()) return std::nullopt;
  return value;
}

Response balances(BankContext& context, const Request& request) {
  const auto page = number_param(request, "page", 1);
  const auto size = number_param(request, "pageSize", 100);
  if (!page || !size || *page < 1 || *size < 1 || *size > k_max_page_size) {
    return error(400, "pageSize", "INVALID_PAGE", "page >= 1 and 1 <= pageSize <= 1000");
  }
  const std::lock_guard lock(context.world.mutex);
  Simulation& simulation = context.world.simulation;
  json items = json::array();
  std::size_t total = 0;
  const std::size_t first = (*page - 1) * *size;
  for (const Account& account : simulation.books(Bank::aak).accounts()) {
    if (account.closed || !has_balance(account)) continue;
    if (total >= first && total < first + *size) {
      items.push_back({{"uuid", account.bank_id},
                       {"contractNumber", account.contract},
                       {"virtualIban", account.iban},
                       {"balance", account.balance.to_string()},
                       {"currency", "EUR"},
                       {"asOf", simulation.today().to_string()}});
    }
    ++total;
  }
  return http::json_response(
      200, {{"items", items}, {"page", *page}, {"pageSize", *size}, {"total", total}});
}

Response statements(BankContext& context, const Request& request) {
  auto after = request.query_param("after");
  if (!after) after = request.query_param("cursor");
  const std::lock_guard lock(context.world.mutex);
  const auto& all = context.world.simulation.aak_statements();
  std::size_t from = 0;
  if (after && !after->empty()) {
    const auto it =
        std::find_if(all.begin(), all.end(), [&](const AakStatement& s) { return s.id == *after; });
    if (it == all.end()) {
      return error(400, "after", "UNKNOWN_STATEMENT", "no statement " + std::string(*after));
    }
    from = static_cast<std::size_t>(it - all.begin()) + 1;
  }
  json items = json::array();
  const std::size_t to = std::min(all.size(), from + k_statements_page);
  for (std::size_t i = from; i < to; ++i) {
    items.push_back(
        {{"id", all[i].id}, {"date", all[i].date.to_string()}, {"entries", all[i].entries}});
  }
  const json next = to < all.size() ? json(all[to - 1].id) : json(nullptr);
  return http::json_response(200, {{"items", items}, {"next", next}});
}

Response statement(BankContext& context, const Request& request) {
  const std::lock_guard lock(context.world.mutex);
  Simulation& simulation = context.world.simulation;
  for (const AakStatement& s : simulation.aak_statements()) {
    if (s.id == request.path_param("id")) {
      return Response{
          200, "application/xml", aak_statement_xml(s, simulation.books(Bank::aak)), {}};
    }
  }
  return error(404, "id", "NOT_FOUND", "no such statement");
}

Response assign(BankContext& context, const Request& request) {
  auto body = http::parse_json_object(request.body);
  if (!body || !body->contains("uuid") || !(*body)["uuid"].is_string()) {
    return error(400, "uuid", "REQUIRED", "uuid is required");
  }
  const std::lock_guard lock(context.world.mutex);
  Simulation& simulation = context.world.simulation;
  Books& books = simulation.books(Bank::aak);
  Booking* booking = books.booking(request.path_param("bookingReference"));
  if (booking == nullptr) return error(404, "bookingReference", "NOT_FOUND", "no such booking");
  Account* account = books.account_by_bank_id((*body)["uuid"].get<std::string>());
  if (account == nullptr || account->closed) {
    return error(422, "uuid", "UNKNOWN_UUID", "no open account with this uuid");
  }
  if (booking->kind != BookingKind::payment_in) {
    return error(422, "bookingReference", "NOT_ASSIGNABLE", "only payments can be assigned");
  }
  if (!books.assign(*booking, *account, simulation.today())) {
    return error(409, "bookingReference", "ALREADY_ASSIGNED", "the booking is assigned");
  }
  return Response{204, "application/json", "", {}};
}

Response interest_distributions(BankContext& context, const Request& request) {
  const auto year = number_param(request, "year", 0);
  if (!year || *year == 0) return error(400, "year", "REQUIRED", "year is required");
  const std::lock_guard lock(context.world.mutex);
  json items = json::array();
  for (const Distribution& d : context.world.simulation.books(Bank::aak).distributions()) {
    if (static_cast<std::size_t>(d.to.year()) != *year) continue;
    items.push_back({{"uuid", d.bank_id},
                     {"contractNumber", d.contract},
                     {"period", {{"from", d.from.to_string()}, {"to", d.to.to_string()}}},
                     {"rate", fmt::format("{}.{:03}", d.rate_milli / 1000, d.rate_milli % 1000)},
                     {"gross", d.gross.to_string()},
                     {"withholdingTax", d.withholding_tax.to_string()},
                     {"solidaritySurcharge", d.solidarity_surcharge.to_string()},
                     {"churchTax", d.church_tax.to_string()},
                     {"net", d.net.to_string()}});
  }
  return http::json_response(200, {{"items", items}});
}

}  // namespace

void add_aak_routes(http::Router& router, BankContext& context) {
  const FaultAnswers answers = fault_answers();
  const auto route = [&](const char* method, const char* pattern, auto handler, bool auth) {
    http::Handler bound = recorded(context, method, pattern, [&context, handler](const Request& r) {
      return handler(context, r);
    });
    if (auth) bound = authorized(context, std::move(bound));
    add_gated(router, context, answers, method, pattern, std::move(bound));
  };
  route("POST", "/oauth2/token", &token, false);
  route("PUT", "/v1/deposits/{contractNumber}", &put_deposit, true);
  route("POST", "/v1/deposits/{uuid}/close", &close_deposit, true);
  route("GET", "/v1/balances", &balances, true);
  route("GET", "/v1/statements", &statements, true);
  route("GET", "/v1/statements/{id}", &statement, true);
  route("POST", "/v1/payments/{bookingReference}/assign", &assign, true);
  route("GET", "/v1/interest-distributions", &interest_distributions, true);
}

}  // namespace kaution::sandbox
