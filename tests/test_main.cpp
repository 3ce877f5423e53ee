// The one Catch2 main for the test executables (native and wasm).
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
