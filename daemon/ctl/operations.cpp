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

}  // namespace

int show_status(const Context& ctx) {
  return run_request(ctx, make_request("GET", "/api/v1/status"), render_plain);
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
