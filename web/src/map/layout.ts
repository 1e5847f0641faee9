export interface LayoutRequest {
  id: number;
  nodes: Array<{ id: string; width: number; height: number }>;
  edges: Array<{ id: string; source: string; target: string }>;
}

export interface LayoutResponse {
  id: number;
  positions: Record<string, { x: number; y: number }>;
}

/** Runs layouts in one Web Worker; a newer request makes older answers irrelevant. */
export class LayoutWorker {
  private readonly worker = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
  private next = 0;
  private pending = new Map<number, (positions: LayoutResponse['positions']) => void>();

  constructor() {
    this.worker.onmessage = (event: MessageEvent<LayoutResponse>) => {
      this.pending.get(event.data.id)?.(event.data.positions);
      this.pending.delete(event.data.id);
    };
  }

  layout(nodes: LayoutRequest['nodes'], edges: LayoutRequest['edges']): Promise<LayoutResponse['positions']> {
    const id = ++this.next;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.worker.postMessage({ id, nodes, edges } satisfies LayoutRequest);
    });
  }

  dispose(): void {
    this.worker.terminate();
    this.pending.clear();
  }
}
