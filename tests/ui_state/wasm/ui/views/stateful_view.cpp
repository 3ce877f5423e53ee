// A test fixture, never compiled: a view that breaks each rule tests/check_ui_state.cmake
// enforces once, beside constants it must not flag (tests/CMakeLists.txt checks both).
#include <chrono>

#include "wasm/client/data_layer.hpp"

namespace casehub::ui {
namespace {
int g_opened = 0;
constexpr int kRowsPerPage = 50;
const char* const kTitle = "Cases";
}  // namespace

void draw_stateful_view() {
    static std::string last_query;
    static const std::string kEmpty;
    static constexpr int kColumns = 4;
    ++g_opened;
    last_query = kTitle;
    (void)client::data_layer().submit("record.update", Json::object());
    const auto started = std::chrono::steady_clock::now();
    (void)started;
    (void)kRowsPerPage;
    (void)kColumns;
}

}  // namespace casehub::ui
