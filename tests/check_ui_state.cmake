# Fails when code in wasm/ui keeps state or reaches for data and time on its own, instead
# of taking them from the app (one UI state passed in, intents returned, the clock read
# once per frame in wasm/platform). Run by CTest:
#   cmake -DSOURCE_DIR=<repo> -P tests/check_ui_state.cmake
# Names every offending line with what to do instead:
#  - a `static` variable inside a function that is not const, or a variable at namespace
#    scope that is not const (constants are fine; state belongs in the UiState the app
#    owns: wasm/ui/views/ui_state.hpp);
#  - a call of the data layer (client::data_layer(), DataLayer) from wasm/ui: views
#    return intents, wasm/app/intent_executor submits them;
#  - a clock read (Date.now, emscripten_get_now, std::chrono::*_clock::now) in wasm/ui:
#    views take ReadModel::now, read once per frame by wasm/platform/clock.
# A line may opt out with a trailing "// not state: <why>" — visible in review, for what
# is not UI state at all (a font resource ImGui keeps pointing at, the test recorder).
set(problems "")
file(GLOB_RECURSE files RELATIVE "${SOURCE_DIR}" "${SOURCE_DIR}/wasm/ui/*.cpp" "${SOURCE_DIR}/wasm/ui/*.hpp")
list(SORT files)
foreach(rel ${files})
  file(READ "${SOURCE_DIR}/${rel}" content)
  # One list element per line: characters CMake lists treat specially are set aside first.
  string(REPLACE ";" "<semicolon>" content "${content}")
  string(REPLACE "[" "<open>" content "${content}")
  string(REPLACE "]" "<close>" content "${content}")
  string(REPLACE "\\" "<backslash>" content "${content}")
  string(REPLACE "\n" ";" lines "${content}")
  set(n 0)
  foreach(line IN LISTS lines)
    math(EXPR n "${n} + 1")
    if(line MATCHES "// not state: ")
      continue()
    endif()
    # Comments say why, they do not count.
    string(REGEX REPLACE "//.*$" "" code "${line}")
    string(STRIP "${code}" shown)
    string(REPLACE "<semicolon>" ";" shown "${shown}")
    string(REPLACE "<open>" "[" shown "${shown}")
    string(REPLACE "<close>" "]" shown "${shown}")
    # An indented `static` declares a local (or a member); const and constexpr ones and
    # function declarations (a parenthesis before any initialiser) are not state.
    if(code MATCHES "^[ \t]+static[ \t]" AND NOT code MATCHES "^[ \t]+static[ \t]+(const|constexpr|inline[ \t]+constexpr)[ \t]"
       AND NOT code MATCHES "^[ \t]+static[ \t][^=({]*\\(")
      string(APPEND problems "  ${rel}:${n}: `${shown}` keeps state in a static; keep it in the UiState the app owns (wasm/ui/views/ui_state.hpp) and pass it in.\n")
    endif()
    # A variable defined at namespace scope (a line of its own at column 0, ending in ";").
    if(rel MATCHES "\\.cpp$" AND code MATCHES "^[A-Za-z_][A-Za-z0-9_:<>, ]*[ *&]+[a-z_][a-z0-9_]*( = [^(]*| ?{.*})?<semicolon>[ \t]*$"
       AND NOT code MATCHES "^(const|constexpr|using|namespace|typedef|extern|return|static_assert|template|struct|class|enum)[ \t]")
      string(APPEND problems "  ${rel}:${n}: `${shown}` keeps state at namespace scope; keep it in the UiState the app owns (wasm/ui/views/ui_state.hpp) and pass it in.\n")
    endif()
    if(code MATCHES "data_layer[ \t]*\\(|DataLayer")
      string(APPEND problems "  ${rel}:${n}: calls the data layer while drawing; return an intent instead (wasm/ui/views/intents.hpp), which wasm/app/intent_executor submits.\n")
    endif()
    if(code MATCHES "Date\\.now|emscripten_get_now|_clock::now[ \t]*\\(")
      string(APPEND problems "  ${rel}:${n}: reads the clock; take the frame's instead (ReadModel::now, read once per frame by wasm/platform/clock).\n")
    endif()
  endforeach()
endforeach()
if(problems)
  message(FATAL_ERROR "UI code that keeps its own state, calls the data layer or reads the clock:\n${problems}")
endif()
message(STATUS "wasm/ui keeps no state of its own, calls no data layer and reads no clock")
