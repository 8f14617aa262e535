export { startSipEdge } from './bootstrap';
export type { RunningSipEdge, SipEdgeLogger } from './bootstrap';
export { readSipEdgeSettings } from './sip-edge.settings';
export type { SipEdgeSettings } from './sip-edge.settings';
