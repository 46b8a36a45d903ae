# Builds and runs one consumer project in a fresh directory, the way a user of
# that integration route would, offline.
#   cmake -DROUTE=<route> -DRELKIT_SOURCE_DIR=... -DRELKIT_BINARY_DIR=... -DWORK_DIR=...
#         -DVERSION=x.y.z -DCXX=<compiler> -DCXX_FLAGS=... -DGENERATOR=... -DPYTHON=...
#         [-DCLI=1: relkit's build has the relkit command, so an install holds bin/relkit]
#         -P run_consumer.cmake
# Prints "RELKIT_CONSUMER_SKIPPED" (ctest SKIP_REGULAR_EXPRESSION) when a tool the route needs
# is absent; cmake_language(EXIT) needs CMake 3.29.
set(consumers "${RELKIT_SOURCE_DIR}/tests/consumers")
set(project_dir "${WORK_DIR}/${ROUTE}")
file(REMOVE_RECURSE "${project_dir}")
file(COPY "${consumers}/${ROUTE}/" DESTINATION "${project_dir}")
file(COPY "${consumers}/main.cpp" DESTINATION "${project_dir}")

function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE out)
  if(NOT code EQUAL 0)
    string(REPLACE ";" " " command "${ARGN}")
    message(FATAL_ERROR "consumer '${ROUTE}': `${command}` failed (${code}):\n${out}")
  endif()
  set(last_output "${out}" PARENT_SCOPE)
endfunction()

function(make_tarball out_sha)
  set(tarball "${WORK_DIR}/dist/relkit-${VERSION}.tar.gz")
  run("${PYTHON}" "${RELKIT_SOURCE_DIR}/tools/make_dist.py" --output "${WORK_DIR}/dist")
  file(SHA256 "${tarball}" sha)
  set(tarball "${tarball}" PARENT_SCOPE)
  set(${out_sha} "${sha}" PARENT_SCOPE)
endfunction()

set(cmake_args -G "${GENERATOR}" "-DCMAKE_CXX_COMPILER=${CXX}" "-DCMAKE_CXX_FLAGS=${CXX_FLAGS}")
set(build_dir "${project_dir}/build")

if(ROUTE STREQUAL "find_package" OR ROUTE STREQUAL "compiled")
  set(prefix "${WORK_DIR}/prefix-${ROUTE}")
  file(REMOVE_RECURSE "${prefix}")
  run("${CMAKE_COMMAND}" --install "${RELKIT_BINARY_DIR}" --prefix "${prefix}")
  list(APPEND cmake_args "-DCMAKE_PREFIX_PATH=${prefix}")
  if(CLI)  # RELKIT_BUILD_CLI: the install holds the relkit command too
    run("${prefix}/bin/relkit" --version)
    if(NOT last_output STREQUAL "relkit ${VERSION}\n")
      message(FATAL_ERROR "installed bin/relkit --version printed '${last_output}'")
    endif()
  endif()
elseif(ROUTE STREQUAL "add_subdirectory")
  list(APPEND cmake_args "-DRELKIT_SOURCE_DIR=${RELKIT_SOURCE_DIR}")
elseif(ROUTE STREQUAL "fetch_content")
  make_tarball(sha)
  list(APPEND cmake_args "-DRELKIT_URL=file://${tarball}" "-DRELKIT_SHA256=${sha}")
elseif(ROUTE STREQUAL "single_header")
  file(COPY "${RELKIT_SOURCE_DIR}/single_include/relkit/relkit.hpp"
       DESTINATION "${project_dir}/vendor/relkit")
elseif(ROUTE STREQUAL "meson")
  find_program(MESON meson)
  if(NOT MESON)
    message("RELKIT_CONSUMER_SKIPPED: meson not found (apt-get install meson)")
    return()
  endif()
  make_tarball(sha)
  file(COPY "${tarball}" DESTINATION "${project_dir}/subprojects/packagecache")
  file(WRITE "${project_dir}/subprojects/relkit.wrap"
    "[wrap-file]\n"
    "directory = relkit-${VERSION}\n"
    "source_url = https://github.com/relkit/relkit/releases/download/v${VERSION}/relkit-${VERSION}.tar.gz\n"
    "source_filename = relkit-${VERSION}.tar.gz\n"
    "source_hash = ${sha}\n"
    "\n[provide]\nrelkit = relkit_dep\n")
  set(ENV{CXX} "${CXX}")
  run("${MESON}" setup --wrap-mode=nodownload "${build_dir}" "${project_dir}")
  run("${MESON}" compile -C "${build_dir}")
  run("${build_dir}/consumer")
  if(NOT last_output STREQUAL "relkit ${VERSION} ok\n")
    message(FATAL_ERROR "consumer 'meson' printed '${last_output}', expected 'relkit ${VERSION} ok'")
  endif()
  return()
else()
  message(FATAL_ERROR "unknown consumer route '${ROUTE}'")
endif()

run("${CMAKE_COMMAND}" -S "${project_dir}" -B "${build_dir}" ${cmake_args})
run("${CMAKE_COMMAND}" --build "${build_dir}")
run("${build_dir}/consumer")
if(NOT last_output STREQUAL "relkit ${VERSION} ok\n")
  message(FATAL_ERROR "consumer '${ROUTE}' printed '${last_output}', expected 'relkit ${VERSION} ok'")
endif()
message("consumer '${ROUTE}': ${last_output}")
