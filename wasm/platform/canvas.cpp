// Emscripten implementation of platform/canvas.hpp over <emscripten/html5.h>.
// The backing store is set directly (not through glfwSetWindowSize, which asks for
// fullscreen when the size happens to equal the screen's).
#include "wasm/platform/canvas.hpp"

#include <cmath>

#include <emscripten/html5.h>

namespace casehub::platform {

CanvasSize sync_canvas_size() {
    CanvasSize size;
    double css_w = 0, css_h = 0;
    emscripten_get_element_css_size("#canvas", &css_w, &css_h);
    double ratio = emscripten_get_device_pixel_ratio();
    if (!(ratio > 0.0)) ratio = 1.0;
    if (css_w < 1.0) css_w = 1.0;
    if (css_h < 1.0) css_h = 1.0;
    size.css_width = static_cast<float>(css_w);
    size.css_height = static_cast<float>(css_h);
    size.pixel_ratio = static_cast<float>(ratio);
    size.backing_width = static_cast<int>(std::lround(css_w * ratio));
    size.backing_height = static_cast<int>(std::lround(css_h * ratio));

    int current_w = 0, current_h = 0;
    emscripten_get_canvas_element_size("#canvas", &current_w, &current_h);
    if (current_w != size.backing_width || current_h != size.backing_height)
        emscripten_set_canvas_element_size("#canvas", size.backing_width, size.backing_height);
    return size;
}

void apply_canvas_to_imgui(ImGuiIO& io, const CanvasSize& canvas) {
    io.DisplaySize = ImVec2(canvas.css_width, canvas.css_height);
    const float sx = static_cast<float>(canvas.backing_width) / canvas.css_width;
    const float sy = static_cast<float>(canvas.backing_height) / canvas.css_height;
    io.DisplayFramebufferScale = ImVec2(sx, sy);
    // GLFW reports the mouse in backing-store pixels (it scales by canvas.width / CSS width).
    if (io.MousePos.x > -FLT_MAX / 2 && io.MousePos.y > -FLT_MAX / 2)
        io.MousePos = ImVec2(io.MousePos.x / sx, io.MousePos.y / sy);
}

}  // namespace casehub::platform
