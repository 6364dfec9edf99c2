#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "tests/daemon/ctl/stub_server.hpp"
#include "tests/support/process.hpp"

// `kautionctl deposits import` as a process against the stub daemon: a CSV with German numbers
// in batches, the summary, the rejected rows file, exit codes.

namespace kaution::ctl::test {
namespace {

using kaution::test::binary;
using kaution::test::read_file;
using nlohmann::json;

std::string german_csv(int rows) {
  std::string text =
      "deposit_id;rental_contract_no;tenant_first_name;tenant_last_name;agreed_amount;"
      "instalment1_due;instalment1_amount;instalment2_due;instalment2_amount;valid_from;"
      "residential\n";
  for (int i = 1; i <= rows; ++i)
    text += "D-" + std::to_string(i) + ";1.080000." + std::to_string(i) +
            ";Natalie;Schmidt;1.340,00;01.01.2021;670,00;01.02.2021;670,00;01.01.2021;ja\n";
  return text;
}

TEST(KautionctlImport, GermanCsvInBatchesWithSummaryAndRejectedRows) {
  StubDaemon stub;
  const auto file = stub.dir() / "deposits.csv";
  std::ofstream(file) << german_csv(25);
  const auto rejected = stub.dir() / "rejected.csv";
  const auto r = kaution::test::run(
      {binary("kautionctl"), "--socket", stub.socket().string(), "deposits", "import",
       file.string(), "--batch-size", "10", "--rejected-out", rejected.string()},
      {{"KAUTIONCTL_TOKEN", k_ledger_secret}});
  EXPECT_EQ(r.exit_code, 1) << r.err;  // D-5 is rejected
  const auto batches = stub.batches();
  ASSERT_EQ(batches.size(), 3u);
  EXPECT_EQ(batches[0].size(), 10u);
  EXPECT_EQ(batches[2].size(), 5u);
  EXPECT_EQ(batches[0][0].at("agreed_amount"), "1340.00");
  EXPECT_EQ(batches[0][0].at("instalments")[1],
            json::parse(R"({"due_date": "2021-02-01", "amount": "670.00"})"));
  EXPECT_EQ(batches[0][0].at("residential"), true);
  EXPECT_EQ(r.out, file.string() +
                       ": 25 deposits in 3 batches\n"
                       "created 23, changed 1, unchanged 0, rejected 1\n"
                       "rejected:\n  row 6 D-5: parties: at least one party\n");
  EXPECT_EQ(r.err, "");  // no progress bar: stderr is not a terminal
  const auto lines = read_file(rejected);
  EXPECT_TRUE(lines.ends_with(";ja;parties: at least one party\r\n")) << lines;
  EXPECT_TRUE(lines.starts_with("deposit_id;")) << lines;
}

TEST(KautionctlImport, AllAcceptedIsExit0) {
  StubDaemon stub;
  const auto file = stub.dir() / "d.ndjson";
  std::ofstream(file) << R"({"deposit_id": "D-1", "parties": []})"
                      << "\n"
                      << R"({"deposit_id": "D-2", "parties": []})"
                      << "\n";
  const auto r =
      kaution::test::run({binary("kautionctl"), "--socket", stub.socket().string(), "--token",
                          k_ledger_secret, "deposits", "import", file.string(), "--json"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  const auto summary = json::parse(r.out);
  EXPECT_EQ(summary.at("created"), 1);
  EXPECT_EQ(summary.at("changed"), 1);
  EXPECT_EQ(summary.at("rejected"), 0);
}

}  // namespace
}  // namespace kaution::ctl::test
