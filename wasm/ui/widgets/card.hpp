// A white card with a border behind a group of widgets, as the hub draws form sections
// and panels, as tall as its content: the content is drawn first on a foreground draw
// channel, then the card behind it once its height is known.
#pragma once
#include "imgui.h"

namespace casehub::ui {

struct Card {
    ImVec2 origin;
    float width;
    bool wraps_text;
};

// Starts a card `width` wide at the cursor, content inset by `padding`; with
// `wrap_text`, wrapped text stops at the card's inner edge.
Card begin_card(float width, float padding, bool wrap_text = false);

// Draws the card behind what was drawn since begin_card and leaves the cursor `gap`
// below it.
void end_card(const Card& card, float padding, float gap = 0.0f);

}  // namespace casehub::ui
