#include "daemon/ctl/table.hpp"

#include <algorithm>

#include "daemon/ctl/json_text.hpp"

namespace kaution::ctl {
namespace {

void pad(std::ostream& out, std::size_t count) {
  for (std::size_t i = 0; i < count; ++i)
    out << ' ';
}

bool all_objects(const Json& rows) {
  return rows.is_array() &&
         std::all_of(rows.begin(), rows.end(), [](const Json& r) { return r.is_object(); });
}

// Whether every value of the top-level member `key` is a number (right-aligned then).
bool numeric_column(const Json& rows, const std::string& key) {
  bool any = false;
  for (const auto& row : rows) {
    const auto it = row.find(key);
    if (it == row.end() || it->is_null()) continue;
    if (!it->is_number()) return false;
    any = true;
  }
  return any;
}

bool contains(std::initializer_list<std::string_view> names, std::string_view name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

}  // namespace

void Table::add_column(std::string header, Align align) {
  m_headers.push_back(std::move(header));
  m_aligns.push_back(align);
}

void Table::add_row(std::vector<std::string> cells) {
  cells.resize(m_headers.size());
  m_rows.push_back(std::move(cells));
}

void Table::render(std::ostream& out) const {
  std::vector<std::size_t> widths;
  for (const auto& h : m_headers)
    widths.push_back(display_width(h));
  for (const auto& row : m_rows)
    for (std::size_t i = 0; i < row.size(); ++i)
      widths[i] = std::max(widths[i], display_width(row[i]));
  auto line = [&](const std::vector<std::string>& cells) {
    std::string text;
    for (std::size_t i = 0; i < cells.size(); ++i) {
      const std::size_t gap = widths[i] - display_width(cells[i]);
      if (i > 0) text += "  ";
      if (m_aligns[i] == Align::right) text.append(gap, ' ');
      text += cells[i];
      if (m_aligns[i] == Align::left && i + 1 < cells.size()) text.append(gap, ' ');
    }
    while (!text.empty() && text.back() == ' ')
      text.pop_back();
    out << text << "\n";
  };
  line(m_headers);
  std::vector<std::string> rule;
  for (auto w : widths)
    rule.emplace_back(w, '-');
  line(rule);
  for (const auto& row : m_rows)
    line(row);
}

Column key_column(std::string header, std::initializer_list<std::string_view> keys, Align align,
                  std::size_t max_width) {
  std::vector<std::string> names(keys.begin(), keys.end());
  auto cell = [names](const Json& row) -> std::optional<std::string> {
    for (const auto& name : names) {
      const auto* found = find_path(row, name);
      if (found != nullptr && !found->is_null()) return cell_text(*found);
    }
    return std::nullopt;
  };
  return Column{std::move(header), cell, align, max_width};
}

void render_rows(const Json& rows, const std::vector<Column>& columns, std::ostream& out) {
  if (!all_objects(rows)) return render_key_values(rows, out);
  std::vector<const Column*> used;
  for (const auto& column : columns) {
    const bool has_value = std::any_of(rows.begin(), rows.end(),
                                       [&](const Json& r) { return column.cell(r).has_value(); });
    if (has_value) used.push_back(&column);
  }
  if (used.empty()) return render_auto_rows(rows, out);
  Table table;
  for (const auto* c : used)
    table.add_column(c->header, c->align);
  for (const auto& row : rows) {
    std::vector<std::string> cells;
    for (const auto* c : used) {
      const auto text = c->cell(row).value_or("-");
      cells.push_back(c->max_width > 0 ? shorten(text, c->max_width) : text);
    }
    table.add_row(std::move(cells));
  }
  table.render(out);
}

void render_list_answer(const Json& answer, std::initializer_list<std::string_view> row_keys,
                        const std::vector<Column>& columns, std::ostream& out) {
  const auto* rows = find_rows(answer, row_keys);
  if (rows == nullptr) return render_answer(answer, out);
  if (rows->empty())
    out << "(none)\n";
  else
    render_rows(*rows, columns, out);
  if (!answer.is_object()) return;
  Json rest = Json::object();
  for (const auto& [key, member] : answer.items())
    if (&member != rows) rest[key] = member;
  if (rest.empty()) return;
  out << "\n";
  render_answer(rest, out);
}

void render_auto_rows(const Json& rows, std::ostream& out) {
  if (!all_objects(rows)) return render_key_values(rows, out);
  std::vector<std::string> keys;
  std::vector<std::vector<std::pair<std::string, std::string>>> flat;
  for (const auto& row : rows) {
    flat.push_back(flatten(row));
    for (const auto& [key, value] : flat.back())
      if (std::find(keys.begin(), keys.end(), key) == keys.end()) keys.push_back(key);
  }
  Table table;
  for (const auto& key : keys)
    table.add_column(key, numeric_column(rows, key) ? Align::right : Align::left);
  for (const auto& row : flat) {
    std::vector<std::string> cells(keys.size(), "-");
    for (const auto& [key, value] : row) {
      const auto at = std::find(keys.begin(), keys.end(), key) - keys.begin();
      cells[static_cast<std::size_t>(at)] = value;
    }
    table.add_row(std::move(cells));
  }
  table.render(out);
}

void render_key_values(const Json& value, std::ostream& out) {
  const auto flat = flatten(value);
  std::size_t width = 0;
  for (const auto& [key, text] : flat)
    width = std::max(width, display_width(key));
  for (const auto& [key, text] : flat) {
    if (key.empty()) {
      out << text << "\n";
      continue;
    }
    out << key;
    pad(out, width - display_width(key) + 2);
    out << text << "\n";
  }
}

void render_answer(const Json& answer, std::ostream& out,
                   std::initializer_list<std::string_view> skip) {
  if (!answer.is_object()) {
    if (all_objects(answer) && !answer.empty()) return render_auto_rows(answer, out);
    return render_key_values(answer, out);
  }
  Json plain = Json::object();
  for (const auto& [key, member] : answer.items())
    if (!contains(skip, key) && !(all_objects(member) && !member.empty())) plain[key] = member;
  if (!plain.empty()) render_key_values(plain, out);
  for (const auto& [key, member] : answer.items()) {
    if (contains(skip, key) || !all_objects(member) || member.empty()) continue;
    out << "\n" << key << ":\n";
    render_auto_rows(member, out);
  }
}

}  // namespace kaution::ctl
