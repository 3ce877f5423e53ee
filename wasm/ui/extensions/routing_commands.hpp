// The "Apply Routing Rule" command of an active case (core/domain/routing): placed after
// the workspace's commands, as the hub does; its notice names where the rules sent the
// case (a queue or an owner), read before the change so the message can say it.
#pragma once
#include "wasm/ui/views/form_extension.hpp"

namespace casehub::ui {

FormExtension routing_form_extension();

}  // namespace casehub::ui
