// Mouse wheel / trackpad scrolling. Emscripten's GLFW passes the DOM wheel delta
// through unchanged (pixels, positive = down); ImGui expects notches, positive = up.
#pragma once

struct GLFWwindow;

namespace casehub::platform {

// Replaces the scroll callback the ImGui GLFW backend installed with one that
// normalises browser deltas before handing them to the backend.
void install_wheel_normalizer(GLFWwindow* window);

}  // namespace casehub::platform
