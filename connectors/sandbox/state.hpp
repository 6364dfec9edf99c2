#pragma once
// The sandbox's state across restarts (--state FILE). The simulation is a function of the seed,
// the size, the start date and the state-changing requests in the order they were applied
// (simulation.hpp), so the state file is a journal of those requests:
// - line 1: {"seed", "size", "start"} of the data set; a restart with other options is refused;
// - then one JSON line per applied request {"bank", "method", "pattern", "path", "params",
//   "query", "headers", "body"}, appended and fdatasync'ed under the world mutex before the
//   answer leaves (the bank's commit): a kill before that loses the request and its answer
//   together, a kill after it loses only the answer — as with a real bank;
// - at start the journal is replayed through the same handlers before any port serves; a torn
//   last line (a kill in mid-write) is cut off.
// Tokens, fault rules and statistics are not state: a client re-authenticates after a restart.

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "connectors/sandbox/context.hpp"
#include "daemon/http/router.hpp"

namespace kaution::sandbox {

class StateJournal {
 public:
  // Opens (or creates) the journal for `options`; throws std::runtime_error naming the file when
  // it cannot be read or written, or belongs to another data set.
  StateJournal(std::filesystem::path path, const DataSetOptions& options);
  ~StateJournal();
  StateJournal(const StateJournal&) = delete;
  StateJournal& operator=(const StateJournal&) = delete;

  // The requests read at opening, oldest first.
  const std::vector<nlohmann::json>& recorded() const { return m_recorded; }
  // Appends one request durably (write + fdatasync); throws std::runtime_error on failure.
  void append(const nlohmann::json& request);

 private:
  std::filesystem::path m_path;
  int m_fd = -1;
  std::vector<nlohmann::json> m_recorded;
};

// Wraps a bank route's handler (below authentication and fault injection): with a journal in
// `context.world`, a state-changing request that the handler answers with 2xx is journaled
// before the answer is returned, holding the world mutex throughout so that nobody sees state
// that is not yet durable. Registers the handler in the world's replay table. Reads (GET, token
// endpoints, km's *Abrufen) pass through. Without a journal it returns `handler` unchanged.
http::Handler recorded(BankContext& context, const std::string& method, const std::string& pattern,
                       http::Handler handler);

// Replays the world's journal through the handlers recorded() registered; throws
// std::runtime_error naming the line of a request that no handler takes.
void replay(World& world);

}  // namespace kaution::sandbox
