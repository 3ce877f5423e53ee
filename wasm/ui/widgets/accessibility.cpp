// Builds the accessibility mirror's nodes from what ImGui knows while an item is
// submitted (its flags, window, table and tab bar) plus the annotations of the widget
// layer, and asks ImGui to focus or press a widget the mirror's focus landed on.
// Fed by the test-engine hooks, which take no user data: the per-frame lists live here,
// as the widget recorder's do; nothing here is UI state (the views' state is UiState).
#include "wasm/ui/widgets/accessibility.hpp"

#include <cstdio>
#include <cstring>
#include <unordered_map>

#include "imgui.h"
#include "imgui_internal.h"
#include "wasm/ui/widgets/widget_recorder.hpp"

namespace casehub::ui {
namespace {

struct Region {
    std::string key;
    ImGuiWindow* root;  // regions hold items of this root window only (a popup is its own)
};

struct TableNote {
    ImGuiID table = 0;
    std::string label;
    int rows = 0;
};

// name_next_item's name, waiting for its widget.
struct NextName {
    bool set = false;
    ImGuiID window = 0;
    ImGuiID bound = 0;  // the first widget ImGui added after the call
    std::string label;
    Role role = Role::none;
    std::string value;
    unsigned flags = 0;
};

struct Frame {
    std::vector<A11yNode> nodes;
    std::vector<ImGuiID> windows;                   // the window of each node (0 for containers)
    std::unordered_map<std::string, std::size_t> index;  // key -> position in nodes
    std::vector<Region> regions;
    std::vector<TableNote> tables;
    ImGuiID row_table = 0;  // set_table_row_index: the table and ImGui row it was said for
    int row_imgui = -1;
    int row_index = 0;
    ImVec2 last_item_min{-1.0f, -1.0f};  // the unclipped rectangle of the last node, to match annotations
    NextName next;
};

Frame g_frame;                       // not state: the nodes of the frame being drawn, fed by ImGui's hooks
std::vector<A11yNode> g_last;        // not state: the last whole frame's nodes, for the page's mirror
std::vector<ImGuiID> g_last_windows; // not state: their windows, to focus a widget the page names
unsigned g_last_focused = 0;         // not state: the last frame's focused widget
bool g_recording = true;             // not state: off only while the bench measures frames without the mirror

std::string hex_key(char prefix, unsigned id) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%c%x", prefix, id);
    return buf;
}

// FNV-1a: text nodes have no ImGui id; their key is their parent and their words.
unsigned hash_text(std::string_view a, std::string_view b) {
    unsigned h = 2166136261u;
    for (char c : a) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
    h = (h ^ 0x1fu) * 16777619u;
    for (char c : b) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
    return h;
}

A11yNode* find(const std::string& key) {
    const auto it = g_frame.index.find(key);
    return it == g_frame.index.end() ? nullptr : &g_frame.nodes[it->second];
}

A11yNode& add(A11yNode node, ImGuiID window) {
    g_frame.index.emplace(node.key, g_frame.nodes.size());
    g_frame.windows.push_back(window);
    g_frame.nodes.push_back(std::move(node));
    return g_frame.nodes.back();
}

// A container node, made the first time a child needs it.
std::string container(std::string key, const std::string& parent, Role role, std::string label) {
    if (find(key)) return key;
    A11yNode node;
    node.key = std::move(key);
    node.parent = parent;
    node.role = role;
    node.label = std::move(label);
    return add(std::move(node), 0).key;
}

ImGuiWindow* popup_of(ImGuiWindow* w) {
    while (w && (w->Flags & ImGuiWindowFlags_ChildWindow) && !(w->Flags & ImGuiWindowFlags_ChildMenu))
        w = w->ParentWindow;
    if (w && (w->Flags & (ImGuiWindowFlags_Popup | ImGuiWindowFlags_Modal | ImGuiWindowFlags_ChildMenu))) return w;
    return nullptr;
}

bool is_combo_popup(const ImGuiWindow* w) { return w && std::strncmp(w->Name, "##Combo_", 8) == 0; }

// The node a widget of `window` belongs to, outside of tables: the innermost region of the
// same root window, else its popup (a modal is a dialog, a combo's list a listbox, a menu
// a menu, any other popup a non-modal dialog), else the root.
std::string parent_in(ImGuiWindow* window) {
    ImGuiWindow* popup = popup_of(window);
    ImGuiWindow* root = popup ? popup : (window ? window->RootWindow : nullptr);
    for (auto it = g_frame.regions.rbegin(); it != g_frame.regions.rend(); ++it)
        if (it->root == root) return it->key;
    if (!popup) return {};
    Role role = Role::dialog;
    if (is_combo_popup(popup)) role = Role::listbox;
    else if (popup->Flags & ImGuiWindowFlags_ChildMenu) role = Role::menu;
    const std::string key = container(hex_key('w', popup->ID), {}, role, {});
    if (popup->Flags & ImGuiWindowFlags_Modal) find(key)->flags |= a11y_modal;
    return key;
}

const A11yNode* parent_node(const A11yNode& node) {
    if (node.parent.empty()) return nullptr;
    const auto it = g_frame.index.find(node.parent);
    return it == g_frame.index.end() ? nullptr : &g_frame.nodes[it->second];
}

// Grid -> row -> cell for an item ImGui draws inside a table; returns the cell's key.
std::string table_cell(ImGuiTable* table, ImGuiWindow* window) {
    const TableNote* note = nullptr;
    for (const auto& t : g_frame.tables)
        if (t.table == table->ID) note = &t;
    const std::string grid = container(hex_key('g', table->ID), parent_in(window), Role::grid, note ? note->label : "");
    if (note) find(grid)->count = note->rows;
    const bool header = (table->RowFlags & ImGuiTableRowFlags_Headers) != 0;
    const int row_index = (g_frame.row_table == table->ID && g_frame.row_imgui == table->CurrentRow)
                              ? g_frame.row_index
                              : table->CurrentRow + 1;
    const std::string row_key = grid + "-" + std::to_string(row_index);
    container(row_key, grid, Role::row, {});
    find(row_key)->level = row_index;
    const int column = table->CurrentColumn;
    const std::string cell_key = row_key + "-" + std::to_string(column + 1);
    const std::string cell = container(cell_key, row_key, header ? Role::columnheader : Role::gridcell, {});
    find(cell)->level = column + 1;
    return cell;
}

// A child window's own item (EndChild adds one to its parent): a layout box, which views
// record under a name for tests, not a widget a reader should meet.
bool is_child_box(ImGuiWindow* window, ImGuiID id, const ImRect& rect) {
    for (ImGuiWindow* child : window->DC.ChildWindows) {
        if (id != 0 && child->ChildId == id) return true;
        if (id == 0 && child->Pos.x == rect.Min.x && child->Pos.y == rect.Min.y &&
            child->Pos.x + child->Size.x == rect.Max.x && child->Pos.y + child->Size.y == rect.Max.y)
            return true;
    }
    return false;
}

bool is_last_item_node() {
    if (g_frame.nodes.empty()) return false;
    const ImGuiLastItemData& item = GImGui->LastItemData;
    return g_frame.nodes.back().id == item.ID && g_frame.last_item_min.x == item.Rect.Min.x &&
           g_frame.last_item_min.y == item.Rect.Min.y;
}

std::string active_text(ImGuiID id) {
    ImGuiContext& g = *GImGui;
    if (g.ActiveId != id || g.InputTextState.ID != id || g.InputTextState.TextW.Size == 0) return {};
    const ImGuiInputTextState& s = g.InputTextState;
    std::string out(static_cast<std::size_t>(s.CurLenW) * 4 + 1, '\0');
    const int n = ImTextStrToUtf8(out.data(), static_cast<int>(out.size()), s.TextW.Data, s.TextW.Data + s.CurLenW);
    out.resize(static_cast<std::size_t>(n));
    return out;
}

}  // namespace

