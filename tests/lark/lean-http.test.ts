import http from "node:http";
import type { AddressInfo } from "node:net";
import type * as lark from "@larksuiteoapi/node-sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toLarkApiError } from "../../src/lark/errors.js";
import { LeanHttp, toPlainRequest } from "../../src/lark/outbound/index.js";

// LeanHttp answers as the SDK's axios instance does (body, $return_headers, errors the sender classifies)
// and hands everything that is not a plain JSON call to the fallback.

describe("toPlainRequest", () => {
  const repeat = (params: Record<string, unknown>): string =>
    Object.entries(params).flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).map((x) => `${k}=${encodeURIComponent(String(x))}`)).join("&");
  const cases: Array<{ name: string; options: lark.HttpRequestOptions<unknown>; url?: string; plain: boolean }> = [
    { name: "a JSON reply", options: { url: "http://h/open-apis/im/v1/messages/om_1/reply", method: "POST", data: { content: "{}", uuid: "u" } }, url: "http://h/open-apis/im/v1/messages/om_1/reply", plain: true },
    { name: "params through the SDK's serializer", options: { url: "http://h/x", method: "POST", params: { receive_id_type: "chat_id", ids: ["a", "b"] }, paramsSerializer: repeat }, url: "http://h/x?receive_id_type=chat_id&ids=a&ids=b", plain: true },
    { name: "params after an existing query", options: { url: "http://h/x?a=1#frag", params: { b: 2 }, paramsSerializer: repeat }, url: "http://h/x?a=1&b=2", plain: true },
    { name: "empty params", options: { url: "http://h/x", params: {}, paramsSerializer: repeat }, url: "http://h/x", plain: true },
    { name: "params without a serializer function", options: { url: "http://h/x", params: { a: 1 } }, plain: false },
    { name: "a streamed download", options: { url: "http://h/file", responseType: "stream" }, plain: false },
    { name: "an arraybuffer download", options: { url: "http://h/file", responseType: "arraybuffer" }, plain: false },
    { name: "a multipart body", options: { url: "http://h/up", method: "POST", data: new (class FormLike { field = "x"; })() }, plain: false },
    { name: "a Buffer body", options: { url: "http://h/up", method: "POST", data: Buffer.from("x") }, plain: false },
    { name: "a function option", options: { url: "http://h/x", onUploadProgress: () => {} } as lark.HttpRequestOptions<unknown>, plain: false },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const plain = toPlainRequest(c.options);
      expect(plain !== undefined).toBe(c.plain);
      if (plain && c.url) expect(plain.url).toBe(c.url);
      if (plain) expect(plain).not.toHaveProperty("paramsSerializer");
    });
  }
});

