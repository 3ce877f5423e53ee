// The system clipboard for ImGui. Browsers only read the clipboard in a paste event,
// so the JS side (web/casehub.js) keeps the last pasted/copied text and ImGui's
// synchronous "get clipboard" reads that; "set" writes through navigator.clipboard.
#pragma once
#include "imgui.h"

namespace casehub::platform {

// Points io's clipboard callbacks at the browser clipboard glue.
void install_clipboard(ImGuiIO& io);

}  // namespace casehub::platform
