// The canvas and the device pixel ratio: the canvas fills the window in CSS pixels
// (web/index.html's stylesheet) and its backing store is CSS size x devicePixelRatio,
// so drawing is crisp on HiDPI screens. ImGui itself works in CSS pixels.
#pragma once
#include "imgui.h"

namespace casehub::platform {

struct CanvasSize {
    float css_width = 0;     // CSS pixels
    float css_height = 0;
    float pixel_ratio = 1;   // device pixels per CSS pixel (window.devicePixelRatio)
    int backing_width = 0;   // device pixels
    int backing_height = 0;
};

// Reads the canvas' CSS size and the pixel ratio and resizes the backing store when
// either changed (window resize, zoom, moving to another screen). Cheap when nothing did.
CanvasSize sync_canvas_size();

// After the GLFW backend's NewFrame (which reports device pixels): sets DisplaySize to
// CSS px, DisplayFramebufferScale to the ratio and converts the mouse position.
void apply_canvas_to_imgui(ImGuiIO& io, const CanvasSize& canvas);

}  // namespace casehub::platform
