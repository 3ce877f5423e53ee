// Drafts kept on this device for the email and note forms: the unsaved edits are written
// to the browser's preferences at every change and put back when the same record's form
// opens again with none (after a reload, or going offline and back).
#pragma once
#include <string>

#include "wasm/ui/views/form_extension.hpp"

namespace casehub::ui {

FormExtension form_drafts_extension();

// The key under which a draft typed on this device is kept ("draft.<kind>.<entity>.<id>").
std::string draft_key(const char* kind, const std::string& entity, const std::string& id);

}  // namespace casehub::ui
