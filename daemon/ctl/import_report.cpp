#include "daemon/ctl/import_report.hpp"

#include <algorithm>
#include <fstream>

#include "daemon/ctl/csv.hpp"

namespace kaution::ctl {
namespace {

constexpr std::size_t k_max_rejections_shown = 100;

std::string join_reasons(const std::vector<ProblemFieldError>& errors) {
  std::string text;
  for (const auto& e : errors)
    text += (text.empty() ? "" : " | ") + format(e);
  return text;
}

Json errors_json(const std::vector<ProblemFieldError>& errors) {
  Json array = Json::array();
  for (const auto& e : errors)
    array.push_back({{"field", e.field}, {"message", e.message}});
  return array;
}

void write_csv_rejected(std::ostream& out, const ImportSource& source, const ImportTally& tally) {
  auto header = source.csv_header;
  auto reasons_at = std::find(header.begin(), header.end(), "rejected_reasons");
  const bool had_column = reasons_at != header.end();
  if (!had_column) header.push_back("rejected_reasons");
  const auto column = static_cast<std::size_t>(
      std::find(header.begin(), header.end(), "rejected_reasons") - header.begin());
  write_csv_row(out, header, source.csv_separator);
  for (const auto& r : tally.rejected) {
    auto fields = source.rows[r.index].csv_fields;
    fields.resize(header.size());
    fields[column] = join_reasons(r.errors);
    write_csv_row(out, fields, source.csv_separator);
  }
}

void write_json_rejected(std::ostream& out, const ImportSource& source, const ImportTally& tally) {
  for (const auto& r : tally.rejected) {
    const auto& row = source.rows[r.index];
    auto deposit = Json::parse(row.source, nullptr, false);
    if (deposit.is_discarded()) deposit = row.source;
    const Json line = {{"row", row.row},
                       {"deposit_id", row.deposit_id},
                       {"errors", errors_json(r.errors)},
                       {"deposit", deposit}};
    out << line.dump() << "\n";
  }
}

}  // namespace

void print_summary(std::ostream& out, const std::string& file, const ImportSource& source,
                   const ImportTally& tally) {
  out << file << ": " << source.rows.size() << " deposits in " << tally.batches
      << (tally.batches == 1 ? " batch\n" : " batches\n");
  out << "created " << tally.created << ", changed " << tally.changed << ", unchanged "
      << tally.unchanged << ", rejected " << tally.rejected.size() << "\n";
  if (tally.unknown > 0) out << "unrecognised answers " << tally.unknown << "\n";
  if (tally.not_sent > 0) out << "not sent " << tally.not_sent << " (the import stopped)\n";
  if (tally.rejected.empty()) return;
  out << "rejected:\n";
  std::size_t shown = 0;
  for (const auto& r : tally.rejected) {
    if (shown++ == k_max_rejections_shown) {
      out << "  … and " << tally.rejected.size() - k_max_rejections_shown
          << " more (--rejected-out FILE writes them all)\n";
      break;
    }
    const auto& row = source.rows[r.index];
    out << "  row " << row.row << (row.deposit_id.empty() ? "" : " " + row.deposit_id) << ": "
        << join_reasons(r.errors) << "\n";
  }
}

void print_summary_json(std::ostream& out, const std::string& file, const ImportSource& source,
                        const ImportTally& tally) {
  Json rejections = Json::array();
  for (const auto& r : tally.rejected)
    rejections.push_back({{"row", source.rows[r.index].row},
                          {"deposit_id", source.rows[r.index].deposit_id},
                          {"errors", errors_json(r.errors)}});
  const Json summary = {{"file", file},
                        {"deposits", source.rows.size()},
                        {"batches", tally.batches},
                        {"created", tally.created},
                        {"changed", tally.changed},
                        {"unchanged", tally.unchanged},
                        {"rejected", tally.rejected.size()},
                        {"unrecognised", tally.unknown},
                        {"not_sent", tally.not_sent},
                        {"rejections", rejections}};
  out << summary.dump() << "\n";
}

std::expected<void, std::string> write_rejected(const std::filesystem::path& path,
                                                const ImportSource& source,
                                                const ImportTally& tally) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) return std::unexpected("cannot write " + path.string());
  if (source.format == ImportFormat::csv)
    write_csv_rejected(out, source, tally);
  else
    write_json_rejected(out, source, tally);
  out.flush();
  if (!out) return std::unexpected("cannot write " + path.string());
  return {};
}

}  // namespace kaution::ctl
