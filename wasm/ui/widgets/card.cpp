// Cards: two draw channels so the background can be drawn after the content it sizes to.
#include "wasm/ui/widgets/card.hpp"

#include "wasm/ui/widgets/theme.hpp"

namespace casehub::ui {

Card begin_card(float width, float padding, bool wrap_text) {
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->ChannelsSplit(2);
    draw->ChannelsSetCurrent(1);
    const Card card{ImGui::GetCursorScreenPos(), width, wrap_text};
    ImGui::SetCursorScreenPos(ImVec2(card.origin.x + padding, card.origin.y + padding));
    ImGui::BeginGroup();
    if (wrap_text) ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width - 2.0f * padding);
    return card;
}

void end_card(const Card& card, float padding, float gap) {
    if (card.wraps_text) ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    const float bottom = ImGui::GetItemRectMax().y + padding;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->ChannelsSetCurrent(0);
    const ImVec2 max(card.origin.x + card.width, bottom);
    draw->AddRectFilled(card.origin, max, palette::surface, 4.0f);
    draw->AddRect(card.origin, max, palette::border, 4.0f);
    draw->ChannelsMerge();
    ImGui::SetCursorScreenPos(ImVec2(card.origin.x, bottom + gap));
    ImGui::Dummy(ImVec2(card.width, 0.0f));
}

}  // namespace casehub::ui
