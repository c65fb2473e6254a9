// Gemini `generateContent` / `streamGenerateContent` wire shapes, declared once (wire-reference.md §3;
// field lists from js-genai `src/types.ts`). Only what oss reads or writes is declared; keys are camelCase.

export type GeminiRole = 'user' | 'model';

export interface GeminiInlineData {
  mimeType: string;
  /** Base64 bytes. */
  data: string;
}

export interface GeminiFileData {
  mimeType?: string;
  fileUri: string;
}

/** One `partialArgs` entry of a Vertex `streamFunctionCallArguments` stream. */
export interface GeminiPartialArg {
  jsonPath: string;
  stringValue?: string;
  numberValue?: number;
  boolValue?: boolean;
  nullValue?: unknown;
  willContinue?: boolean;
}

export interface GeminiFunctionCall {
  name?: string;
  args?: Record<string, unknown>;
  id?: string;
  /** Vertex partial-argument streaming: more of this call follows. */
  willContinue?: boolean;
  partialArgs?: GeminiPartialArg[];
}

export interface GeminiFunctionResponse {
  name: string;
  /** Must be a JSON object: `{output: …}` or `{error: …}`. */
  response: Record<string, unknown>;
  id?: string;
}

export interface GeminiPart {
  text?: string;
  /** True on thought-summary text parts. */
  thought?: boolean;
  /** Opaque, model-bound signature (Gemini 2.5+/3). */
  thoughtSignature?: string;
  inlineData?: GeminiInlineData;
  fileData?: GeminiFileData;
  functionCall?: GeminiFunctionCall;
  functionResponse?: GeminiFunctionResponse;
}

export interface GeminiContent {
  role: GeminiRole;
  parts: GeminiPart[];
}

/** The OpenAPI-3.0 subset accepted in `functionDeclarations[].parameters` (wire-reference.md §3.3). */
export interface GeminiSchema {
  type?: GeminiSchemaType;
  format?: string;
  title?: string;
  description?: string;
  nullable?: boolean;
  enum?: string[];
  maxItems?: number;
  minItems?: number;
  properties?: Record<string, GeminiSchema>;
  required?: string[];
  minProperties?: number;
  maxProperties?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  example?: unknown;
  anyOf?: GeminiSchema[];
  propertyOrdering?: string[];
  default?: unknown;
  minimum?: number;
  maximum?: number;
  items?: GeminiSchema;
}

export type GeminiSchemaType = 'STRING' | 'NUMBER' | 'INTEGER' | 'BOOLEAN' | 'ARRAY' | 'OBJECT' | 'NULL';

/** Every key `parameters` accepts; anything else is a 400 "Unknown name". */
export const GEMINI_SCHEMA_KEYS: readonly (keyof GeminiSchema)[] = [
  'type', 'format', 'title', 'description', 'nullable', 'enum', 'maxItems', 'minItems', 'properties', 'required',
  'minProperties', 'maxProperties', 'minLength', 'maxLength', 'pattern', 'example', 'anyOf', 'propertyOrdering',
  'default', 'minimum', 'maximum', 'items',
];

export interface GeminiFunctionDeclaration {
  name: string;
  description?: string;
  /** Sanitised OpenAPI subset; mutually exclusive with parametersJsonSchema. */
  parameters?: GeminiSchema;
  /** Standard JSON Schema, sent as-is. */
  parametersJsonSchema?: unknown;
}

export interface GeminiTool {
  functionDeclarations: GeminiFunctionDeclaration[];
}

export type GeminiFunctionCallingMode = 'AUTO' | 'ANY' | 'NONE' | 'VALIDATED';

export interface GeminiToolConfig {
  functionCallingConfig: { mode: GeminiFunctionCallingMode; allowedFunctionNames?: string[] };
}

export interface GeminiThinkingConfig {
  includeThoughts?: boolean;
  /** Tokens; -1 means dynamic (Gemini 2.5). */
  thinkingBudget?: number;
  thinkingLevel?: 'MINIMAL' | 'LOW' | 'MEDIUM' | 'HIGH';
}

export interface GeminiGenerationConfig {
  maxOutputTokens?: number;
  temperature?: number;
  topP?: number;
  topK?: number;
  stopSequences?: string[];
  thinkingConfig?: GeminiThinkingConfig;
  /** `application/json` for a structured answer. */
  responseMimeType?: string;
  /** Standard JSON Schema for the answer. */
  responseJsonSchema?: Record<string, unknown>;
  /** OpenAPI-subset schema for the answer (back ends that reject responseJsonSchema). */
  responseSchema?: GeminiSchema;
}

export interface GeminiRequest {
  contents: GeminiContent[];
  systemInstruction?: { parts: { text: string }[] };
  tools?: GeminiTool[];
  toolConfig?: GeminiToolConfig;
  generationConfig?: GeminiGenerationConfig;
}

export interface GeminiUsageMetadata {
  promptTokenCount?: number;
  candidatesTokenCount?: number;
  totalTokenCount?: number;
  thoughtsTokenCount?: number;
  cachedContentTokenCount?: number;
  toolUsePromptTokenCount?: number;
}

export interface GeminiCandidate {
  content?: { role?: string; parts?: GeminiPart[] };
  finishReason?: string;
  finishMessage?: string;
  index?: number;
}

export interface GeminiResponse {
  candidates?: GeminiCandidate[];
  promptFeedback?: { blockReason?: string; blockReasonMessage?: string };
  usageMetadata?: GeminiUsageMetadata;
  modelVersion?: string;
  responseId?: string;
}

/** `{"error": {...}}`: before the stream as the HTTP body, or (defensively) as a stream event. */
export interface GeminiErrorBody {
  error?: {
    code?: number;
    message?: string;
    status?: string;
    details?: Array<Record<string, unknown>>;
  };
}
