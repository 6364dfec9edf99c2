#include "daemon/log_sink.hpp"

#include <gtest/gtest.h>
#include <spdlog/spdlog.h>

#include <nlohmann/json.hpp>

#include <sys/stat.h>

#include <algorithm>

#include "core/redact.hpp"
#include "daemon/log_event.hpp"

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

namespace kaution {
namespace {

TEST(RedactingSink, TextLinesStayOneLine) {
  const RedactingSink text(stderr, LogFormat::text);
  const std::string line = text.render(message("IMPORT_WARNING access=a\nFAKE_EVENT x=1"));
  EXPECT_EQ(line.find('\n'), line.size() - 1) << line;
  EXPECT_NE(line.find("access=a\\nFAKE_EVENT"), std::string::npos) << line;
}

TEST(RedactingSink, JsonCarriesTheEventAndItsFields) {
  const RedactingSink json(stderr, LogFormat::json);
  const auto parsed = nlohmann::json::parse(json.render(
      message("EXPORT_REJECTED deposit=D-7 access=aak-main errors=\"object_label TOO_LONG x\"")));
  EXPECT_EQ(parsed["event"], "EXPORT_REJECTED");
  EXPECT_EQ(parsed["deposit"], "D-7");
  EXPECT_EQ(parsed["access"], "aak-main");
  EXPECT_EQ(parsed["errors"], "object_label TOO_LONG x");
}

TEST(RedactingSink, PersonalDataIsMaskedUnlessTheDebugArchiveIsOn) {
  const auto msg = message("UNASSIGNED access=dkb-main iban=DE45120300001234567890 count=1");
  const RedactingSink masked(stderr, LogOptions{LogFormat::json, true, false});
  const RedactingSink archive(stderr, LogOptions{LogFormat::json, false, false});
  EXPECT_EQ(nlohmann::json::parse(masked.render(msg))["iban"], "DE45**************7890");
  EXPECT_EQ(nlohmann::json::parse(archive.render(msg))["iban"], "DE45120300001234567890");
}

TEST(RedactingSink, JournalFieldsNameTheEventAndEachField) {
  Redactor::global().add_secret("canary-journal-51b0");
  const RedactingSink sink(stderr, LogOptions{LogFormat::text, true, true});
  auto msg = message("CREDENTIALS_REFUSED access=km-main message=\"canary-journal-51b0 refused\"");
  msg.level = spdlog::level::err;
  const std::vector<std::string> fields = sink.journal_fields(msg);
  const auto has = [&](const std::string& f) {
    return std::find(fields.begin(), fields.end(), f) != fields.end();
  };
  EXPECT_TRUE(has("PRIORITY=3"));
  EXPECT_TRUE(has("KAUTIOND_EVENT=CREDENTIALS_REFUSED"));
  EXPECT_TRUE(has("KAUTIOND_ACCESS=km-main"));
  EXPECT_TRUE(has("KAUTIOND_MESSAGE=*** refused"));
  for (const std::string& f : fields)
    EXPECT_EQ(f.find("canary-journal-51b0"), std::string::npos) << f;
  Redactor::global().clear();
}

TEST(LogEvent, LinesWithoutAnEventHaveNoFields) {
  EXPECT_TRUE(parse_log_event("http GET /healthz 200").event.empty());
  EXPECT_TRUE(parse_log_event("").event.empty());
  const LogEvent e = parse_log_event("STOPPED cleanly");
  EXPECT_EQ(e.event, "STOPPED");
  EXPECT_TRUE(e.fields.empty());
}

TEST(StderrIsJournal, OnlyWhenJournalStreamNamesStderr) {
  unsetenv("JOURNAL_STREAM");
  EXPECT_FALSE(stderr_is_journal());
  struct stat st {};
  ASSERT_EQ(fstat(2, &st), 0);
  const std::string mine = std::to_string(st.st_dev) + ":" + std::to_string(st.st_ino);
  setenv("JOURNAL_STREAM", mine.c_str(), 1);
  EXPECT_TRUE(stderr_is_journal());
  setenv("JOURNAL_STREAM", (std::to_string(st.st_dev) + ":1").c_str(), 1);
  EXPECT_FALSE(stderr_is_journal());
  unsetenv("JOURNAL_STREAM");
}

}  // namespace
}  // namespace kaution
