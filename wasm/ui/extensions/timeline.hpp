// The timeline on the case, account and contact forms: the record's activities, notes
// and case resolutions newest first, filtered by type and status, with a quick-note box
// whose draft is kept on this device (it survives a reload and going offline). Reads the
// local replica only, so it works offline; adding a note submits record.create.
#pragma once
#include <optional>

#include "core/base/record.hpp"
#include "wasm/ui/views/entity_view.hpp"
#include "wasm/ui/views/record_form.hpp"

namespace casehub::ui {

// Draws the timeline when `section_name` is "timeline" and the record exists (true: the
// caller skips its own drawing of that section). A row the agent clicks comes back in `open`.
bool draw_timeline_section(const std::string& section_name, const Record* record, const RecordFormLook& look,
                           float width, std::optional<RecordRef>& open);

// The key under which a draft typed on this device is kept ("draft.<kind>.<entity>.<id>").
std::string draft_key(const char* kind, const std::string& entity, const std::string& id);

}  // namespace casehub::ui
