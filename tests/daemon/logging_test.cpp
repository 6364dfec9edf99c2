#include "daemon/log_sink.hpp"

#include <gtest/gtest.h>
#include <spdlog/spdlog.h>

#include <nlohmann/json.hpp>

#include "core/redact.hpp"

namespace kaution {
namespace {

spdlog::details::log_msg message(std::string_view text) {
  return spdlog::details::log_msg("kautiond", spdlog::level::info, text);
}

TEST(RedactingSink, CanarySecretNeverReachesTheLine) {
  Redactor::global().add_secret("canary-log-8c1d77");
  const RedactingSink text(stderr, LogFormat::text);
  const RedactingSink json(stderr, LogFormat::json);
  const auto msg = message("token canary-log-8c1d77 refused");
  EXPECT_NE(text.render(msg).find("token *** refused"), std::string::npos);
  EXPECT_EQ(json.render(msg).find("canary-log-8c1d77"), std::string::npos);
  Redactor::global().clear();
}

TEST(RedactingSink, JsonLinesAreJson) {
  const RedactingSink json(stderr, LogFormat::json);
  const std::string line = json.render(message("EXPORT_REJECTED deposit=\"D-1\"\n\tnext"));
  ASSERT_EQ(line.back(), '\n');
  EXPECT_EQ(line.find('\n'), line.size() - 1) << "one line per record";
  const auto parsed = nlohmann::json::parse(line);
  EXPECT_EQ(parsed["level"], "info");
  EXPECT_EQ(parsed["msg"], "EXPORT_REJECTED deposit=\"D-1\"\n\tnext");
  EXPECT_TRUE(parsed.contains("time"));
}

}  // namespace
}  // namespace kaution
