#include <gtest/gtest.h>

#include <sstream>

#include "daemon/ctl/json_text.hpp"
#include "daemon/ctl/problem.hpp"
#include "daemon/ctl/table.hpp"
#include "daemon/ctl/wire_values.hpp"

// Text for people: cells, tables, values typed by people, problems.

namespace kaution::ctl {
namespace {

using json = Json;

TEST(JsonText, CellsShowValuesAsTheDaemonSentThem) {
  EXPECT_EQ(cell_text(json("1340.00")), "1340.00");
  EXPECT_EQ(cell_text(json(nullptr)), "-");
  EXPECT_EQ(cell_text(json(true)), "yes");
  EXPECT_EQ(cell_text(json(12345678901234LL)), "12345678901234");
  EXPECT_EQ(cell_text(json::parse(R"(["a", 2])")), "a, 2");
  EXPECT_EQ(cell_text(json::parse(R"([{"a": 1}, {"a": 2}])")), "<2 items>");
}

TEST(JsonText, ShortenCountsCharactersAndNeverSplitsUtf8) {
  const std::string name = "Müller-Lüdenscheidt";
  EXPECT_EQ(shorten(name, 30), name);
  EXPECT_EQ(shorten(name, 4), "Mül…");
  EXPECT_EQ(display_width("Müller"), 6u);
}

TEST(JsonText, FlattenNamesEveryLeafByItsPath) {
  const auto flat = flatten(json::parse(
      R"({"parties": [{"address": {"city": "Dortmund"}}], "agreed_amount": "1340.00", "tags": []})"));
  ASSERT_EQ(flat.size(), 3u);
  EXPECT_EQ(flat[0], (std::pair<std::string, std::string>{"parties[0].address.city", "Dortmund"}));
  EXPECT_EQ(flat[1], (std::pair<std::string, std::string>{"agreed_amount", "1340.00"}));
  EXPECT_EQ(flat[2], (std::pair<std::string, std::string>{"tags", "-"}));
}

TEST(JsonText, FindRowsToleratesShapes) {
  const auto array = json::parse(R"([{"a": 1}])");
  EXPECT_EQ(find_rows(array, {"deposits"}), &array);
  const auto named = json::parse(R"({"total": 1, "deposits": [{"a": 1}]})");
  EXPECT_EQ(find_rows(named, {"deposits"}), &named.at("deposits"));
  const auto other = json::parse(R"({"total": 1, "whatever": [{"a": 1}]})");
  EXPECT_EQ(find_rows(other, {"deposits"}), &other.at("whatever"));
  EXPECT_EQ(find_rows(json::parse(R"({"a": 1})"), {"deposits"}), nullptr);
}

TEST(Table, AlignsColumnsByCharactersNotBytes) {
  Table table;
  table.add_column("NAME");
  table.add_column("AMOUNT", Align::right);
  table.add_row({"Müller", "1340.00"});
  table.add_row({"Li", "5.00"});
  std::ostringstream out;
  table.render(out);
  EXPECT_EQ(out.str(),
            "NAME     AMOUNT\n"
            "------  -------\n"
            "Müller  1340.00\n"
            "Li         5.00\n");
}

TEST(Table, RowsShowOnlyColumnsWithValuesAndFallBackToEveryMember) {
  const auto rows = json::parse(R"([{"deposit_id": "D-1", "paid": "10.00", "extra": 1},
                                    {"deposit_id": "D-2", "paid": null}])");
  std::ostringstream out;
  render_rows(rows,
              {key_column("ID", {"deposit_id"}), key_column("NONE", {"missing"}),
               key_column("PAID", {"paid"}, Align::right)},
              out);
  EXPECT_EQ(out.str(), "ID    PAID\n---  -----\nD-1  10.00\nD-2      -\n");
  std::ostringstream fallback;
  render_rows(rows, {key_column("NONE", {"missing"})}, fallback);
  EXPECT_NE(fallback.str().find("deposit_id"), std::string::npos) << fallback.str();
  EXPECT_NE(fallback.str().find("extra"), std::string::npos);
}

TEST(Table, ListAnswerShowsRowsThenTheOtherMembers) {
  std::ostringstream out;
  render_list_answer(json::parse(R"({"deposits": [{"deposit_id": "D-1"}],
                                     "sums": {"agreed": "1340.00"}})"),
                     {"deposits"}, {key_column("ID", {"deposit_id"})}, out);
  EXPECT_EQ(out.str(), "ID\n---\nD-1\n\nsums.agreed  1340.00\n");
}

TEST(WireValues, AmountsInGermanOrWireFormBecomeWireForm) {
  EXPECT_EQ(wire_amount("1.340,00"), "1340.00");
  EXPECT_EQ(wire_amount("1340,5").has_value(), false);
  EXPECT_EQ(wire_amount("446,67"), "446.67");
  EXPECT_EQ(wire_amount("1340.00"), "1340.00");
  EXPECT_EQ(wire_amount("1340"), "1340.00");
  EXPECT_FALSE(wire_amount("1.340").has_value());
  EXPECT_FALSE(wire_amount("1e5").has_value());
  EXPECT_FALSE(wire_amount("12,345").has_value());
}

TEST(WireValues, DatesIsoOrGerman) {
  EXPECT_EQ(wire_date("2021-01-01"), "2021-01-01");
  EXPECT_EQ(wire_date("01.02.2021"), "2021-02-01");
  EXPECT_FALSE(wire_date("30.02.2026").has_value());
  EXPECT_FALSE(wire_date("2026-02-30").has_value());
  EXPECT_FALSE(wire_date("1.2.2021").has_value());
  EXPECT_EQ(wire_bool("Ja"), true);
  EXPECT_EQ(wire_bool("0"), false);
  EXPECT_FALSE(wire_bool("vielleicht").has_value());
}

TEST(Problem, ReadsProblemJsonWithEveryFieldError) {
  const auto report = read_problem(
      {422, "application/problem+json",
       R"({"type": "about:blank", "title": "Invalid deposit", "status": 422, "detail": "2 errors",
           "errors": [{"field": "parties[0].last_name", "message": "required"},
                      {"field": "agreed_amount", "message": "must be > 0"}], "extra": 1})"});
  std::ostringstream err;
  print_problem(report, err);
  EXPECT_EQ(err.str(),
            "kautionctl: Invalid deposit (HTTP 422)\n  2 errors\n"
            "  parties[0].last_name: required\n  agreed_amount: must be > 0\n");
}

TEST(Problem, TextAnswersStillSaySomething) {
  const auto report = read_problem({502, "text/html", "  <h1>Bad gateway</h1>\n"});
  EXPECT_EQ(report.title, "HTTP error");
  EXPECT_EQ(report.detail, "<h1>Bad gateway</h1>");
}

}  // namespace
}  // namespace kaution::ctl
