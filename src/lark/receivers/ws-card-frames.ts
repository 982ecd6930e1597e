import type * as lark from "@larksuiteoapi/node-sdk";

interface FrameLike {
  headers: Array<{ key: string; value: string }>;
}
type FrameHandler = (frame: FrameLike) => Promise<void>;

/**
 * Card callbacks over the long connection: Feishu can deliver `card.action.trigger` in frames whose
 * `type` header is `card`, and the SDK's WSClient (1.74) handles only `event` frames — it drops the
 * others unacknowledged, so the button spins and fails. This passes `card` frames through the same
 * path as events (merge fragments, EventDispatcher, ACK with the handler's toast). It wraps a private
 * method of WSClient, so tests/lark/bot-ws-card-frames.test.ts pins the behaviour against the SDK
 * version installed; if the SDK changes shape this logs and leaves the client as it is.
 */
export function acceptCardFrames(client: lark.WSClient, warn: (message: string) => void): void {
  const target = client as unknown as { handleEventData?: FrameHandler };
  const original = target.handleEventData;
  if (typeof original !== "function") {
    warn("this SDK version has no WSClient.handleEventData; card callbacks sent as `card` frames will be dropped");
    return;
  }
  target.handleEventData = function handleEventOrCardData(this: unknown, frame: FrameLike) {
    const isCard = frame.headers.some((header) => header.key === "type" && header.value === "card");
    const asEvent = isCard
      ? { ...frame, headers: frame.headers.map((header) => (header.key === "type" ? { key: "type", value: "event" } : header)) }
      : frame;
    return original.call(this, asEvent);
  };
}
