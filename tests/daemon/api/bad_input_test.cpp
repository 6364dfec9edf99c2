// The bad-input corpus (corpus/bad_input.jsonl, described in corpus/README.md) against a real
// kautiond over HTTP on its Unix socket: every case is refused with a problem+json answer (a
// batch: 200 with every entry rejected) that names each culprit field, and the store is left
// exactly as it was — every row of every table, compared before and after each case.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <fstream>
#include <stdexcept>

#include "tests/daemon/api/api_support.hpp"

namespace kaution::test {
namespace {

using namespace std::chrono_literals;

// Every row of every table of the store file, as text, through a read-only connection.
std::string store_digest(const std::filesystem::path& store) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(store.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK)
    throw std::runtime_error("cannot open " + store.string());
  std::string out;
  auto each_row = [&](const std::string& sql, auto&& fn) {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK)
      throw std::runtime_error(sqlite3_errmsg(db));
    while (sqlite3_step(stmt) == SQLITE_ROW)
      fn(stmt);
    sqlite3_finalize(stmt);
  };
  std::vector<std::string> tables;
  each_row("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name", [&](auto* s) {
    tables.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(s, 0)));
  });
  for (const std::string& table : tables) {
    out += "# " + table + "\n";
    each_row("SELECT * FROM \"" + table + "\" ORDER BY 1", [&](sqlite3_stmt* s) {
      for (int i = 0; i < sqlite3_column_count(s); ++i) {
        const auto* text = sqlite3_column_text(s, i);
        out += text != nullptr ? reinterpret_cast<const char*>(text) : "NULL";
        out += '|';
      }
      out += '\n';
    });
  }
  sqlite3_close(db);
  return out;
}

std::vector<nlohmann::json> read_corpus() {
  std::ifstream in(std::string(KAUTION_SOURCE_DIR) + "/tests/daemon/api/corpus/bad_input.jsonl");
  std::vector<nlohmann::json> cases;
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) cases.push_back(nlohmann::json::parse(line));
  return cases;
}

// `base` changed as the case (or batch entry) says: set, repeat, remove.
nlohmann::json modified(nlohmann::json base, const nlohmann::json& how) {
  const nlohmann::json set = how.value("set", nlohmann::json::object());
  const nlohmann::json repeat = how.value("repeat", nlohmann::json::object());
  const nlohmann::json remove = how.value("remove", nlohmann::json::array());
  for (const auto& [pointer, value] : set.items())
    base[nlohmann::json::json_pointer(pointer)] = value;
  for (const auto& [pointer, spec] : repeat.items()) {
    std::string text;
    for (int i = 0; i < spec[1].get<int>(); ++i)
      text += spec[0].get<std::string>();
    base[nlohmann::json::json_pointer(pointer)] = text;
  }
  for (const auto& text : remove) {
    const nlohmann::json::json_pointer pointer(text.get<std::string>());
    base[pointer.parent_pointer()].erase(pointer.back());  // members of objects only
  }
  return base;
}

