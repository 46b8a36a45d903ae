# Packs the release tarball with tools/make_dist.py and checks what it holds: the library,
# its build files and the relkit command's sources; not the tests, examples or other tools.
#   cmake -DPYTHON=<python3> -DSOURCE_DIR=<relkit> -DWORK_DIR=<dir> -DVERSION=<x.y.z>
#         -P check_dist.cmake
cmake_minimum_required(VERSION 3.23)
file(REMOVE_RECURSE "${WORK_DIR}")
execute_process(
  COMMAND "${PYTHON}" "${SOURCE_DIR}/tools/make_dist.py" --output "${WORK_DIR}"
  RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE out)
if(NOT code EQUAL 0)
  message(FATAL_ERROR "tools/make_dist.py failed (${code}):\n${out}")
endif()
set(tarball "${WORK_DIR}/relkit-${VERSION}.tar.gz")
execute_process(
  COMMAND "${CMAKE_COMMAND}" -E tar tzf "${tarball}"
  RESULT_VARIABLE code OUTPUT_VARIABLE listing ERROR_VARIABLE error)
if(NOT code EQUAL 0)
  message(FATAL_ERROR "cannot list ${tarball}:\n${error}")
endif()
string(REPLACE "\n" ";" members "${listing}")
set(top "relkit-${VERSION}")
foreach(required
    CMakeLists.txt meson.build LICENSE README.md docs/index.md docs/errors.md mkdocs.yml
    include/relkit/relkit.hpp src/relkit.cpp
    single_include/relkit/relkit.hpp tools/cli/CMakeLists.txt tools/cli/main.cpp
    tools/cli/args.cpp tools/cli/io.cpp)
  if(NOT "${top}/${required}" IN_LIST members)
    message(FATAL_ERROR "the tarball lacks ${top}/${required}:\n${listing}")
  endif()
endforeach()
foreach(member IN LISTS members)
  if(member MATCHES "^${top}/(tests|examples|benchmarks|\\.ci)/"
     OR (member MATCHES "^${top}/tools/" AND NOT member MATCHES "^${top}/tools/cli/"))
    message(FATAL_ERROR "the tarball holds ${member}, which is not for consumers")
  endif()
endforeach()
list(LENGTH members count)
message("${tarball}: ${count} files, tools/cli included")
