import { describe, expect, it } from 'vitest';
import { geminiMajorVersion, isGemini3OrLater } from '../../../src/providers/gemini/model-generation.js';

describe('geminiMajorVersion', () => {
  it('reads the major version from bare, models/-prefixed, custom and upper-case ids', () => {
    const ids = ['gemini-2.5-flash', 'models/gemini-3-pro-preview', 'gemini-2.0-flash', 'custom-gemini-10-x', 'GEMINI-3-FLASH'];
    expect(ids.map(geminiMajorVersion)).toEqual([2, 3, 2, 10, 3]);
  });

  it('gives undefined for ids that name no Gemini generation, and for no id', () => {
    expect(['gemma-3-27b-it', 'gemini-pro', 'learnlm-2.0-flash', '', undefined].map(geminiMajorVersion)).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });
});

describe('isGemini3OrLater', () => {
  it('is true from Gemini 3 on and false for Gemini 2.x and ids without a version', () => {
    const ids = ['gemini-3-pro-preview', 'gemini-4-ultra', 'gemini-2.5-pro', 'gemini-1.5-flash', 'gemma-3-27b-it', undefined];
    expect(ids.map(isGemini3OrLater)).toEqual([true, true, false, false, false, false]);
  });
});
