// aak master data: the checks of PUT /v1/deposits/{contractNumber} (aak.md "Master data").
#include <fmt/format.h>

#include "connectors/sandbox/aak_bank.hpp"

namespace kaution::sandbox {
namespace {

constexpr std::size_t k_name_chars = 35;
constexpr std::size_t k_line_chars = 60;
constexpr std::size_t k_contract_chars = 35;
constexpr std::size_t k_free_chars = 255;  // fields aak.md sets no limit for

struct Payer {
  std::string name;
  std::string last_name;
};

Payer check_tenant(JsonChecks& checks, const nlohmann::json& tenant, const std::string& at) {
  if (!tenant.is_object()) {
    checks.add(at, checks.codes().type, at + " must be an object");
    return {};
  }
  const auto role = checks.text(tenant, "role", at + ".role", 16, false);
  if (role && *role != "TENANT" && *role != "GUARANTOR" && *role != "OTHER") {
    checks.add(at + ".role", "INVALID_VALUE", at + ".role must be TENANT, GUARANTOR or OTHER");
  }
  checks.text(tenant, "salutation", at + ".salutation", k_free_chars, false);
  const auto first = checks.text(tenant, "firstName", at + ".firstName", k_name_chars, false);
  const auto last = checks.text(tenant, "lastName", at + ".lastName", k_name_chars, false);
  const auto company = checks.text(tenant, "companyName", at + ".companyName", k_name_chars, false);
  if (!last && !company) {
    checks.add(at + ".lastName", checks.codes().required,
               at + ".lastName or .companyName is required");
  }
  checks.date(tenant, "birthDate", at + ".birthDate", false);
  checks.text(tenant, "nationality", at + ".nationality", 2, false);
  if (const auto* address = checks.object(tenant, "address", at + ".address", false)) {
    checks.text(*address, "line1", at + ".address.line1", k_line_chars, false);
    checks.text(*address, "postcode", at + ".address.postcode", k_free_chars, false);
    checks.text(*address, "city", at + ".address.city", k_free_chars, false);
    checks.text(*address, "country", at + ".address.country", 2, false);
  }
  if (company) return {*company, *company};
  return {fmt::format("{} {}", first.value_or(""), last.value_or("")), last.value_or("")};
}

Payer check_tenants(JsonChecks& checks, const nlohmann::json& body) {
  const auto* tenants = checks.array(body, "tenants", "tenants", true);
  if (tenants == nullptr) return {};
  std::optional<Payer> payer;
  for (std::size_t i = 0; i < tenants->size(); ++i) {
    const nlohmann::json& tenant = (*tenants)[i];
    Payer p = check_tenant(checks, tenant, fmt::format("tenants[{}]", i));
    const bool is_tenant = !tenant.is_object() || tenant.value("role", "TENANT") == "TENANT";
    if (!payer && is_tenant) payer = std::move(p);
  }
  return payer.value_or(Payer{});
}

std::vector<Instalment> check_instalments(JsonChecks& checks, const nlohmann::json& body,
                                          std::optional<Money> amount) {
  std::vector<Instalment> out;
  const auto* instalments = checks.array(body, "instalments", "instalments", true);
  if (instalments == nullptr) return out;
  Money sum;
  bool complete = true;
  for (std::size_t i = 0; i < instalments->size(); ++i) {
    const std::string at = fmt::format("instalments[{}]", i);
    const auto due = checks.date((*instalments)[i], "dueDate", at + ".dueDate", true);
    const auto part = checks.amount((*instalments)[i], "amount", at + ".amount", true);
    if (!due || !part) {
      complete = false;
      continue;
    }
    sum += *part;
    out.push_back({*due, *part});
  }
  if (complete && amount && sum != *amount) {
    checks.add(
        "instalments", "AMOUNT_MISMATCH",
        fmt::format("the instalments add up to {}, not {}", sum.to_string(), amount->to_string()));
  }
  return out;
}

void check_object(JsonChecks& checks, const nlohmann::json& body) {
  if (const auto* object = checks.object(body, "object", "object", true)) {
    checks.text(*object, "number", "object.number", k_free_chars, false);
    checks.text(*object, "label", "object.label", k_name_chars, true);
  }
  checks.text(body, "unit", "unit", k_free_chars, false);
}

std::optional<Money> check_amount(JsonChecks& checks, const nlohmann::json& body) {
  const auto amount = checks.amount(body, "amount", "amount", true);
  if (amount && amount->cents() <= 0) {
    checks.add("amount", checks.codes().amount, "amount must be positive");
  }
  const auto currency = checks.text(body, "currency", "currency", 3, true);
  if (currency && *currency != "EUR") {
    checks.add("currency", "INVALID_CURRENCY", "only EUR is kept");
  }
  return amount;
}

}  // namespace

std::expected<AakDeposit, std::vector<Violation>> check_aak_deposit(const nlohmann::json& body,
                                                                    const std::string& contract) {
  JsonChecks checks(k_aak_codes);
  AakDeposit out;
  const auto number = checks.text(body, "contractNumber", "contractNumber", k_contract_chars, true);
  if (number && *number != contract) {
    checks.add("contractNumber", "CONTRACT_MISMATCH", "contractNumber differs from the path");
  }
  if (body.contains("uuid") && !body["uuid"].is_null()) {
    out.uuid = checks.text(body, "uuid", "uuid", 64, false);
  }
  const auto viban = checks.iban(body, "virtualIban", "virtualIban", true);
  check_object(checks, body);
  checks.text(body, "accountHolder", "accountHolder", k_name_chars, true);
  const Payer payer = check_tenants(checks, body);
  const auto amount = check_amount(checks, body);
  out.record.instalments = check_instalments(checks, body, amount);
  checks.date(body, "validFrom", "validFrom", true);
  out.record.valid_until = checks.date(body, "validUntil", "validUntil", false);
  if (const auto* payout = checks.object(body, "payoutAccount", "payoutAccount", false)) {
    out.record.payout_holder =
        checks.text(*payout, "holder", "payoutAccount.holder", k_free_chars, false).value_or("");
    out.record.payout_iban = checks.iban(*payout, "iban", "payoutAccount.iban", true).value_or("");
  }
  if (!checks.ok()) return std::unexpected(checks.violations());
  out.record.contract = contract;
  out.record.iban = *viban;
  out.record.payer_name = payer.name;
  out.record.payer_last_name = payer.last_name;
  return out;
}

}  // namespace kaution::sandbox
