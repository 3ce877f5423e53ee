// The client's colours meet WCAG 2.1 AA contrast (issue 22): text 4.5:1 on every
// background it is drawn on, controls and the focus ring 3:1 against what surrounds them,
// in the default theme; the high-contrast theme reaches AAA (7:1) for text. Computed from
// the very values the client draws with (wasm/ui/widgets/palette.hpp).
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "wasm/ui/widgets/palette.hpp"

namespace {

using casehub::ui::rgba;

// WCAG 2.1 relative luminance of an sRGB colour packed as IM_COL32 (0xAABBGGRR).
double luminance(std::uint32_t c) {
    auto channel = [](unsigned v) {
        const double s = v / 255.0;
        return s <= 0.03928 ? s / 12.92 : std::pow((s + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(c & 0xFF) + 0.7152 * channel((c >> 8) & 0xFF) + 0.0722 * channel((c >> 16) & 0xFF);
}

double contrast(std::uint32_t a, std::uint32_t b) {
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

struct Pair {
    const char* what;
    std::uint32_t fg, bg;
};

}  // namespace

TEST_CASE("contrast is computed as WCAG defines it", "[theme]") {
    CHECK(contrast(rgba(0, 0, 0), rgba(0xFF, 0xFF, 0xFF)) == Approx(21.0));
    CHECK(contrast(rgba(0x77, 0x77, 0x77), rgba(0xFF, 0xFF, 0xFF)) == Approx(4.48).epsilon(0.01));
    CHECK(contrast(rgba(0xFF, 0xFF, 0xFF), rgba(0xFF, 0xFF, 0xFF)) == Approx(1.0));
}

TEST_CASE("text in the default theme has at least 4.5:1 on every background it is drawn on", "[theme]") {
    namespace p = casehub::ui::palette;
    const auto& t = casehub::ui::kDefaultTheme;
    const Pair pairs[] = {
        {"text on a card", p::text, p::surface},
        {"text on the content background", p::text, p::canvas},
        {"text on the site map", p::text, p::site_map},
        {"secondary text on a card", p::text_secondary, p::surface},
        {"secondary text on the content background", p::text_secondary, p::canvas},
        {"secondary text on the site map", p::text_secondary, p::site_map},
        {"the selected site map row", p::accent_dark, p::site_map},
        {"the top bar", p::top_bar_text, p::top_bar},
        {"the top bar under the pointer", p::top_bar_text, p::top_bar_hover},
        {"a primary button", p::top_bar_text, p::accent},
        {"a pressed primary button", p::top_bar_text, p::accent_dark},
        {"a link on a card", p::accent, p::surface},
        {"a link on the content background", p::accent, p::canvas},
        {"a link in a selected row", t.link, t.selected_row},
        {"widget text on the window", t.text, t.window_bg},
        {"widget text in a popup", t.text, t.popup_bg},
        {"widget text in a field", t.text, t.frame_bg},
        {"widget text on a hovered button", t.text, t.button_hovered},
        {"widget text in a selected row", t.text, t.selected_row},
        {"greyed-out text on the window", t.text_disabled, t.window_bg},
        {"greyed-out text in a field", t.text_disabled, t.frame_bg},
    };
    for (const Pair& pair : pairs) {
        INFO(pair.what << ": " << contrast(pair.fg, pair.bg) << ":1");
        CHECK(contrast(pair.fg, pair.bg) >= 4.5);
    }
}

TEST_CASE("controls and the focus ring in the default theme have at least 3:1 against their surroundings", "[theme]") {
    const auto& t = casehub::ui::kDefaultTheme;
    const Pair pairs[] = {
        {"a field's outline against the window", t.frame_border, t.window_bg},
        {"a field's outline against its inside", t.frame_border, t.frame_bg},
        {"a check mark in its box", t.check_mark, t.frame_bg},
        {"the focus ring on the window", t.nav_highlight, t.window_bg},
        {"the focus ring in a popup", t.nav_highlight, t.popup_bg},
        {"the focus ring around a selected row", t.nav_highlight, t.selected_row},
    };
    for (const Pair& pair : pairs) {
        INFO(pair.what << ": " << contrast(pair.fg, pair.bg) << ":1");
        CHECK(contrast(pair.fg, pair.bg) >= 3.0);
    }
}

TEST_CASE("the high-contrast theme reaches 7:1 for text and 4.5:1 for controls", "[theme]") {
    const auto& t = casehub::ui::kHighContrastTheme;
    const Pair text[] = {
        {"text on the window", t.text, t.window_bg},   {"text in a popup", t.text, t.popup_bg},
        {"text in a field", t.text, t.frame_bg},       {"text on a hovered button", t.text, t.button_hovered},
        {"text in a selected row", t.text, t.selected_row}, {"a link", t.link, t.window_bg},
        {"greyed-out text", t.text_disabled, t.window_bg},
    };
    for (const Pair& pair : text) {
        INFO(pair.what << ": " << contrast(pair.fg, pair.bg) << ":1");
        CHECK(contrast(pair.fg, pair.bg) >= 7.0);
    }
    const Pair controls[] = {
        {"a field's outline", t.frame_border, t.window_bg},
        {"the focus ring", t.nav_highlight, t.window_bg},
        {"a check mark", t.check_mark, t.frame_bg},
    };
    for (const Pair& pair : controls) {
        INFO(pair.what << ": " << contrast(pair.fg, pair.bg) << ":1");
        CHECK(contrast(pair.fg, pair.bg) >= 4.5);
    }
}
