// Text entry from on-screen keyboards and input methods. When ImGui wants text, the
// JS side focuses a hidden <input> so tablets show their keyboard and composed text
// (IME, dead keys) arrives whole; that text and the keyboard's Backspace/Enter go
// through platform/input_queue.hpp, in order with the physical keys.
#pragma once

namespace casehub::platform {

// Once per frame after ImGui::Render(): tells JS whether a text field is active.
void update_soft_keyboard(bool wants_text_input);

}  // namespace casehub::platform
