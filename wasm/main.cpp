// casehub_web: the browser client's entry point. Creates the GLFW window on the page's
// <canvas id="canvas">, sets up Dear ImGui over WebGL2 and runs one frame per
// animation frame: canvas sync -> ImGui frame -> app shell -> render -> platform glue.
#include <cstdio>
#include <string>

#include <GLES3/gl3.h>
#include <GLFW/glfw3.h>
#include <emscripten/emscripten.h>

#include "imgui.h"
#include "imgui_impl_glfw.h"
#include "imgui_impl_opengl3.h"
#include "wasm/platform/canvas.hpp"
#include "wasm/platform/clipboard.hpp"
#include "wasm/platform/input_queue.hpp"
#include "wasm/platform/preferences.hpp"
#include "wasm/platform/soft_keyboard.hpp"
#include "wasm/app/test_api.hpp"
#include "wasm/platform/wheel.hpp"
#include "wasm/app/client_frame.hpp"  // sync hook (H6)
#include "wasm/ui/views/app_shell.hpp"
#include "wasm/ui/widgets/theme.hpp"
#include "wasm/ui/widgets/widget_recorder.hpp"

namespace {

using namespace casehub;

constexpr const char* kLanguagePreference = "language";

struct App {
    GLFWwindow* window = nullptr;
    ui::ShellState shell;
    ui::Fonts fonts;
    float fonts_ratio = 0.0f;       // pixel ratio the font atlas was built for
    bool themed = false;
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
    if (!app.themed || width != app.themed_for) {
        ui::apply_theme(ImGui::GetStyle(), width);
        app.themed = true;
        app.themed_for = width;
    }

    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    platform::apply_canvas_to_imgui(io, canvas);
    platform::apply_queued_input();
    ImGui::NewFrame();
    ui::begin_widget_frame();

    // sync hook (H6): the data layer ticks here; the sign-in screen replaces the shell
    // until someone is signed in, and the rejection notice is drawn over it.
    ui::ShellIntent intent;
    if (client::begin_client_frame(app.shell.language, canvas.css_width, canvas.css_height, &app.fonts)) {
        const ui::ShellFrame shell_frame{canvas.css_width, canvas.css_height, &app.fonts, ui::SyncBadge::up_to_date,
                                         client::signed_in_user_name(ui::tr(app.shell.language, "user.guest"))};
        intent = ui::draw_app_shell(app.shell, shell_frame);
        client::end_client_frame(app.shell.language, canvas.css_width, canvas.css_height);
    }

    ImGui::Render();
    glViewport(0, 0, canvas.backing_width, canvas.backing_height);
    const ImVec4 clear = ui::clear_color();
    glClearColor(clear.x, clear.y, clear.z, clear.w);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    ui::end_widget_frame();

    platform::update_soft_keyboard(io.WantTextInput);
    ui::apply_shell_intent(app.shell, intent, width);
    if (intent.language) platform::save_preference(kLanguagePreference, ui::language_code(*intent.language));
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
    g_app.shell.language = ui::parse_language(language);

    client::start_client();  // sync hook (H6)
    emscripten_set_main_loop(frame, 0, true);
    return 0;
}
