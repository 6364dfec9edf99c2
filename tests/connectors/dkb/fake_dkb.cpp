#include "tests/connectors/dkb/fake_dkb.hpp"

#include <cstdio>

#include "tests/connectors/aak/bank_test_support.hpp"

namespace kaution::test {
namespace {

Action json(int status, const nlohmann::json& body) {
  return Action::reply(status, body.dump(), {{"Content-Type", "application/json"}});
}

}  // namespace

std::string german_iban(long long n) {
  char bban[32];
  std::snprintf(bban, sizeof bban, "12030000%010lld", n);
  const std::string digits = std::string(bban) + "131400";  // D=13, E=14, check 00
  int rest = 0;
  for (char c : digits)
    rest = (rest * 10 + (c - '0')) % 97;
  char out[40];
  std::snprintf(out, sizeof out, "DE%02d%s", 98 - rest, bban);
  return out;
}

std::vector<std::string> split_ibans(const std::string& list) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= list.size()) {
    const std::size_t comma = list.find(',', start);
    out.push_back(list.substr(start, comma - start));
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return out;
}

Action FakeDkb::answer(const RecordedRequest& request) {
  std::lock_guard lock(mutex);
  if (request.target.starts_with("/oauth/token")) return token();
  if (!script.empty()) {
    Action next = std::move(script.front());
    script.pop_front();
    return next;
  }
  return route(request);
}

Action FakeDkb::token() {
  ++tokens_issued;
  return json(200, {{"access_token", "tok-" + std::to_string(tokens_issued)},
                    {"token_type", "Bearer"},
                    {"expires_in", 3600}});
}

Action FakeDkb::route(const RecordedRequest& request) {
  const Target t = parse_target(request.target);
  const auto ibans = [&] { return split_ibans(t.query.at("ibans")); };
  constexpr std::string_view tenancies = "/kaution/v1/tenancies/";
  if (request.method == "PUT" && t.path.starts_with(tenancies))
    return json(201,
                {{"subAccount", "DKB-KT-" + t.path.substr(tenancies.size())}, {"status", "OPEN"}});
  if (request.method == "DELETE" && t.path.starts_with(tenancies)) return Action::reply(204);
  if (t.path == "/kaution/v1/statements")
    return statements(ibans(), t.query.contains("from") ? t.query.at("from") : "");
  if (t.path == "/kaution/v1/balances") return balance_items(ibans());
  if (t.path == "/kaution/v1/unassigned") return unassigned_items(ibans());
  constexpr std::string_view bookings = "/kaution/v1/bookings/";
  if (t.path.starts_with(bookings)) {
    const std::string reference = t.path.substr(bookings.size());
    if (!portal.contains(reference)) return json(404, {{"code", "UNKNOWN_BOOKING"}});
    return json(200, {{"reference", reference}, {"contractNumber", portal.at(reference)}});
  }
  return json(404, {{"code", "NOT_FOUND"}});
}

Action FakeDkb::statements(const std::vector<std::string>& ibans, const std::string& from) {
  std::vector<CamtStatement> out;
  for (const std::string& iban : ibans) {
    CamtStatement statement{"STMT-" + iban, iban, {}};
    for (const CamtEntry& e : entries[iban])
      if (e.booking_date >= from) statement.entries.push_back(e);
    out.push_back(std::move(statement));
  }
  return Action::reply(200, camt053("02", out), {{"Content-Type", "application/xml"}});
}

Action FakeDkb::balance_items(const std::vector<std::string>& ibans) {
  nlohmann::json items = nlohmann::json::array();
  for (const nlohmann::json& item : balances)
    for (const std::string& iban : ibans)
      if (item.value("collectiveIban", "") == iban) items.push_back(item);
  return json(200, {{"items", items}});
}

Action FakeDkb::unassigned_items(const std::vector<std::string>& ibans) {
  nlohmann::json items = nlohmann::json::array();
  for (const std::string& iban : ibans) {
    nlohmann::json bookings = nlohmann::json::array();
    for (const std::string& reference : unassigned[iban])
      bookings.push_back({{"reference", reference},
                          {"bookingDate", "2026-11-20"},
                          {"amount", "446.67"},
                          {"payer", "Natalie Schmidt"},
                          {"remittance", "Kaution"}});
    items.push_back({{"iban", iban}, {"count", bookings.size()}, {"bookings", bookings}});
  }
  return json(200, {{"items", items}});
}

}  // namespace kaution::test
