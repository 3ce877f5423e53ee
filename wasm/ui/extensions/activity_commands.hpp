// The activity forms' extension (email, task, phone call, appointment, ...): Mark
// Complete and Cancel, and Send on an email draft (tablet and desktop); "Read-only" and
// locked fields once the activity is completed or canceled. The core's activity
// mutations (core/domain/activities) decide; the form shows their message.
#pragma once
#include "wasm/ui/views/form_extension.hpp"

namespace casehub::ui {

FormExtension activity_form_extension();

}  // namespace casehub::ui
