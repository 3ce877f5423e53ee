// casehub_web: the browser client's entry point. Creates the GLFW window on the page's
// <canvas id="canvas">, sets up Dear ImGui over WebGL2 and runs one frame per
// animation frame: canvas sync -> ImGui frame -> app shell -> render -> platform glue.
#include <cstdio>
#include <memory>
#include <string>

#include <GLES3/gl3.h>
#include <GLFW/glfw3.h>
#include <emscripten/emscripten.h>

#include "imgui.h"
#include "imgui_impl_glfw.h"
#include "imgui_impl_opengl3.h"
#include "wasm/platform/accessibility_mirror.hpp"
#include "wasm/platform/canvas.hpp"
#include "wasm/platform/clipboard.hpp"
#include "wasm/platform/input_queue.hpp"
#include "wasm/platform/preferences.hpp"
#include "wasm/platform/soft_keyboard.hpp"
#include "core/demo/demo_data.hpp"
#include "wasm/app/client_frame.hpp"
#include "wasm/app/form_extensions.hpp"
#include "wasm/app/test_api.hpp"
#include "wasm/platform/clock.hpp"
#include "wasm/platform/wheel.hpp"
#include "wasm/ui/views/app_shell.hpp"
#include "wasm/ui/views/ui_state.hpp"
#include "wasm/ui/widgets/accessibility.hpp"
#include "wasm/ui/widgets/theme.hpp"
#include "wasm/ui/widgets/widget_recorder.hpp"

namespace {

using namespace casehub;

constexpr const char* kLanguagePreference = "language";
constexpr const char* kThemePreference = "theme";  // "high-contrast" or unset

struct App {
    GLFWwindow* window = nullptr;
    ui::UiState ui;                                                       // the one UI state
    ui::FormExtensionRegistry form_extensions = client::make_form_extensions();
    std::unique_ptr<Store> bench;  // frame-time bench: generated cases shown instead of the replica
    ui::Fonts fonts;
    float fonts_ratio = 0.0f;       // pixel ratio the font atlas was built for
    bool themed = false;
    bool themed_high_contrast = false;
    ui::WidthClass themed_for = ui::WidthClass::desktop;
    unsigned frames = 0;
};

App g_app;  // lives for the page: emscripten_set_main_loop never returns to main

void frame() {
    App& app = g_app;
    const double frame_start = emscripten_get_now();
    glfwPollEvents();
    ImGuiIO& io = ImGui::GetIO();

    const platform::CanvasSize canvas = platform::sync_canvas_size();
    if (canvas.pixel_ratio != app.fonts_ratio) {
        app.fonts = ui::load_fonts(io, canvas.pixel_ratio);
        app.fonts_ratio = canvas.pixel_ratio;
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        ImGui_ImplOpenGL3_CreateFontsTexture();
    }
    const ui::WidthClass width = ui::width_class_for(canvas.css_width);
    const bool high_contrast = app.ui.shell.high_contrast;
    if (!app.themed || width != app.themed_for || high_contrast != app.themed_high_contrast) {
        ui::apply_theme(ImGui::GetStyle(), width, high_contrast ? ui::kHighContrastTheme : ui::kDefaultTheme);
        app.themed = true;
        app.themed_for = width;
        app.themed_high_contrast = high_contrast;
    }

    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    platform::apply_canvas_to_imgui(io, canvas);
    platform::apply_queued_input();
    ImGui::NewFrame();
    ui::set_a11y_recording(platform::accessibility_mirror_enabled());
    ui::begin_widget_frame();
    // Tab or a screen reader moved the accessibility mirror's focus, or pressed an element.
    if (const auto request = platform::take_focus_request()) ui::focus_widget(request->id, request->activate);

    // The clock is read once here and passed down. The data layer ticks; the sign-in
    // screen replaces the shell until someone is signed in. The views draw from the read
    // model and UI state and return intents, which the executor submits after them; the
    // rejection notice is drawn over the shell.
    const platform::FrameClock clock = platform::read_frame_clock();
    ui::ShellIntent intent;
    ui::UiState& state = app.ui;
    if (client::begin_client_frame(state, clock, canvas.css_width, canvas.css_height, &app.fonts)) {
        const ui::ReadModel model = client::read_model(clock, app.bench.get());
        ui::Intents intents;
        const ui::ViewFrame view{state.shell.language, width,         &app.fonts,     model,
                                 intents,              app.form_extensions, state.extensions, state.widgets,
                                 platform::monotonic_ms};
        const ui::ShellFrame shell_frame{canvas.css_width, canvas.css_height, &app.fonts,
                                         client::signed_in_user_name(ui::tr(state.shell.language, "user.guest"))};
        intent = ui::draw_app_shell(state, shell_frame, view);
        client::end_client_frame(state, intents, intent, canvas.css_width, canvas.css_height);
    }

    ImGui::Render();
    glViewport(0, 0, canvas.backing_width, canvas.backing_height);
    const ImVec4 clear = ui::clear_color();
    glClearColor(clear.x, clear.y, clear.z, clear.w);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    ui::end_widget_frame();

    // The mirror first: when it gives a text field the page's focus, the soft-keyboard
    // input stays out of the way.
    if (platform::accessibility_mirror_enabled()) {
        const double a11y_start = emscripten_get_now();
        platform::publish_accessibility_tree(ui::encode_a11y_nodes(
            ui::last_frame_a11y_nodes(), ui::last_frame_focused_id(), ui::tr(app.ui.shell.language, "a11y.skip_to_main"),
            ui::language_code(app.ui.shell.language)));
        platform::add_accessibility_cost(emscripten_get_now() - a11y_start);
    }
    platform::update_soft_keyboard(io.WantTextInput);
    ui::apply_shell_intent(app.ui, intent, width);
    if (intent.language) platform::save_preference(kLanguagePreference, ui::language_code(*intent.language));
    if (intent.toggle_high_contrast)
        platform::save_preference(kThemePreference, app.ui.shell.high_contrast ? "high-contrast" : "");
    platform::publish_frame(++app.frames, emscripten_get_now() - frame_start);
}

}  // namespace

