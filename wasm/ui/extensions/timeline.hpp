// The timeline on the case, account and contact forms: the record's activities, notes
// and case resolutions newest first, filtered by type and status, with a quick-note box
// whose draft is kept on this device (it survives a reload and going offline). Reads the
// local replica only, so it works offline; adding a note asks for record.create.
#pragma once
#include <optional>

#include "core/base/record.hpp"
#include "wasm/ui/views/form_extension.hpp"

namespace casehub::ui {

// Draws the timeline in place of a form section named "timeline" (on the case, account
// and contact forms); a row the agent clicks opens that record.
FormExtension timeline_extension();

}  // namespace casehub::ui
