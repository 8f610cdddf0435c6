/**
 * The audit actions whose `target` is a member's externalId: the entries about a member, which a
 * GDPR export (GET /v1/members/{externalId}/export) returns. Other actions have targets of their own
 * (objective keys, API key ids) that a member's externalId may equal by chance, so the export
 * matches on target AND one of these actions, never on target alone.
 *
 * When a new `audit.record(...)` names a member as its target, add its action here. None of their
 * details carries personal data of another member; some count the member's rows across every
 * network (member.export, member.erase), so a key limited to networks gets these entries without
 * details (see PrivacyService.export).
 */
export const MEMBER_AUDIT_ACTIONS: readonly string[] = [
  'profile.update', // PUT /v1/members/{id}/profile; details: { version }
  'profile.read', // GET /v1/members/{id}/profile
  'profile.history.read', // GET /v1/members/{id}/profile/history
  'member.export', // GET /v1/members/{id}/export; details: { activities } (the count exported to that key)
  'member.erase', // DELETE /v1/members/{id}; details: erased counts over every network
];
