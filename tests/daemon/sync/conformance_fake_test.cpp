// The sync conformance suite against the fake bank, in its aak, km and dkb shapes.
#include "tests/daemon/sync/conformance.hpp"
#include "tests/daemon/sync/fake_bank_driver.hpp"

namespace kaution::test {
namespace {

INSTANTIATE_TEST_SUITE_P(
    Fake, SyncConformance,
    ::testing::Values(
        ConformanceParam{"fake_aak",
                         [] { return std::make_unique<FakeBankDriver>(ConnectorKind::aak); }},
        ConformanceParam{"fake_km",
                         [] { return std::make_unique<FakeBankDriver>(ConnectorKind::km); }},
        ConformanceParam{"fake_dkb",
                         [] { return std::make_unique<FakeBankDriver>(ConnectorKind::dkb); }}),
    conformance_name);

}  // namespace
}  // namespace kaution::test
