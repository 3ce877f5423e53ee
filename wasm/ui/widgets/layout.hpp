// Width classes of the app shell and the metrics that follow from them. The shell is
// laid out in CSS pixels; touch sizes follow the 44 px minimum target of tablet/phone UIs.
#pragma once

namespace casehub::ui {

enum class WidthClass {
    desktop,  // > 1100 CSS px: site map + content (+ side panes later)
    tablet,   // 600..1100 CSS px: collapsible site map, touch-sized targets
    phone,    // < 600 CSS px: single column, site map as a menu
};

inline WidthClass width_class_for(float css_width) {
    if (css_width < 600.0f) return WidthClass::phone;
    if (css_width <= 1100.0f) return WidthClass::tablet;
    return WidthClass::desktop;
}

inline bool is_touch_sized(WidthClass w) { return w != WidthClass::desktop; }

// Sizes of the shell's fixed parts for one width class, in CSS pixels.
struct ShellMetrics {
    float top_bar_height;
    float site_map_width;            // expanded
    float site_map_collapsed_width;  // icons only (tablet)
    float row_height;                // site map rows, menu items: >= 44 on touch
    float padding;
};

inline ShellMetrics shell_metrics(WidthClass w) {
    switch (w) {
        case WidthClass::desktop: return {48.0f, 232.0f, 48.0f, 36.0f, 12.0f};
        case WidthClass::tablet: return {52.0f, 248.0f, 56.0f, 44.0f, 12.0f};
        case WidthClass::phone: return {52.0f, 280.0f, 0.0f, 48.0f, 8.0f};
    }
    return {48.0f, 232.0f, 48.0f, 36.0f, 12.0f};
}

}  // namespace casehub::ui
