// The accessibility mirror's tree: each frame, every widget ImGui submitted (id, label,
// role, rectangle, value and state) becomes a node, with the containers around it (popup
// windows as dialogs, menus and listboxes; tables as grids with rows and cells; regions
// the views name: navigation, main, status). The page's web/accessibility.js reflects the
// nodes into a hidden DOM tree by difference (docs/accessibility.md).
// Most roles are read off ImGui itself (text input, checkbox, tab, table cell, popup
// kind); the widget layer and views add what ImGui cannot know: a link, a heading, the
// value of a field, a grid's row count. Depends on ImGui only (no browser, no clock).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace casehub::ui {

enum class Role : std::uint8_t {
    none,          // a container the tree needs but a reader does not announce
    text,          // static text
    button,
    link,          // navigates (site map rows, a record's name in a grid)
    textbox,       // value = its text (passwords: empty, flag password)
    checkbox,      // flag checked
    combobox,      // value = the option shown; its popup is a listbox
    listbox,
    option,
    menu,
    menuitem,
    tablist,
    tab,           // flag selected
    tabpanel,
    grid,          // count = rows in all (aria-rowcount), only visible rows are nodes
    row,           // index = aria-rowindex (1-based, headers included)
    columnheader,  // index = aria-colindex
    gridcell,
    dialog,        // a modal popup
    navigation,    // the site map
    main,          // the page's content (skip link target)
    heading,       // level = 1..3
    status,        // a polite live region (sync status, toasts)
    alert,         // an assertive live region (errors)
};

// Bits of A11yNode::flags.
enum A11yFlag : unsigned {
    a11y_checked = 1u << 0,
    a11y_expanded = 1u << 1,   // an openable item that is open
    a11y_disabled = 1u << 2,
    a11y_password = 1u << 3,
    a11y_selected = 1u << 4,
    a11y_haspopup = 1u << 5,
    a11y_collapsed = 1u << 6,  // an openable item that is closed
    a11y_multiline = 1u << 7,
    a11y_modal = 1u << 8,      // a dialog that keeps the focus inside it
};

struct A11yNode {
    std::string key;     // stable across frames: "i<ImGuiID>" for widgets, derived for containers and text
    std::string parent;  // key of the containing node, "" for the root
    Role role = Role::none;
    std::string label;   // accessible name, visible label without "##" suffix or icon glyphs
    std::string value;   // text fields and combo boxes
    float x = 0, y = 0, w = 0, h = 0;  // CSS px (ImGui's coordinates)
    unsigned flags = 0;                // A11yFlag bits
    int level = 0;                     // heading level; row/column index (1-based) of rows and cells
    int count = 0;                     // grid: all rows (aria-rowcount); 0 unknown
    unsigned id = 0;                   // ImGuiID to focus or activate; 0 for nodes that are not widgets
};

// ---- annotations: widget layer and views, right after drawing the item ----

// Names the next widget ImGui submits in this window, for the mirror only (the test
// recorder keeps the visible label): a field editor whose ImGui label is hidden or shows
// its value ("##field_title", "Contoso##pick") is read as its field's label, with `role`
// (none: as ImGui's flags say), `value` and A11yFlag `flags`. Must be called just before
// the widget; it is dropped if another widget comes first.
void name_next_item(std::string_view label, Role role, std::string_view value, unsigned flags = 0);
// Records the last item for the mirror only, named by name_next_item (for widgets ImGui
// has no hook for, such as a closed combo box).
void record_last_item_for_mirror();
// Leaves the last recorded item out of the mirror (it stays in the test recorder's list):
// for an item that is a layout box, not something a reader should meet (a child window
// recorded under its page's name).
void leave_last_item_out();
// Overrides the role ImGui's flags suggested for the last recorded item.
void set_last_item_role(Role role);
// The value the last item shows (a text field's text, a combo box's option); `password`
// leaves the value out and marks the field.
void set_last_item_value(std::string_view value, bool password = false);
// The checked state of the last item (a menu entry drawn as a check box).
void set_last_item_checked(bool checked);
// The selected state of the last item (a tab, an option, the current site map area).
void set_last_item_selected(bool selected);
// Records the last item (plain text too, which has no ImGui hook) as a heading.
void record_heading(const char* text, int level);
// Items recorded between begin and end, in the same window, become children of a region
// node `key` (unique in the frame) with `role` and `label`.
void begin_region(const char* key, Role role, const char* label);
void end_region();
// Names the table ImGui is drawing and says how many rows it has in all (header rows
// included), so a reader hears "grid Active cases, 100 002 rows" while only the visible
// rows are nodes.
void describe_table(const char* label, int rows_in_all);
// The 1-based row index (headers included) of the row the table is on, when a clipper
// skipped rows so ImGui's own row counter does not match.
void set_table_row_index(int index);

// True in the frame Escape is pressed while the current window is the topmost open popup
// (a dialog, not a combo box open inside it): dialogs take it as their Cancel button, as
// ImGui 1.86 closes only non-modal popups on Escape.
bool escape_closes_dialog();

// ---- the frame (called by the recorder and the app) ----

// Turns recording of nodes on or off (the bench measures frames without the mirror).
void set_a11y_recording(bool on);
// Starts a new frame's node list (with the recorder's begin_widget_frame).
void begin_a11y_frame();
// Ends it: the nodes become the last frame's; `focused` is ImGui's focused item.
void end_a11y_frame();
// ImGui is adding widget `id` (visible or not): binds a name_next_item to it.
void a11y_item_added(unsigned id);
// The node for a widget ImGui just submitted (from the test-engine hook or
// record_last_item), or for a widget the widget layer records for the mirror only. An
// empty label takes name_next_item's, else the widget stays out. `status_flags` are
// ImGui's ImGuiItemStatusFlags.
void record_a11y_item(unsigned id, std::string_view label, int status_flags);

const std::vector<A11yNode>& last_frame_a11y_nodes();
// The ImGui id the last frame had focused (nav or active item), 0 for none.
unsigned last_frame_focused_id();

// Asks ImGui to focus the widget `id` of the last frame (Tab or a screen reader moved the
// mirror's focus): its window comes to the front, the nav highlight shows, and a text
// field starts editing so typing reaches it; `activate` also presses it (Enter, Space or a
// screen reader's click on the mirror). Call after ImGui::NewFrame(). Returns false when
// the widget was not in the last frame (nothing changes).
bool focus_widget(unsigned id, bool activate);

// The nodes as one compact string for the page: records separated by U+001E, fields by
// U+001F; the first record is the header (focused key, the skip link's text, the
// language code for <html lang>). See web/accessibility.js.
std::string encode_a11y_nodes(const std::vector<A11yNode>& nodes, unsigned focused_id, std::string_view skip_label,
                              std::string_view language);
// The one-letter code of `role` in that string.
char role_code(Role role);

}  // namespace casehub::ui
