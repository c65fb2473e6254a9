import { describe, expect, it } from 'vitest';
import { parseFrontmatter } from '../../src/routing/frontmatter.js';

describe('parseFrontmatter (seed 1.3)', () => {
  it('should extract model from prompt frontmatter', () => {
    const content = `---
name: code-reviewer
model: openrouter/deepseek/deepseek-chat
model_fallback: true
---
# Code Reviewer`;

    const parsed = parseFrontmatter(content);
    expect(parsed.model).toBe('openrouter/deepseek/deepseek-chat');
    expect(parsed.model_fallback).toBe(true);
    expect(parsed.name).toBe('code-reviewer');
    expect(parsed.body.trim()).toBe('# Code Reviewer');
    expect(parsed.status).toBe('ok');
    expect(parsed.warning).toBeUndefined();
  });

  it('should return undefined for prompts without model', () => {
    const content = `---
name: simple-agent
---
# Agent`;

    const parsed = parseFrontmatter(content);
    expect(parsed.model).toBeUndefined();
  });

  it('gives no model and a warning for a file without frontmatter, body kept whole', () => {
    const parsed = parseFrontmatter('# Just markdown\n');
    expect(parsed).toMatchObject({ status: 'none', body: '# Just markdown\n', data: {} });
    expect(parsed.model).toBeUndefined();
    expect(parsed.warning).toMatch(/no frontmatter/);
  });

  it('gives no model and a warning for broken YAML, never throwing', () => {
    const content = '---\nmodel: [ollama/llama3.2\nname: x: y\n---\nbody\n';
    const parsed = parseFrontmatter(content);
    expect(parsed.status).toBe('broken');
    expect(parsed.model).toBeUndefined();
    expect(parsed.warning).toMatch(/not valid YAML/);
  });

  it('treats frontmatter that is not a mapping as broken', () => {
    const parsed = parseFrontmatter('---\n- a\n- b\n---\nbody\n');
    expect(parsed.status).toBe('broken');
    expect(parsed.body).toBe('body\n');
  });

  it('ignores a non-string model and a non-boolean model_fallback, with a warning', () => {
    const parsed = parseFrontmatter('---\nmodel: 42\nmodel_fallback: sometimes\n---\nx');
    expect(parsed.model).toBeUndefined();
    expect(parsed.model_fallback).toBeUndefined();
    expect(parsed.warning).toMatch(/"model".*"model_fallback"/);
  });

  it('parses the same content twice to equal, independent results (no shared cache)', () => {
    const content = '---\nmodel: ollama/llama3.2\n---\nbody';
    const first = parseFrontmatter(content);
    first.data.model = 'changed';
    expect(parseFrontmatter(content).model).toBe('ollama/llama3.2');
  });
});
