#include "metrics/registry.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>

namespace kaution::metrics {
namespace {

std::string_view type_name(int type) {
  static constexpr std::string_view k_names[] = {"counter", "gauge", "histogram"};
  return k_names[type];
}

// Integers as integers, others in the shortest form that parses back exactly.
std::string number(double v) {
  if (std::isnan(v)) return "NaN";
  if (std::isinf(v)) return v > 0 ? "+Inf" : "-Inf";
  if (v == std::floor(v) && std::fabs(v) < 1e15) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.0f", v);
    return buffer;
  }
  char buffer[40];
  for (int precision = 1; precision <= 17; ++precision) {  // the shortest text that reads back
    std::snprintf(buffer, sizeof buffer, "%.*g", precision, v);
    if (std::strtod(buffer, nullptr) == v) break;
  }
  return buffer;
}

// The text format escapes \ and newlines in help texts, and also " in label values.
std::string escape(std::string_view text, bool quotes) {
  std::string out;
  for (const char c : text) {
    if (c == '\\' || (quotes && c == '"'))
      out += {'\\', c};
    else if (c == '\n')
      out += "\\n";
    else
      out += c;
  }
  return out;
}

std::string label_text(const std::vector<std::string>& names,
                       const std::vector<std::string>& values, std::string_view extra = {}) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    out += out.empty() ? "{" : ",";
    out += names[i] + "=\"" + escape_label_value(values[i]) + "\"";
  }
  if (!extra.empty()) out += (out.empty() ? "{" : ",") + std::string(extra);
  if (!out.empty()) out += "}";
  return out;
}

}  // namespace

std::string escape_label_value(std::string_view value) {
  return escape(value, true);
}

Registry::Series& Registry::series(std::string_view name, std::string_view help, Type type,
                                   const Labels& labels, std::span<const double> buckets) {
  auto it = m_families.find(name);
  if (it == m_families.end()) {
    Family family{
        type, std::string(help), {}, std::vector<double>(buckets.begin(), buckets.end()), {}};
    for (const Label& l : labels)
      family.label_names.emplace_back(l.name);
    it = m_families.emplace(std::string(name), std::move(family)).first;
  }
  Family& family = it->second;
  bool same_labels = family.type == type && family.label_names.size() == labels.size();
  for (std::size_t i = 0; same_labels && i < labels.size(); ++i)
    same_labels = family.label_names[i] == labels[i].name;
  if (!same_labels)
    throw std::logic_error("metric " + std::string(name) + " used with another type or labels");
  std::vector<std::string> key;
  for (const Label& l : labels)
    key.emplace_back(l.value);
  Series& s = family.series[std::move(key)];
  if (type == Type::histogram && s.counts.empty()) s.counts.assign(family.buckets.size() + 1, 0);
  return s;
}

void Registry::counter_add(std::string_view name, std::string_view help, const Labels& labels,
                           double amount) {
  std::lock_guard lock(m_mutex);
  series(name, help, Type::counter, labels).value += amount;
}

void Registry::gauge_set(std::string_view name, std::string_view help, const Labels& labels,
                         double value) {
  std::lock_guard lock(m_mutex);
  series(name, help, Type::gauge, labels).value = value;
}

void Registry::observe(std::string_view name, std::string_view help, const Labels& labels,
                       double value, std::span<const double> buckets) {
  std::lock_guard lock(m_mutex);
  Series& s = series(name, help, Type::histogram, labels, buckets);
  const std::vector<double>& bounds = m_families.find(name)->second.buckets;
  std::size_t at = 0;
  while (at < bounds.size() && value > bounds[at])
    ++at;
  ++s.counts[at];
  s.value += value;
}

double Registry::value(std::string_view name, const Labels& labels) const {
  std::lock_guard lock(m_mutex);
  const auto it = m_families.find(name);
  if (it == m_families.end()) return 0;
  std::vector<std::string> key;
  for (const Label& l : labels)
    key.emplace_back(l.value);
  const auto s = it->second.series.find(key);
  return s == it->second.series.end() ? 0 : s->second.value;
}

std::string Registry::render() const {
  std::lock_guard lock(m_mutex);
  std::string out;
  for (const auto& [name, family] : m_families) {
    out += "# HELP " + name + " " + escape(family.help, false) + "\n";
    out += "# TYPE " + name + " " + std::string(type_name(static_cast<int>(family.type))) + "\n";
    for (const auto& [values, s] : family.series) {
      if (family.type != Type::histogram) {
        out += name + label_text(family.label_names, values) + " " + number(s.value) + "\n";
        continue;
      }
      std::uint64_t cumulative = 0;
      for (std::size_t i = 0; i <= family.buckets.size(); ++i) {
        cumulative += s.counts[i];
        const std::string le =
            i < family.buckets.size() ? number(family.buckets[i]) : std::string("+Inf");
        out += name + "_bucket" + label_text(family.label_names, values, "le=\"" + le + "\"") +
               " " + std::to_string(cumulative) + "\n";
      }
      out += name + "_sum" + label_text(family.label_names, values) + " " + number(s.value) + "\n";
      out += name + "_count" + label_text(family.label_names, values) + " " +
             std::to_string(cumulative) + "\n";
    }
  }
  return out;
}

Registry& Registry::global() {
  static Registry instance;
  return instance;
}

}  // namespace kaution::metrics
