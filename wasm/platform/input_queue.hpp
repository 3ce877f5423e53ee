// Keys and text that reach the page between two frames, replayed to Dear ImGui in
// order, at most one press and release of a key per frame. ImGui 1.86 reads key state
// (io.KeysDown) once a frame, so a press and its release inside one frame would be lost,
// and it reads typed characters before keys, so "Backspace then x" in one frame would
// come out as "x then Backspace". Depends on GLFW and ImGui only.
#pragma once

struct GLFWwindow;

namespace casehub::platform {

// Takes over the window's key and character callbacks; call after
// ImGui_ImplGlfw_InitForOpenGL(window, true), whose callbacks become the receivers.
void install_input_queue(GLFWwindow* window);

// Once per frame before ImGui::NewFrame(): hands ImGui the queued events up to the
// first one that must wait for the next frame (a release of a key pressed in this
// frame, or text after a command key such as Backspace or Ctrl+A).
void apply_queued_input();

// Text typed or composed in the page's hidden input (UTF-8), in order with the keys.
void queue_text(const char* utf8);

// A key press the page saw only as an input event (an on-screen keyboard's Backspace
// or Enter): pressed in one frame, released in the next.
void queue_key_tap(int glfw_key);

}  // namespace casehub::platform