std::string latin1(const std::string& utf8) {
  std::string out;
  for (std::size_t i = 0; i < utf8.size(); ++i) {
    const auto c = static_cast<unsigned char>(utf8[i]);
    if (c == 0xC3 && i + 1 < utf8.size()) {
      out += static_cast<char>(static_cast<unsigned char>(utf8[++i]) + 0x40);
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

std::string batch_body(const nlohmann::json& c, bool ndjson) {
  std::vector<std::string> entries;
  if (c.contains("batch_empty")) entries.assign(c["batch_empty"].get<std::size_t>(), "{}");
  int n = 10;
  const nlohmann::json batch = c.value("batch", nlohmann::json::array());
  for (const auto& entry : batch) {
    if (entry.contains("text")) {
      entries.push_back(entry["text"].get<std::string>());
      continue;
    }
    const nlohmann::json base =
        entry.value("same_as_d1", false)
            ? aak_deposit("D-1", "1.0001", 1)
            : aak_deposit("D-" + std::to_string(n), "2.00" + std::to_string(n),
                          static_cast<std::uint64_t>(n));
    ++n;
    entries.push_back(modified(base, entry).dump());
  }
  std::string body = ndjson ? "" : "[";
  for (std::size_t i = 0; i < entries.size(); ++i)
    body += ndjson ? entries[i] + "\n" : (i ? "," : "") + entries[i];
  return ndjson ? body : body + "]";
}

std::optional<std::string> token_of(const std::string& role) {
  if (role == "none") return std::nullopt;
  if (role == "wrong") return std::string("not-a-token");
  if (role == "support") return k_support_token;
  if (role == "operator") return k_monitor_token;
  return k_erp_token;
}

bool names(const nlohmann::json& errors, const std::string& field) {
  const auto pointer = field.empty() || field.starts_with("line ")
                           ? std::string()
                           : "/" + std::string(field);  // only checked for simple names below
  for (const auto& e : errors) {
    if (e.value("field", "") == field) return true;
    if (!pointer.empty() && field.find_first_of(".[") == std::string::npos &&
        e.value("pointer", "") == pointer)
      return true;
  }
  return false;
}

void expect_every_error_described(const nlohmann::json& errors) {
  for (const auto& e : errors) {
    EXPECT_TRUE(e.contains("field")) << e;
    EXPECT_FALSE(e.value("message", "").empty()) << e;
  }
}

void check_batch_answer(const nlohmann::json& c, const Reply& r) {
  const auto& results = r.json["results"];
  const nlohmann::json fields = c.value("fields", nlohmann::json::array());
  ASSERT_EQ(results.size(), fields.size()) << r.body.substr(0, 2000);
  const auto unchanged = c.value("unchanged", std::size_t{0});
  EXPECT_EQ(r.json["summary"]["rejected"], results.size() - unchanged) << r.json["summary"];
  EXPECT_EQ(r.json["summary"]["unchanged"], unchanged) << r.json["summary"];
  for (std::size_t i = 0; i < results.size(); ++i) {
    const nlohmann::json errors = results[i].value("errors", nlohmann::json::array());
    expect_every_error_described(errors);
    for (const auto& field : fields[i])
      EXPECT_TRUE(names(results[i]["errors"], field.get<std::string>()))
          << "entry " << i << " must name " << field << ": " << results[i];
  }
}

void check_problem(const nlohmann::json& c, const Reply& r) {
  EXPECT_EQ(r.content_type, "application/problem+json") << r.body.substr(0, 500);
  ASSERT_TRUE(r.json.is_object()) << r.body.substr(0, 500);
  EXPECT_EQ(r.json["status"], r.status);
  EXPECT_FALSE(r.json.value("title", "").empty());
  EXPECT_FALSE(r.json.value("detail", "").empty()) << r.body.substr(0, 500);
  expect_every_error_described(r.json["errors"]);
  const nlohmann::json fields = c.value("fields", nlohmann::json::array());
  for (const auto& field : fields)
    EXPECT_TRUE(names(r.json["errors"], field.get<std::string>()))
        << "must name " << field << ": " << r.body.substr(0, 2000);
}

Reply run_case(const Daemon& daemon, const nlohmann::json& c) {
  const std::string method = c.value("method", "PUT");
  const std::string target = c.value("target", "/api/v1/deposits/D-2");
  const bool ndjson = c.value("ndjson", false);
  std::optional<std::string> body;
  if (c.contains("text")) {
    body = c["text"].get<std::string>();
    if (c.value("latin1", false)) body = latin1(*body);
  } else if (c.contains("batch") || c.contains("batch_empty")) {
    body = batch_body(c, ndjson);
  } else if (method != "GET") {
    nlohmann::json deposit = modified(aak_deposit("D-2", "1.0002", 2), c);
    if (c.contains("pad")) deposit["padding"] = std::string(c["pad"].get<std::size_t>(), 'x');
    body = deposit.dump();
  }
  const std::string content_type =
      c.value("content_type", ndjson ? "application/x-ndjson" : "application/json");
  std::vector<std::string> headers{"X-Case: corpus"};
  if (body && !content_type.empty()) headers.push_back("Content-Type: " + content_type);
  return daemon.call(method, target, token_of(c.value("token", "ledger")), body, headers, 120s);
}

TEST(ApiBadInput, EveryCaseOfTheCorpusIsRefusedAndChangesNothing) {
  Daemon daemon;
  ASSERT_EQ(daemon.put_deposit(aak_deposit("D-1", "1.0001", 1)).status, 201);
  const std::string before = store_digest(daemon.store_path());
  const auto cases = read_corpus();
  ASSERT_GE(cases.size(), 50u);
  for (const nlohmann::json& c : cases) {
    SCOPED_TRACE(c["case"].get<std::string>());
    const Reply r = run_case(daemon, c);
    EXPECT_EQ(r.status, c["status"].get<long>()) << r.error << r.body.substr(0, 2000);
    if (r.status != c["status"].get<long>()) {
    } else if (r.status == 200)
      check_batch_answer(c, r);
    else
      check_problem(c, r);
    ASSERT_EQ(store_digest(daemon.store_path()), before);
  }
  // The daemon is still serving and D-1 is as it was.
  EXPECT_EQ(daemon.get("/api/v1/deposits/D-1").status, 200);
}

}  // namespace
}  // namespace kaution::test
