// The explicit registry (connectors/registry.cpp): each kind builds its own connector.
#include <gtest/gtest.h>

#include "connectors/connector.hpp"
#include "tests/connectors/aak/bank_test_support.hpp"

namespace kaution::test {
namespace {

TEST(ConnectorRegistry, EveryKindHasItsFactory) {
  const auto aak =
      make_connector(test_access(ConnectorKind::aak, "https://aak.test", "s3cret-1"), {});
  const auto km = make_connector(test_access(ConnectorKind::km, "https://km.test", "s3cret-2"), {});
  const auto dkb =
      make_connector(test_access(ConnectorKind::dkb, "https://dkb.test", "s3cret-3"), {});
  ASSERT_TRUE(aak && km && dkb);
  EXPECT_EQ(aak->max_export_batch(), 1u);
  EXPECT_EQ(km->max_export_batch(), 500u);
  EXPECT_EQ(dkb->max_export_batch(), 1u);
  EXPECT_NE(typeid(*aak), typeid(*dkb));
}

}  // namespace
}  // namespace kaution::test