void a11y_item_added(unsigned id) {
    NextName& next = g_frame.next;
    if (next.set && next.bound == 0 && GImGui->CurrentWindow && GImGui->CurrentWindow->ID == next.window)
        next.bound = id;
}

void name_next_item(std::string_view label, Role role, std::string_view value, unsigned flags) {
    ImGuiWindow* window = GImGui->CurrentWindow;
    if (!window) return;
    g_frame.next = NextName{true, window->ID, 0, std::string(label), role, std::string(value), flags};
}

void record_a11y_item(unsigned id, std::string_view label, int status_flags) {
    ImGuiContext& g = *GImGui;
    ImGuiWindow* window = g.CurrentWindow;
    if (!window || !g_recording) return;
    const ImGuiLastItemData& item = g.LastItemData;
    // A name waiting for this widget, or for one that never came (then it is dropped).
    NextName named;
    if (g_frame.next.set && id != 0 && g_frame.next.bound != 0) {
        if (g_frame.next.bound == id) named = std::move(g_frame.next);
        g_frame.next = NextName{};
    }
    if (named.set) label = named.label;
    if (label.empty()) return;
    if (is_child_box(window, id, item.Rect)) return;
    ImRect r = item.Rect;
    r.ClipWithFull(window->ClipRect);
    if (r.GetWidth() <= 0.0f || r.GetHeight() <= 0.0f) return;

    // A widget recorded twice (ImGui's hook, then record_last_item naming it): one node,
    // named by the later, explicit label.
    if (id != 0) {
        if (A11yNode* existing = find(hex_key('i', id))) {
            if (!label.empty()) existing->label = std::string(label);
            if (&g_frame.nodes.back() == existing) g_frame.last_item_min = item.Rect.Min;
            return;
        }
    }

    A11yNode node;
    std::string parent;
    if (g.CurrentTable && g.CurrentTable->InnerWindow == window && g.CurrentTable->CurrentColumn >= 0)
        parent = table_cell(g.CurrentTable, window);
    else
        parent = parent_in(window);
    const A11yNode* container_node = nullptr;
    if (!parent.empty()) {
        if (A11yNode* p = find(parent)) {
            container_node = p;
            if (p->label.empty() && (p->role == Role::dialog || p->role == Role::menu || p->role == Role::listbox))
                p->label = std::string(label);
        }
    }
    // The nearest menu, listbox or navigation around decides what a pressable item is.
    Role around = Role::none;
    for (const A11yNode* p = container_node; p; p = parent_node(*p)) {
        if (p->role == Role::menu || p->role == Role::listbox || p->role == Role::navigation || p->role == Role::dialog) {
            around = p->role;
            break;
        }
    }

    if (id == 0) {
        node.role = Role::text;
    } else if (item.InFlags & ImGuiItemFlags_Inputable) {
        node.role = Role::textbox;
        node.value = active_text(id);
    } else if (status_flags & ImGuiItemStatusFlags_Checkable) {
        node.role = around == Role::menu ? Role::menuitem : Role::checkbox;
        if (status_flags & ImGuiItemStatusFlags_Checked) node.flags |= a11y_checked;
    } else if (g.CurrentTabBar && ImGui::TabBarFindTabByID(g.CurrentTabBar, id)) {
        node.role = Role::tab;
        if (g.CurrentTabBar->SelectedTabId == id) node.flags |= a11y_selected;
    } else if (around == Role::menu) {
        node.role = Role::menuitem;
    } else if (around == Role::listbox) {
        node.role = Role::option;
    } else if (around == Role::navigation) {
        node.role = Role::link;
    } else {
        node.role = Role::button;
    }
    if (status_flags & ImGuiItemStatusFlags_Openable)
        node.flags |= (status_flags & ImGuiItemStatusFlags_Opened) ? a11y_expanded : a11y_collapsed;
    if (item.InFlags & ImGuiItemFlags_Disabled) node.flags |= a11y_disabled;

    node.id = id;
    node.parent = std::move(parent);
    node.label = std::string(label);
    node.x = r.Min.x;
    node.y = r.Min.y;
    node.w = r.GetWidth();
    node.h = r.GetHeight();
    if (id != 0) {
        node.key = hex_key('i', id);
    } else {
        // Same text twice under one parent: the second gets a suffix, so keys stay unique
        // and stable while the screen does not change.
        std::string key = hex_key('t', hash_text(node.parent, node.label));
        for (int n = 2; find(key); ++n) key = hex_key('t', hash_text(node.parent, node.label)) + "~" + std::to_string(n);
        node.key = std::move(key);
    }
    if (named.set) {
        if (named.role != Role::none) node.role = named.role;
        node.flags |= named.flags;
        if (named.flags & a11y_password)
            node.value.clear();
        else if (!(node.role == Role::textbox && g.ActiveId == id))  // while edited, ImGui's buffer is newer
            node.value = std::move(named.value);
    }
    add(std::move(node), window->ID);
    g_frame.last_item_min = item.Rect.Min;
}

