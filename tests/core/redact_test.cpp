#include "core/redact.hpp"

#include <gtest/gtest.h>

namespace kaution {
namespace {

TEST(Redactor, ScrubsEveryOccurrenceOfEverySecret) {
  Redactor r;
  r.add_secret("canary-5f1e2d");
  r.add_secret("tok");  // too short to register
  EXPECT_EQ(r.scrub("Authorization: Bearer canary-5f1e2d; again canary-5f1e2dcanary-5f1e2d"),
            "Authorization: Bearer ***; again ******");
  EXPECT_EQ(r.scrub("a token"), "a token");
}

TEST(Redactor, LongerSecretsFirst) {
  Redactor r;
  r.add_secret("secret");
  r.add_secret("secret-and-more");
  EXPECT_EQ(r.scrub("x secret-and-more y secret"), "x *** y ***");
}

TEST(Redactor, ClearForgets) {
  Redactor r;
  r.add_secret("hunter22");
  r.clear();
  EXPECT_EQ(r.scrub("hunter22"), "hunter22");
}

}  // namespace
}  // namespace kaution
