#include "connectors/formats/statement_command.hpp"

#include "connectors/formats/json_render.hpp"
#include "connectors/formats/statement_parser.hpp"
#include "connectors/formats/text_render.hpp"

namespace kaution::formats {

int run_statement_parse(const std::vector<std::string>& files, bool json, std::ostream& out,
                        std::ostream& err) {
  bool all_parsed = true;
  nlohmann::json result = {{"documents", nlohmann::json::array()},
                           {"errors", nlohmann::json::array()}};
  for (const std::string& path : files) {
    const ParsedFile parsed = parse_statement_file(path);
    all_parsed = all_parsed && parsed.ok();
    for (const ParseError& e : parsed.errors)
      write_error(err, e);
    if (json) {
      for (const Document& d : parsed.documents)
        result["documents"].push_back(to_json(d));
      for (const ParseError& e : parsed.errors)
        result["errors"].push_back(to_json(e));
    } else {
      for (const Document& d : parsed.documents)
        write_summary(out, d);
    }
  }
  if (json) out << result.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
  return all_parsed ? 0 : 2;
}

}  // namespace kaution::formats
