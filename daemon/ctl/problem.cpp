#include "daemon/ctl/problem.hpp"

#include "daemon/ctl/json_text.hpp"

namespace kaution::ctl {
namespace {

constexpr std::size_t k_max_text_detail = 500;

std::string reason_phrase(int status) {
  switch (status) {
    case 400:
      return "Bad Request";
    case 401:
      return "Unauthorized";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 405:
      return "Method Not Allowed";
    case 409:
      return "Conflict";
    case 413:
      return "Content Too Large";
    case 422:
      return "Unprocessable Content";
    case 500:
      return "Internal Server Error";
    case 501:
      return "Not Implemented";
    case 503:
      return "Service Unavailable";
    default:
      return "HTTP error";
  }
}

std::string text_member(const Json& object, const char* key) {
  const auto it = object.find(key);
  if (it == object.end() || it->is_null()) return {};
  return it->is_string() ? it->get<std::string>() : it->dump();
}

}  // namespace

std::vector<ProblemFieldError> read_field_errors(const Json& errors) {
  std::vector<ProblemFieldError> out;
  if (!errors.is_array()) return out;
  for (const auto& e : errors) {
    if (e.is_string()) {
      out.push_back({"", e.get<std::string>()});
    } else if (e.is_object()) {
      out.push_back({text_member(e, "field"), text_member(e, "message")});
    }
  }
  return out;
}

ProblemReport read_problem(const ApiResponse& response) {
  ProblemReport report;
  report.status = response.status;
  const auto json = Json::parse(response.body, nullptr, false);
  if (json.is_object()) {
    report.title = text_member(json, "title");
    report.detail = text_member(json, "detail");
    if (report.detail.empty()) report.detail = text_member(json, "message");
    if (report.detail.empty()) report.detail = text_member(json, "error");
    if (const auto it = json.find("errors"); it != json.end())
      report.errors = read_field_errors(*it);
  } else {
    report.detail = shorten(trim(response.body), k_max_text_detail);
  }
  if (report.title.empty()) report.title = reason_phrase(response.status);
  return report;
}

std::string format(const ProblemFieldError& error) {
  if (error.field.empty()) return error.message;
  return error.field + ": " + error.message;
}

void print_problem(const ProblemReport& problem, std::ostream& err) {
  err << "kautionctl: " << problem.title << " (HTTP " << problem.status << ")\n";
  if (!problem.detail.empty()) err << "  " << problem.detail << "\n";
  for (const auto& e : problem.errors)
    err << "  " << format(e) << "\n";
}

}  // namespace kaution::ctl
