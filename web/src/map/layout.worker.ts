/// <reference lib="webworker" />
// Lays the map out with ELK off the main thread: a large hierarchy would freeze the page otherwise.
import ELK from 'elkjs/lib/elk.bundled.js';
import { LayoutRequest, LayoutResponse } from './layout';

const elk = new ELK();

self.onmessage = async (event: MessageEvent<LayoutRequest>) => {
  const { id, nodes, edges } = event.data;
  const graph = await elk.layout({
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'DOWN',
      'elk.layered.spacing.nodeNodeBetweenLayers': '70',
      'elk.spacing.nodeNode': '30',
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
    },
    children: nodes.map((n) => ({ id: n.id, width: n.width, height: n.height })),
    edges: edges.map((e) => ({ id: e.id, sources: [e.source], targets: [e.target] })),
  });
  const positions: LayoutResponse['positions'] = {};
  for (const child of graph.children ?? []) positions[child.id] = { x: child.x ?? 0, y: child.y ?? 0 };
  (self as unknown as Worker).postMessage({ id, positions } satisfies LayoutResponse);
};
