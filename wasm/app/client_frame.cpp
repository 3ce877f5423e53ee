// Frame-loop glue between the data layer and the UI (login screen, sync status,
// rejection notice). The clock is read here, once per frame.
#include "wasm/app/client_frame.hpp"

#include <emscripten/emscripten.h>

#include "wasm/client/data_layer.hpp"
#include "wasm/client/test_hooks.hpp"
#include "wasm/ui/views/login_screen.hpp"
#include "wasm/ui/views/rejection_notice.hpp"
#include "wasm/ui/views/sync_status.hpp"

EM_JS(int, casehub_js_utc_offset_minutes, (), { return -new Date().getTimezoneOffset(); });
EM_JS(double, casehub_js_date_now, (), { return Date.now(); });

namespace casehub::client {
namespace {

ui::LoginForm g_form;
int g_utc_offset = 0;

TimestampMs now_ms() { return static_cast<TimestampMs>(casehub_js_date_now()); }

}  // namespace

void start_client() {
    data_layer().start();
    install_sync_test_hooks();
    g_utc_offset = casehub_js_utc_offset_minutes();
}

bool begin_client_frame(ui::Language language, float width, float height, const ui::Fonts* fonts) {
    DataLayer& data = data_layer();
    const TimestampMs now = now_ms();
    data.tick(now);
    const SyncState state = data.state();
    ui::set_sync_status(state, now, g_utc_offset);
    if (data.has_session()) return true;

    std::string error = data.sign_in_error();
    if (error.empty()) error = data.storage_notice();
    const ui::LoginLook look{language,          width, height, fonts, data.is_loading(), data.is_signing_in(),
                             state.online,      error, state.pending};
    const ui::LoginIntent intent = ui::draw_login_screen(g_form, look);
    if (intent.sign_in) data.sign_in(intent.username, intent.password);
    return false;
}

void end_client_frame(ui::Language language, float width, float height) {
    DataLayer& data = data_layer();
    if (auto dismissed = ui::draw_rejection_notice(language, data.rejections(), width, height))
        data.dismiss_rejection(*dismissed);
    if (ui::take_sync_now_request()) data.sync_now();
    if (ui::take_sign_out_request()) {
        data.sign_out();
        g_form = ui::LoginForm{};
    }
}

const char* signed_in_user_name(const char* fallback) {
    const ClientSession* s = data_layer().session();
    if (!s) return fallback;
    if (!s->user.fullname.empty()) return s->user.fullname.c_str();
    if (!s->username.empty()) return s->username.c_str();
    return fallback;
}

}  // namespace casehub::client
