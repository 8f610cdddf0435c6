import { InitialSchema1763900000000 } from './1763900000000-initial-schema';
import { ActivityRollups1764400000000 } from './1764400000000-activity-rollups';
import { ThreadFacts1764500000000 } from './1764500000000-thread-facts';
import { InteractionRollups1764600000000 } from './1764600000000-interaction-rollups';
import { Objectives1764700000000 } from './1764700000000-objectives';
import { People1764800000000 } from './1764800000000-people';
import { MemberErasure1764900000000 } from './1764900000000-member-erasure';
import { Jobs1765000000000 } from './1765000000000-jobs';
import { HealthPolicies1765200000000 } from './1765200000000-health-policies';
import { ActivityTerms1765300000000 } from './1765300000000-activity-terms';

/** Every migration, in order. Listed explicitly so the same list works from TypeScript and from the build. */
export const MIGRATIONS: Function[] = [
  InitialSchema1763900000000,
  ActivityRollups1764400000000,
  ThreadFacts1764500000000,
  InteractionRollups1764600000000,
  Objectives1764700000000,
  People1764800000000,
  MemberErasure1764900000000,
  Jobs1765000000000,
  HealthPolicies1765200000000,
  ActivityTerms1765300000000,
];
