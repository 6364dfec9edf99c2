#include "daemon/http/message.hpp"

namespace kaution::http {
namespace {

constexpr auto k_dump_errors = nlohmann::json::error_handler_t::replace;

}  // namespace

std::optional<std::string_view> Request::query_param(std::string_view name) const {
  const auto it = query.find(name);
  if (it == query.end()) return std::nullopt;
  return it->second;
}

std::optional<std::string_view> Request::header(std::string_view lower_case_name) const {
  const auto it = headers.find(lower_case_name);
  if (it == headers.end()) return std::nullopt;
  return it->second;
}

std::string_view Request::path_param(std::string_view name) const {
  const auto it = path_params.find(name);
  return it == path_params.end() ? std::string_view{} : std::string_view{it->second};
}

Response to_response(const Problem& problem) {
  nlohmann::ordered_json body{{"type", problem.type},
                              {"title", problem.title},
                              {"status", problem.status},
                              {"detail", problem.detail}};
  auto errors = nlohmann::ordered_json::array();
  for (const FieldError& error : problem.errors) {
    nlohmann::ordered_json e{{"field", error.field}, {"message", error.message}};
    if (!error.pointer.empty()) e["pointer"] = error.pointer;
    errors.push_back(std::move(e));
  }
  body["errors"] = std::move(errors);
  for (const auto& [key, value] : problem.extensions.items()) {
    if (!body.contains(key)) body[key] = value;
  }
  return Response{problem.status,
                  std::string(k_problem_content_type),
                  body.dump(-1, ' ', false, k_dump_errors),
                  {}};
}

Response problem(int status, std::string title, std::string detail,
                 std::vector<FieldError> errors) {
  Problem p;
  p.status = status;
  p.title = std::move(title);
  p.detail = std::move(detail);
  p.errors = std::move(errors);
  return to_response(p);
}

Response json_response(int status, const nlohmann::json& body) {
  return Response{status, "application/json", body.dump(-1, ' ', false, k_dump_errors), {}};
}

}  // namespace kaution::http
