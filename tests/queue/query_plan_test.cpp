// The scheduler's queries must not walk every deposit of an access: they run at every wake-up
// of the sync worker, and on a large portfolio that read filled the page cache (40+ MB) while
// the daemon idled. EXPLAIN QUERY PLAN shows which index drives each one.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <string>
#include <vector>

#include "queue/sqlite_sql.hpp"
#include "tests/queue/store_fixture.hpp"

namespace kaution::test {
namespace {

// The plan's rows ("SEARCH q USING INDEX …"), outermost loop first.
std::vector<std::string> query_plan(const std::filesystem::path& db_path, const char* sql) {
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  const std::string explain = std::string("EXPLAIN QUERY PLAN ") + sql;
  EXPECT_EQ(sqlite3_prepare_v2(db, explain.c_str(), -1, &stmt, nullptr), SQLITE_OK)
      << sqlite3_errmsg(db);
  std::vector<std::string> rows;
  while (sqlite3_step(stmt) == SQLITE_ROW)
    rows.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 3)));
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return rows;
}

class QueryPlanTest : public StoreTest {
 protected:
  void SetUp() override {
    for (int i = 0; i < 50; ++i)
      store().upsert_deposit(make_deposit("D-" + std::to_string(i)));
  }
};

// The outermost loop walks the export queue's due rows; no step walks the access's deposits.
void expect_driven_by_due_exports(const std::filesystem::path& db_path, const char* sql) {
  const auto plan = query_plan(db_path, sql);
  ASSERT_FALSE(plan.empty());
  EXPECT_NE(plan.front().find("export_queue_due"), std::string::npos) << plan.front();
  for (const std::string& row : plan)
    EXPECT_EQ(row.find("deposits_by_access"), std::string::npos) << row;
}

TEST_F(QueryPlanTest, NextExportStartsFromTheQueuesDueIndex) {
  expect_driven_by_due_exports(file.path(), sql::k_export_next_at.text);
}

TEST_F(QueryPlanTest, DueExportsOfAnAccessStartFromTheQueuesDueIndex) {
  expect_driven_by_due_exports(file.path(), sql::k_export_due_of.text);
}

}  // namespace
}  // namespace kaution::test
