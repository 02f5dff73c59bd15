/// Reduces an HTML page to the readable text of the article.
///
/// A single forward pass over the UTF-8 bytes with a constant amount of state: no DOM, no recursion,
/// no backtracking beyond the current tag, so deeply nested, malformed or huge (100 MB, one line)
/// input costs linear time and about one output-sized buffer.
public enum HTMLText {
    /// The text of `html`: `<script>`, `<style>`, `<noscript>`, `<template>` (and `<svg>`, `<iframe>`)
    /// and comments are dropped; block elements start new lines; character references are decoded;
    /// whitespace is collapsed within lines and at most one blank line separates blocks. The title
    /// (from `<title>`, else the first `<h1>`) becomes the first line unless the text already starts with it.
    public static func text(fromHTML html: String) -> String {
        var html = html
        return html.withUTF8 { input in
            var reducer = HTMLReducer(input: input)
            reducer.run()
            return reducer.result()
        }
    }
}
