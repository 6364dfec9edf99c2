#include "daemon/ctl/csv_import.hpp"

#include <algorithm>
#include <map>

#include "daemon/ctl/json_text.hpp"
#include "daemon/ctl/wire_values.hpp"

namespace kaution::ctl {
namespace {

enum class Kind { text, amount, date, boolean, ignored };

struct ColumnSpec {
  std::string name;
  std::string pointer;  // where the value goes in the deposit JSON
  Kind kind = Kind::text;
};

constexpr std::string_view k_ignored_column = "rejected_reasons";

void add_party_columns(std::vector<ColumnSpec>& specs, const std::string& prefix, int index) {
  const std::string base = "/parties/" + std::to_string(index) + "/";
  for (const char* field : {"role", "salutation", "first_name", "last_name", "company_name"})
    specs.push_back({prefix + field, base + field, Kind::text});
  specs.push_back({prefix + "birth_date", base + "birth_date", Kind::date});
  specs.push_back({prefix + "nationality", base + "nationality", Kind::text});
  for (const char* field : {"street", "postcode", "city", "country"})
    specs.push_back({prefix + field, base + "address/" + field, Kind::text});
}

std::vector<ColumnSpec> column_specs() {
  std::vector<ColumnSpec> specs;
  for (const char* field :
       {"deposit_id", "rental_contract_no", "object_no", "object_label", "object_owner", "unit_no",
        "connector", "access", "account_holder", "virtual_iban", "trust_account", "bank_ref"})
    specs.push_back({field, std::string("/") + field, Kind::text});
  specs.push_back({"agreed_amount", "/agreed_amount", Kind::amount});
  specs.push_back({"net_cold_rent", "/net_cold_rent", Kind::amount});
  specs.push_back({"valid_from", "/valid_from", Kind::date});
  specs.push_back({"valid_until", "/valid_until", Kind::date});
  specs.push_back({"residential", "/residential", Kind::boolean});
  specs.push_back({"payout_holder", "/payout_account/holder", Kind::text});
  specs.push_back({"payout_iban", "/payout_account/iban", Kind::text});
  add_party_columns(specs, "tenant_", 0);
  add_party_columns(specs, "party2_", 1);
  add_party_columns(specs, "party3_", 2);
  for (int n = 1; n <= 3; ++n) {
    const std::string name = "instalment" + std::to_string(n);
    const std::string base = "/instalments/" + std::to_string(n - 1) + "/";
    specs.push_back({name + "_due", base + "due_date", Kind::date});
    specs.push_back({name + "_amount", base + "amount", Kind::amount});
  }
  specs.push_back({std::string(k_ignored_column), "", Kind::ignored});
  return specs;
}

// The spec of each header column; an error names unknown and repeated columns.
std::expected<std::vector<const ColumnSpec*>, std::string> match_header(
    const std::vector<std::string>& header, const std::vector<ColumnSpec>& specs) {
  std::vector<const ColumnSpec*> matched;
  std::vector<std::string> unknown;
  for (const auto& name : header) {
    const auto it = std::find_if(specs.begin(), specs.end(),
                                 [&](const ColumnSpec& s) { return s.name == name; });
    if (it == specs.end()) {
      unknown.push_back(name.empty() ? "(empty)" : name);
    } else if (std::find(matched.begin(), matched.end(), &*it) != matched.end()) {
      return std::unexpected("column \"" + name + "\" appears twice");
    }
    matched.push_back(it == specs.end() ? nullptr : &*it);
  }
  if (unknown.empty()) return matched;
  std::string message = "unknown column(s):";
  for (const auto& u : unknown)
    message += " \"" + u + "\"";
  message += "; allowed:";
  for (const auto& s : specs)
    message += " " + s.name;
  return std::unexpected(message);
}

std::expected<Json, std::string> convert(const std::string& cell, Kind kind) {
  auto to_json = [](const auto& value) -> std::expected<Json, std::string> {
    if (!value) return std::unexpected(value.error());
    return Json(*value);
  };
  switch (kind) {
    case Kind::amount:
      return to_json(wire_amount(cell));
    case Kind::date:
      return to_json(wire_date(cell));
    case Kind::boolean:
      return to_json(wire_bool(cell));
    default:
      return Json(cell);
  }
}

// Drops the null holes that parties/instalments left out in the middle leave behind.
void compact(Json& deposit, const char* key) {
  if (!deposit.contains(key)) return;
  auto& array = deposit[key];
  Json kept = Json::array();
  for (auto& element : array)
    if (!element.is_null()) kept.push_back(std::move(element));
  array = std::move(kept);
}

ImportRow make_row(const CsvRecord& record, const std::vector<const ColumnSpec*>& columns) {
  ImportRow row;
  row.row = record.line;
  row.deposit = Json::object();
  row.csv_fields = record.fields;
  for (std::size_t i = 0; i < columns.size() && i < record.fields.size(); ++i) {
    const ColumnSpec* spec = columns[i];
    const std::string cell = trim(record.fields[i]);
    if (spec->kind == Kind::ignored || cell.empty()) continue;
    auto value = convert(cell, spec->kind);
    if (!value) {
      row.errors.push_back({spec->name, value.error()});
      continue;
    }
    row.deposit[Json::json_pointer(spec->pointer)] = std::move(*value);
  }
  if (record.fields.size() > columns.size())
    row.errors.push_back({"", std::to_string(record.fields.size()) + " fields, the header has " +
                                  std::to_string(columns.size())});
  if (const auto* id = find_any(row.deposit, {"deposit_id"}); id != nullptr)
    row.deposit_id = id->get<std::string>();
  compact(row.deposit, "parties");
  compact(row.deposit, "instalments");
  if (!row.errors.empty()) row.deposit = nullptr;
  return row;
}

}  // namespace

std::vector<std::string> csv_import_columns() {
  std::vector<std::string> names;
  for (const auto& spec : column_specs())
    names.push_back(spec.name);
  return names;
}

std::expected<std::vector<ImportRow>, std::string> deposits_from_csv(const CsvTable& table) {
  const auto specs = column_specs();
  const auto columns = match_header(table.header, specs);
  if (!columns) return std::unexpected(columns.error());
  std::vector<ImportRow> rows;
  rows.reserve(table.records.size());
  for (const auto& record : table.records)
    rows.push_back(make_row(record, *columns));
  return rows;
}

}  // namespace kaution::ctl
