#include "daemon/ctl/command.hpp"

#include "daemon/ctl/problem.hpp"

namespace kaution::ctl {
namespace {

bool is_unreserved(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '.' || c == '_' || c == '~';
}

}  // namespace

std::expected<ApiResponse, int> call(const Context& ctx, const ApiRequest& request) {
  auto answer = ctx.api.send(request);
  if (!answer) {
    ctx.err << "kautionctl: " << answer.error().message << "\n";
    return std::unexpected(k_exit_usage);
  }
  if (answer->status >= 200 && answer->status < 300) return *answer;
  ApiResponse refusal = *answer;
  if (ctx.redactor != nullptr) refusal.body = ctx.redactor->scrub(refusal.body);
  if (ctx.json && !refusal.body.empty()) ctx.out << refusal.body << "\n";
  print_problem(read_problem(refusal), ctx.err);
  if (answer->status == 401 && !ctx.has_token)
    ctx.err << "  no token given: use --token-file, KAUTIONCTL_TOKEN, --token or --config\n";
  return std::unexpected(k_exit_refused);
}

int run_request(const Context& ctx, const ApiRequest& request, const Renderer& render) {
  auto answer = call(ctx, request);
  if (!answer) return answer.error();
  if (ctx.json) {
    ctx.out << answer->body;
    if (!answer->body.empty() && answer->body.back() != '\n') ctx.out << "\n";
    return k_exit_ok;
  }
  const auto json =
      answer->body.empty() ? Json::object() : Json::parse(answer->body, nullptr, false);
  if (json.is_discarded()) {
    ctx.out << answer->body;
    if (!answer->body.empty() && answer->body.back() != '\n') ctx.out << "\n";
  } else {
    render(json, ctx.out);
  }
  return k_exit_ok;
}

std::string encode_segment(std::string_view text) {
  static constexpr char k_hex[] = "0123456789ABCDEF";
  std::string out;
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (is_unreserved(c)) {
      out += ch;
    } else {
      out += '%';
      out += k_hex[c >> 4U];
      out += k_hex[c & 0xFU];
    }
  }
  return out;
}

Query& Query::add(std::string_view name, const std::optional<std::string>& value) {
  if (!value) return *this;
  m_text += m_text.empty() ? "?" : "&";
  m_text += encode_segment(name) + "=" + encode_segment(*value);
  return *this;
}

Query& Query::add_flag(std::string_view name, bool set) {
  return set ? add(name, std::string("true")) : *this;
}

}  // namespace kaution::ctl
