import { ObjectiveKeyword } from '../alignment/objective-keyword.entity';
import { Objective } from '../alignment/objective.entity';
import { MemberProfile } from '../people/member-profile.entity';
import { ProfileTopic } from '../people/profile-topic.entity';
import { ProfileVersion } from '../people/profile-version.entity';
import { ApiKey } from '../governance/api-key.entity';
import { AuditEntry } from '../governance/audit-entry.entity';
import { Activity } from '../ingestion/activity.entity';
import { Group } from '../ingestion/group.entity';
import { Member } from '../ingestion/member.entity';
import { Membership } from '../ingestion/membership.entity';
import { NetworkMember } from '../ingestion/network-member.entity';
import { HealthPolicyRecord } from '../health-scorecard/health-policy.entity';
import { Job } from '../jobs/job.entity';
import { Network } from '../networks/network.entity';

/** Every entity, for the data source and the entity/migration drift check. */
export const ENTITIES = [
  Network,
  Member,
  NetworkMember,
  Group,
  Membership,
  Activity,
  ApiKey,
  AuditEntry,
  Objective,
  ObjectiveKeyword,
  MemberProfile,
  ProfileTopic,
  ProfileVersion,
  Job,
  HealthPolicyRecord,
];
