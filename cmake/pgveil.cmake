# Helpers shared by every module's CMakeLists.txt.

# One Catch2 main, compiled once and linked into every unit-test binary.
add_library(pgveil_catch_main OBJECT ${CMAKE_SOURCE_DIR}/tests/support/catch_main.cc)
target_link_libraries(pgveil_catch_main PUBLIC Catch2::Catch2)
# Catch2's own implementation trips GCC 12 warnings under the sanitizers;
# they are not ours to fix.
target_compile_options(pgveil_catch_main PRIVATE -Wno-error)

# pgveil_module(NAME SOURCES ... DEPS ...) declares the static library
# pgveil_NAME with includes rooted at the repository root.
function(pgveil_module name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS" ${ARGN})
  add_library(pgveil_${name} STATIC ${ARG_SOURCES})
  target_include_directories(pgveil_${name} PUBLIC ${CMAKE_SOURCE_DIR})
  target_link_libraries(pgveil_${name} PUBLIC ${ARG_DEPS})
endfunction()

# pgveil_unit_tests(MODULE SOURCES ...) builds MODULE_test and registers it
# with CTest under the label "unit".
function(pgveil_unit_tests module)
  add_executable(${module}_test ${ARGN})
  target_link_libraries(${module}_test PRIVATE pgveil_${module} pgveil_catch_main)
  add_test(NAME ${module}_test COMMAND ${module}_test)
  set_tests_properties(${module}_test PROPERTIES LABELS unit)
endfunction()

# pgveil_embed(TARGET VAR FILE) compiles FILE into TARGET as
# `extern const std::string_view VAR`, so the binary needs no data files at
# run time.
function(pgveil_embed target var file)
  set(out ${CMAKE_CURRENT_BINARY_DIR}/embedded_${var}.cc)
  add_custom_command(
    OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} -DIN=${file} -DOUT=${out} -DVAR=${var}
            -P ${CMAKE_SOURCE_DIR}/cmake/embed.cmake
    DEPENDS ${file} ${CMAKE_SOURCE_DIR}/cmake/embed.cmake)
  target_sources(${target} PRIVATE ${out})
endfunction()
