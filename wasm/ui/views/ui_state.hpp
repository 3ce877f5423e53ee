// The app's one UI state: everything the client remembers between frames that is not
// in the replica — the shell (area, language, search box), the workspace (grids, the
// open form, dialogs, recent and pinned lists), search results, the sign-in form, what
// form extensions and generic widgets keep. Owned by the app (wasm/main.cpp), passed
// down each frame; nothing in wasm/ui keeps state of its own (tests/check_ui_state.cmake).
#pragma once
#include "wasm/ui/views/app_shell.hpp"
#include "wasm/ui/views/extension_states.hpp"
#include "wasm/ui/views/login_screen.hpp"
#include "wasm/ui/views/search_results.hpp"
#include "wasm/ui/views/workspace_page.hpp"
#include "wasm/ui/widgets/widget_state.hpp"

namespace casehub::ui {

struct UiState {
    ShellState shell;
    WorkspaceState workspace;
    SearchResultsState search;
    LoginForm login;
    ExtensionStates extensions;
    WidgetState widgets;
};

}  // namespace casehub::ui
