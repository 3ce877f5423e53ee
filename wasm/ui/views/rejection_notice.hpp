// The notice of a change the server refused ("Camille Martin already picked this item"):
// shown over the content, newest first, until the agent dismisses it. Nothing an agent
// typed disappears without this notice.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/sync/replica.hpp"
#include "wasm/ui/i18n/i18n.hpp"

namespace casehub::ui {

// Draws the newest rejection (with "+N more") in the bottom-right corner of a
// `width` x `height` screen. Returns the mutation id the agent dismissed, if any.
std::optional<std::string> draw_rejection_notice(Language language, const std::vector<Rejection>& rejections,
                                                 float width, float height);

}  // namespace casehub::ui
