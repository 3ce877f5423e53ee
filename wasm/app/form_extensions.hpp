// The one place that names every form extension (as core/app/app_registry does for
// domain modules): the record form asks the registry for its entity's and calls their
// hooks in the order registered here.
#pragma once
#include "wasm/ui/views/form_extension.hpp"

namespace casehub::client {

ui::FormExtensionRegistry make_form_extensions();

}  // namespace casehub::client
