# Runs EXE (with the one argument ARG when given) and compares its standard
# output with the file EXPECTED; on a difference prints both so the failing line
# is visible in the ctest log.
# Without EXPECTED only the exit status is checked.
#   cmake -DEXE=<program> [-DARG=<argument>] [-DEXPECTED=<file>] -P compare_output.cmake
set(arguments)
if(DEFINED ARG)
  set(arguments "${ARG}")
endif()
execute_process(COMMAND "${EXE}" ${arguments} OUTPUT_VARIABLE actual RESULT_VARIABLE exit_code)
if(NOT exit_code EQUAL 0)
  message(FATAL_ERROR "${EXE} exited with ${exit_code}; output:\n${actual}")
endif()
if(NOT DEFINED EXPECTED)
  return()
endif()
file(READ "${EXPECTED}" expected)
string(REPLACE "\r\n" "\n" expected "${expected}")
string(REPLACE "\r\n" "\n" actual "${actual}")
if(NOT actual STREQUAL expected)
  get_filename_component(name "${EXPECTED}" NAME)
  set(actual_file "${CMAKE_CURRENT_BINARY_DIR}/${name}.actual")
  file(WRITE "${actual_file}" "${actual}")
  execute_process(COMMAND diff -u "${EXPECTED}" "${actual_file}" OUTPUT_VARIABLE difference)
  message(FATAL_ERROR "output differs from ${EXPECTED} (actual kept in ${actual_file}):\n${difference}")
endif()
