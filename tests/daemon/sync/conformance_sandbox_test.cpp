// The sync conformance suite against kautiond-sandbox: the real aak, km and dkb connectors
// over HTTPS (dkb with a client certificate), one sandbox process per scenario.
#include "tests/daemon/sync/conformance.hpp"
#include "tests/daemon/sync/sandbox_bank_driver.hpp"

namespace kaution::test {
namespace {

INSTANTIATE_TEST_SUITE_P(
    Sandbox, SyncConformance,
    ::testing::Values(
        ConformanceParam{"sandbox_aak",
                         [] { return std::make_unique<SandboxBankDriver>(ConnectorKind::aak); }},
        ConformanceParam{"sandbox_km",
                         [] { return std::make_unique<SandboxBankDriver>(ConnectorKind::km); }},
        ConformanceParam{"sandbox_dkb",
                         [] { return std::make_unique<SandboxBankDriver>(ConnectorKind::dkb); }}),
    conformance_name);

}  // namespace
}  // namespace kaution::test