int main() {
    if (!glfwInit()) {
        std::fprintf(stderr, "casehub: GLFW could not start\n");
        return 1;
    }
    glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    const platform::CanvasSize canvas = platform::sync_canvas_size();
    g_app.window = glfwCreateWindow(canvas.backing_width, canvas.backing_height, "CaseHub", nullptr, nullptr);
    if (!g_app.window) {
        std::fprintf(stderr, "casehub: could not create a WebGL2 context\n");
        return 1;
    }
    glfwMakeContextCurrent(g_app.window);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // layout is code, not a file
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    ui::enable_widget_recorder();
    ImGui_ImplGlfw_InitForOpenGL(g_app.window, true);
    ImGui_ImplOpenGL3_Init("#version 300 es");
    platform::install_clipboard(io);
    platform::install_wheel_normalizer(g_app.window);
    platform::install_input_queue(g_app.window);

    std::string language = platform::load_preference(kLanguagePreference);
    if (language.empty()) language = platform::browser_language();
    g_app.ui.shell.language = ui::parse_language(language);
    g_app.ui.shell.high_contrast = platform::load_preference(kThemePreference) == "high-contrast";
    // Motion: the text cursor's blink is ImGui's only animation; off when the OS asks.
    if (platform::prefers_reduced_motion()) io.ConfigInputTextCursorBlink = false;

    client::start_client(g_app.ui);
    emscripten_set_main_loop(frame, 0, true);
    return 0;
}

extern "C" {

// Frame-time bench hook (tests/e2e/bench_frame_time.mjs): generates the demo
// organisation with `cases` cases in memory and shows it in the workspace instead of the
// replica (store.version() keys the grid caches, as for the replica). Returns the
// number of cases. Nothing is synced or stored; a reload goes back to the replica.
EMSCRIPTEN_KEEPALIVE int casehub_load_bench_cases(int cases) {
    auto store = std::make_unique<casehub::Store>();
    casehub::DemoOptions options;
    options.case_count = static_cast<std::size_t>(cases > 0 ? cases : 0);
    options.now_ms = casehub::platform::read_frame_clock().now;
    casehub::generate_demo_data(options, *store);
    const auto n = static_cast<int>(store->count("incident"));
    g_app.bench = std::move(store);
    return n;
}

}