describe("LeanHttp against a server", () => {
  let server: http.Server;
  let base: string;
  const seen: Array<{ method?: string; url?: string; headers: http.IncomingHttpHeaders; body: string }> = [];
  const fallbackCalls: unknown[] = [];
  const fallback = { request: async (opts: unknown) => { fallbackCalls.push(opts); return "from fallback"; } } as unknown as lark.HttpInstance;

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let body = "";
      req.on("data", (chunk: Buffer) => { body += chunk.toString(); });
      req.on("end", () => {
        seen.push({ method: req.method, url: req.url, headers: req.headers, body });
        const path = req.url ?? "";
        if (path.startsWith("/ok")) return json(res, 200, { code: 0, data: { message_id: "om_x", echo: body ? JSON.parse(body) : null } }, { "x-request-id": "r1" });
        if (path.startsWith("/limited")) return json(res, 429, { code: 99991400, msg: "rate limited" }, { "x-ogw-ratelimit-reset": "2" });
        if (path.startsWith("/broken")) return json(res, 502, "<html>bad gateway</html>");
        if (path.startsWith("/moved")) { res.writeHead(302, { location: "/ok" }); return res.end(); }
        if (path.startsWith("/slow")) return setTimeout(() => json(res, 200, { code: 0 }), 500);
        if (path.startsWith("/text")) { res.writeHead(200, { "content-type": "text/plain" }); return res.end("plain words"); }
        json(res, 404, { code: 404, msg: "no such path" });
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const lean = (env: NodeJS.ProcessEnv = {}): lark.HttpInstance => new LeanHttp({ fallback, env }).instance;

  it("posts JSON with the SDK's headers and answers with the parsed body", async () => {
    const body = await lean().request({ url: `${base}/ok`, method: "POST", headers: { Authorization: "Bearer t-1", "User-Agent": "oapi-node-sdk" }, data: { content: "你好" } });
    expect(body).toEqual({ code: 0, data: { message_id: "om_x", echo: { content: "你好" } } });
    const request = seen.at(-1)!;
    expect(request.headers).toMatchObject({ authorization: "Bearer t-1", "user-agent": "oapi-node-sdk", "content-type": "application/json" });
    expect(Number(request.headers["content-length"])).toBe(Buffer.byteLength(JSON.stringify({ content: "你好" })));
  });

  it("answers { data, headers } with $return_headers, and a GET has no body", async () => {
    const answer = await lean().get(`${base}/ok`, { $return_headers: true } as lark.HttpRequestOptions<unknown>);
    expect(answer).toMatchObject({ data: { code: 0 }, headers: { "x-request-id": "r1" } });
    expect(seen.at(-1)).toMatchObject({ method: "GET", body: "" });
  });

  it("a 429 becomes a rate-limit error with the reset the sender waits for", async () => {
    const error = await lean().post(`${base}/limited`, { a: 1 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ response: { status: 429, data: { code: 99991400 } } });
    const classified = toLarkApiError("im.message.reply", error);
    expect(classified).toMatchObject({ status: 429, larkCode: 99991400, retryClass: "rate_limit", resetSeconds: 2 });
  });

  it("a 5xx with an HTML body is a server error; a 404 with a code is fatal", async () => {
    expect(toLarkApiError("op", await lean().get(`${base}/broken`).catch((e: unknown) => e))).toMatchObject({ status: 502, retryClass: "server" });
    expect(toLarkApiError("op", await lean().get(`${base}/nowhere`).catch((e: unknown) => e))).toMatchObject({ status: 404, larkCode: 404, retryClass: "fatal" });
  });

  it("a timeout and a refused connection are network errors (retried)", async () => {
    const timedOut = await lean().request({ url: `${base}/slow`, timeout: 50 }).catch((e: unknown) => e);
    expect(timedOut).toMatchObject({ code: "ECONNABORTED", message: "timeout of 50ms exceeded" });
    expect(toLarkApiError("op", timedOut).retryClass).toBe("network");
    const refused = await lean().get("http://127.0.0.1:1/x").catch((e: unknown) => e);
    expect(toLarkApiError("op", refused)).toMatchObject({ retryClass: "network", status: undefined });
  });

  it("a text body comes back as text", async () => {
    expect(await lean().get(`${base}/text`)).toBe("plain words");
  });

  it("redirects, downloads and proxied set-ups go to the fallback", async () => {
    fallbackCalls.length = 0;
    expect(await lean().get(`${base}/moved`)).toBe("from fallback");
    expect(await lean().request({ url: `${base}/ok`, responseType: "stream" })).toBe("from fallback");
    const before = seen.length;
    expect(await lean({ HTTPS_PROXY: "http://proxy:3128" }).post(`${base}/ok`, { a: 1 })).toBe("from fallback");
    expect(seen.length).toBe(before);
    expect(fallbackCalls).toHaveLength(3);
  });

  it("keeps connections alive between calls", async () => {
    const client = lean();
    const sockets = new Set<unknown>();
    const onConnection = (socket: unknown): void => { sockets.add(socket); };
    server.on("connection", onConnection);
    for (let i = 0; i < 5; i += 1) await client.get(`${base}/ok`);
    server.off("connection", onConnection);
    expect(sockets.size).toBe(1);
  });
});

function json(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  res.writeHead(status, { "content-type": typeof body === "string" ? "text/html" : "application/json", ...headers });
  res.end(text);
}
