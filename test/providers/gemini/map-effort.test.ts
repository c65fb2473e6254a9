import { describe, expect, it } from 'vitest';
import { thinkingForEffort } from '../../../src/providers/gemini/map-effort.js';

const EFFORTS = ['low', 'medium', 'high', 'xhigh', 'max'] as const;

/** The thinking config for each effort in EFFORTS, on `model`. */
const forEveryEffort = (model: string) => EFFORTS.map((effort) => thinkingForEffort(effort, model));
const levels = (...names: string[]) => names.map((thinkingLevel) => ({ thinkingLevel }));
const budgets = (...tokens: number[]) => tokens.map((thinkingBudget) => ({ thinkingBudget }));

describe('thinkingForEffort', () => {
  it('gives Gemini 3 Pro the levels it knows: LOW for low, HIGH for everything above', () => {
    expect(forEveryEffort('gemini-3-pro-preview')).toEqual(levels('LOW', 'HIGH', 'HIGH', 'HIGH', 'HIGH'));
  });

  it('gives Gemini 3 Flash MEDIUM for medium, whatever the case of its id', () => {
    expect(forEveryEffort('models/Gemini-3-FLASH-preview')).toEqual(levels('LOW', 'MEDIUM', 'HIGH', 'HIGH', 'HIGH'));
  });

  it("gives Gemini 2.5 a token budget: 1024 for low, 8192 for medium, and the model's own dynamic budget (-1) from high up", () => {
    expect(forEveryEffort('gemini-2.5-flash')).toEqual(budgets(1024, 8192, -1, -1, -1));
  });

  it('treats a model id without a Gemini version (or none) as a budget model', () => {
    expect([thinkingForEffort('medium', 'gemma-3-27b-it'), thinkingForEffort('low', undefined)]).toEqual([{ thinkingBudget: 8192 }, { thinkingBudget: 1024 }]);
  });

  it('gives nothing for no effort, an unknown effort or a value that is not a string', () => {
    expect([undefined, 'extreme', 'HIGH', 3, null].map((effort) => thinkingForEffort(effort, 'gemini-3-pro-preview'))).toEqual(Array(5).fill(undefined));
  });
});
