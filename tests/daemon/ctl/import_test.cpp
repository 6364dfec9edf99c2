#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "tests/daemon/ctl/fake_api.hpp"
#include "tests/support/process.hpp"

// `deposits import`: files, batches, the summary, rejected rows, progress, exit codes.

namespace kaution::ctl::test {
namespace {

using kaution::test::read_file;
using kaution::test::TempDir;
using nlohmann::json;

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

const std::string k_header =
    "deposit_id;rental_contract_no;tenant_last_name;agreed_amount;instalment1_due;"
    "instalment1_amount;valid_from\n";

// `count` rows D-1…D-n; row `bad_amount` (1-based) has an amount that does not parse.
std::string csv_rows(int count, int bad_amount = 0) {
  std::string text = k_header;
  for (int i = 1; i <= count; ++i)
    text += "D-" + std::to_string(i) + ";1.080000." + std::to_string(i) + ";Schmidt;" +
            (i == bad_amount ? "1.340" : "1.340,00") + ";01.01.2021;1.340,00;01.01.2021\n";
  return text;
}

// A daemon that answers each deposit of a batch with `word`, and rejects D-5 with a field error.
FakeApi::Handler batch_daemon(std::vector<std::size_t>& sizes,
                              const std::string& word = "created") {
  return [&sizes, word](const ApiRequest& request) -> std::expected<ApiResponse, TransportError> {
    const auto deposits = json::parse(request.body);
    sizes.push_back(deposits.size());
    json results = json::array();
    for (const auto& d : deposits) {
      if (d.at("deposit_id") == "D-5")
        results.push_back(
            {{"deposit_id", "D-5"},
             {"result", "rejected"},
             {"errors", {{{"field", "parties[0].last_name"}, {"message", "too long"}}}}});
      else
        results.push_back({{"deposit_id", d.at("deposit_id")}, {"result", word}});
    }
    return json_answer(200, json{{"results", results}}.dump());
  };
}

TEST(Import, CsvWithGermanNumbersGoesInBatchesWithASummary) {
  TempDir dir;
  const auto file = dir.write("deposits.csv", csv_rows(25));
  const auto rejected = dir.path() / "rejected.csv";
  FakeApi api;
  std::vector<std::size_t> sizes;
  api.fallback(batch_daemon(sizes));
  const auto r = run_with(api, {"deposits", "import", file.string(), "--batch-size", "10",
                                "--rejected-out", rejected.string()});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_EQ(sizes, (std::vector<std::size_t>{10, 10, 5}));
  ASSERT_EQ(api.requests.size(), 3u);
  EXPECT_EQ(api.requests[0].method + " " + api.requests[0].target, "POST /api/v1/deposits:batch");
  const auto first = json::parse(api.requests[0].body).at(0);
  EXPECT_EQ(first.at("agreed_amount"), "1340.00");
  EXPECT_EQ(first.at("instalments"),
            json::parse(R"([{"due_date": "2021-01-01", "amount": "1340.00"}])"));
  EXPECT_EQ(r.out, file.string() +
                       ": 25 deposits in 3 batches\n"
                       "created 24, changed 0, unchanged 0, rejected 1\n"
                       "rejected:\n  row 6 D-5: parties[0].last_name: too long\n");
  EXPECT_EQ(read_file(rejected),
            "deposit_id;rental_contract_no;tenant_last_name;agreed_amount;instalment1_due;"
            "instalment1_amount;valid_from;rejected_reasons\r\n"
            "D-5;1.080000.5;Schmidt;1.340,00;01.01.2021;1.340,00;01.01.2021;"
            "parties[0].last_name: too long\r\n");
  EXPECT_FALSE(has(r.err, "deposits  ")) << "no progress bar without a terminal";
}

TEST(Import, RowsThatDoNotParseAreRejectedWithoutBeingSent) {
  TempDir dir;
  const auto file = dir.write("d.csv", csv_rows(3, 2));
  FakeApi api;
  std::vector<std::size_t> sizes;
  api.fallback(batch_daemon(sizes));
  const auto r = run_with(api, {"deposits", "import", file.string(), "--json"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(sizes, (std::vector<std::size_t>{2}));
  const auto summary = json::parse(r.out);
  EXPECT_EQ(summary.at("created"), 2);
  EXPECT_EQ(summary.at("rejected"), 1);
  EXPECT_EQ(summary.at("rejections").at(0).at("row"), 3);
  EXPECT_EQ(summary.at("rejections").at(0).at("deposit_id"), "D-2");
  EXPECT_EQ(summary.at("rejections").at(0).at("errors").at(0).at("field"), "agreed_amount");
}

TEST(Import, SecondRunOfTheSameFileIsUnchangedAndExit0) {
  TempDir dir;
  std::string ndjson;
  for (int i = 10; i < 14; ++i)
    ndjson += R"({"deposit_id": "D-)" + std::to_string(i) + "\"}\n";
  const auto file = dir.write("d.ndjson", ndjson + "\n");
  FakeApi api;
  std::vector<std::size_t> sizes;
  api.fallback(batch_daemon(sizes, "unchanged"));
  const auto r = run_with(api, {"deposits", "import", file.string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(has(r.out, "created 0, changed 0, unchanged 4, rejected 0")) << r.out;
}

TEST(Import, JsonFilesAndTheirBadElements) {
  TempDir dir;
  const auto file = dir.write("d.json", R"([{"deposit_id": "D-1"}, 7, {"deposit_id": "D-5"}])");
  const auto rejected = dir.path() / "rejected.ndjson";
  FakeApi api;
  std::vector<std::size_t> sizes;
  api.fallback(batch_daemon(sizes));
  const auto r =
      run_with(api, {"deposits", "import", file.string(), "--rejected-out", rejected.string()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(has(r.out, "created 1, changed 0, unchanged 0, rejected 2")) << r.out;
  EXPECT_TRUE(has(r.out, "  row 2: expected a JSON object\n")) << r.out;
  const auto lines = read_file(rejected);
  EXPECT_TRUE(has(
      lines,
      R"({"row":2,"deposit_id":"","errors":[{"field":"","message":"expected a JSON object"}],"deposit":7})"))
      << lines;
  EXPECT_TRUE(has(lines, R"("deposit":{"deposit_id":"D-5"})")) << lines;
}

TEST(Import, TooLargeBatchesAreSplit) {
  TempDir dir;
  const auto file = dir.write("d.csv", csv_rows(9));
  FakeApi api;
  std::vector<std::size_t> sizes;
  auto daemon = batch_daemon(sizes);
  api.fallback([&](const ApiRequest& request) -> std::expected<ApiResponse, TransportError> {
    if (json::parse(request.body).size() > 3) return problem_answer(413, "Content Too Large", "");
    return daemon(request);
  });
  const auto r = run_with(api, {"deposits", "import", file.string()});
  EXPECT_EQ(r.exit_code, 1) << r.err;  // D-5
  EXPECT_TRUE(has(r.out, "created 8, changed 0, unchanged 0, rejected 1")) << r.out;
  EXPECT_EQ(sizes, (std::vector<std::size_t>{2, 2, 2, 3}));
}

TEST(Import, ARefusedBatchStopsTheImport) {
  TempDir dir;
  const auto file = dir.write("d.csv", csv_rows(5));
  FakeApi api;
  api.answer("POST /api/v1/deposits:batch", problem_answer(403, "Forbidden", "needs role ledger"));
  const auto r = run_with(api, {"deposits", "import", file.string(), "--batch-size", "2"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(api.requests.size(), 1u);
  EXPECT_TRUE(has(r.err, "kautionctl: Forbidden (HTTP 403)\n  needs role ledger\n")) << r.err;
  EXPECT_TRUE(has(r.out, "not sent 5 (the import stopped)")) << r.out;
}

TEST(Import, FileProblemsAreExit2AndNothingIsSent) {
  TempDir dir;
  FakeApi api;
  auto r = run_with(api, {"deposits", "import", dir.write("d.txt", "x").string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(has(r.err, "unknown format")) << r.err;
  r = run_with(api, {"deposits", "import", dir.write("d.csv", "deposit_id;amount\n").string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(has(r.err, "unknown column(s): \"amount\"")) << r.err;
  r = run_with(api, {"deposits", "import", (dir.path() / "missing.json").string()});
  EXPECT_EQ(r.exit_code, 2);
  r = run_with(api, {"deposits", "import", dir.write("d.json", "{\"a\": ").string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(has(r.err, "not JSON")) << r.err;
  EXPECT_TRUE(api.requests.empty());
}

TEST(Import, ProgressBarOnlyOnATerminal) {
  TempDir dir;
  const auto file = dir.write("d.csv", csv_rows(4));
  FakeApi api;
  std::vector<std::size_t> sizes;
  api.fallback(batch_daemon(sizes));
  const auto r =
      run_with(api, {"deposits", "import", file.string(), "--batch-size", "2"}, "", {}, true);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(has(r.err, "\r[###############---------------]  2/4 deposits  50%")) << r.err;
  EXPECT_TRUE(has(r.err, "4/4 deposits  100%\n")) << r.err;
}

}  // namespace
}  // namespace kaution::ctl::test
