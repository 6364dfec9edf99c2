# kaution_add_test(NAME SOURCES ... LIBS ... [LABELS ...])
# One GoogleTest executable per call; every TEST is registered with ctest by name.
function(kaution_add_test name)
  cmake_parse_arguments(ARG "" "" "SOURCES;LIBS;LABELS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE ${ARG_LIBS} GTest::gtest GTest::gmock GTest::gtest_main kaution_flags)
  target_compile_definitions(${name} PRIVATE
    KAUTION_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
    KAUTION_SAMPLES_DIR="${PROJECT_SOURCE_DIR}/../shared/samples"
    KAUTION_BINARY_DIR="${PROJECT_BINARY_DIR}")
  if(NOT ARG_LABELS)
    set(ARG_LABELS unit)
  endif()
  gtest_discover_tests(${name} PROPERTIES LABELS "${ARG_LABELS}" DISCOVERY_TIMEOUT 60)
endfunction()
