// Text entry from on-screen keyboards and input methods. When ImGui wants text, the
// JS side focuses a hidden <input> so tablets show their keyboard and composed text
// (IME, dead keys) arrives whole; that text and the keyboard's Backspace/Enter are
// fed to ImGui here.
#pragma once
#include "imgui.h"

namespace casehub::platform {

// Once per frame after ImGui::Render(): tells JS whether a text field is active.
void update_soft_keyboard(bool wants_text_input);

// Once per frame before ImGui::NewFrame(): delivers keys the on-screen keyboard sent
// (pressed for one frame, released the next).
void apply_soft_keys(ImGuiIO& io);

}  // namespace casehub::platform
