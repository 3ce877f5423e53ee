// Implementation of platform/input_queue.hpp: GLFW's key and char callbacks append to
// one ordered queue; apply_queued_input() forwards a frame's worth of it to the
// callbacks ImGui's GLFW backend installed (they also keep io.KeyCtrl etc. current).
#include "wasm/platform/input_queue.hpp"

#include <algorithm>
#include <deque>
#include <string>
#include <vector>

#include <GLFW/glfw3.h>

#include "imgui.h"

namespace casehub::platform {
namespace {

struct InputEvent {
    enum class Kind { key, codepoint, text } kind = Kind::key;
    int key = 0;
    int scancode = 0;
    int action = 0;
    int mods = 0;
    unsigned codepoint = 0;
    std::string text;
};

GLFWwindow* g_window = nullptr;
GLFWkeyfun g_imgui_key = nullptr;
GLFWcharfun g_imgui_char = nullptr;
std::deque<InputEvent> g_queue;

bool is_modifier(int key) {
    return key == GLFW_KEY_LEFT_SHIFT || key == GLFW_KEY_RIGHT_SHIFT || key == GLFW_KEY_LEFT_CONTROL ||
           key == GLFW_KEY_RIGHT_CONTROL || key == GLFW_KEY_LEFT_ALT || key == GLFW_KEY_RIGHT_ALT ||
           key == GLFW_KEY_LEFT_SUPER || key == GLFW_KEY_RIGHT_SUPER;
}

// Keys ImGui acts on when it reads key state (Backspace, arrows, Enter, Ctrl+A...), as
// opposed to printable keys whose work is done by the character they produce.
bool is_command_key(int key, const ImGuiIO& io) {
    if (is_modifier(key)) return false;
    return key >= GLFW_KEY_ESCAPE || io.KeyCtrl || io.KeySuper;
}

void on_key(GLFWwindow*, int key, int scancode, int action, int mods) {
    InputEvent e;
    e.key = key;
    e.scancode = scancode;
    e.action = action;
    e.mods = mods;
    g_queue.push_back(e);
}

void on_char(GLFWwindow*, unsigned codepoint) {
    InputEvent e;
    e.kind = InputEvent::Kind::codepoint;
    e.codepoint = codepoint;
    g_queue.push_back(e);
}

void forward_key(int key, int scancode, int action, int mods) {
    if (g_imgui_key) g_imgui_key(g_window, key, scancode, action, mods);
}

}  // namespace

void install_input_queue(GLFWwindow* window) {
    g_window = window;
    g_imgui_key = glfwSetKeyCallback(window, on_key);
    g_imgui_char = glfwSetCharCallback(window, on_char);
}

void apply_queued_input() {
    if (!ImGui::GetCurrentContext()) return;
    ImGuiIO& io = ImGui::GetIO();
    std::vector<int> pressed;
    bool command_pressed = false;
    while (!g_queue.empty()) {
        const InputEvent& e = g_queue.front();
        if (e.kind == InputEvent::Kind::key) {
            const bool was_pressed_now = std::find(pressed.begin(), pressed.end(), e.key) != pressed.end();
            if (e.action == GLFW_RELEASE && was_pressed_now) break;
            if (e.action == GLFW_PRESS) {
                if (was_pressed_now) break;
                pressed.push_back(e.key);
                // Ctrl is already down when A arrives, so ask before forwarding.
                if (is_command_key(e.key, io)) command_pressed = true;
            }
            forward_key(e.key, e.scancode, e.action, e.mods);
        } else {
            if (command_pressed) break;
            if (e.kind == InputEvent::Kind::codepoint) {
                if (g_imgui_char) g_imgui_char(g_window, e.codepoint);
            } else {
                io.AddInputCharactersUTF8(e.text.c_str());
            }
        }
        g_queue.pop_front();
    }
}

void queue_text(const char* utf8) {
    if (!utf8 || !*utf8) return;
    InputEvent e;
    e.kind = InputEvent::Kind::text;
    e.text = utf8;
    g_queue.push_back(e);
}

void queue_key_tap(int glfw_key) {
    on_key(g_window, glfw_key, 0, GLFW_PRESS, 0);
    on_key(g_window, glfw_key, 0, GLFW_RELEASE, 0);
}

}  // namespace casehub::platform
