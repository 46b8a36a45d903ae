// Built by Meson only: meson.build's project version must be config.hpp's.
#include <relkit/relkit.hpp>

#include <gtest/gtest.h>

TEST(MesonVersion, MatchesConfigHpp) {
  EXPECT_EQ(RELKIT_MESON_VERSION_MAJOR, RELKIT_VERSION_MAJOR);
  EXPECT_EQ(RELKIT_MESON_VERSION_MINOR, RELKIT_VERSION_MINOR);
  EXPECT_EQ(RELKIT_MESON_VERSION_PATCH, RELKIT_VERSION_PATCH);
}
