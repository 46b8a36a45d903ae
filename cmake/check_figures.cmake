# docs/figures/*.svg are current: EXE (tools/figures.cpp) regenerates them into
# WORK_DIR and each must equal the committed file byte for byte; a figure the
# program no longer writes, or one it writes that is not committed, fails too.
#   cmake -DEXE=<figures> -DFIGURES_DIR=docs/figures -DWORK_DIR=<dir> -P check_figures.cmake
file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")
execute_process(COMMAND "${EXE}" "${WORK_DIR}" RESULT_VARIABLE exit_code ERROR_VARIABLE errors)
if(NOT exit_code EQUAL 0)
  message(FATAL_ERROR "${EXE} exited with ${exit_code}: ${errors}")
endif()
set(regenerate "regenerate them with: ${EXE} ${FIGURES_DIR}  (then commit docs/figures/)")
file(GLOB generated RELATIVE "${WORK_DIR}" "${WORK_DIR}/*.svg")
file(GLOB committed RELATIVE "${FIGURES_DIR}" "${FIGURES_DIR}/*.svg")
if(NOT generated STREQUAL committed)
  message(FATAL_ERROR "tools/figures.cpp writes [${generated}] but ${FIGURES_DIR} holds "
                      "[${committed}]; ${regenerate}")
endif()
foreach(name IN LISTS generated)
  execute_process(COMMAND "${CMAKE_COMMAND}" -E compare_files "${WORK_DIR}/${name}"
                          "${FIGURES_DIR}/${name}" RESULT_VARIABLE different)
  if(different)
    execute_process(COMMAND diff -u "${FIGURES_DIR}/${name}" "${WORK_DIR}/${name}"
                    OUTPUT_VARIABLE difference)
    message(FATAL_ERROR "${FIGURES_DIR}/${name} is stale (the new one is ${WORK_DIR}/${name}); "
                        "${regenerate}\n${difference}")
  endif()
endforeach()
list(LENGTH generated count)
message(STATUS "${count} figures up to date")
