/// <reference lib="webworker" />
// Runs the domain engine off the main thread: a large plan's analysis (and each live check, a full
// analysis of the plan with the draft) would freeze the page for seconds otherwise.
import { AnalysisRequest, analysisHost } from './analysis-protocol';

// A file's bytes are handed over, not copied.
const receive = analysisHost((reply) =>
  reply.type === 'exported'
    ? (self as unknown as Worker).postMessage(reply, [reply.file.bytes.buffer])
    : (self as unknown as Worker).postMessage(reply),
);

self.onmessage = (event: MessageEvent<AnalysisRequest>) => receive(event.data);
