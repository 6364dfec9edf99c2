#pragma once
// Tables for people: aligned columns (widths in code points), and generic renderings of any JSON
// answer, so that members the client does not know yet still show.

#include <functional>
#include <initializer_list>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>
#include "daemon/ctl/json.hpp"

namespace kaution::ctl {

enum class Align { left, right };

class Table {
 public:
  void add_column(std::string header, Align align = Align::left);
  void add_row(std::vector<std::string> cells);  // missing cells are empty
  bool empty() const { return m_rows.empty(); }
  // Header, a rule of dashes, the rows; two spaces between columns, no trailing blanks.
  void render(std::ostream& out) const;

 private:
  std::vector<std::string> m_headers;
  std::vector<Align> m_aligns;
  std::vector<std::vector<std::string>> m_rows;
};

// A column of a list answer: its header and how to get its cell from one row object.
struct Column {
  std::string header;
  std::function<std::optional<std::string>(const Json& row)> cell;
  Align align = Align::left;
  std::size_t max_width = 0;  // 0: unlimited; longer cells are shortened with "…"
};

// The first of `keys` (dotted paths) present and not null, as cell_text gives it.
Column key_column(std::string header, std::initializer_list<std::string_view> keys,
                  Align align = Align::left, std::size_t max_width = 0);

// The rows with those of `columns` that have a value in at least one row; when none has (an
// answer shaped otherwise than expected), every member seen in the rows becomes a column.
void render_rows(const Json& rows, const std::vector<Column>& columns, std::ostream& out);

// A list answer: its rows (find_rows with `row_keys`) as render_rows shows them, then the other
// members (sums, cursors) as key/value lines.
void render_list_answer(const Json& answer, std::initializer_list<std::string_view> row_keys,
                        const std::vector<Column>& columns, std::ostream& out);

// Every member of the rows as a column, in the order first seen; nested values flattened.
void render_auto_rows(const Json& rows, std::ostream& out);

// "key  value" lines for every leaf of `value` (flatten), keys aligned.
void render_key_values(const Json& value, std::ostream& out);

// Any answer: scalar and object members as key/value lines, arrays of objects as tables under
// their name. `skip` names members already shown.
void render_answer(const Json& answer, std::ostream& out,
                   std::initializer_list<std::string_view> skip = {});

}  // namespace kaution::ctl
