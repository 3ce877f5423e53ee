// What the page's JS (and so browser tests) can ask the client: the widgets of the
// last frame, the frame count and frame-time statistics. Also announces each presented
// frame to JS, which sets window.casehub.firstFrame once the first one is on screen.
#pragma once

namespace casehub::platform {

// Call once per frame after rendering; `frame_number` counts from 1, `frame_ms` is the
// CPU time the frame took in wasm (input, UI, draw lists, GL submission).
void publish_frame(unsigned frame_number, double frame_ms);

}  // namespace casehub::platform
