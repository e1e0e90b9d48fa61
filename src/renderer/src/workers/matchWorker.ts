/// <reference lib="webworker" />
import { proposeMatches, type FixedPair, type MenteeInput, type MentorInput } from '@shared/matching';
import type { MatchingWeights, Objective } from '@shared/model';

export interface MatchRequest {
  mentees: MenteeInput[];
  mentors: MentorInput[];
  weights: MatchingWeights;
  objective: Objective;
  fixed: FixedPair[];
}

/** "Match all" off the UI thread: posts progress (0–1) and then the proposal. */
self.onmessage = (e: MessageEvent<MatchRequest>) => {
  const { mentees, mentors, weights, objective, fixed } = e.data;
  const proposal = proposeMatches(mentees, mentors, {
    weights,
    objective,
    fixed,
    onProgress: (done, total) => self.postMessage({ type: 'progress', value: done / total }),
  });
  self.postMessage({ type: 'done', proposal });
};
