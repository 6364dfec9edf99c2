#pragma once
// What the endpoints of the sandbox share: the World (the simulation behind one mutex, shared by
// the three banks, whose clock moves together) and, per bank, its credentials, faults, request
// statistics, issued tokens and scripted situations.

#include <chrono>
#include <functional>
#include <map>
#include <mutex>
#include <string>

#include "connectors/sandbox/bank.hpp"
#include "connectors/sandbox/faults.hpp"
#include "connectors/sandbox/script.hpp"
#include "connectors/sandbox/simulation.hpp"
#include "connectors/sandbox/stats.hpp"
#include "connectors/sandbox/tokens.hpp"
#include "daemon/http/message.hpp"

namespace kaution::sandbox {

class StateJournal;

struct World {
  explicit World(const DataSetOptions& options) : simulation(options) {}
  // Guards simulation. Recursive: a journaled request (state.hpp) holds it around its handler.
  std::recursive_mutex mutex;
  Simulation simulation;
  StateJournal* journal = nullptr;  // --state: the requests that changed the simulation
  // The journaled routes' handlers by "bank METHOD pattern", for replay (state.hpp).
  std::map<std::string, std::function<http::Response(const http::Request&)>, std::less<>>
      replay_handlers;
};

struct BankContext {
  BankContext(Bank bank_, World& world_, Credentials credentials_, std::chrono::seconds ttl)
      : bank(bank_),
        world(world_),
        credentials(std::move(credentials_)),
        faults(world_.simulation.options().seed ^ (static_cast<std::uint64_t>(bank_) + 1)),
        tokens(ttl) {}
  Bank bank;
  World& world;
  Credentials credentials;
  FaultSet faults;
  Stats stats;
  TokenStore tokens;
  Script script;  // scripted situations (script_control.hpp)
};

}  // namespace kaution::sandbox
