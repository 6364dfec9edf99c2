# Shared compile flags as INTERFACE targets: every library and executable links kaution_flags.
add_library(kaution_warnings INTERFACE)
target_compile_options(kaution_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion -Wnon-virtual-dtor
  -Wold-style-cast -Woverloaded-virtual -Wnull-dereference -Wimplicit-fallthrough)
if(KAUTION_WERROR)
  target_compile_options(kaution_warnings INTERFACE -Werror)
endif()

add_library(kaution_sanitizers INTERFACE)
if(KAUTION_SANITIZE)
  set(_san -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
  target_compile_options(kaution_sanitizers INTERFACE ${_san})
  target_link_options(kaution_sanitizers INTERFACE ${_san})
endif()

add_library(kaution_flags INTERFACE)
target_link_libraries(kaution_flags INTERFACE kaution_warnings kaution_sanitizers)
target_include_directories(kaution_flags INTERFACE ${PROJECT_SOURCE_DIR})
