// Frame-loop glue between the data layer and the UI (login screen, intents, rejection
// notice). The clock comes from the frame (wasm/platform/clock), read once by main.
#include "wasm/app/client_frame.hpp"

#include <cstdlib>
#include <string>

#include "wasm/app/intent_executor.hpp"
#include "wasm/client/data_layer.hpp"
#include "wasm/client/test_hooks.hpp"
#include "wasm/platform/preferences.hpp"
#include "wasm/ui/views/login_screen.hpp"
#include "wasm/ui/views/rejection_notice.hpp"

namespace casehub::client {
namespace {

// This client's ticket sequence (core/schema/ticket_sequence) in preferences, as the
// client has always kept it: a suffix and the last counter.
constexpr const char* kTicketSuffix = "ticket_suffix";
constexpr const char* kTicketCounter = "ticket_counter";

TicketSequence load_ticket_sequence() {
    return TicketSequence{platform::load_preference(kTicketSuffix),
                          std::strtoull(platform::load_preference(kTicketCounter).c_str(), nullptr, 10)};
}

// The sequence as last written to preferences.
TicketSequence g_saved_tickets;

void save_ticket_sequence(const TicketSequence& seq) {
    if (seq.last == g_saved_tickets.last && seq.suffix == g_saved_tickets.suffix) return;
    platform::save_preference(kTicketSuffix, seq.suffix);
    platform::save_preference(kTicketCounter, std::to_string(seq.last));
    g_saved_tickets = seq;
}

}  // namespace

void start_client(ui::UiState& ui) {
    data_layer().start();
    install_sync_test_hooks();
    g_saved_tickets = load_ticket_sequence();
    ui.workspace.tickets = g_saved_tickets;
}

bool begin_client_frame(ui::UiState& ui, const platform::FrameClock& clock, float width, float height,
                        const ui::Fonts* fonts) {
    DataLayer& data = data_layer();
    data.tick(clock.now);
    if (data.has_session()) return true;

    const SyncState state = data.state();
    std::string error = data.sign_in_error();
    if (error.empty()) error = data.storage_notice();
    const ui::LoginLook look{ui.shell.language, width, height, fonts, data.is_loading(), data.is_signing_in(),
                             state.online,      error, state.pending};
    const ui::LoginIntent intent = ui::draw_login_screen(ui.login, look);
    if (intent.sign_in) data.sign_in(intent.username, intent.password);
    return false;
}

ui::ReadModel read_model(const platform::FrameClock& clock, const Store* bench) {
    const DataLayer& data = data_layer();
    return ui::ReadModel{bench ? *bench : data.view(), data.replica_user_id(), data.state(), clock.now,
                         clock.utc_offset_minutes};
}

void end_client_frame(ui::UiState& ui, ui::Intents& intents, const ui::ShellIntent& shell, float width, float height) {
    DataLayer& data = data_layer();
    execute_intents(intents, data);
    save_ticket_sequence(ui.workspace.tickets);
    if (auto dismissed = ui::draw_rejection_notice(ui.shell.language, data.rejections(), width, height))
        data.dismiss_rejection(*dismissed);
    if (shell.sync_now) data.sync_now();
    if (shell.sign_out) {
        data.sign_out();
        ui.login = ui::LoginForm{};
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
