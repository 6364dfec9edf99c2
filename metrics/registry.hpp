#pragma once
// Registry: metric families (counter, gauge, histogram) with labelled series, rendered in the
// Prometheus text exposition format 0.0.4. Thread-safe. A family is declared by its first use;
// using a name again with another type or other label names throws std::logic_error (a
// programming error, caught by the tests). Label values are escaped; callers must never put
// deposit ids or personal data in them (bounded sets only: access, connector, status, result,
// operation).

#include <cstdint>
#include <map>
#include <mutex>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace kaution::metrics {

// Label names and values, in the family's label order.
struct Label {
  std::string_view name;
  std::string_view value;
};
using Labels = std::vector<Label>;

// Bank request durations: 10 ms … 60 s (the default total timeout).
inline constexpr double k_duration_buckets[] = {0.01, 0.025, 0.05, 0.1,  0.25, 0.5,
                                                1.0,  2.5,   5.0,  10.0, 30.0, 60.0};

class Registry {
 public:
  void counter_add(std::string_view name, std::string_view help, const Labels& labels,
                   double amount = 1.0);
  void gauge_set(std::string_view name, std::string_view help, const Labels& labels, double value);
  // `buckets`: ascending upper bounds, +Inf implied.
  void observe(std::string_view name, std::string_view help, const Labels& labels, double value,
               std::span<const double> buckets = k_duration_buckets);

  // Every family in name order, each with # HELP and # TYPE, series in label order.
  std::string render() const;
  // A counter's or gauge's value (0 when absent); for tests.
  double value(std::string_view name, const Labels& labels) const;

  // The process-wide registry the sync runtime reports into.
  static Registry& global();

 private:
  enum class Type { counter, gauge, histogram };
  struct Series {
    double value = 0;                   // counter, gauge; histogram: the sum
    std::vector<std::uint64_t> counts;  // histogram: per bucket (not cumulative), then +Inf
  };
  struct Family {
    Type type = Type::counter;
    std::string help;
    std::vector<std::string> label_names;
    std::vector<double> buckets;
    std::map<std::vector<std::string>, Series> series;
  };

  Series& series(std::string_view name, std::string_view help, Type type, const Labels& labels,
                 std::span<const double> buckets = {});

  mutable std::mutex m_mutex;
  std::map<std::string, Family, std::less<>> m_families;
};

// A label value or help text escaped for the text format (\\, \", \n).
std::string escape_label_value(std::string_view value);

}  // namespace kaution::metrics
