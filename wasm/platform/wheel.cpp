// Emscripten implementation of platform/wheel.hpp: 100 px of DOM wheel delta (one
// notch in Chromium) becomes one ImGui wheel unit, with the sign flipped.
#include "wasm/platform/wheel.hpp"

#include <GLFW/glfw3.h>

#include "imgui_impl_glfw.h"

namespace casehub::platform {
namespace {

void on_scroll(GLFWwindow* window, double dx, double dy) {
    ImGui_ImplGlfw_ScrollCallback(window, -dx / 100.0, -dy / 100.0);
}

}  // namespace

void install_wheel_normalizer(GLFWwindow* window) { glfwSetScrollCallback(window, on_scroll); }

}  // namespace casehub::platform
