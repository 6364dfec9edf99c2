#include <gtest/gtest.h>

#include "daemon/ctl/batch_answer.hpp"

// The batch answer is read whatever its exact shape (ledger-api.md does not fix it).

namespace kaution::ctl {
namespace {

using json = Json;

TEST(BatchAnswer, WordsUnderResults) {
  const auto results = read_batch_answer(json::parse(R"({"results": [
      {"deposit_id": "D-1", "result": "created", "status": "waiting"},
      {"deposit_id": "D-2", "outcome": "updated"},
      {"deposit_id": "D-3", "result": "unchanged"},
      {"deposit_id": "D-4", "result": "rejected",
       "errors": [{"field": "parties", "message": "at least one party"}]}],
      "created": 1})"));
  ASSERT_EQ(results.size(), 4u);
  EXPECT_EQ(results[0].outcome, Outcome::created);
  EXPECT_EQ(results[0].deposit_id, "D-1");
  EXPECT_EQ(results[1].outcome, Outcome::changed);
  EXPECT_EQ(results[2].outcome, Outcome::unchanged);
  EXPECT_EQ(results[3].outcome, Outcome::rejected);
  ASSERT_EQ(results[3].errors.size(), 1u);
  EXPECT_EQ(results[3].errors[0].field, "parties");
}

TEST(BatchAnswer, CodesFlagsAndProblems) {
  const auto results = read_batch_answer(json::parse(R"([
      {"deposit_id": "D-1", "http_status": 201},
      {"deposit_id": "D-2", "status": 422, "problem": {"title": "Invalid",
        "errors": [{"field": "agreed_amount", "message": "must be > 0"}]}},
      {"deposit_id": "D-3", "changed": false},
      {"deposit_id": "D-4", "changed": true},
      {"deposit_id": "D-5", "errors": ["plain text reason"]},
      {"deposit_id": "D-6", "something": "else"}])"));
  ASSERT_EQ(results.size(), 6u);
  EXPECT_EQ(results[0].outcome, Outcome::created);
  EXPECT_EQ(results[1].outcome, Outcome::rejected);
  EXPECT_EQ(results[1].errors.at(0).message, "must be > 0");
  EXPECT_EQ(results[2].outcome, Outcome::unchanged);
  EXPECT_EQ(results[3].outcome, Outcome::changed);
  EXPECT_EQ(results[4].outcome, Outcome::rejected);
  EXPECT_EQ(results[4].errors.at(0).message, "plain text reason");
  EXPECT_EQ(results[5].outcome, Outcome::unknown);
}

}  // namespace
}  // namespace kaution::ctl
