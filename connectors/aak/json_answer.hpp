#pragma once
// Reading a bank's JSON answer whole or not at all: every part that is missing or malformed
// fails the answer with class protocol, naming the part ("items[3].balance: not an amount").

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "connectors/http/classify.hpp"
#include "core/date.hpp"
#include "core/failure.hpp"
#include "core/money.hpp"

namespace kaution::connectors {

// Thrown while reading an answer; read_answer turns it into a protocol Failure.
class BadAnswer : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A part of an answer with its path from the root ("items[3].period"). Views the document,
// which must outlive it. The accessors throw BadAnswer.
class JsonPart {
 public:
  JsonPart(const nlohmann::json& value, std::string path)
      : m_value(&value), m_path(std::move(path)) {}

  const nlohmann::json& value() const { return *m_value; }
  const std::string& path() const { return m_path; }
  // Present and not null.
  bool has(std::string_view key) const;

  JsonPart object(std::string_view key) const;
  // A required array; each element must be an object.
  std::vector<JsonPart> objects(std::string_view key) const;
  // A required string, not empty.
  std::string text(std::string_view key) const;
  // Absent or null → nullopt; else a string.
  std::optional<std::string> optional_text(std::string_view key) const;
  // A decimal string ("1342.17", "-0.50"); never through a double.
  Money money(std::string_view key) const;
  Date date(std::string_view key) const;
  // A JSON integer.
  std::int64_t integer(std::string_view key) const;
  // A decimal string of digits with at most one '.' ("0.250"), kept as text.
  std::string decimal_text(std::string_view key) const;

  [[noreturn]] void fail(std::string_view key, std::string_view reason) const;

 private:
  const nlohmann::json& member(std::string_view key) const;
  std::string path_of(std::string_view key) const;

  const nlohmann::json* m_value;
  std::string m_path;
};

// Parses `body` as a JSON object and returns read(root). A body that is not a JSON object, or
// a BadAnswer from `read`, is class protocol: "<what>: <path>: <reason>".
template <typename Read>
auto read_answer(std::string_view what, const std::string& body, Read&& read)
    -> Result<decltype(read(std::declval<const JsonPart&>()))> {
  const nlohmann::json document = nlohmann::json::parse(body, nullptr, false);
  if (document.is_discarded() || !document.is_object())
    return std::unexpected(httpclient::protocol_failure(what, "the answer is not a JSON object"));
  try {
    return read(JsonPart(document, ""));
  } catch (const BadAnswer& bad) {
    return std::unexpected(httpclient::protocol_failure(what, bad.what()));
  }
}

}  // namespace kaution::connectors
