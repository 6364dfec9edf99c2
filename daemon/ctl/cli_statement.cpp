// `kautionctl statement parse FILE... [--json]`: the bank statement parsers of
// connectors/formats, run locally (no daemon needed).

#include "connectors/formats/statement_command.hpp"
#include "daemon/ctl/cli_commands.hpp"

namespace kaution::ctl {

void add_statement_commands(CLI::App& app, CommandSet& set) {
  auto* group = app.add_subcommand("statement", "Bank statement files (camt, MT940)");
  group->require_subcommand(1);
  auto files = std::make_shared<std::vector<std::string>>();
  auto* parse = group->add_subcommand("parse", "Parse statement files and print them");
  parse->add_option("FILE", *files, "camt.052/053/054, MT940/MT942, or a zip of them")->required();
  set.add(parse, {NeededRole::none, false, [files](const Context& ctx) {
                    return formats::run_statement_parse(*files, ctx.json, ctx.out, ctx.err);
                  }});
}

}  // namespace kaution::ctl
