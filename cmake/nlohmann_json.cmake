# nlohmann_json: found natively through its CMake package. Under Emscripten
# find_package() is re-rooted into the Emscripten sysroot and fails, and
# `-isystem /usr/include` would drag in glibc's headers, so expose only the
# nlohmann folder through a symlink in the build tree.
if(EMSCRIPTEN)
  set(_nlohmann_include "${CMAKE_BINARY_DIR}/nlohmann_include")
  file(MAKE_DIRECTORY "${_nlohmann_include}")
  if(NOT EXISTS "/usr/include/nlohmann/json.hpp")
    message(FATAL_ERROR "nlohmann-json3-dev is not installed (run scripts/install-deps.sh)")
  endif()
  file(CREATE_LINK /usr/include/nlohmann "${_nlohmann_include}/nlohmann" SYMBOLIC)
  add_library(nlohmann_json::nlohmann_json INTERFACE IMPORTED)
  set_target_properties(nlohmann_json::nlohmann_json PROPERTIES
    INTERFACE_INCLUDE_DIRECTORIES "${_nlohmann_include}")
else()
  find_package(nlohmann_json 3.11 REQUIRED)
endif()
