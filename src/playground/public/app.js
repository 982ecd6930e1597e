// The playground page: a Feishu-like chat. Messages come from the playground server (the emulator's
// state) over SSE; what the person types is POSTed and reaches the bot as a real Feishu event.
"use strict";

(function () {
  const { renderCard, escapeHtml } = window.ZonebotCard;
  const $ = (id) => document.getElementById(id);
  const state = {
    texts: {},
    botName: "zonebot",
    me: "",
    chats: {},
    current: "group",
    messages: new Map(),
    openPanels: new Set(),
    votes: new Map(),
    threadRoot: null,
  };

  function fill(template, values) {
    return String(template || "").replace(/\{(\w+)\}/g, (_, key) => (values[key] === undefined ? "" : String(values[key])));
  }
  const t = (key, values) => fill(state.texts[key] !== undefined ? state.texts[key] : key, values || {});

  function applyTexts() {
    document.title = t("pageTitle");
    for (const node of document.querySelectorAll("[data-text]")) node.textContent = t(node.dataset.text);
    $("app-name").textContent = t("appName");
  }

  function chatIdOf(key) { return state.chats[key] && state.chats[key].id; }
  function keyOfChat(chatId) { return chatId === chatIdOf("dm") ? "dm" : "group"; }

  // ---- rendering ----------------------------------------------------------------------------

  function timeOf(ms) {
    const d = new Date(ms);
    return `${String(d.getHours()).padStart(2, "0")}:${String(d.getMinutes()).padStart(2, "0")}`;
  }

  function userTextHtml(message) {
    let html = escapeHtml(message.text || "");
    for (const name of message.mentions || []) {
      html = html.split(`@${escapeHtml(name)}`).join(`<span class="mention">@${escapeHtml(name)}</span>`);
    }
    return html;
  }

  function summaryOf(message) {
    if (!message) return "";
    if (message.from === "user") return message.text || "";
    const card = message.card || {};
    const summary = card.config && card.config.summary && card.config.summary.content;
    return summary || t("botTag");
  }

  function renderMessage(message, options) {
    const mine = message.from === "user" && message.senderId === state.me;
    const row = document.createElement("div");
    row.className = `msg ${message.from}${mine ? " me" : ""}`;
    row.dataset.id = message.id;
    row.dataset.from = message.from;
    const avatar = document.createElement("div");
    avatar.className = `avatar ${message.from === "bot" ? "avatar-bot" : "avatar-me"}`;
    avatar.textContent = message.from === "bot" ? "Z" : t("me").slice(0, 1);
    row.appendChild(avatar);
    const main = document.createElement("div");
    main.className = "msg-main";
    const meta = document.createElement("div");
    meta.className = "msg-meta";
    meta.innerHTML = `<span class="msg-name">${escapeHtml(message.from === "bot" ? state.botName : t("me"))}</span>` +
      (message.from === "bot" ? `<span class="tag">${escapeHtml(t("botTag"))}</span>` : "") +
      `<span>${timeOf(message.createTime)}</span>`;
    main.appendChild(meta);
    if (!options.inThread && message.parentId && !message.threadId) {
      const parent = state.messages.get(message.parentId);
      if (parent) {
        const quote = document.createElement("div");
        quote.className = "reply-quote";
        quote.textContent = `${t("replyTo", { name: parent.from === "bot" ? state.botName : t("me") })}${summaryOf(parent)}`;
        main.appendChild(quote);
      }
    }
    if (message.from === "user") {
      const bubble = document.createElement("div");
      bubble.className = "bubble";
      bubble.innerHTML = userTextHtml(message);
      main.appendChild(bubble);
    } else {
      const card = renderCard(message.card, {
        streaming: message.streaming,
        streamingLabel: t("streaming"),
        onAction: (value, button) => cardAction(message, value, button),
      });
      for (const panel of card.querySelectorAll("details.card-panel")) {
        const key = `${message.id}:${panel.dataset.elementId || ""}`;
        if (state.openPanels.has(key)) panel.open = true;
        panel.addEventListener("toggle", () => (panel.open ? state.openPanels.add(key) : state.openPanels.delete(key)));
      }
      const voted = state.votes.get(message.id);
      if (voted) for (const b of card.querySelectorAll(`[data-element-id="vote_${voted}"]`)) b.classList.add("voted");
      main.appendChild(card);
    }
    if (!options.inThread && state.current === "group") {
      const actions = document.createElement("div");
      actions.className = "msg-actions";
      const reply = document.createElement("button");
      reply.type = "button";
      reply.className = "link reply-thread";
      reply.textContent = t("replyInThread");
      reply.addEventListener("click", () => startThread(message));
      actions.appendChild(reply);
      main.appendChild(actions);
    }
    row.appendChild(main);
    return row;
  }

  function render() {
    const box = $("messages");
    const nearBottom = box.scrollHeight - box.scrollTop - box.clientHeight < 80;
    const chatId = chatIdOf(state.current);
    const list = [...state.messages.values()].filter((m) => m.chatId === chatId);
    // Thread roots: the first message carrying each thread id; the rest of the thread hangs under it.
    const rootOfThread = new Map();
    for (const m of list) if (m.threadId && !rootOfThread.has(m.threadId)) rootOfThread.set(m.threadId, m.id);
    const replies = new Map();
    const top = [];
    for (const m of list) {
      const root = m.threadId ? rootOfThread.get(m.threadId) : undefined;
      if (root && root !== m.id) {
        if (!replies.has(root)) replies.set(root, []);
        replies.get(root).push(m);
      } else top.push(m);
    }
    box.textContent = "";
    if (top.length === 0) {
      const note = document.createElement("div");
      note.className = "empty-note";
      note.textContent = state.current === "group" ? t("emptyGroup") : t("emptyDm");
      box.appendChild(note);
    }
    for (const m of top) {
      box.appendChild(renderMessage(m, { inThread: false }));
      const thread = replies.get(m.id);
      if (thread && thread.length) {
        const wrap = document.createElement("div");
        wrap.className = "thread";
        wrap.dataset.root = m.id;
        const count = document.createElement("div");
        count.className = "thread-count";
        count.textContent = t("threadReplies", { count: thread.length });
        wrap.appendChild(count);
        for (const r of thread) wrap.appendChild(renderMessage(r, { inThread: true }));
        const more = document.createElement("button");
        more.type = "button";
        more.className = "link reply-thread";
        more.textContent = t("replyInThread");
        more.addEventListener("click", () => startThread(m));
        wrap.appendChild(more);
        box.appendChild(wrap);
      }
    }
    if (nearBottom) box.scrollTop = box.scrollHeight;
    for (const key of ["group", "dm"]) {
      const last = [...state.messages.values()].filter((m) => m.chatId === chatIdOf(key)).pop();
      $(`last-${key}`).textContent = last ? summaryOf(last) : "";
    }
  }

  function selectChat(key) {
    state.current = key;
    state.threadRoot = null;
    updateThreadBanner();
    for (const node of document.querySelectorAll(".session")) node.classList.toggle("active", node.dataset.chat === key);
    $("chat-title").textContent = key === "group" ? t("groupName") : t("dmName");
    $("chat-subtitle").textContent = key === "group" ? t("groupSubtitle", { members: state.chats.group.members }) : t("dmSubtitle");
    $("composer").placeholder = key === "group" ? t("composerGroup") : t("composerDm");
    $("mention-button").hidden = key !== "group";
    render();
    $("messages").scrollTop = $("messages").scrollHeight;
  }

  // ---- threads -----------------------------------------------------------------------------

  function startThread(message) {
    state.threadRoot = message.id;
    updateThreadBanner();
    $("composer").focus();
  }

  function updateThreadBanner() {
    const banner = $("thread-banner");
    const root = state.threadRoot && state.messages.get(state.threadRoot);
    banner.hidden = !root;
    if (root) $("thread-banner-text").textContent = t("threadBanner", { text: summaryOf(root).slice(0, 40) });
    $("composer").placeholder = root ? t("composerThread") : state.current === "group" ? t("composerGroup") : t("composerDm");
  }

  // ---- sending -----------------------------------------------------------------------------

  async function post(path, body) {
    const response = await fetch(path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    const data = await response.json().catch(() => ({}));
    if (!response.ok) throw new Error(data.error || `HTTP ${response.status}`);
    return data;
  }

  /** The attach button: the chosen file goes to the bot as a Feishu file message (in the open thread, if any). */
  async function attach(file) {
    $("attach-button").disabled = true;
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      let binary = "";
      for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      await post("/api/files", { chat: state.current, fileName: file.name, data: btoa(binary), threadRootId: state.threadRoot || undefined });
    } catch (error) {
      showToast("error", t("attachFailed", { error: error.message }));
    } finally {
      $("attach-button").disabled = false;
      $("attach-input").value = "";
    }
  }

  async function send() {
    const box = $("composer");
    const text = box.value.trim();
    if (!text) return;
    $("send").disabled = true;
    try {
      await post("/api/messages", { chat: state.current, text, threadRootId: state.threadRoot || undefined });
      box.value = "";
      hideMentions();
    } catch (error) {
      showToast("error", t("sendFailed", { error: error.message }));
    } finally {
      $("send").disabled = false;
      box.focus();
    }
  }

  async function cardAction(message, value, button) {
    try {
      const ack = await post("/api/card-action", { messageId: message.id, value });
      const toast = ack && ack.toast;
      if (value && value.action === "feedback") {
        state.votes.set(message.id, value.vote);
        for (const b of button.closest(".card").querySelectorAll(".card-btn")) b.classList.remove("voted");
        button.classList.add("voted");
      }
      if (toast) showToast(toast.type || "info", toast.content || (toast.i18n && (toast.i18n.zh_cn || toast.i18n.en_us)) || "");
    } catch (error) {
      showToast("error", t("toastFailed", { error: error.message }));
    }
  }

  let toastTimer = 0;
  function showToast(type, content) {
    const toast = $("toast");
    toast.className = `toast ${type}`;
    toast.textContent = content;
    toast.hidden = false;
    clearTimeout(toastTimer);
    toastTimer = setTimeout(() => { toast.hidden = true; }, 3000);
  }

  // ---- @mention ----------------------------------------------------------------------------

  function showMentions() { if (state.current === "group") $("mention-popup").hidden = false; }
  function hideMentions() { $("mention-popup").hidden = true; }

  function insertMention() {
    const box = $("composer");
    const start = box.selectionStart;
    let before = box.value.slice(0, start);
    const after = box.value.slice(box.selectionEnd);
    if (before.endsWith("@")) before = before.slice(0, -1);
    const token = `@${state.botName} `;
    box.value = `${before}${token}${after}`;
    const caret = before.length + token.length;
    box.setSelectionRange(caret, caret);
    hideMentions();
    box.focus();
  }

  function useSample(question) {
    const box = $("composer");
    box.value = state.current === "group" ? `@${state.botName} ${question}` : question;
    box.focus();
  }

  // ---- activity ----------------------------------------------------------------------------

  function activityLine(entry) {
    const texts = state.texts.activity || {};
    const type = entry.type;
    if (type === "dropped") {
      const reason = (state.texts.dropReasons || {})[entry.reason] || entry.reason;
      return { text: fill(texts.dropped, { reason }), cls: entry.reason === "not_mentioned" ? "quiet" : "warn" };
    }
    const template = texts[type];
    if (!template) return null;
    return { text: fill(template, entry), cls: type === "failed" || type === "rejected" || type === "deliveryFailed" ? "warn" : "" };
  }

  function addActivity(entry) {
    const line = activityLine(entry);
    if (!line) return;
    const item = document.createElement("li");
    item.className = line.cls;
    item.dataset.type = entry.type;
    if (entry.reason) item.dataset.reason = entry.reason;
    item.innerHTML = `<span class="activity-time">${new Date(entry.at).toLocaleTimeString("zh-CN", { hour12: false })}</span>${escapeHtml(line.text)}`;
    const list = $("activity-list");
    list.appendChild(item);
    while (list.children.length > 200) list.removeChild(list.firstChild);
    list.scrollTop = list.scrollHeight;
  }

  // ---- wiring ------------------------------------------------------------------------------

  function upsert(message) {
    state.messages.set(message.id, message);
  }

  let renderQueued = false;
  function scheduleRender() {
    if (renderQueued) return;
    renderQueued = true;
    requestAnimationFrame(() => { renderQueued = false; render(); });
  }

  function connect() {
    const source = new EventSource("/api/stream");
    const conn = $("conn");
    conn.textContent = t("connecting");
    source.addEventListener("open", () => { conn.textContent = ""; });
    source.addEventListener("error", () => { conn.textContent = t("disconnected"); });
    source.addEventListener("snapshot", (event) => {
      const data = JSON.parse(event.data);
      for (const m of data.messages) upsert(m);
      scheduleRender();
    });
    source.addEventListener("message", (event) => {
      upsert(JSON.parse(event.data));
      scheduleRender();
    });
    source.addEventListener("activity", (event) => addActivity(JSON.parse(event.data)));
  }

  async function main() {
    const boot = await (await fetch("/api/bootstrap")).json();
    state.texts = boot.texts;
    state.botName = boot.botName;
    state.me = boot.me;
    state.chats = boot.chats;
    applyTexts();
    for (const m of boot.messages) upsert(m);
    for (const entry of boot.activity) addActivity(entry);
    const samples = $("samples");
    for (const question of state.texts.samples || []) {
      const chip = document.createElement("button");
      chip.type = "button";
      chip.className = "chip";
      chip.textContent = question;
      chip.addEventListener("click", () => useSample(question));
      samples.appendChild(chip);
    }
    if (state.texts.followUpSample) {
      const chip = document.createElement("button");
      chip.type = "button";
      chip.className = "chip";
      chip.textContent = state.texts.followUpSample;
      chip.addEventListener("click", () => useSample(state.texts.followUpSample));
      samples.appendChild(chip);
    }
    for (const node of document.querySelectorAll(".session")) node.addEventListener("click", () => selectChat(node.dataset.chat));
    $("send").addEventListener("click", send);
    $("attach-button").addEventListener("click", () => $("attach-input").click());
    $("attach-input").addEventListener("change", (event) => {
      const file = event.target.files && event.target.files[0];
      if (file) attach(file);
    });
    const box = $("composer");
    box.addEventListener("keydown", (event) => {
      if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        if (!$("mention-popup").hidden && box.value.endsWith("@")) insertMention();
        else send();
      } else if (event.key === "Escape") hideMentions();
    });
    box.addEventListener("input", () => {
      const before = box.value.slice(0, box.selectionStart);
      if (/(^|\s)@[^\s@]*$/.test(before) && state.current === "group") showMentions();
      else hideMentions();
    });
    $("mention-button").addEventListener("click", () => {
      const b = $("composer");
      const before = b.value.slice(0, b.selectionStart);
      if (!/(^|\s)$/.test(before)) b.setRangeText(" ", b.selectionStart, b.selectionEnd, "end");
      showMentions();
      b.focus();
    });
    $("mention-bot").addEventListener("mousedown", (event) => { event.preventDefault(); insertMention(); });
    $("thread-cancel").addEventListener("click", () => { state.threadRoot = null; updateThreadBanner(); });
    $("toggle-activity").addEventListener("click", () => {
      const pane = $("activity-pane");
      pane.hidden = !pane.hidden;
      $("toggle-activity").classList.toggle("on", !pane.hidden);
    });
    $("toggle-activity").classList.add("on");
    selectChat("group");
    connect();
  }

  main().catch((error) => {
    document.body.textContent = `playground failed to start: ${error.message}`;
  });
})();