void record_last_item_for_mirror() {
    const ImGuiLastItemData& item = GImGui->LastItemData;
    record_a11y_item(item.ID, {}, item.StatusFlags);
}

void leave_last_item_out() {
    if (!is_last_item_node()) return;
    g_frame.index.erase(g_frame.nodes.back().key);
    g_frame.nodes.pop_back();
    g_frame.windows.pop_back();
    g_frame.last_item_min = ImVec2(-1.0f, -1.0f);
}

void set_last_item_role(Role role) {
    if (!is_last_item_node()) return;
    A11yNode& node = g_frame.nodes.back();
    node.role = role;
    if (role == Role::link || role == Role::heading || role == Role::text) node.flags &= ~a11y_checked;
}

void set_last_item_value(std::string_view value, bool password) {
    if (!is_last_item_node()) return;
    A11yNode& node = g_frame.nodes.back();
    if (password) {
        node.flags |= a11y_password;
        node.value.clear();
    } else if (!(node.role == Role::textbox && GImGui->ActiveId == node.id)) {
        // While a field is edited ImGui's own buffer is newer than the caller's.
        node.value = std::string(value);
    }
}

void set_last_item_checked(bool checked) {
    if (!is_last_item_node()) return;
    if (checked)
        g_frame.nodes.back().flags |= a11y_checked;
    else
        g_frame.nodes.back().flags &= ~a11y_checked;
}

