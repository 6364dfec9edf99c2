#include "daemon/ctl/operations.hpp"

#include "daemon/ctl/json_text.hpp"
#include "daemon/ctl/table.hpp"

namespace kaution::ctl {
namespace {

void render_plain(const Json& answer, std::ostream& out) {
  render_answer(answer, out);
}

// {"status": "ok"} → "ok"; anything more as key/value lines.
void render_word(const Json& answer, std::ostream& out) {
  if (answer.is_object() && answer.size() == 1 && answer.contains("status"))
    out << cell_text(answer.at("status")) << "\n";
  else
    render_answer(answer, out);
}

std::optional<std::string> credentials_cell(const Json& row) {
  const Json* refused = find_any(row, {"credentials_refused"});
  if (refused == nullptr || !refused->is_boolean()) return std::nullopt;
  if (!refused->get<bool>()) return "ok";
  std::string cell = "PAUSED";
  if (const Json* since = find_any(row, {"refused_since"}); since && !since->is_null())
    cell += " since " + cell_text(*since);
  if (const Json* why = find_any(row, {"refused_message"}); why && !why->is_null())
    cell += ": " + cell_text(*why);
  return cell;
}

// The time at the first of `keys`; "never" when the daemon sent null.
Column time_column(std::string header, std::initializer_list<std::string_view> keys) {
  std::vector<std::string> names(keys.begin(), keys.end());
  return Column{std::move(header), [names](const Json& row) -> std::optional<std::string> {
                  for (const std::string& key : names) {
                    const auto it = row.find(key);
                    if (it != row.end()) return it->is_null() ? "never" : cell_text(*it);
                  }
                  return std::nullopt;
                }};
}

// "active 12, waiting 3" from {"active": 12, "waiting": 3}.
std::optional<std::string> counts_cell(const Json& row) {
  const Json* counts = find_any(row, {"counts"});
  if (counts == nullptr || !counts->is_object() || counts->empty()) return std::nullopt;
  std::string cell;
  for (const auto& [status, count] : counts->items())
    cell += (cell.empty() ? "" : ", ") + status + " " + cell_text(count);
  return cell;
}

// Per access: deposits, the last successful export and import, and whether it is paused for
// its credentials; then everything else the daemon sent.
void render_status(const Json& answer, std::ostream& out) {
  const Json* accesses = answer.is_object() ? find_any(answer, {"accesses"}) : nullptr;
  if (accesses == nullptr || !accesses->is_array()) return render_answer(answer, out);
  render_rows(*accesses,
              {key_column("ACCESS", {"access", "name"}), key_column("CONNECTOR", {"connector"}),
               key_column("DEPOSITS", {"deposits"}, Align::right),
               time_column("LAST EXPORT OK", {"last_export_ok_at", "last_export"}),
               time_column("LAST IMPORT OK", {"last_import_ok_at", "last_import"}),
               Column{"CREDENTIALS", credentials_cell}, Column{"STATUSES", counts_cell}},
              out);
  render_answer(answer, out, {"accesses"});
}

}  // namespace

int show_status(const Context& ctx) {
  return run_request(ctx, make_request("GET", "/api/v1/status"), render_status);
}

int show_health(const Context& ctx) {
  return run_request(ctx, make_request("GET", "/healthz"), render_word);
}

int show_ready(const Context& ctx) {
  return run_request(ctx, make_request("GET", "/readyz"), render_word);
}

int reload_config(const Context& ctx) {
  return run_request(ctx, make_request("POST", "/api/v1/reload"),
                     [](const Json& answer, std::ostream& out) {
                       out << "reloaded\n";
                       render_answer(answer, out);
                     });
}

int show_metrics(const Context& ctx) {
  auto request = make_request("GET", "/metrics");
  request.accept = "text/plain";
  auto answer = call(ctx, request);
  if (!answer) return answer.error();
  ctx.out << answer->body;
  return k_exit_ok;
}

int retrigger_exports(const Context& ctx, const RetriggerSelection& selection) {
  Json body = Json::object();
  if (selection.status) body["status"] = *selection.status;
  if (selection.connector) body["connector"] = *selection.connector;
  if (selection.access) body["access"] = *selection.access;
  return run_request(ctx, make_request("POST", "/api/v1/exports:retrigger", body.dump()),
                     render_plain);
}

int check_access(const Context& ctx, const std::string& name) {
  return run_request(ctx,
                     make_request("POST", "/api/v1/accesses/" + encode_segment(name) + "/check"),
                     [&](const Json& answer, std::ostream& out) {
                       out << "access " << name << ": checked\n";
                       render_answer(answer, out);
                     });
}

}  // namespace kaution::ctl
