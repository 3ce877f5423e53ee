// Sync status drawing (its strings are in i18n.cpp). The status is one line: icon, state word,
// pending count, then the first that holds of: not saved on this device (the device refused
// work: red, the reason and what to do in the tooltip), saving on this device (an edit not
// yet stored), sync error, syncing, last sync time; an error adds a "Sync now" button.
#include "wasm/ui/views/sync_status.hpp"

#include <cstdio>

#include "core/i18n/message_catalog.hpp"
#include "imgui.h"
#include "wasm/ui/widgets/accessibility.hpp"
#include "wasm/ui/widgets/icons.hpp"
#include "wasm/ui/widgets/theme.hpp"
#include "wasm/ui/widgets/widget_recorder.hpp"

namespace casehub::ui {
namespace {



// The line shown (without the button), and whether it is an error.
std::string status_line(const SyncStatusLook& look, Language lang, bool compact, bool* error) {
    const SyncState& s = look.state;
    const bool refused = !s.storage_error.empty();
    *error = (!s.last_error.empty() && s.online) || refused;
    std::string line = s.online ? (s.pending ? ICON_CLOUD_UPLOAD : ICON_CLOUD) : ICON_TIMES;
    if (compact) {
        if (s.pending) line += " " + std::to_string(s.pending);
        if (refused) line += " !";  // red; the full line is on wider screens
        return line;
    }
    line += "  ";
    line += tr(lang, s.online ? "sync.online" : "sync.offline");
    if (s.pending) line += " · " + std::to_string(s.pending) + " " + tr(lang, "sync.pending");
    if (refused) {
        line += " · ";
        line += tr(lang, "sync.storage_refused");
    } else if (s.unsaved) {
        line += " · ";
        line += tr(lang, "sync.unsaved");
    } else if (*error) {
        line += " · ";
        line += tr(lang, "sync.error");
    } else if (s.syncing) {
        line += " · ";
        line += tr(lang, "sync.syncing");
    } else if (s.last_synced_at) {
        line += " · ";
        line += tr(lang, "sync.synced");
        line += " " + format_clock(s.last_synced_at, look.utc_offset_minutes);
    } else {
        line += " · ";
        line += tr(lang, "sync.never");
    }
    return line;
}

bool shows_button(const SyncStatusLook& look, bool compact) {
    const SyncState& s = look.state;
    return !compact && ((s.online && (!s.last_error.empty() || s.pending > 0) && !s.syncing) || !s.storage_error.empty());
}

}  // namespace

std::string format_clock(TimestampMs ms, int utc_offset_minutes) {
    const std::int64_t minutes = (ms / 60000 + utc_offset_minutes) % (24 * 60);
    const std::int64_t m = minutes < 0 ? minutes + 24 * 60 : minutes;
    char buf[8];
    std::snprintf(buf, sizeof buf, "%02d:%02d", static_cast<int>(m / 60), static_cast<int>(m % 60));
    return buf;
}

float sync_status_width(const SyncStatusLook& look, Language language, bool compact, float height) {
    bool error = false;
    const std::string line = status_line(look, language, compact, &error);
    float w = ImGui::CalcTextSize(line.c_str()).x + 24.0f;
    if (compact && w < height) w = height;
    if (shows_button(look, compact)) w += ImGui::CalcTextSize(tr(language, "sync.now")).x + 36.0f;
    return w;
}

bool draw_sync_status(const SyncStatusLook& look, Language language, bool compact, float height) {
    bool error = false;
    const std::string line = status_line(look, language, compact, &error);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float text_y = origin.y + (height - ImGui::GetFontSize()) * 0.5f;
    ImGui::SetCursorScreenPos(ImVec2(origin.x + 8.0f, text_y));
    if (error) ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 0.55f, 0.55f, 1.0f));  // red, readable on navy
    begin_region("sync_status", Role::status, tr(language, "a11y.sync_status"));  // read out when it changes
    ImGui::TextUnformatted(line.c_str());
    if (error) ImGui::PopStyleColor();
    record_last_item(line.c_str());
    end_region();
    const SyncState& s = look.state;
    if (error && ImGui::IsItemHovered())
        ImGui::SetTooltip("%s", localize_message(s.storage_error.empty() ? s.last_error : s.storage_error, language).c_str());
    if (!shows_button(look, compact)) return false;
    const float x = ImGui::GetItemRectMax().x + 10.0f;
    const float bh = ImGui::GetFontSize() + 10.0f;
    ImGui::SetCursorScreenPos(ImVec2(x, origin.y + (height - bh) * 0.5f));
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(8.0f, 5.0f));
    ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 1.0f);
    const std::string label = std::string(ICON_REFRESH " ") + tr(language, "sync.now") + "###sync_now";
    const bool pressed = ImGui::Button(label.c_str());
    record_last_item(tr(language, "sync.now"));
    ImGui::PopStyleVar(2);
    return pressed;
}


}  // namespace casehub::ui
