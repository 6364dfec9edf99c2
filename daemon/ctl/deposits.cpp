#include "daemon/ctl/deposits.hpp"

#include <fstream>
#include <sstream>

#include "daemon/ctl/json_text.hpp"
#include "daemon/ctl/table.hpp"
#include "daemon/ctl/wire_values.hpp"

namespace kaution::ctl {
namespace {

constexpr std::string_view k_deposits = "/api/v1/deposits";

std::string deposit_path(const std::string& id) {
  return std::string(k_deposits) + "/" + encode_segment(id);
}

std::string party_name(const Json& party) {
  if (!party.is_object()) return cell_text(party);
  if (const auto* company = find_any(party, {"company_name"}); company != nullptr)
    return cell_text(*company);
  std::string name;
  for (const char* key : {"first_name", "last_name"})
    if (const auto* part = find_any(party, {key}); part != nullptr)
      name += (name.empty() ? "" : " ") + cell_text(*part);
  return name;
}

// "tenant"/"tenant_name" as sent, else the first tenant among "parties".
std::optional<std::string> tenant_cell(const Json& row) {
  if (const auto* tenant = find_any(row, {"tenant", "tenant_name"}); tenant != nullptr)
    return tenant->is_object() ? party_name(*tenant) : cell_text(*tenant);
  const auto* parties = find_any(row, {"parties"});
  if (parties == nullptr || !parties->is_array() || parties->empty()) return std::nullopt;
  for (const auto& party : *parties)
    if (party.is_object() && party.value("role", "tenant") == "tenant") return party_name(party);
  return party_name(parties->front());
}

std::optional<std::string> instalments_cell(const Json& row) {
  const auto* value = find_any(row, {"instalments", "instalment_count"});
  if (value == nullptr) return std::nullopt;
  if (value->is_array()) return std::to_string(value->size());
  return cell_text(*value);
}

std::vector<Column> list_columns() {
  return {key_column("ID", {"deposit_id", "id"}),
          key_column("STATUS", {"status"}),
          key_column("OBJECT", {"object_no"}),
          key_column("LABEL", {"object_label"}, Align::left, 30),
          Column{"TENANT", tenant_cell, Align::left, 30},
          key_column("UNIT", {"unit_no"}),
          key_column("CONNECTOR", {"connector"}),
          key_column("ACCESS", {"access"}),
          Column{"INST", instalments_cell, Align::right, 0},
          key_column("IBAN", {"iban", "virtual_iban"}),
          key_column("FROM", {"valid_from"}),
          key_column("UNTIL", {"valid_until"}),
          key_column("AGREED", {"agreed", "agreed_amount"}, Align::right),
          key_column("PAID", {"paid", "paid_amount"}, Align::right),
          key_column("OUTSTANDING", {"outstanding", "outstanding_amount"}, Align::right),
          key_column("BALANCE", {"bank_balance", "balance"}, Align::right)};
}

std::vector<Column> history_columns() {
  return {key_column("TIME", {"time", "at", "timestamp", "created_at"}),
          key_column("KIND", {"kind", "type", "event"}), key_column("FROM", {"old_status", "from"}),
          key_column("TO", {"new_status", "to", "status"}),
          key_column("REASON", {"reason", "message", "detail"}, Align::left, 80)};
}

void render_list(const Json& answer, std::ostream& out) {
  render_list_answer(answer, {"deposits", "items", "rows"}, list_columns(), out);
}

void render_history(const Json& answer, std::ostream& out) {
  render_list_answer(answer, {"history", "entries", "events", "items"}, history_columns(), out);
}

void render_object(const Json& answer, std::ostream& out) {
  render_key_values(answer, out);
}

std::expected<std::string, std::string> read_input(const std::string& file, std::istream& in) {
  std::ostringstream text;
  if (file == "-") {
    text << in.rdbuf();
    return text.str();
  }
  std::ifstream stream(file, std::ios::binary);
  if (!stream) return std::unexpected("cannot read " + file);
  text << stream.rdbuf();
  return text.str();
}

// POST without a body; "<id>: <done>" and the answer's fields.
int simple_post(const Context& ctx, const std::string& id, const std::string& suffix,
                const std::string& done) {
  return run_request(ctx, make_request("POST", deposit_path(id) + suffix),
                     [&](const Json& answer, std::ostream& out) {
                       out << id << ": " << done << "\n";
                       render_object(answer, out);
                     });
}

}  // namespace

int deposits_list(const Context& ctx, DepositFilter filter) {
  if (filter.from) {
    const auto from = wire_date(*filter.from);
    if (!from) {
      ctx.err << "kautionctl: --from: " << from.error() << "\n";
      return k_exit_usage;
    }
    filter.from = *from;
  }
  Query query;
  query.add("status", filter.status)
      .add("connector", filter.connector)
      .add("access", filter.access)
      .add("q", filter.q)
      .add_flag("active_only", filter.active_only)
      .add_flag("ended_only", filter.ended_only)
      .add("from", filter.from)
      .add("offset", filter.offset)
      .add("limit", filter.limit);
  return run_request(ctx, make_request("GET", std::string(k_deposits) + query.str()), render_list);
}

int deposits_show(const Context& ctx, const std::string& id) {
  return run_request(ctx, make_request("GET", deposit_path(id)), render_object);
}

int deposits_history(const Context& ctx, const std::string& id) {
  return run_request(ctx, make_request("GET", deposit_path(id) + "/history"), render_history);
}

int deposits_put(const Context& ctx, const std::string& file, std::istream& in) {
  const auto text = read_input(file, in);
  if (!text) {
    ctx.err << "kautionctl: " << text.error() << "\n";
    return k_exit_usage;
  }
  const auto json = Json::parse(*text, nullptr, false);
  const auto* id = json.is_object() ? find_any(json, {"deposit_id"}) : nullptr;
  if (id == nullptr || !id->is_string() || id->get<std::string>().empty()) {
    ctx.err << "kautionctl: " << (file == "-" ? "standard input" : file)
            << ": expected a JSON object with a \"deposit_id\"\n";
    return k_exit_usage;
  }
  const std::string deposit_id = id->get<std::string>();
  auto answer = call(ctx, make_request("PUT", deposit_path(deposit_id), *text));
  if (!answer) return answer.error();
  if (ctx.json) {
    ctx.out << answer->body << "\n";
    return k_exit_ok;
  }
  ctx.out << deposit_id << ": " << (answer->status == 201 ? "created" : "stored") << "\n";
  const auto body = Json::parse(answer->body, nullptr, false);
  if (!body.is_discarded()) render_object(body, ctx.out);
  return k_exit_ok;
}

int deposits_delete(const Context& ctx, const std::string& id) {
  return run_request(ctx, make_request("DELETE", deposit_path(id)),
                     [&](const Json& answer, std::ostream& out) {
                       out << id << ": deleted\n";
                       if (!answer.empty()) render_object(answer, out);
                     });
}

int deposits_close(const Context& ctx, const std::string& id) {
  return simple_post(ctx, id, "/close", "closed");
}

int deposits_export(const Context& ctx, const std::string& id) {
  return simple_post(ctx, id, "/export", "export re-triggered");
}

int deposits_ledger(const Context& ctx, const std::string& id, const LedgerFigures& figures) {
  const auto paid = wire_amount(figures.paid);
  const auto balance = wire_amount(figures.balance);
  const auto as_of = wire_date(figures.as_of);
  for (const auto* e : {&paid, &balance})
    if (!*e) ctx.err << "kautionctl: " << e->error() << "\n";
  if (!as_of) ctx.err << "kautionctl: " << as_of.error() << "\n";
  if (!paid || !balance || !as_of) return k_exit_usage;
  const Json body = {{"paid", *paid}, {"balance", *balance}, {"as_of", *as_of}};
  return run_request(ctx, make_request("PUT", deposit_path(id) + "/ledger", body.dump()),
                     render_object);
}

}  // namespace kaution::ctl
