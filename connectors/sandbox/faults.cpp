#include "connectors/sandbox/faults.hpp"

#include <chrono>
#include <ctime>

namespace kaution::sandbox {
namespace {

constexpr std::string_view k_kinds[] = {"latency",  "status",     "reset",
                                        "truncate", "malformed",  "credentials",
                                        "hang",     "reset_body", "content_type"};

std::optional<FaultKind> kind_from(std::string_view text) {
  for (std::size_t i = 0; i < std::size(k_kinds); ++i) {
    if (k_kinds[i] == text) return static_cast<FaultKind>(i);
  }
  return std::nullopt;
}

std::string_view kind_name(FaultKind kind) {
  return k_kinds[static_cast<std::size_t>(kind)];
}

// `json[key]` as T when present; an error names the key.
template <class T>
std::expected<std::optional<T>, std::string> member(const nlohmann::json& json, const char* key) {
  const auto it = json.find(key);
  if (it == json.end() || it->is_null()) return std::optional<T>{};
  try {
    return std::optional<T>(it->get<T>());
  } catch (const nlohmann::json::exception&) {
    return std::unexpected(std::string("fault: \"") + key + "\" has the wrong type");
  }
}

bool is_known_key(std::string_view key) {
  constexpr std::string_view k_keys[] = {
      "kind",     "status", "retry_after", "retry_after_date_in", "latency_ms",
      "fraction", "next",   "path_prefix", "content_type"};
  for (const std::string_view known : k_keys)
    if (known == key) return true;
  return false;
}

std::expected<FaultRule, std::string> fill(const nlohmann::json& json, FaultRule rule) {
  auto status = member<int>(json, "status");
  auto retry = member<std::string>(json, "retry_after");
  auto retry_date = member<int>(json, "retry_after_date_in");
  auto latency = member<int>(json, "latency_ms");
  auto fraction = member<double>(json, "fraction");
  auto next = member<std::uint64_t>(json, "next");
  auto prefix = member<std::string>(json, "path_prefix");
  auto content_type = member<std::string>(json, "content_type");
  if (!content_type) return std::unexpected(content_type.error());
  rule.content_type = *content_type;
  if (!status) return std::unexpected(status.error());
  if (!retry) return std::unexpected(retry.error());
  if (!retry_date) return std::unexpected(retry_date.error());
  if (!latency) return std::unexpected(latency.error());
  if (!fraction) return std::unexpected(fraction.error());
  if (!next) return std::unexpected(next.error());
  if (!prefix) return std::unexpected(prefix.error());
  rule.status = status->value_or(rule.kind == FaultKind::status ? 503 : 0);
  rule.retry_after = *retry;
  rule.retry_after_date_in = *retry_date;
  rule.latency_ms = latency->value_or(0);
  rule.fraction = *fraction;
  rule.next = *next;
  rule.path_prefix = prefix->value_or("");
  return rule;
}

}  // namespace

std::expected<FaultRule, std::string> parse_fault(const nlohmann::json& json) {
  if (!json.is_object()) return std::unexpected("a fault is a JSON object");
  for (const auto& [key, value] : json.items()) {
    if (!is_known_key(key)) return std::unexpected("fault: unknown key \"" + key + "\"");
  }
  const auto kind_text = member<std::string>(json, "kind");
  if (!kind_text || !*kind_text) return std::unexpected("fault: \"kind\" is required");
  const auto kind = kind_from(**kind_text);
  if (!kind) return std::unexpected("fault: unknown kind \"" + **kind_text + "\"");
  FaultRule rule;
  rule.kind = *kind;
  auto filled = fill(json, rule);
  if (!filled) return filled;
  if (filled->kind == FaultKind::status && (filled->status < 400 || filled->status > 599)) {
    return std::unexpected("fault: \"status\" must be 400…599");
  }
  if (filled->fraction && (*filled->fraction < 0.0 || *filled->fraction > 1.0)) {
    return std::unexpected("fault: \"fraction\" must be 0…1");
  }
  if (filled->next && *filled->next == 0) return std::unexpected("fault: \"next\" must be >= 1");
  if (filled->latency_ms < 0 || filled->latency_ms > 600000) {
    return std::unexpected("fault: \"latency_ms\" must be 0…600000");
  }
  return filled;
}

nlohmann::json to_json(const FaultRule& rule) {
  nlohmann::json json{
      {"id", rule.id}, {"kind", kind_name(rule.kind)}, {"path_prefix", rule.path_prefix}};
  if (rule.kind == FaultKind::status) json["status"] = rule.status;
  if (rule.retry_after) json["retry_after"] = *rule.retry_after;
  if (rule.retry_after_date_in) json["retry_after_date_in"] = *rule.retry_after_date_in;
  if (rule.latency_ms != 0) json["latency_ms"] = rule.latency_ms;
  if (rule.fraction) json["fraction"] = *rule.fraction;
  if (rule.next) json["next"] = *rule.next;
  if (rule.content_type) json["content_type"] = *rule.content_type;
  return json;
}

std::optional<std::string> retry_after_value(const FaultRule& rule) {
  if (rule.retry_after) return rule.retry_after;
  if (rule.retry_after_date_in) return http_date_in(*rule.retry_after_date_in);
  return std::nullopt;
}

std::string http_date_in(int seconds) {
  const std::time_t at =
      std::chrono::system_clock::to_time_t(std::chrono::system_clock::now()) + seconds;
  std::tm utc{};
  gmtime_r(&at, &utc);
  char text[40];
  std::strftime(text, sizeof(text), "%a, %d %b %Y %H:%M:%S GMT", &utc);
  return text;
}

std::uint64_t FaultSet::add(FaultRule rule) {
  const std::lock_guard lock(m_mutex);
  rule.id = m_next_id++;
  m_rules.push_back(std::move(rule));
  return m_rules.back().id;
}

void FaultSet::clear() {
  {
    const std::lock_guard lock(m_mutex);
    m_rules.clear();
    ++m_clears;
  }
  m_cleared.notify_all();
}

bool FaultSet::wait_cleared(std::chrono::milliseconds limit) {
  std::unique_lock lock(m_mutex);
  const std::uint64_t generation = m_clears;
  return m_cleared.wait_for(lock, limit, [&] { return m_clears != generation; });
}

nlohmann::json FaultSet::to_json() const {
  const std::lock_guard lock(m_mutex);
  nlohmann::json rules = nlohmann::json::array();
  for (const FaultRule& rule : m_rules)
    rules.push_back(sandbox::to_json(rule));
  return rules;
}

std::optional<FaultRule> FaultSet::decide(std::string_view path) {
  const std::lock_guard lock(m_mutex);
  for (auto it = m_rules.begin(); it != m_rules.end(); ++it) {
    if (!path.starts_with(it->path_prefix)) continue;
    if (it->fraction) {
      const double draw = static_cast<double>(m_rng.below(1000000)) / 1000000.0;
      if (draw >= *it->fraction) continue;
    }
    FaultRule hit = *it;
    if (it->next && --*it->next == 0) m_rules.erase(it);
    return hit;
  }
  return std::nullopt;
}

}  // namespace kaution::sandbox
