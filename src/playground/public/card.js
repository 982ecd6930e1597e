// Renders the Feishu card JSON 2.0 subset the bot sends (header, markdown, collapsible_panel, hr,
// column_set/column, button with callback behaviours, plain div text) and the card-markdown subset
// it writes (paragraphs, - lists, 1. lists, > quotes, # headings, **bold**, *italic*, `code`, links).
"use strict";

(function () {
  function escapeHtml(text) {
    return String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  }

  // Card markdown shows &lt; &gt; &amp; as the characters; decode them, then escape everything for HTML.
  function decodeEntities(text) {
    return String(text).replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
  }

  function inline(text) {
    let html = escapeHtml(decodeEntities(text));
    html = html.replace(/`([^`]+)`/g, "<code>$1</code>");
    html = html.replace(/\*\*([^*]+)\*\*/g, "<strong>$1</strong>");
    html = html.replace(/(^|[^*])\*([^*\s][^*]*)\*/g, "$1<em>$2</em>");
    html = html.replace(/\[([^\]]+)\]\((https?:\/\/[^)\s]+)\)/g, '<a href="$2" target="_blank" rel="noopener">$1</a>');
    return html;
  }

  function markdownToHtml(source) {
    const lines = String(source || "").split("\n");
    const out = [];
    let list = null; // "ul" | "ol"
    let quote = [];
    const closeList = () => { if (list) { out.push(`</${list}>`); list = null; } };
    const closeQuote = () => { if (quote.length) { out.push(`<blockquote>${quote.join("<br>")}</blockquote>`); quote = []; } };
    for (const raw of lines) {
      const line = raw.replace(/\s+$/, "");
      let m;
      if ((m = /^\s*(?:>|&gt;)\s?(.*)$/.exec(line))) { closeList(); quote.push(inline(m[1])); continue; }
      closeQuote();
      if ((m = /^\s*[-*]\s+(.*)$/.exec(line))) {
        if (list !== "ul") { closeList(); out.push("<ul>"); list = "ul"; }
        out.push(`<li>${inline(m[1])}</li>`);
        continue;
      }
      if ((m = /^\s*\d+[.)]\s+(.*)$/.exec(line))) {
        if (list !== "ol") { closeList(); out.push("<ol>"); list = "ol"; }
        out.push(`<li>${inline(m[1])}</li>`);
        continue;
      }
      closeList();
      if ((m = /^(#{1,4})\s+(.*)$/.exec(line))) { out.push(`<h${m[1].length}>${inline(m[2])}</h${m[1].length}>`); continue; }
      if (!line.trim()) continue;
      out.push(`<p>${inline(line)}</p>`);
    }
    closeQuote();
    closeList();
    return out.join("");
  }

  function el(tag, className, html) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (html !== undefined) node.innerHTML = html;
    return node;
  }

  function textOf(value) {
    if (!value) return "";
    if (typeof value === "string") return value;
    return typeof value.content === "string" ? value.content : "";
  }

  function renderElement(element, ctx) {
    if (!element || typeof element !== "object") return null;
    switch (element.tag) {
      case "markdown": {
        const node = el("div", `md${element.text_size === "notation" ? " notation" : ""}`, markdownToHtml(element.content));
        if (element.element_id) node.dataset.elementId = element.element_id;
        return node;
      }
      case "div": {
        const text = element.text || {};
        return el("div", "md", text.tag === "lark_md" ? markdownToHtml(text.content) : escapeHtml(textOf(text)));
      }
      case "plain_text":
        return el("div", "md", escapeHtml(element.content || ""));
      case "hr":
        return document.createElement("hr");
      case "collapsible_panel": {
        const details = el("details", "card-panel");
        if (element.element_id) details.dataset.elementId = element.element_id;
        if (element.expanded) details.open = true;
        const title = element.header && element.header.title;
        const summary = el("summary", "", title && title.tag === "markdown" ? inline(title.content) : escapeHtml(textOf(title)));
        details.appendChild(summary);
        const body = el("div", "card-panel-body");
        for (const child of element.elements || []) {
          const node = renderElement(child, ctx);
          if (node) body.appendChild(node);
        }
        details.appendChild(body);
        return details;
      }
      case "column_set": {
        const row = el("div", "card-columns");
        for (const column of element.columns || []) {
          const col = el("div", "card-column");
          if (column.width === "weighted") col.style.flex = String(column.weight || 1);
          else col.style.flex = "none";
          for (const child of column.elements || []) {
            const node = renderElement(child, ctx);
            if (node) col.appendChild(node);
          }
          row.appendChild(col);
        }
        return row;
      }
      case "button": {
        const button = el("button", "card-btn", escapeHtml(textOf(element.text)));
        button.type = "button";
        if (element.element_id) button.dataset.elementId = element.element_id;
        const callback = (element.behaviors || []).find((b) => b && b.type === "callback");
        const value = callback ? callback.value : element.value;
        if (value !== undefined) {
          button.addEventListener("click", () => ctx.onAction(value, button));
        } else {
          button.disabled = true;
        }
        return button;
      }
      default: {
        const content = element.content || (element.text && element.text.content);
        return content ? el("div", "md", escapeHtml(content)) : null;
      }
    }
  }

  /** A DOM node for one card; `ctx.onAction(value, button)` is called for callback buttons. */
  function renderCard(card, ctx) {
    const root = el("div", "card");
    if (!card || typeof card !== "object") {
      root.appendChild(el("div", "card-body", escapeHtml(JSON.stringify(card))));
      return root;
    }
    const header = card.header;
    if (header && header.title) {
      const head = el("div", `card-header ${header.template || "blue"}`, escapeHtml(textOf(header.title)));
      if (ctx.streaming) head.appendChild(el("span", "streaming-dot", escapeHtml(ctx.streamingLabel || "")));
      root.appendChild(head);
    }
    const body = el("div", "card-body");
    const elements = (card.body && card.body.elements) || card.elements || [];
    for (const element of elements) {
      const node = renderElement(element, ctx);
      if (node) body.appendChild(node);
    }
    root.appendChild(body);
    return root;
  }

  window.ZonebotCard = { renderCard, markdownToHtml, escapeHtml };
})();
