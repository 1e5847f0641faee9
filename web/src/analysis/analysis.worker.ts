/// <reference lib="webworker" />
// Runs the domain engine off the main thread: a large plan's analysis (and each live check, a full
// analysis of the plan with the draft) would freeze the page for seconds otherwise.
import { AnalysisRequest, analysisHost } from './analysis-protocol';

const receive = analysisHost((reply) => (self as unknown as Worker).postMessage(reply));

self.onmessage = (event: MessageEvent<AnalysisRequest>) => receive(event.data);