void set_last_item_selected(bool selected) {
    if (!is_last_item_node()) return;
    if (selected)
        g_frame.nodes.back().flags |= a11y_selected;
    else
        g_frame.nodes.back().flags &= ~a11y_selected;
}

void record_heading(const char* text, int level) {
    if (!text || !*text) return;
    if (!is_last_item_node()) record_last_item(text);
    if (!is_last_item_node()) return;
    A11yNode& node = g_frame.nodes.back();
    node.role = Role::heading;
    node.level = level < 1 ? 1 : (level > 6 ? 6 : level);
}

void begin_region(const char* key, Role role, const char* label) {
    ImGuiWindow* window = GImGui->CurrentWindow;
    ImGuiWindow* popup = popup_of(window);
    ImGuiWindow* root = popup ? popup : (window ? window->RootWindow : nullptr);
    const std::string parent = parent_in(window);
    const std::string k = container(std::string("r") + key, parent, role, label ? label : "");
    g_frame.regions.push_back({k, root});
}

void end_region() {
    if (!g_frame.regions.empty()) g_frame.regions.pop_back();
}

void describe_table(const char* label, int rows_in_all) {
    ImGuiTable* table = GImGui->CurrentTable;
    if (!table) return;
    g_frame.tables.push_back({table->ID, label ? label : "", rows_in_all});
}

void set_table_row_index(int index) {
    ImGuiTable* table = GImGui->CurrentTable;
    if (!table) return;
    g_frame.row_table = table->ID;
    g_frame.row_imgui = table->CurrentRow;
    g_frame.row_index = index;
}

