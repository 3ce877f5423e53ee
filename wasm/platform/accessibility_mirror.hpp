// The browser side of the accessibility mirror: hands the page the frame's encoded tree
// (one call, only when it changed since the last frame) and takes the page's requests to
// focus or press a widget (Tab or a screen reader in the mirror). web/accessibility.js
// is the other half. Depends on nothing of the UI: the app passes strings and ids.
#pragma once
#include <optional>
#include <string>

namespace casehub::platform {

// Sends `encoded` (ui::encode_a11y_nodes) to the page unless it equals the last one sent.
// Returns true when it was sent.
bool publish_accessibility_tree(const std::string& encoded);

// Whether the mirror is on (it is, unless the bench turns it off to measure a frame
// without it: window.casehub.setA11yMirror(false)).
bool accessibility_mirror_enabled();

// Time spent encoding and publishing the tree (the page's DOM update included, as the
// call is synchronous), for the bench: adds one frame's figure.
void add_accessibility_cost(double ms);

struct FocusRequest {
    unsigned id = 0;        // the ImGuiID the mirror's element stands for
    bool activate = false;  // also press it (Enter, Space, a screen reader's click)
};

// The page's latest request since the last call, if any (a newer one replaces an older).
std::optional<FocusRequest> take_focus_request();

}  // namespace casehub::platform
