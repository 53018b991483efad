import { useEffect } from 'react';
import type { AnalyticsRun, ClusterProfile } from '../../../src-shared/contract';
import { useAnalyticsStore } from './useAnalyticsStore';

const NO_PROFILES: ClusterProfile[] = [];

/**
 * The latest run for pages outside analytics (the customer list's columns and filters, the
 * customer page): fetched once on first use, then kept fresh by the `analytics` pushes.
 */
export function useLatestRun(): AnalyticsRun | null {
  const run = useAnalyticsStore((s) => s.run);
  const ensureLoaded = useAnalyticsStore((s) => s.ensureLoaded);
  useEffect(() => {
    void ensureLoaded();
  }, [ensureLoaded]);
  return run;
}

/** The run's clusters, or none (no run yet, or the clustering refused). */
export const clusterProfilesOf = (run: AnalyticsRun | null): ClusterProfile[] =>
  run?.clusters.ok ? run.clusters.profiles : NO_PROFILES;
