// dkb master data: the checks of PUT /kaution/v1/tenancies/{contractNumber} (dkb.md).
#include <fmt/format.h>

#include "connectors/sandbox/dkb_bank.hpp"

namespace kaution::sandbox {
namespace {

constexpr std::size_t k_name_chars = 35;
constexpr std::size_t k_street_chars = 60;
constexpr std::size_t k_free_chars = 255;

struct Payer {
  std::string name;
  std::string last;
};

Payer check_tenant(JsonChecks& checks, const nlohmann::json& tenant, const std::string& at) {
  if (!tenant.is_object()) {
    checks.add(at, checks.codes().type, at + " must be an object");
    return {};
  }
  const auto first = checks.text(tenant, "firstName", at + ".firstName", k_name_chars, false);
  const auto last = checks.text(tenant, "lastName", at + ".lastName", k_name_chars, false);
  const auto company = checks.text(tenant, "companyName", at + ".companyName", k_name_chars, false);
  if (!last && !company) checks.add(at + ".lastName", checks.codes().required, "");
  checks.date(tenant, "birthDate", at + ".birthDate", false);
  checks.text(tenant, "street", at + ".street", k_street_chars, false);
  checks.text(tenant, "postcode", at + ".postcode", k_free_chars, false);
  checks.text(tenant, "city", at + ".city", k_free_chars, false);
  checks.text(tenant, "country", at + ".country", k_free_chars, false);
  if (company) return {*company, *company};
  return {first ? *first + " " + last.value_or("") : last.value_or(""), last.value_or("")};
}

}  // namespace

std::expected<DkbTenancy, std::vector<Violation>> check_dkb_tenancy(const nlohmann::json& body,
                                                                    const std::string& contract) {
  JsonChecks checks(k_dkb_codes);
  DkbTenancy out;
  const auto collective = checks.iban(body, "collectiveIban", "collectiveIban", true);
  const auto number = checks.text(body, "contractNumber", "contractNumber", k_free_chars, true);
  if (number && *number != contract) checks.add("contractNumber", "MISMATCH", "");
  if (const auto* object = checks.object(body, "object", "object", true)) {
    checks.text(*object, "number", "object.number", k_free_chars, false);
    checks.text(*object, "label", "object.label", k_name_chars, true);
  }
  checks.text(body, "unit", "unit", k_free_chars, false);
  Payer payer;
  if (const auto* tenants = checks.array(body, "tenants", "tenants", true)) {
    for (std::size_t i = 0; i < tenants->size(); ++i) {
      Payer p = check_tenant(checks, (*tenants)[i], fmt::format("tenants[{}]", i));
      if (i == 0) payer = std::move(p);
    }
  }
  const auto amount = checks.amount(body, "depositAmount", "depositAmount", true);
  if (amount && amount->cents() <= 0) checks.add("depositAmount", checks.codes().amount, "");
  const auto start = checks.date(body, "start", "start", true);
  out.record.valid_until = checks.date(body, "end", "end", false);
  out.record.payout_iban = checks.iban(body, "payoutIban", "payoutIban", false).value_or("");
  if (!checks.ok()) return std::unexpected(checks.violations());
  out.record.contract = contract;
  out.record.iban = *collective;
  out.record.payer_name = payer.name;
  out.record.payer_last_name = payer.last;
  out.record.instalments = {Instalment{*start, *amount}};
  return out;
}

}  // namespace kaution::sandbox
