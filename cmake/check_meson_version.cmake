# Fails when meson.build's project version differs from config.hpp's.
#   cmake -DMESON_BUILD=<meson.build> -DVERSION=<x.y.z> -P check_meson_version.cmake
file(READ "${MESON_BUILD}" meson_text)
string(REGEX MATCH "version *: *'([^']*)'" _ "${meson_text}")
if(NOT CMAKE_MATCH_1 STREQUAL VERSION)
  message(FATAL_ERROR "meson.build says version '${CMAKE_MATCH_1}', config.hpp says '${VERSION}'")
endif()
