// Knowledge article content as a safe subset of HTML: h1-h3, p, ul/ol/li, b/strong,
// i/em, a (href http/https/mailto only) and br. The sanitizer drops every other tag and
// attribute (script/style with their text), escapes text, and closes what was left
// open; the parser turns sanitized markup into blocks of styled spans for the ImGui
// renderer and plain text for the search index. Pure: no I/O, never throws.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace casehub {

// The markup with only the allowed tags and attributes, text escaped (&amp; &lt; &gt;
// &quot;), every allowed tag closed and nested sensibly. Idempotent.
std::string sanitize_html(std::string_view html);

// True for an href the content may carry: http://, https:// or mailto: (case-insensitive,
// ignoring leading blanks and control characters, which browsers ignore too).
bool is_safe_href(std::string_view href);

struct RichSpan {
    std::string text;  // decoded text (no entities)
    bool bold = false;
    bool italic = false;
    std::string href;  // non-empty for a link
};

enum class RichBlockKind {
    paragraph,
    heading1,
    heading2,
    heading3,
    bullet,    // an item of a <ul>
    numbered,  // an item of an <ol>; `number` is its place, from 1
};

struct RichBlock {
    RichBlockKind kind = RichBlockKind::paragraph;
    int number = 0;  // numbered items only
    int depth = 0;   // list nesting, 0 outside lists
    std::vector<RichSpan> spans;  // "\n" in a span's text is a <br>
};

// The blocks of (any) markup, sanitized first. Text outside a block becomes a paragraph.
std::vector<RichBlock> parse_rich_text(std::string_view html);

// The text of the markup for indexing and emails: blocks separated by blank lines,
// list items on their own lines, no markup.
std::string html_to_plain_text(std::string_view html);

// Escapes text for inclusion in markup (& < > ").
std::string escape_html(std::string_view text);

// Editing helpers for the Content tab's toolbar. `begin`/`end` are byte offsets of the
// selection (clamped, swapped when reversed); an empty selection inserts a placeholder.
enum class RichEdit { heading1, heading2, bold, italic, bullet_list, numbered_list, link };
struct RichEditResult {
    std::string text;
    std::size_t cursor = 0;  // where the caret goes after the edit
};
RichEditResult apply_rich_edit(std::string_view text, std::size_t begin, std::size_t end, RichEdit edit,
                               std::string_view href = "https://");

}  // namespace casehub
