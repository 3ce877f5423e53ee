// The data layer's part of the page's test API (window.casehub): syncState(), mutate(),
// records(), syncNow(), signIn(), saved(). Browser tests use them to check sync without
// the UI, and to make a mutation where no form exists yet.
#pragma once

namespace casehub::client {

// Adds the functions to window.casehub (once; the page's casehub.js created the object).
void install_sync_test_hooks();

}  // namespace casehub::client
