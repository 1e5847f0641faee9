import { CreatePlanRequest } from '@tillit/contract';

let counter = 0;

export function aPlanRequest(overrides: Partial<CreatePlanRequest> = {}): CreatePlanRequest {
  counter += 1;
  return { title: `Införandeplan ${counter}`, purpose: 'Flytta beslut närmare verksamheten', ...overrides };
}
