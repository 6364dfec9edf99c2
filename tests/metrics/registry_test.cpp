// The metrics registry: families, label escaping, histogram buckets, the text format.
#include <gtest/gtest.h>

#include <stdexcept>

#include "metrics/registry.hpp"
#include "metrics/sync_metrics.hpp"

namespace kaution::metrics {
namespace {

bool contains(const std::string& text, const std::string& needle) {
  return text.find(needle) != std::string::npos;
}

TEST(MetricsRegistry, CountersAddUpPerLabelSet) {
  Registry r;
  r.counter_add("x_total", "Things.", {{"access", "aak-main"}, {"result", "accepted"}});
  r.counter_add("x_total", "Things.", {{"access", "aak-main"}, {"result", "accepted"}}, 2);
  r.counter_add("x_total", "Things.", {{"access", "km-main"}, {"result", "rejected"}});
  EXPECT_EQ(r.value("x_total", {{"access", "aak-main"}, {"result", "accepted"}}), 3);
  const std::string text = r.render();
  EXPECT_TRUE(contains(text, "# HELP x_total Things.\n# TYPE x_total counter\n")) << text;
  EXPECT_TRUE(contains(text, "x_total{access=\"aak-main\",result=\"accepted\"} 3\n")) << text;
  EXPECT_TRUE(contains(text, "x_total{access=\"km-main\",result=\"rejected\"} 1\n")) << text;
}

TEST(MetricsRegistry, GaugesAreSetNotAdded) {
  Registry r;
  r.gauge_set("g", "A gauge.", {}, 5);
  r.gauge_set("g", "A gauge.", {}, 1.5);
  EXPECT_TRUE(contains(r.render(), "\ng 1.5\n")) << r.render();
}

TEST(MetricsRegistry, LabelValuesAreEscaped) {
  Registry r;
  r.gauge_set("g", "Help with \\ and\nnewline.", {{"access", "a\"b\\c\nd"}}, 1);
  const std::string text = r.render();
  EXPECT_TRUE(contains(text, "g{access=\"a\\\"b\\\\c\\nd\"} 1")) << text;
  EXPECT_TRUE(contains(text, "# HELP g Help with \\\\ and\\nnewline.\n")) << text;
}

TEST(MetricsRegistry, HistogramBucketsAreCumulativeWithInfSumAndCount) {
  Registry r;
  const double buckets[] = {0.1, 1.0};
  for (const double v : {0.05, 0.1, 0.5, 3.0})
    r.observe("h_seconds", "Durations.", {{"op", "import"}}, v, buckets);
  const std::string text = r.render();
  EXPECT_TRUE(contains(text, "# TYPE h_seconds histogram\n")) << text;
  EXPECT_TRUE(contains(text, "h_seconds_bucket{op=\"import\",le=\"0.1\"} 2\n")) << text;
  EXPECT_TRUE(contains(text, "h_seconds_bucket{op=\"import\",le=\"1\"} 3\n")) << text;
  EXPECT_TRUE(contains(text, "h_seconds_bucket{op=\"import\",le=\"+Inf\"} 4\n")) << text;
  EXPECT_TRUE(contains(text, "h_seconds_sum{op=\"import\"} 3.65\n")) << text;
  EXPECT_TRUE(contains(text, "h_seconds_count{op=\"import\"} 4\n")) << text;
}

TEST(MetricsRegistry, ANameKeepsItsTypeAndLabels) {
  Registry r;
  r.counter_add("c_total", "C.", {{"access", "a"}});
  EXPECT_THROW(r.gauge_set("c_total", "C.", {{"access", "a"}}, 1), std::logic_error);
  EXPECT_THROW(r.counter_add("c_total", "C.", {{"result", "a"}}), std::logic_error);
}

TEST(SyncMetrics, OperationScopeNamesTheOperationOnThisThreadOnly) {
  EXPECT_EQ(current_operation(), "other");
  {
    OperationScope outer("import");
    EXPECT_EQ(current_operation(), "import");
    {
      OperationScope inner("check");
      EXPECT_EQ(current_operation(), "check");
    }
    EXPECT_EQ(current_operation(), "import");
  }
  EXPECT_EQ(current_operation(), "other");
}

TEST(SyncMetrics, ExportResultsAreCountedByClass) {
  Registry& r = Registry::global();
  const Labels accepted{{"access", "unit-test"}, {"result", "accepted"}};
  const Labels transient{{"access", "unit-test"}, {"result", "transient"}};
  const double before_ok = r.value("kautiond_exports_total", accepted);
  const double before_transient = r.value("kautiond_exports_total", transient);
  export_result("unit-test", Result<int>(1));
  export_result("unit-test",
                Result<int>(std::unexpected(Failure{FailureClass::transient, "503", {}, {}})));
  EXPECT_EQ(r.value("kautiond_exports_total", accepted), before_ok + 1);
  EXPECT_EQ(r.value("kautiond_exports_total", transient), before_transient + 1);
}

}  // namespace
}  // namespace kaution::metrics
