// The safe HTML subset of knowledge content: hostile markup is neutralised, allowed
// markup survives, and the block/span parser reads what the ImGui renderer draws.
#include <catch2/catch.hpp>

#include "core/text/safe_html.hpp"

using namespace casehub;

TEST_CASE("the sanitizer removes scripts, event handlers and unsafe links", "[kb][safe_html]") {
    CHECK(sanitize_html("<p>Hi<script>alert(1)</script> there</p>") == "<p>Hi there</p>");
    CHECK(sanitize_html("<SCRIPT src=x>document.cookie</SCRIPT >ok") == "ok");
    CHECK(sanitize_html("<p onclick=\"steal()\" style=\"x\">text</p>") == "<p>text</p>");
    CHECK(sanitize_html("<img src=x onerror=alert(1)>after") == "after");
    CHECK(sanitize_html("<a href=\"javascript:alert(1)\">click</a>") == "click");
    CHECK(sanitize_html("<a href=\" JaVa\tScRiPt:alert(1)\">x</a>") == "x");
    CHECK(sanitize_html("<a href=\"data:text/html,<script>\">x</a>") == "x");
    CHECK(sanitize_html("<a href='https://example.com/?a=1&amp;b=\"2\"' onmouseover=x>go</a>") ==
          "<a href=\"https://example.com/?a=1&amp;b=&quot;2&quot;\">go</a>");
    CHECK(sanitize_html("<a href=mailto:help@contoso.com>mail</a>") == "<a href=\"mailto:help@contoso.com\">mail</a>");
    CHECK(sanitize_html("<style>p{}</style><iframe src=x>in</iframe><!-- c --><p>x</p>") == "<p>x</p>");
    CHECK(sanitize_html("<svg><script>alert(1)</script></svg>y") == "y");
}

TEST_CASE("the sanitizer escapes text and keeps the allowed tags well nested", "[kb][safe_html]") {
    CHECK(sanitize_html("1 < 2 & 3 > 2") == "1 &lt; 2 &amp; 3 &gt; 2");
    CHECK(sanitize_html("&lt;script&gt;") == "&lt;script&gt;");  // shown as text, never a tag
    CHECK(sanitize_html("<h1>T</h1><p>a<b>b<i>c</b>d</p>") == "<h1>T</h1><p>a<b>b<i>c</i></b>d</p>");
    CHECK(sanitize_html("<p>open<ul><li>one<li>two</ul>") == "<p>open</p><ul><li>one</li><li>two</li></ul>");
    CHECK(sanitize_html("<li>loose</li>") == "<ul><li>loose</li></ul>");
    CHECK(sanitize_html("</p></b>x<br/>y") == "x<br>y");
    CHECK(sanitize_html("<div><span class=x>t</span></div>") == "t");
    const char* messy = "<h2 id=a>Ti&eacute;<p>x<b>y<a href=https://a.b>l<a href=https://c.d>m</p>";
    const std::string once = sanitize_html(messy);
    CHECK(sanitize_html(once) == once);  // idempotent
}

TEST_CASE("rich text parses into blocks of styled spans", "[kb][safe_html]") {
    const auto blocks = parse_rich_text(
        "<h1>Reset</h1><p>Open the <b>sign-in</b> page and <i>wait</i>.<br>Then <a href=\"https://x.y\">click</a></p>"
        "<ol><li>First</li><li>Second</li></ol><ul><li>Dot</li></ul>");
    REQUIRE(blocks.size() == 5);
    CHECK(blocks[0].kind == RichBlockKind::heading1);
    CHECK(blocks[0].spans[0].text == "Reset");
    REQUIRE(blocks[1].spans.size() == 6);
    CHECK(blocks[1].spans[1].text == "sign-in");
    CHECK(blocks[1].spans[1].bold);
    CHECK(blocks[1].spans[3].italic);
    CHECK(blocks[1].spans[4].text == ".\nThen ");
    CHECK(blocks[1].spans[5].href == "https://x.y");
    CHECK(blocks[2].kind == RichBlockKind::numbered);
    CHECK(blocks[3].number == 2);
    CHECK(blocks[4].kind == RichBlockKind::bullet);
    CHECK(html_to_plain_text("<h2>A</h2><p>b  c</p><ul><li>d</li><li>e</li></ul>") == "A\n\nb c\n- d\n- e");
    CHECK(html_to_plain_text("plain text &amp; more") == "plain text & more");
}

TEST_CASE("toolbar edits wrap the selection in the allowed tags", "[kb][safe_html]") {
    CHECK(apply_rich_edit("make this bold", 10, 14, RichEdit::bold).text == "make this <b>bold</b>");
    CHECK(apply_rich_edit("title", 0, 5, RichEdit::heading2).text == "<h2>title</h2>");
    CHECK(apply_rich_edit("a\nb", 0, 3, RichEdit::numbered_list).text == "<ol>\n<li>a</li>\n<li>b</li>\n</ol>");
    CHECK(apply_rich_edit("see", 3, 0, RichEdit::link, "https://x.y").text == "<a href=\"https://x.y\">see</a>");
    const auto empty = apply_rich_edit("ab", 1, 1, RichEdit::italic);
    CHECK(empty.text == "a<i>...</i>b");
    CHECK(empty.cursor == 11);
}
