#pragma once
// What the endpoints of the sandbox share: the World (the simulation behind one mutex, shared by
// the three banks, whose clock moves together) and, per bank, its credentials, faults, request
// statistics, issued tokens and scripted situations.

#include <chrono>
#include <mutex>

#include "connectors/sandbox/bank.hpp"
#include "connectors/sandbox/faults.hpp"
#include "connectors/sandbox/script.hpp"
#include "connectors/sandbox/simulation.hpp"
#include "connectors/sandbox/stats.hpp"
#include "connectors/sandbox/tokens.hpp"

namespace kaution::sandbox {

struct World {
  explicit World(const DataSetOptions& options) : simulation(options) {}
  std::mutex mutex;  // guards simulation
  Simulation simulation;
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
