import type { OpenAIEmbeddings } from "@langchain/openai";
import { l2Normalise, type Embedder } from "./types.js";

export interface OpenAIEmbedderOptions {
  /** Base URL including /v1, e.g. http://127.0.0.1:8000/v1. Required so nothing defaults to api.openai.com. */
  baseURL: string;
  apiKey: string;
  model: string;
  /** Vector length the server returns; checked on every response. */
  dimension: number;
  /** Send `dimensions` in the request (only text-embedding-3 style models accept it). Default true. */
  requestDimensions?: boolean;
  /** Texts per HTTP request (default 64). */
  batchSize?: number;
  /** Per-attempt timeout in ms (default 30 s). */
  timeoutMs?: number;
  /** LangChain retries on failure (default 2). */
  maxRetries?: number;
}

/**
 * Any OpenAI-compatible /v1/embeddings endpoint through LangChain's OpenAIEmbeddings.
 * Embeddings never count tokens, so no tiktoken download happens; the request asks for
 * float encoding explicitly because many compatible servers do not implement base64.
 */
export class OpenAIEmbedder implements Embedder {
  readonly id: string;
  readonly dimension: number;
  private client: Promise<OpenAIEmbeddings> | undefined;

  constructor(private readonly options: OpenAIEmbedderOptions) {
    assertUsableOptions(options);
    this.dimension = options.dimension;
    this.id = `openai:${options.model}:${options.dimension}`;
  }

  /** LangChain is loaded on first use: it costs half a second at start-up that offline runs never need. */
  private connect(): Promise<OpenAIEmbeddings> {
    const options = this.options;
    this.client ??= import("@langchain/openai").then(({ OpenAIEmbeddings }) => new OpenAIEmbeddings({
      model: options.model,
      // Local servers need no key, but the OpenAI client refuses an empty one.
      apiKey: options.apiKey || "not-needed",
      dimensions: options.requestDimensions === false ? undefined : options.dimension,
      batchSize: options.batchSize ?? 64,
      timeout: options.timeoutMs ?? 30_000,
      maxRetries: options.maxRetries ?? 2,
      encodingFormat: "float",
      stripNewLines: true,
      configuration: { baseURL: options.baseURL },
    }));
    return this.client;
  }

  async embed(texts: string[]): Promise<Float32Array[]> {
    if (texts.length === 0) return [];
    const vectors = await (await this.connect()).embedDocuments(texts);
    if (vectors.length !== texts.length) {
      throw new Error(`embedding endpoint returned ${vectors.length} vectors for ${texts.length} texts`);
    }
    return vectors.map((vector) => {
      if (vector.length !== this.dimension) {
        throw new Error(`embedding endpoint returned dimension ${vector.length}, expected ${this.dimension} (${this.id})`);
      }
      return l2Normalise(Float32Array.from(vector));
    });
  }
}

/** An empty baseURL would make the OpenAI client fall back to api.openai.com; refuse it up front. */
function assertUsableOptions(options: OpenAIEmbedderOptions): void {
  if (!/^https?:\/\/\S+$/u.test(options.baseURL)) {
    throw new Error(`OpenAIEmbedder needs an http(s) baseURL (got "${options.baseURL}")`);
  }
  if (!options.model) throw new Error("OpenAIEmbedder needs a model name");
  if (!Number.isInteger(options.dimension) || options.dimension <= 0) {
    throw new Error(`OpenAIEmbedder needs a positive integer dimension (got ${options.dimension})`);
  }
}
