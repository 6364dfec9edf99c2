#include "daemon/ctl/batch_answer.hpp"

#include <map>

#include "daemon/ctl/json_text.hpp"

namespace kaution::ctl {
namespace {

std::optional<Outcome> outcome_word(const std::string& word) {
  static const std::map<std::string, Outcome, std::less<>> k_words = {
      {"created", Outcome::created},     {"changed", Outcome::changed},
      {"updated", Outcome::changed},     {"replaced", Outcome::changed},
      {"unchanged", Outcome::unchanged}, {"rejected", Outcome::rejected},
      {"invalid", Outcome::rejected},    {"error", Outcome::rejected},
      {"failed", Outcome::rejected}};
  const auto it = k_words.find(word);
  if (it == k_words.end()) return std::nullopt;
  return it->second;
}

std::optional<Outcome> outcome_from_code(const Json& result) {
  const auto* code = find_any(result, {"http_status", "code", "status"});
  if (code == nullptr || !code->is_number_integer()) return std::nullopt;
  const auto value = code->get<long long>();
  if (value == 201) return Outcome::created;
  if (value >= 400) return Outcome::rejected;
  return std::nullopt;
}

std::vector<ProblemFieldError> result_errors(const Json& result) {
  std::vector<ProblemFieldError> errors;
  if (const auto* e = find_any(result, {"errors"}); e != nullptr) errors = read_field_errors(*e);
  if (const auto* p = find_any(result, {"problem"}); p != nullptr && p->is_object()) {
    if (const auto* e = find_any(*p, {"errors"}); e != nullptr)
      for (auto& fe : read_field_errors(*e))
        errors.push_back(std::move(fe));
    if (errors.empty())
      if (const auto* d = find_any(*p, {"detail", "title"}); d != nullptr)
        errors.push_back({"", cell_text(*d)});
  }
  if (errors.empty())
    if (const auto* m = find_any(result, {"message", "detail", "error"}); m != nullptr)
      errors.push_back({"", cell_text(*m)});
  return errors;
}

Outcome classify(const Json& result, const std::vector<ProblemFieldError>& errors) {
  for (const char* key : {"result", "outcome", "action", "change", "status"})
    if (const auto* word = find_any(result, {key}); word != nullptr && word->is_string())
      if (auto outcome = outcome_word(word->get<std::string>())) return *outcome;
  if (auto outcome = outcome_from_code(result)) return *outcome;
  const auto* created = find_any(result, {"created"});
  if (created != nullptr && created->is_boolean() && created->get<bool>()) return Outcome::created;
  if (const auto* changed = find_any(result, {"changed"});
      changed != nullptr && changed->is_boolean())
    return changed->get<bool>() ? Outcome::changed : Outcome::unchanged;
  if (!errors.empty()) return Outcome::rejected;
  return Outcome::unknown;
}

BatchResult read_result(const Json& result) {
  BatchResult out;
  if (!result.is_object()) return out;
  if (const auto* id = find_any(result, {"deposit_id", "id"}); id != nullptr && id->is_string())
    out.deposit_id = id->get<std::string>();
  out.errors = result_errors(result);
  out.outcome = classify(result, out.errors);
  if (out.outcome != Outcome::rejected) out.errors.clear();
  return out;
}

}  // namespace

std::vector<BatchResult> read_batch_answer(const Json& answer) {
  std::vector<BatchResult> results;
  const auto* rows = find_rows(answer, {"results", "items", "deposits"});
  if (rows == nullptr) return results;
  results.reserve(rows->size());
  for (const auto& result : *rows)
    results.push_back(read_result(result));
  return results;
}

}  // namespace kaution::ctl