bool escape_closes_dialog() {
    ImGuiContext& g = *GImGui;
    if (g.OpenPopupStack.Size == 0 || !g.CurrentWindow) return false;
    if (g.OpenPopupStack.back().Window != g.CurrentWindow->RootWindow) return false;
    return ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false);
}

void set_a11y_recording(bool on) { g_recording = on; }

void begin_a11y_frame() {
    g_frame.nodes.clear();
    g_frame.windows.clear();
    g_frame.index.clear();
    g_frame.regions.clear();
    g_frame.tables.clear();
    g_frame.row_table = 0;
    g_frame.row_imgui = -1;
    g_frame.last_item_min = ImVec2(-1.0f, -1.0f);
    g_frame.next = NextName{};
}

void end_a11y_frame() {
    ImGuiContext& g = *GImGui;
    g_last.swap(g_frame.nodes);
    g_last_windows.swap(g_frame.windows);
    g_last_focused = g.NavId ? g.NavId : g.ActiveId;
}

const std::vector<A11yNode>& last_frame_a11y_nodes() { return g_last; }

unsigned last_frame_focused_id() { return g_last_focused; }

bool focus_widget(unsigned id, bool activate) {
    if (id == 0) return false;
    ImGuiContext& g = *GImGui;
    for (std::size_t i = 0; i < g_last.size(); ++i) {
        if (g_last[i].id != id) continue;
        ImGuiWindow* window = ImGui::FindWindowByID(g_last_windows[i]);
        if (!window) return false;
        ImGui::FocusWindow(window);
        ImGui::SetFocusID(id, window);
        g.NavDisableHighlight = false;  // the focus ring shows on the canvas too
        g.NavDisableMouseHover = true;
        const bool is_text = g_last[i].role == Role::textbox;
        if (is_text || activate) {
            ImGui::ActivateItem(id);
            if (is_text) g.NavNextActivateFlags = ImGuiActivateFlags_PreferInput;
        }
        return true;
    }
    return false;
}

char role_code(Role role) {
    // One letter per role; web/accessibility.js holds the same table.
    constexpr char kCodes[] = "-tblxcCLoMmTaPGrhgdNnHsA";
    static_assert(sizeof(kCodes) - 1 == static_cast<std::size_t>(Role::alert) + 1, "one code per Role");
    return kCodes[static_cast<int>(role)];
}

std::string encode_a11y_nodes(const std::vector<A11yNode>& nodes, unsigned focused_id, std::string_view skip_label,
                              std::string_view language) {
    constexpr char kField = '\x1f';
    constexpr char kRecord = '\x1e';
    std::string out;
    out.reserve(64 + nodes.size() * 48);
    // Only a focused widget that is in the tree: a focus the mirror cannot show is none.
    bool focused_in_tree = false;
    for (const auto& n : nodes) focused_in_tree = focused_in_tree || (focused_id != 0 && n.id == focused_id);
    if (focused_in_tree) out += hex_key('i', focused_id);
    out += kField;
    out += skip_label;
    out += kField;
    out += language;
    out += kRecord;
    char num[64];
    for (const auto& n : nodes) {
        out += n.key;
        out += kField;
        out += n.parent;
        out += kField;
        out += role_code(n.role);
        out += kField;
        for (char c : n.label) out += (c == kField || c == kRecord) ? ' ' : c;
        out += kField;
        for (char c : n.value) out += (c == kField || c == kRecord) ? ' ' : c;
        std::snprintf(num, sizeof num, "\x1f%d\x1f%d\x1f%d\x1f%d\x1f%u\x1f%d\x1f%d", static_cast<int>(n.x),
                      static_cast<int>(n.y), static_cast<int>(n.w + 0.5f), static_cast<int>(n.h + 0.5f), n.flags,
                      n.level, n.count);
        out += num;
        out += kRecord;
    }
    return out;
}

}  // namespace casehub::ui
