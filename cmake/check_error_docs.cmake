# docs/errors.md is current: EXE (tools/error_docs) writes exactly EXPECTED, and
# it lists every error domain the headers under INCLUDE_DIR define.
#   cmake -DEXE=<error_docs> -DEXPECTED=docs/errors.md -DINCLUDE_DIR=include -P check_error_docs.cmake
file(GLOB_RECURSE headers "${INCLUDE_DIR}/relkit/*.hpp")
set(defined 0)
foreach(header IN LISTS headers)
  if(header MATCHES "/relkit/error\\.hpp$")
    continue()
  endif()
  file(STRINGS "${header}" lines REGEX "make_error_domain<")
  list(LENGTH lines count)
  math(EXPR defined "${defined} + ${count}")
endforeach()
file(STRINGS "${EXPECTED}" listed_line REGEX "^<!-- domains: [0-9]+ -->$")
string(REGEX MATCH "[0-9]+" listed "${listed_line}")
if(NOT listed EQUAL defined)
  message(FATAL_ERROR "the headers define ${defined} error domains but ${EXPECTED} lists "
                      "${listed}: add the missing ones to tools/error_docs.cpp and regenerate")
endif()
include("${CMAKE_CURRENT_LIST_DIR}/compare_output.cmake")
