/**
 * Generated from openapi.json by `npm run openapi:generate` (openapi-typescript): do not edit.
 * `npm run openapi:check` fails when it is stale. The client is in ./index.ts.
 */

export interface paths {
  '/v1/api-keys': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List API keys (admin), revoked ones included; secrets are never shown */
    get: operations['ApiKeysController_list'];
    put?: never;
    /** Create an API key (admin). The secret is returned once; only its hash is stored. */
    post: operations['ApiKeysController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/api-keys/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Read one API key (admin) */
    get: operations['ApiKeysController_get'];
    put?: never;
    post?: never;
    /** Revoke an API key at once (admin); the next request with it gets 401 */
    delete: operations['ApiKeysController_revoke'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/audit': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The append-only audit log (admin): key changes, objective changes, profile writes and reads, HR reads, erasures and exports; newest first, filterable */
    get: operations['AuditController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/health': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Liveness: the process answers */
    get: operations['HealthController_live'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/health/ready': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Readiness: the database answers and every migration is applied */
    get: operations['HealthController_ready'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/networks': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List the networks this API key may see */
    get: operations['NetworksController_list'];
    put?: never;
    /** Create a network (admin, and integrator keys not limited to networks; a key limited to networks gets 403, or 409 for one of its own networks, which exist) */
    post: operations['NetworksController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/networks/{key}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Read one network */
    get: operations['NetworksController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/networks/{key}/events': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Bulk ingestion of members, groups, memberships and activities
     * @description Body: a JSON array of at most 10 000 records, or NDJSON (`application/x-ndjson`, any length, streamed). Each record is validated on its own: bad ones are listed in `rejected` with their 1-based line and reason, good ones are stored. A key limited to networks may create members and add an existing member to its network (an unchanged `member` record), but a `member` record that would change a member who also belongs to a network outside the key's scope, or who was written org-wide (in no network), is rejected with its line. Idempotent (re-sending a record is a duplicate or an update) and order-independent (an activity may come before its parent, author or group). `{"type":"activity","externalId":"a1","deleted":true}` removes an activity from every indicator. The response comes once every accepted record is committed: a 200 means durably stored.
     */
    post: operations['EventsController_ingest'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/members/{externalId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Read an org-wide member (a key limited to networks sees only members ingested through them) */
    get: operations['MembersController_get'];
    /** Create or replace an org-wide member (keys not limited to networks; scoped integrators send member events through their network) */
    put: operations['MembersController_put'];
    post?: never;
    /**
     * Erase a member's personal data (GDPR; admin only; audited)
     * @description Erases name, email, site, job title, the declared profile and its history, the texts and tags of their activities, inferred interests, expertise evidence and animator scores. The member and activity rows stay pseudonymous (externalId, department, kinds, times, groups, links, keyword matches), so every indicator keeps exactly its value. Later records cannot restore the erased fields. Idempotent: erasing again answers the same shape with zero counts.
     */
    delete: operations['PrivacyController_erase'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/networks/{key}/groups/{externalId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One group of this network */
    get: operations['NetworkRecordsController_group'];
    /** Create or replace a group (same rules as a group event) */
    put: operations['NetworkRecordsController_putGroup'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/networks/{key}/activities': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Activities of this network, deleted ones excluded (confidential text, tags and authors hidden from keys not allowed to see them) */
    get: operations['NetworkRecordsController_activities'];
    put?: never;
    /** Create or replace one activity, or delete it with {externalId, deleted: true} (same rules as an activity event) */
    post: operations['NetworkRecordsController_postActivity'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/networks/{key}/activities/{externalId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One activity of this network */
    get: operations['NetworkRecordsController_activity'];
    put?: never;
    post?: never;
    /** Delete an activity: it leaves every indicator (a tombstone is kept so a late copy stays deleted) */
    delete: operations['NetworkRecordsController_deleteActivity'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/networks/{key}/members': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Members ingested through this network */
    get: operations['NetworkRecordsController_members'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/networks/{key}/groups': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Groups of this network (confidential names and leaders hidden from keys not allowed to see them) */
    get: operations['NetworkRecordsController_groups'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/networks/{key}/memberships': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Group memberships of this network (confidential groups' members only for keys allowed to see them) */
    get: operations['NetworkRecordsController_memberships'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/networks/{key}/indicators/activity': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Activity counts, members and participation over [from, to), with a series per day, week or month (SPEC §3.1) */
    get: operations['IndicatorsController_activity'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/networks/{key}/indicators/engagement': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** DAU, WAU, MAU, stickiness and engaged members for a day (SPEC §3.2) */
    get: operations['IndicatorsController_engagement'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/networks/{key}/indicators/responsiveness': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** How fast and how often posts and questions get answered and resolved (SPEC §3.3) */
    get: operations['IndicatorsController_responsiveness'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/networks/{key}/questions/unanswered': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Questions of the window with no first response, older than 48 h, oldest first (SPEC §3.3) */
    get: operations['IndicatorsController_unanswered'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/networks/{key}/indicators/concentration': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** How concentrated contributions are: Gini, top-10 % share, bus factor, leader share (SPEC §3.4) */
    get: operations['IndicatorsController_concentration'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/networks/{key}/indicators/alignment': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Alignment of contributions with the business objectives' keywords, per objective and keyword, with a series (SPEC §3.6)
     * @description Keywords are matched once per contribution at ingestion (docs/alignment.md); `final: false` while an objective change is being applied to existing activities. For a key that may not see confidential groups (SPEC §4: not admin, not limited to this network), confidential contributions (in a confidential group, or sent without a group in one's thread) are left out entirely, from `contributions` as from every match count, and `group=` naming a confidential group is a 404: a chosen keyword would otherwise reveal their text.
     */
    get: operations['IndicatorsController_alignment'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/networks/{key}/indicators/alignment/drift': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Per group, alignmentRate of the window beside the previous window of the same length; the largest drops first
     * @description Confidential groups have no row for a key that may not see them (SPEC §4): their keyword counts would reveal their text.
     */
    get: operations['IndicatorsController_alignmentDrift'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/networks/{key}/indicators/adoption': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Change adoption of a business objective: mentions, authors, pulled and pushed shares, organic reach, first mention, new and cumulative authors (SPEC §3.9)
     * @description A mention is a contribution of the window, in scope, that matches ≥ 1 keyword of the objective (keywords matched at ingestion, as alignment; `final: false` while an objective is re-matched). Without `objective`, every active objective that applies to the network with its totals; an objective not in force for the network is a 404. For a key that may not see confidential groups (SPEC §4), confidential mentions are left out of every figure and `group=` naming a confidential group is a 404.
     */
    get: operations['IndicatorsController_adoption'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/networks/{key}/comparisons/groups': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One row per group: §3.1 totals, responseRate, medianTimeToFirstResponse, alignmentRate, leaderInactive, rank (SPEC §3.7) */
    get: operations['IndicatorsController_compareGroups'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/networks/{key}/comparisons/leaders': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One row per leader, over the groups they lead, with groupsLed, ownContributions and firstResponses (SPEC §3.7)
     * @description For a key that may not see confidential groups (SPEC §4: not admin, not limited to this network), a leader row covers only the public and private groups the member leads: groupsLed and every figure leave the confidential groups out, and a member who leads only confidential groups has no row.
     */
    get: operations['IndicatorsController_compareLeaders'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/networks/{key}/comparisons/departments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One row per author department (SPEC §3.7) */
    get: operations['IndicatorsController_compareDepartments'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/networks/{key}/indicators/diffusion': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Interactions across departments and the E-I index (SPEC §3.5) */
    get: operations['IndicatorsController_diffusion'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/comparisons/networks': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One row per network this key may read (SPEC §3.7) */
    get: operations['NetworkComparisonsController_compareNetworks'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/metrics': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Every indicator field: formula, unit, better direction and empty-window value (the registry the service validates against) */
    get: operations['MetricsController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/objectives': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List the business objectives this key may read, oldest first */
    get: operations['ObjectivesController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/objectives/{key}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Read a business objective with the progress of its re-matching
     * @description A key limited to networks reads the objectives of every network and those of one of its networks (404 for others), and sees only its own networks in `networks`.
     */
    get: operations['ObjectivesController_get'];
    /**
     * Create or replace a business objective (SPEC §2)
     * @description Keywords are matched against every contribution once, at ingestion. When this call adds keywords or networks, existing activities are re-matched in the background: follow `rematch` on GET; alignment responses say `final: false` meanwhile. Removed keywords and networks lose their matches at once. A key limited to networks: 403 when `networks` is absent or names a network outside its scope, or when the existing objective has such a network; 404 when the key is used by an objective it cannot read (as GET).
     */
    put: operations['ObjectivesController_put'];
    post?: never;
    /**
     * Delete a business objective and its matches
     * @description A key limited to networks: 404 for an objective it cannot read, 403 for one with a network outside its scope.
     */
    delete: operations['ObjectivesController_delete'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/networks/{key}/emerging-topics': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Terms whose use bursts in the window against the 4 previous windows, with their support and samples (SPEC §3.8)
     * @description Terms come from tags (whole) and text words (≥ 3 characters, French and English stop-words removed, Snowball stemming by the text language). score = (mentions − baseline) / √(baseline + 1), baseline = mean mentions of the 4 previous windows; reported when mentions ≥ minMentions, authors ≥ minAuthors and score ≥ minScore. Confidential groups are left out entirely, for every key. Method and decisions: docs/alignment.md.
     */
    get: operations['TopicsController_emerging'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/members/{externalId}/profile': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The declared triptych beside inferred interest centres and observed expertise, with the gaps (SPEC §3.8); audited */
    get: operations['ProfileController_get'];
    /**
     * Declare (replace) a member's triptych: expertise and competences with levels 1–5, interests (SPEC §2)
     * @description Topics are kept as written and compared after SPEC §3.6 normalisation; a topic twice in a facet is a 400. Each change is kept in the history.
     */
    put: operations['ProfileController_put'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/members/{externalId}/profile/history': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Every declared version of the triptych, newest first; audited */
    get: operations['ProfileController_history'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/experts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Members ranked by expertise on a topic: observed evidence beside the declared level (SPEC §3.8); audited
     * @description observedScore = 3 × acceptedAnswers + replies + 0.5 × reactionsReceived + 2 × peopleHelped in threads whose root has the topic as a tag or in its text. A declared level never raises a rank: members with observed evidence (observedScore > 0) first, by observed score; members who only declare the topic after, by declared level; ties by externalId. hiddenExpert: observed score ≥ 5 and nothing declared. Weights: GET /v1/metrics. From the people index (see computedAt).
     */
    get: operations['ExpertsController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/networks/{key}/expertise-coverage': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The topics the network asks about most (question tags), their resolution rate and how many members declared or show expertise on them; audited */
    get: operations['NetworkPeopleController_coverage'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/networks/{key}/animator-candidates': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Members who are no leader, ranked as future animators from the interaction graph over [from, to) (default: the last year), each with its evidence (SPEC §3.8); audited
     * @description score = 0.3 × peopleHelped + 0.15 × departmentsReached + 0.15 × groupsReached + 0.15 × acceptedAnswers + 0.15 × centrality + 0.1 × speed (centrality: PageRank; speed: of first responses), each relative to the best candidate. Without from and to: the people index (the 365 days before computedAt); with from or to (default from: to − 365 days; to: now), computed for that window at request time. Weights: GET /v1/metrics. Method: docs/people.md.
     */
    get: operations['NetworkPeopleController_animators'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/networks/{key}/people-index': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Recompute the people index of the network now (interests, thread topics, expertise evidence, animator signals); answers when done (cno and admin) */
    post: operations['NetworkPeopleController_refresh'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/hr/interest-profiles': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Declared triptych and inferred interests per member, as JSON pages or streamed CSV (SPEC §3.8); audited
     * @description CSV (`format=csv` or `Accept: text/csv`): RFC 4180, UTF-8, one header line; list cells are "topic (level); topic (level)" and inferred interests "term; term". A cell that would start with `=`, `+`, `-`, `@`, a tab or a carriage return is prefixed with a single quote `'` so that spreadsheets show it as text, never run it as a formula (OWASP CSV injection).
     */
    get: operations['HrController_profiles'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/hr/interest-map': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Topics per department or site with k-anonymity: cells and units built on fewer than K_ANONYMITY members are suppressed; audited */
    get: operations['HrController_interestMap'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/members/{externalId}/export': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Everything held about a member (GDPR subject access; admin and hr; audited)
     * @description A key limited to networks may export only members ingested through one of them (404 otherwise) and gets only those networks' parts: networks, memberships, activities, inferred interests, expertise evidence and animator scores. The member record, the declared profile and its history are organisation-wide and shown whole, as the profile route shows them to that key. Confidential content (a confidential group's name; the text, tags and reaction label of a confidential activity, including a reply, reaction or accept sent without a group in a confidential group's thread) is null unless the key is admin or limited to that group's network. `auditEntries` holds only the entries about the member (profile.update, profile.read, profile.history.read, member.export, member.erase), made by any key, without `details` for a key limited to networks.
     */
    get: operations['PrivacyController_export'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/networks/{key}/live': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Live counters and contributions of a network, as Server-Sent Events (SPEC §3.11)
     * @description A `text/event-stream` that stays open. Events:
     *     * `counters` — data [LiveCountersEvent](#/components/schemas/LiveCountersEvent): sent on connect, then within 1 s of each committed ingestion into the network by any instance of the service (announced through the database at commit), and at least every 60 s while its values change with the clock (`lastHour` slides, `today` turns at local midnight). Counters equal to the last ones sent on the stream are not repeated. Computed at most once per 250 ms per network and instance, shared by all its streams: a burst of ingestions gives one event with the figures after the burst.
     *     * `activity` — data [LiveActivityEvent](#/components/schemas/LiveActivityEvent): one per contribution (post, question, reply, share) newly inserted by an ingestion, in the order written; never its text, tags or author, and `group: null` where the key may not see a confidential group. At most 50 per second per stream: beyond, only the counters tell (a bulk load of thousands of records sends the first ones of each burst, not all). Updates and deletions of existing activities move the counters but send no activity event.
     *     * a comment `: heartbeat` every 15 s (LIVE_HEARTBEAT_SECONDS).
     *
     *     Every event has an `id`, increasing along the stream. A client reconnecting with `Last-Event-ID` (EventSource does it by itself) gets a stream whose ids continue after that one and that starts with the current counters; activity events missed while disconnected are not replayed. A `Last-Event-ID` that is not a non-negative integer is ignored (ids start at 1).
     *
     *     Opening a stream is one read of the rate limit and one audit entry (action `live.read`, target the network key). A client that does not read what is sent is disconnected (after 30 s behind, or with 256 KiB waiting) and never slows ingestion or other clients. When the service stops, streams end and EventSource reconnects to another instance. Browsers: EventSource cannot send an Authorization header; read the stream with fetch() and a ReadableStream (or an EventSource implementation that accepts headers).
     */
    get: operations['LiveController_stream'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/networks/{key}/health': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The network's health scorecard and the adjustments to make this week (SPEC §3.10)
     * @description Window: the 28 local days ending with `at` (network time zone; `to` = the next local midnight), compared with the previous window of the same length [previousFrom, from) — the window §3.1 growth compares with.
     *
     *     **Dimensions** (network and each group): activity (growth), participation (participationRate), responsiveness (medianTimeToFirstResponse), unanswered (unansweredQuestions), leadership (leaderInactive groups: 1 or 0 for a group, the number of groups shown for the network), concentration (busFactor), alignment (alignmentRate), diffusion (eiIndex). `value` equals the indicator endpoint's figure for the same window and scope (`group=` for a group; a group's busFactor and eiIndex are those of concentration and diffusion with `group=`). Status: `act` when the value reaches the policy's act threshold, else `watch` when it reaches the watch threshold, else `good` ("reaches": at or below for activity, participation, concentration, alignment, diffusion; at or above for responsiveness, unanswered, leadership). A null value is `good` (nothing to judge), and so is a dimension below its support minimum: activity needs ≥ minContributions contributions in the previous window, concentration ≥ minContributors contributors, alignment an objective in force and ≥ minContributions contributions, diffusion ≥ minInteractions interactions. Thresholds and defaults: GET …/health-policy. The network's `status` is the worst of its own dimensions; each group's, the worst of its dimensions.
     *
     *     **Adjustments** (one per rule that fires; thresholds from the policy):
     *     - `revive-leadership` (high) — a group flagged leaderInactive (§3.7); evidence `leaderInactive, members, contributions` (comparisons/groups); suggestions: the best animator candidates (…/animator-candidates ranking) who are members of the group and do not lead it, else the best of the network who do not lead it.
     *     - `answer-unanswered` (high) — a group, or the questions without a group (`scope.group: null`), with ≥ unansweredMin unanswered questions; evidence `unansweredQuestions` and the oldest (`oldestUnanswered`, `oldestUnansweredAt`) as …/questions/unanswered lists them; suggestions: members of the network with an observed score ≥ 5 (GET /v1/experts) on the questions' most frequent tags.
     *     - `treat-emerging-problem` (high) — an emerging topic of kind problem over the 7 days ending `at` (…/emerging-topics?at=&window=7d); evidence `mentions, authors, questions, baseline, score`; suggestions: observed experts on the term.
     *     - `realign-group` (medium) — alignmentRate fell by ≥ alignmentDrop (rounded rates) with ≥ minContributions contributions in both windows; evidence `alignmentRate, previousAlignmentRate, change, contributions, previousContributions` (indicators/alignment with group=).
     *     - `reduce-dependency` (medium) — ≥ minContributors contributors and busFactor ≤ busFactorMax; evidence `contributors, contributions, busFactor` (indicators/concentration with group=); suggestions as revive-leadership.
     *     - `open-silo` (medium) — a department (indicators/diffusion `departments`) with eiIndex ≤ siloEi over ≥ minInteractions interactions; evidence `interactions, eiIndex`.
     *     - `cover-expertise` (medium) — a question tag asked ≥ unansweredMin times in the window with no declared nor observed expert (…/expertise-coverage over the window, from the people index); evidence `questions, declaredExperts, observedExperts`.
     *     - `declining-activity` (medium) — the network or a group with growth ≤ declineMax and ≥ minContributions contributions in the previous window; evidence `contributions, previousContributions, growth` (indicators/activity).
     *
     *     Order: high priority first; then the larger problem first — the people or contributions concerned: members of the group (revive-leadership), unanswered questions, mentions, contributions of the window (realign-group, reduce-dependency), interactions (open-silo), questions (cover-expertise), contributions lost (declining-activity); then by `id`.
     *
     *     Confidential groups (SPEC §4): for a key that may not see them (not admin, not limited to this network) they have no row in `groups` and no adjustment or suggestion; network-wide figures count them as totals do, except the keyword- and text-derived ones (alignment, emerging topics, question tags of cover-expertise), which leave their contributions out, and `leadership`, which counts the groups shown. Suggestions come from reads that are audited as theirs (experts.read, animator-candidates.read, expertise-coverage.read).
     */
    get: operations['HealthScorecardController_scorecard'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/networks/{key}/health-policy': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The network's effective health policy: the thresholds it set and the defaults elsewhere (SPEC §3.10) */
    get: operations['HealthScorecardController_policy'];
    /**
     * Replace the network's health policy (cno and admin); audited
     * @description Fields left out follow the defaults (`{}` resets every threshold). A value of the wrong type, outside its range, or a dimension whose act threshold is on the good side of its watch threshold is a 400 naming the field (`errors[].path`, e.g. `dimensions.participation.act`). The change is written to the audit log (action `health-policy.update`, target the network key, details the previous and the new thresholds).
     */
    put: operations['HealthScorecardController_putPolicy'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    ActivityBucketView: {
      /**
       * @description post activities with occurredAt in [from, to). Unit: count; better: higher; empty window: 0.
       * @example 12
       */
      posts: number;
      /**
       * @description question activities in the window. Unit: count; better: higher; empty window: 0.
       * @example 7
       */
      questions: number;
      /**
       * @description reply activities in the window. Unit: count; better: higher; empty window: 0.
       * @example 31
       */
      replies: number;
      /**
       * @description reaction activities in the window. Unit: count; better: higher; empty window: 0.
       * @example 54
       */
      reactions: number;
      /**
       * @description share activities in the window. Unit: count; better: higher; empty window: 0.
       * @example 3
       */
      shares: number;
      /**
       * @description accept activities in the window. Unit: count; better: higher; empty window: 0.
       * @example 4
       */
      accepts: number;
      /**
       * @description post, question, reply and share activities in the window. Unit: count; better: higher; empty window: 0.
       * @example 53
       */
      contributions: number;
      /**
       * @description distinct authors of any activity (reactions and accepts included) in the window. Unit: count; better: higher; empty window: 0.
       * @example 25
       */
      activeMembers: number;
      /**
       * @description distinct authors of contributions in the window. Unit: count; better: higher; empty window: 0.
       * @example 18
       */
      contributors: number;
      /**
       * @description Local start of the bucket (midnight, Monday or 1st of month in the network time zone), in UTC
       * @example 2026-03-01T23:00:00.000Z
       */
      start: string;
    };
    ActivityDeletionFields: {
      /**
       * @description Optional on the single-record endpoint
       * @enum {string}
       */
      type?: 'activity';
      /** @example a1 */
      externalId: string;
      /**
       * @description Removes the activity from every indicator (a tombstone keeps a late copy deleted)
       * @enum {boolean}
       */
      deleted: true;
    };
    ActivityDeletionRecord: {
      /** @enum {string} */
      type: 'activity';
      /** @example u17 */
      externalId: string;
      /** @enum {boolean} */
      deleted: true;
    };
    ActivityFields: {
      /**
       * @description Unique within the network
       * @example a1
       */
      externalId: string;
      /**
       * @description `true` removes the activity from every indicator; a deletion carries only type, externalId and deleted
       * @example false
       */
      deleted?: boolean;
      /**
       * @description post/question start a thread; reply, reaction, share and accept need a parent
       * @example question
       * @enum {string}
       */
      kind: 'post' | 'question' | 'reply' | 'reaction' | 'share' | 'accept';
      /**
       * @description Member externalId; an unknown author becomes a placeholder member
       * @example u18
       */
      author: string;
      /**
       * @description Group externalId; omitted for activities outside any group
       * @example g-cloud
       */
      group?: string | null;
      /**
       * @description externalId of the activity this one answers, reacts to, shares or accepts; may arrive later
       * @example a0
       */
      parent?: string | null;
      /**
       * @description ISO 8601 with offset
       * @example 2026-03-02T10:15:00+01:00
       */
      occurredAt: string;
      /** @example Quel quota VPN ? */
      text?: string | null;
      /**
       * @example [
       *       "vpn"
       *     ]
       */
      tags?: string[] | null;
      /**
       * @description Label of a reaction (kind reaction only)
       * @example like
       */
      reaction?: string | null;
    };
    ActivityIndicatorView: {
      /**
       * @description Window start (inclusive), UTC
       * @example 2026-03-01T00:00:00.000Z
       */
      from: string;
      /**
       * @description Window end (exclusive), UTC
       * @example 2026-03-29T00:00:00.000Z
       */
      to: string;
      /** @enum {string} */
      granularity: 'day' | 'week' | 'month';
      /** @example Europe/Paris */
      timezone: string;
      totals: components['schemas']['ActivityTotalsView'];
      series: components['schemas']['ActivityBucketView'][];
    };
    ActivityPage: {
      /**
       * @description Cursor of the next page; null on the last page
       * @example eyJhZnRlciI6IjQyIn0
       */
      nextCursor: string | null;
      items: components['schemas']['IngestedActivityView'][];
    };
    ActivityRecord: {
      /**
       * @description Unique within the network
       * @example a1
       */
      externalId: string;
      /**
       * @description `true` removes the activity from every indicator; a deletion carries only type, externalId and deleted
       * @example false
       */
      deleted?: boolean;
      /**
       * @description post/question start a thread; reply, reaction, share and accept need a parent
       * @example question
       * @enum {string}
       */
      kind: 'post' | 'question' | 'reply' | 'reaction' | 'share' | 'accept';
      /**
       * @description Member externalId; an unknown author becomes a placeholder member
       * @example u18
       */
      author: string;
      /**
       * @description Group externalId; omitted for activities outside any group
       * @example g-cloud
       */
      group?: string | null;
      /**
       * @description externalId of the activity this one answers, reacts to, shares or accepts; may arrive later
       * @example a0
       */
      parent?: string | null;
      /**
       * @description ISO 8601 with offset
       * @example 2026-03-02T10:15:00+01:00
       */
      occurredAt: string;
      /** @example Quel quota VPN ? */
      text?: string | null;
      /**
       * @example [
       *       "vpn"
       *     ]
       */
      tags?: string[] | null;
      /**
       * @description Label of a reaction (kind reaction only)
       * @example like
       */
      reaction?: string | null;
      /** @enum {string} */
      type: 'activity';
    };
    ActivityTotalsView: {
      /**
       * @description post activities with occurredAt in [from, to). Unit: count; better: higher; empty window: 0.
       * @example 12
       */
      posts: number;
      /**
       * @description question activities in the window. Unit: count; better: higher; empty window: 0.
       * @example 7
       */
      questions: number;
      /**
       * @description reply activities in the window. Unit: count; better: higher; empty window: 0.
       * @example 31
       */
      replies: number;
      /**
       * @description reaction activities in the window. Unit: count; better: higher; empty window: 0.
       * @example 54
       */
      reactions: number;
      /**
       * @description share activities in the window. Unit: count; better: higher; empty window: 0.
       * @example 3
       */
      shares: number;
      /**
       * @description accept activities in the window. Unit: count; better: higher; empty window: 0.
       * @example 4
       */
      accepts: number;
      /**
       * @description post, question, reply and share activities in the window. Unit: count; better: higher; empty window: 0.
       * @example 53
       */
      contributions: number;
      /**
       * @description distinct authors of any activity (reactions and accepts included) in the window. Unit: count; better: higher; empty window: 0.
       * @example 25
       */
      activeMembers: number;
      /**
       * @description distinct authors of contributions in the window. Unit: count; better: higher; empty window: 0.
       * @example 18
       */
      contributors: number;
      /**
       * @description members at `to`: network members (joinedAt, or ingestion time when absent, ≤ to) or, with `group`, group members (joinedAt or ingestion time ≤ to, leftAt null or > to). Unit: count; better: higher; empty window: 0.
       * @example 120
       */
      members: number;
      /**
       * @description contributors / members. Unit: rate; better: higher; empty window: null.
       * @example 0.15
       */
      participationRate: number | null;
      /**
       * @description contributions / members. Unit: ratio; better: higher; empty window: null.
       * @example 0.4417
       */
      contributionsPerMember: number | null;
      /**
       * @description (contributions − contributions in [from − (to − from), from)) / the latter; null when the latter is 0. Unit: ratio; better: higher; empty window: null.
       * @example 0.0392
       */
      growth: number | null;
    };
    ActivityWriteResult: {
      /**
       * @example inserted
       * @enum {string}
       */
      outcome: 'inserted' | 'updated' | 'duplicate';
      /** @description null after a deletion, or when this externalId was deleted earlier (deletion is final) */
      activity: components['schemas']['IngestedActivityView'] | null;
    };
    AdjustmentScopeView: {
      /**
       * @description The group; null for the activities without a group (answer-unanswered); absent when the adjustment is not about a group
       * @example g-cloud
       */
      group?: string | null;
      /** @example R&D */
      department?: string;
      /** @example cyber */
      objective?: string;
      /**
       * @description An emerging term (treat-emerging-problem) or a question tag (cover-expertise)
       * @example vpn
       */
      term?: string;
    };
    AdjustmentView: {
      /**
       * @description Stable: `<kind>:network`, `<kind>:group:<group>`, `<kind>:no-group`, `<kind>:department:<d>` or `<kind>:term:<t>`
       * @example revive-leadership:group:g-cloud
       */
      id: string;
      /**
       * @example revive-leadership
       * @enum {string}
       */
      kind:
        | 'revive-leadership'
        | 'answer-unanswered'
        | 'treat-emerging-problem'
        | 'realign-group'
        | 'reduce-dependency'
        | 'open-silo'
        | 'cover-expertise'
        | 'declining-activity';
      /**
       * @example high
       * @enum {string}
       */
      priority: 'high' | 'medium';
      scope: components['schemas']['AdjustmentScopeView'];
      /** @example Revive the leadership of Cloud */
      title: string;
      /** @example No leader of Cloud wrote anything in it during the 28 days to 2026-03-28. It has 40 members and 120 contributions in the window. */
      detail: string;
      /**
       * @description The figures that fired the rule, named as in their indicator endpoint and equal to what it returns for the same window and scope (see the route description)
       * @example {
       *       "leaderInactive": true,
       *       "members": 40,
       *       "contributions": 120
       *     }
       */
      evidence: {
        [key: string]: unknown;
      };
      /** @description Who could act, best first (at most 3); empty for kinds without suggestions */
      suggestions: components['schemas']['SuggestionView'][];
    };
    AdoptionBucketView: {
      /**
       * @description Local start of the bucket, in UTC (as the activity series)
       * @example 2026-03-01T23:00:00.000Z
       */
      start: string;
      /**
       * @description post, question, reply and share activities in the window matching ≥ 1 keyword of the objective. Unit: count; better: higher; empty window: 0.
       * @example 3
       */
      mentions: number;
      /**
       * @description distinct authors of mentions. Unit: count; better: higher; empty window: 0.
       * @example 2
       */
      authors: number;
      /**
       * @description per bucket: authors whose earliest mention in scope, at any time, falls in the bucket (within the window). Unit: count; better: higher; empty window: 0.
       * @example 1
       */
      newAuthors: number;
      /**
       * @description per bucket: distinct authors of mentions from `from` to the bucket's end. Unit: count; better: higher; empty window: 0.
       * @example 9
       */
      cumulativeAuthors: number;
    };
    AdoptionObjectiveView: {
      /**
       * @description post, question, reply and share activities in the window matching ≥ 1 keyword of the objective. Unit: count; better: higher; empty window: 0.
       * @example 42
       */
      mentions: number;
      /**
       * @description distinct authors of mentions. Unit: count; better: higher; empty window: 0.
       * @example 17
       */
      authors: number;
      /**
       * @description distinct known departments of the authors of mentions. Unit: count; better: higher; empty window: 0.
       * @example 5
       */
      departments: number;
      /**
       * @description mentions that are a question, or a reply whose thread root is a question. Unit: count; better: higher; empty window: 0.
       * @example 21
       */
      pulled: number;
      /**
       * @description mentions that are a post or a share written by a leader of the activity's group. Unit: count; better: neutral; empty window: 0.
       * @example 6
       */
      pushed: number;
      /**
       * @description pulled / mentions. Unit: rate; better: higher; empty window: null.
       * @example 0.5
       */
      pullShare: number | null;
      /**
       * @description pushed / mentions. Unit: rate; better: neutral; empty window: null.
       * @example 0.1429
       */
      pushShare: number | null;
      /**
       * @description distinct members other than the mention's author who replied to or reacted on a mention of the window (§3.5 interactions), at any time. Unit: count; better: higher; empty window: 0.
       * @example 33
       */
      organicReach: number;
      /**
       * Format: date-time
       * @description occurredAt of the earliest mention in scope, at any time (before from or after to included); null when there is none. Unit: timestamp; better: neutral; empty window: null.
       * @example 2026-01-12T08:30:00.000Z
       */
      firstMentionAt: string | null;
      /** @example cloud-first */
      key: string;
      /** @example Cloud first */
      name: string;
      /** @description Per bucket of the window (day, week or month in the network time zone): only when `objective` is given */
      series?: components['schemas']['AdoptionBucketView'][];
    };
    AdoptionView: {
      /**
       * @description Window start (inclusive), UTC
       * @example 2026-03-01T00:00:00.000Z
       */
      from: string;
      /**
       * @description Window end (exclusive), UTC
       * @example 2026-03-29T00:00:00.000Z
       */
      to: string;
      /** @enum {string} */
      granularity: 'day' | 'week' | 'month';
      /** @example Europe/Paris */
      timezone: string;
      /** @description With `objective`: that objective alone, with its series. Without: every active objective that applies to the network, by key, with its totals (no series) */
      objectives: components['schemas']['AdoptionObjectiveView'][];
      /**
       * @description false while an objective listed is being re-matched after a change (see `rematching`)
       * @example true
       */
      final: boolean;
      /**
       * @description Keys of the listed objectives whose re-matching is not done yet
       * @example []
       */
      rematching: string[];
    };
    AlignmentBucketView: {
      /**
       * @description Local start of the bucket, in UTC (as the activity series)
       * @example 2026-03-01T23:00:00.000Z
       */
      start: string;
      /**
       * @description post, question, reply and share activities in the window (as the activity indicator). Unit: count; better: higher; empty window: 0.
       * @example 5
       */
      contributions: number;
      /**
       * @description contributions matching ≥ 1 keyword of ≥ 1 active objective that applies to the network (the keyword's tokens occur contiguously in the text or in one tag). Unit: count; better: higher; empty window: 0.
       * @example 2
       */
      alignedContributions: number;
      /**
       * @description alignedContributions / contributions. Unit: rate; better: higher; empty window: null.
       * @example 0.4
       */
      alignmentRate: number | null;
    };
    AlignmentDriftPage: {
      /**
       * @description Cursor of the next page; null on the last page
       * @example eyJhZnRlciI6IjQyIn0
       */
      nextCursor: string | null;
      /** @example 2026-03-01T00:00:00.000Z */
      from: string;
      /** @example 2026-03-29T00:00:00.000Z */
      to: string;
      /**
       * @description Start of the previous window: from − (to − from)
       * @example 2026-02-01T00:00:00.000Z
       */
      previousFrom: string;
      /**
       * @description false while an objective of the network is being re-matched
       * @example true
       */
      final: boolean;
      /** @example [] */
      rematching: string[];
      /** @description Groups by change, largest drop first; nulls last; ties by group */
      items: components['schemas']['AlignmentDriftRowView'][];
    };
    AlignmentDriftRowView: {
      /** @example g-cloud */
      group: string;
      /**
       * @description null for a confidential group the key may not see
       * @example Cloud
       */
      name: string | null;
      /**
       * @example public
       * @enum {string|null}
       */
      visibility: 'public' | 'private' | 'confidential' | null;
      /**
       * @description post, question, reply and share activities in the window (as the activity indicator). Unit: count; better: higher; empty window: 0.
       * @example 20
       */
      contributions: number;
      /**
       * @description contributions matching ≥ 1 keyword of ≥ 1 active objective that applies to the network (the keyword's tokens occur contiguously in the text or in one tag). Unit: count; better: higher; empty window: 0.
       * @example 4
       */
      alignedContributions: number;
      /**
       * @description alignedContributions / contributions. Unit: rate; better: higher; empty window: null.
       * @example 0.2
       */
      alignmentRate: number | null;
      /**
       * @description contributions of the previous window
       * @example 25
       */
      previousContributions: number;
      /**
       * @description alignedContributions of the previous window
       * @example 10
       */
      previousAlignedContributions: number;
      /**
       * @description alignmentRate of the previous window
       * @example 0.4
       */
      previousAlignmentRate: number | null;
      /**
       * @description drift: alignmentRate − alignmentRate of [from − (to − from), from); null when either is null. Unit: ratio; better: higher; empty window: null.
       * @example -0.2
       */
      change: number | null;
    };
    AlignmentKeywordView: {
      /**
       * @description The keyword as written in the objective
       * @example mot de passe
       */
      term: string;
      /** @example 1 */
      weight: number;
      /**
       * @description per objective: contributions matching ≥ 1 of its keywords; per keyword: contributions matching it. Unit: count; better: higher; empty window: 0.
       * @example 4
       */
      matches: number;
    };
    AlignmentObjectiveView: {
      /** @example cyber */
      key: string;
      /** @example Cybersecurity */
      name: string;
      /**
       * @description per objective: contributions matching ≥ 1 of its keywords; per keyword: contributions matching it. Unit: count; better: higher; empty window: 0.
       * @example 6
       */
      matches: number;
      /**
       * @description objective matches / contributions. Unit: rate; better: higher; empty window: null.
       * @example 0.1132
       */
      share: number | null;
      /**
       * @description Σ over the objective's keywords of weight × keyword matches (the service's own). Unit: ratio; better: higher; empty window: 0.
       * @example 10
       */
      weightedMatches: number;
      /** @description In the order the objective declares them */
      keywords: components['schemas']['AlignmentKeywordView'][];
    };
    AlignmentView: {
      /**
       * @description Window start (inclusive), UTC
       * @example 2026-03-01T00:00:00.000Z
       */
      from: string;
      /**
       * @description Window end (exclusive), UTC
       * @example 2026-03-29T00:00:00.000Z
       */
      to: string;
      /** @enum {string} */
      granularity: 'day' | 'week' | 'month';
      /** @example Europe/Paris */
      timezone: string;
      /**
       * @description post, question, reply and share activities in the window (as the activity indicator). Unit: count; better: higher; empty window: 0.
       * @example 53
       */
      contributions: number;
      /**
       * @description contributions matching ≥ 1 keyword of ≥ 1 active objective that applies to the network (the keyword's tokens occur contiguously in the text or in one tag). Unit: count; better: higher; empty window: 0.
       * @example 9
       */
      alignedContributions: number;
      /**
       * @description alignedContributions / contributions. Unit: rate; better: higher; empty window: null.
       * @example 0.1698
       */
      alignmentRate: number | null;
      /** @description Every active objective that applies to the network, by key; inactive ones and those of other networks are not listed */
      objectives: components['schemas']['AlignmentObjectiveView'][];
      series: components['schemas']['AlignmentBucketView'][];
      /**
       * @description false while existing activities are being re-matched after an objective change (see `rematching`)
       * @example true
       */
      final: boolean;
      /**
       * @description Keys of the objectives whose re-matching is not done yet
       * @example []
       */
      rematching: string[];
    };
    AnimatorCandidatePage: {
      /**
       * @description Cursor of the next page; null on the last page
       * @example eyJhZnRlciI6IjQyIn0
       */
      nextCursor: string | null;
      /**
       * @description When the people index was computed. Without from and to the ranking is the index's: the 365 days before computedAt (which follows ingestion within the documented delay); with from or to it is computed for that window at request time
       * @example 2026-11-23T10:05:00.000Z
       */
      computedAt: string | null;
      /**
       * @description Start of the window the signals cover (inclusive); null when the index was never computed and no window was asked
       * @example 2025-11-23T10:05:00.000Z
       */
      from: string | null;
      /**
       * @description End of the window (exclusive); null likewise
       * @example 2026-11-23T10:05:00.000Z
       */
      to: string | null;
      items: components['schemas']['AnimatorCandidateView'][];
    };
    AnimatorCandidateView: {
      /** @example 1 */
      rank: number;
      /** @example u42 */
      member: string;
      /** @example Léa Martin */
      displayName: string | null;
      /** @example Sales */
      department: string | null;
      /**
       * @description 0.3 × peopleHelped + 0.15 × departmentsReached + 0.15 × groupsReached + 0.15 × acceptedAnswers + 0.15 × centrality + 0.1 × speed, each relative to the best candidate (docs/people.md)
       * @example 0.8125
       */
      score: number;
      evidence: components['schemas']['AnimatorEvidenceView'];
    };
    AnimatorEvidenceView: {
      /**
       * @description Distinct people they replied to
       * @example 14
       */
      peopleHelped: number;
      /**
       * @description Distinct known departments of those people
       * @example 4
       */
      departmentsReached: number;
      /**
       * @description Groups where they replied
       * @example 3
       */
      groupsReached: number;
      /**
       * @description Their replies accepted as the answer of a question
       * @example 5
       */
      acceptedAnswers: number;
      /**
       * @description Median seconds from a post or question to their reply, where theirs was the first response
       * @example 1800
       */
      medianTimeToFirstResponse: number | null;
      /**
       * @description PageRank on the interaction graph with edges from the person answered to the person answering
       * @example 0.0123
       */
      centrality: number;
    };
    ApiKeyPage: {
      /**
       * @description Cursor of the next page; null on the last page
       * @example eyJhZnRlciI6IjQyIn0
       */
      nextCursor: string | null;
      items: components['schemas']['ApiKeyView'][];
    };
    ApiKeyView: {
      /**
       * Format: uuid
       * @example 0b6f3c1e-0f5e-4a53-9a0c-0f1d2e3c4b5a
       */
      id: string;
      /** @example HRIS nightly sync */
      name: string;
      /**
       * @example integrator
       * @enum {string}
       */
      role: 'admin' | 'integrator' | 'cno' | 'hr';
      /**
       * @description null: every network
       * @example [
       *       "rse-france"
       *     ]
       */
      networks: string[] | null;
      /**
       * @description First characters of the secret
       * @example cno_Xk3f9Qa2
       */
      keyPrefix: string;
      /** @example 2026-11-23T10:00:00.000Z */
      createdAt: string;
      /** @example null */
      revokedAt: string | null;
    };
    AuditEntryView: {
      /** @example 1842 */
      id: string;
      /** @example 2026-11-23T10:00:00.000Z */
      occurredAt: string;
      /** @example 0b6f3c1e-0f5e-4a53-9a0c-0f1d2e3c4b5a */
      actor: string;
      /** @example member.erase */
      action: string;
      /** @example u17 */
      target: string | null;
      /**
       * @description What the action did or read; `clientRequestId`: the X-Request-Id the caller sent, if any
       * @example {
       *       "activityTexts": 42
       *     }
       */
      details: {
        [key: string]: unknown;
      } | null;
      /**
       * @description The service's own id of the request (as answered in X-Request-Id and logged), never the caller's
       * @example c0a8012e-6b1f-4e0e-9d7a-2f5c3b1a9e77
       */
      requestId: string | null;
    };
    AuditPage: {
      /**
       * @description Cursor of the next page; null on the last page
       * @example eyJhZnRlciI6IjQyIn0
       */
      nextCursor: string | null;
      /** @description Newest first */
      items: components['schemas']['AuditEntryView'][];
    };
    ComparisonPageView: {
      /**
       * @description Cursor of the next page; null on the last page
       * @example eyJhZnRlciI6IjQyIn0
       */
      nextCursor: string | null;
      /** @example 2026-03-01T00:00:00.000Z */
      from: string;
      /** @example 2026-03-29T00:00:00.000Z */
      to: string;
      /**
       * @description false while an objective in force is being re-matched: alignment figures are not final yet (see GET /v1/objectives/{key})
       * @example true
       */
      alignmentFinal: boolean;
      /** @example contributions */
      sort: string;
      /** @enum {string} */
      order: 'asc' | 'desc';
      /**
       * @description One row per entity: its identity (group + name + visibility + leaderInactive; member + displayName + department + groupsLed + ownContributions + firstResponses; department; network + name), the SPEC §3.1 totals of its scope (posts … growth), responseRate, medianTimeToFirstResponse, alignedContributions and alignmentRate (SPEC §3.6 over the scope), and rank (competition ranking on the sort field; null for null values). Confidential group names are null for keys not allowed to see them.
       * @example [
       *       {
       *         "group": "g-cloud",
       *         "name": "Cloud",
       *         "visibility": "public",
       *         "posts": 4,
       *         "contributions": 21,
       *         "members": 30,
       *         "participationRate": 0.3,
       *         "responseRate": 0.75,
       *         "medianTimeToFirstResponse": 1800,
       *         "alignedContributions": 7,
       *         "alignmentRate": 0.3333,
       *         "leaderInactive": false,
       *         "rank": 1
       *       }
       *     ]
       */
      items: {
        [key: string]: unknown;
      }[];
    };
    ConcentrationView: {
      /**
       * @description Window start (inclusive), UTC
       * @example 2026-03-01T00:00:00.000Z
       */
      from: string;
      /**
       * @description Window end (exclusive), UTC
       * @example 2026-03-29T00:00:00.000Z
       */
      to: string;
      /**
       * @description distinct authors of contributions in the window (n). Unit: count; better: higher; empty window: 0.
       * @example 18
       */
      contributors: number;
      /**
       * @description post, question, reply and share activities in the window. Unit: count; better: higher; empty window: 0.
       * @example 53
       */
      contributions: number;
      /**
       * @description Σᵢ Σⱼ |cᵢ − cⱼ| / (2 n² · mean) over contributors' counts; 0 when n ≤ 1. Unit: index; better: lower; empty window: 0.
       * @example 0.4123
       */
      gini: number;
      /**
       * @description share of contributions by the top ⌈0.1 n⌉ contributors. Unit: rate; better: lower; empty window: null.
       * @example 0.3019
       */
      top10PercentShare: number | null;
      /**
       * @description smallest k whose top-k contributors account for ≥ 50 % of contributions. Unit: count; better: higher; empty window: 0.
       * @example 4
       */
      busFactor: number;
      /**
       * @description share of contributions written by leaders of the group where they were made. Unit: rate; better: neutral; empty window: null.
       * @example 0.2264
       */
      leaderShare: number | null;
    };
    CoveragePage: {
      /**
       * @description Cursor of the next page; null on the last page
       * @example eyJhZnRlciI6IjQyIn0
       */
      nextCursor: string | null;
      /** @example 2025-11-01T00:00:00.000Z */
      from: string;
      /** @example 2026-11-01T00:00:00.000Z */
      to: string;
      /** @example 2026-11-23T10:05:00.000Z */
      computedAt: string | null;
      /** @description Most asked first */
      items: components['schemas']['CoverageView'][];
    };
    CoverageView: {
      /**
       * @description The question tag as most often written
       * @example VPN
       */
      topic: string;
      /**
       * @description SPEC §3.6 key of the topic
       * @example vpn
       */
      topicKey: string;
      /** @example 42 */
      questions: number;
      /**
       * @description Questions with an accepted reply
       * @example 30
       */
      resolvedQuestions: number;
      /** @example 0.7143 */
      resolvedRate: number | null;
      /**
       * @description Members of the network who declared expertise or a competence on the topic
       * @example 2
       */
      declaredExperts: number;
      /**
       * @description Members whose observed score on the topic in this network is ≥ 5
       * @example 3
       */
      observedExperts: number;
      /**
       * @description No declared nor observed expert: where the CNO should allocate resources
       * @example false
       */
      noExpert: boolean;
    };
    CreateApiKeyDto: {
      /** @example HRIS nightly sync */
      name: string;
      /**
       * @description admin: everything; integrator: ingestion and reads of what it ingested; cno: indicators, comparisons, health; hr: profiles and /v1/hr/*
       * @example integrator
       * @enum {string}
       */
      role: 'admin' | 'integrator' | 'cno' | 'hr';
      /**
       * @description Limit the key to these network keys, which must exist (400 naming the unknown ones); omit for every network. A key limited to a network also sees its confidential groups. Not allowed for admin keys.
       * @example [
       *       "rse-france"
       *     ]
       */
      networks?: string[];
    };
    CreateNetworkDto: {
      /**
       * @description Stable key used in URLs
       * @example rse-france
       */
      key: string;
      /** @example RSE France */
      name: string;
      /**
       * @description IANA time zone used for day/week/month buckets
       * @default UTC
       * @example Europe/Paris
       */
      timezone?: string;
    };
    CreatedApiKeyView: {
      /**
       * Format: uuid
       * @example 0b6f3c1e-0f5e-4a53-9a0c-0f1d2e3c4b5a
       */
      id: string;
      /** @example HRIS nightly sync */
      name: string;
      /**
       * @example integrator
       * @enum {string}
       */
      role: 'admin' | 'integrator' | 'cno' | 'hr';
      /**
       * @description null: every network
       * @example [
       *       "rse-france"
       *     ]
       */
      networks: string[] | null;
      /**
       * @description First characters of the secret
       * @example cno_Xk3f9Qa2
       */
      keyPrefix: string;
      /** @example 2026-11-23T10:00:00.000Z */
      createdAt: string;
      /** @example null */
      revokedAt: string | null;
      /**
       * @description The secret, shown once: only its hash is stored
       * @example cno_Xk3f9Qa2Vb7mN1pLr8sT4uW6yZ0cE5gH9jK2lM3nO4q
       */
      secret: string;
    };
    DeclaredProfileView: {
      expertise: components['schemas']['LeveledTopicDto'][];
      competences: components['schemas']['LeveledTopicDto'][];
      interests: components['schemas']['InterestTopicDto'][];
      /**
       * @description Number of changes so far (0: never declared)
       * @example 3
       */
      version: number;
      /** @example 2026-11-23T10:00:00.000Z */
      updatedAt: string | null;
    };
    DiffusionDepartmentView: {
      /** @example R&D */
      department: string;
      /**
       * @description Interactions whose author is in this department
       * @example 21
       */
      interactions: number;
      /**
       * @description (E − I) / (E + I) over those interactions
       * @example -0.1429
       */
      eiIndex: number | null;
    };
    DiffusionView: {
      /**
       * @description Window start (inclusive), UTC
       * @example 2026-03-01T00:00:00.000Z
       */
      from: string;
      /**
       * @description Window end (exclusive), UTC
       * @example 2026-03-29T00:00:00.000Z
       */
      to: string;
      /**
       * @description replies and reactions in the window to a known activity by someone else, both departments known. Unit: count; better: higher; empty window: 0.
       * @example 40
       */
      interactions: number;
      /**
       * @description interactions whose author and parent author are in different departments (E). Unit: count; better: higher; empty window: 0.
       * @example 17
       */
      crossDepartmentInteractions: number;
      /**
       * @description crossDepartmentInteractions / interactions. Unit: rate; better: higher; empty window: null.
       * @example 0.425
       */
      crossDepartmentRate: number | null;
      /**
       * @description (E − I) / (E + I), Krackhardt; I = same-department interactions. Unit: index; better: higher; empty window: null.
       * @example -0.15
       */
      eiIndex: number | null;
      /** @description By author department, sorted by department name */
      departments: components['schemas']['DiffusionDepartmentView'][];
    };
    DimensionPolicyDto: {
      /** @description growth: growth of contributions over the previous window (§3.1); judged only when the previous window had ≥ minContributions contributions. Status `watch` when the value is at or below `watch`, `act` when at or below `act` (so act ≤ watch). Thresholds numbers in [-1, 100]. Default watch -0.1, act -0.3. */
      activity?: components['schemas']['ThresholdsDto'];
      /** @description participationRate: contributors / members (§3.1). Status `watch` when the value is at or below `watch`, `act` when at or below `act` (so act ≤ watch). Thresholds numbers in [0, 1]. Default watch 0.1, act 0.05. */
      participation?: components['schemas']['ThresholdsDto'];
      /** @description medianTimeToFirstResponse: median seconds from a post or question to its first response (§3.3). Status `watch` when the value is at or above `watch`, `act` when at or above `act` (so act ≥ watch). Thresholds numbers in [0, 31536000]. Default watch 86400, act 259200. */
      responsiveness?: components['schemas']['ThresholdsDto'];
      /** @description unansweredQuestions: questions of the window without a response after 48 h (§3.3). Status `watch` when the value is at or above `watch`, `act` when at or above `act` (so act ≥ watch). Thresholds whole numbers in [1, 1000000]. Default watch 1, act 3. */
      unanswered?: components['schemas']['ThresholdsDto'];
      /** @description leaderInactive: groups flagged leaderInactive (§3.7): for a group 1 or 0, for the network the number of its groups shown. Status `watch` when the value is at or above `watch`, `act` when at or above `act` (so act ≥ watch). Thresholds whole numbers in [1, 1000000]. Default watch 1, act 1. */
      leadership?: components['schemas']['ThresholdsDto'];
      /** @description busFactor: the fewest contributors holding half of the contributions (§3.4); judged only over ≥ minContributors contributors. Status `watch` when the value is at or below `watch`, `act` when at or below `act` (so act ≤ watch). Thresholds whole numbers in [1, 1000000]. Default watch 2, act 1. */
      concentration?: components['schemas']['ThresholdsDto'];
      /** @description alignmentRate: share of contributions matching an objective (§3.6); judged only when an objective is in force and over ≥ minContributions contributions. Status `watch` when the value is at or below `watch`, `act` when at or below `act` (so act ≤ watch). Thresholds numbers in [0, 1]. Default watch 0.1, act 0.05. */
      alignment?: components['schemas']['ThresholdsDto'];
      /** @description eiIndex: E-I index of interactions across departments (§3.5); judged only over ≥ minInteractions interactions. Status `watch` when the value is at or below `watch`, `act` when at or below `act` (so act ≤ watch). Thresholds numbers in [-1, 1]. Default watch -0.3, act -0.5. */
      diffusion?: components['schemas']['ThresholdsDto'];
    };
    DimensionPolicyView: {
      /** @description growth: growth of contributions over the previous window (§3.1); judged only when the previous window had ≥ minContributions contributions. Status `watch` when the value is at or below `watch`, `act` when at or below `act` (so act ≤ watch). Thresholds numbers in [-1, 100]. Default watch -0.1, act -0.3. */
      activity: components['schemas']['ThresholdsView'];
      /** @description participationRate: contributors / members (§3.1). Status `watch` when the value is at or below `watch`, `act` when at or below `act` (so act ≤ watch). Thresholds numbers in [0, 1]. Default watch 0.1, act 0.05. */
      participation: components['schemas']['ThresholdsView'];
      /** @description medianTimeToFirstResponse: median seconds from a post or question to its first response (§3.3). Status `watch` when the value is at or above `watch`, `act` when at or above `act` (so act ≥ watch). Thresholds numbers in [0, 31536000]. Default watch 86400, act 259200. */
      responsiveness: components['schemas']['ThresholdsView'];
      /** @description unansweredQuestions: questions of the window without a response after 48 h (§3.3). Status `watch` when the value is at or above `watch`, `act` when at or above `act` (so act ≥ watch). Thresholds whole numbers in [1, 1000000]. Default watch 1, act 3. */
      unanswered: components['schemas']['ThresholdsView'];
      /** @description leaderInactive: groups flagged leaderInactive (§3.7): for a group 1 or 0, for the network the number of its groups shown. Status `watch` when the value is at or above `watch`, `act` when at or above `act` (so act ≥ watch). Thresholds whole numbers in [1, 1000000]. Default watch 1, act 1. */
      leadership: components['schemas']['ThresholdsView'];
      /** @description busFactor: the fewest contributors holding half of the contributions (§3.4); judged only over ≥ minContributors contributors. Status `watch` when the value is at or below `watch`, `act` when at or below `act` (so act ≤ watch). Thresholds whole numbers in [1, 1000000]. Default watch 2, act 1. */
      concentration: components['schemas']['ThresholdsView'];
      /** @description alignmentRate: share of contributions matching an objective (§3.6); judged only when an objective is in force and over ≥ minContributions contributions. Status `watch` when the value is at or below `watch`, `act` when at or below `act` (so act ≤ watch). Thresholds numbers in [0, 1]. Default watch 0.1, act 0.05. */
      alignment: components['schemas']['ThresholdsView'];
      /** @description eiIndex: E-I index of interactions across departments (§3.5); judged only over ≥ minInteractions interactions. Status `watch` when the value is at or below `watch`, `act` when at or below `act` (so act ≤ watch). Thresholds numbers in [-1, 1]. Default watch -0.3, act -0.5. */
      diffusion: components['schemas']['ThresholdsView'];
    };
    DimensionView: {
      /**
       * @example participation
       * @enum {string}
       */
      key: 'activity' | 'participation' | 'responsiveness' | 'unanswered' | 'leadership' | 'concentration' | 'alignment' | 'diffusion';
      /**
       * @example watch
       * @enum {string}
       */
      status: 'good' | 'watch' | 'act';
      /**
       * @description The indicator named in `metric` over the window; null where it is (no data)
       * @example 0.08
       */
      value: number | null;
      /**
       * @description The same over the previous window
       * @example 0.12
       */
      previous: number | null;
      /**
       * @description The policy's act threshold when the status is `act`, else its watch threshold (the line the value must not reach)
       * @example 0.1
       */
      threshold: number;
      /**
       * @description The indicator field the value is (GET /v1/metrics)
       * @example participationRate
       */
      metric: string;
    };
    EmergingTopicView: {
      /**
       * @description The most frequent written form (lowercased) among the window's mentions; ties: the first in code-point order
       * @example vpn
       */
      term: string;
      /**
       * @description Activities of the window holding the term (once per activity, in the text or a tag)
       * @example 8
       */
      mentions: number;
      /**
       * @description Distinct authors of those activities
       * @example 5
       */
      authors: number;
      /**
       * @description How many of those activities are questions
       * @example 6
       */
      questions: number;
      /**
       * @description How many of those activities belong to question threads: questions, and replies and shares whose thread root is a question
       * @example 7
       */
      questionThreadMentions: number;
      /**
       * @description Mean of the mentions in the 4 previous windows
       * @example 0.5
       */
      baseline: number;
      /**
       * @description (mentions − baseline) / √(baseline + 1), 4 decimals
       * @example 6.532
       */
      score: number;
      /**
       * @description problem when more than half of the mentions belong to question threads (questionThreadMentions × 2 > mentions), else topic
       * @example problem
       * @enum {string}
       */
      kind: 'problem' | 'topic';
      /**
       * @description Up to 5 activity externalIds of the window, the most recent first
       * @example [
       *       "a981",
       *       "a977",
       *       "a960"
       *     ]
       */
      samples: string[];
    };
    EmergingTopicsPage: {
      /**
       * @description Cursor of the next page; null on the last page
       * @example eyJhZnRlciI6IjQyIn0
       */
      nextCursor: string | null;
      /** @example 2026-03-29 */
      at: string;
      /** @example 7d */
      window: string;
      /** @example Europe/Paris */
      timezone: string;
      /**
       * @description Window start (inclusive), UTC
       * @example 2026-03-22T23:00:00.000Z
       */
      from: string;
      /**
       * @description Window end (exclusive), UTC
       * @example 2026-03-29T22:00:00.000Z
       */
      to: string;
      /** @description By score, then mentions, descending, then term */
      items: components['schemas']['EmergingTopicView'][];
    };
    EngagementView: {
      /** @example 2026-03-15 */
      at: string;
      /** @example Europe/Paris */
      timezone: string;
      /**
       * @description distinct active members on day `at` (network time zone). Unit: count; better: higher; empty window: 0.
       * @example 14
       */
      dau: number;
      /**
       * @description distinct active members over the 7 days ending `at`. Unit: count; better: higher; empty window: 0.
       * @example 40
       */
      wau: number;
      /**
       * @description distinct active members over the 28 days ending `at`. Unit: count; better: higher; empty window: 0.
       * @example 66
       */
      mau: number;
      /**
       * @description mean daily dau over the 28 days ending `at` / mau. Unit: rate; better: higher; empty window: null.
       * @example 0.2121
       */
      stickiness: number | null;
      /**
       * @description members active on ≥ 10 distinct days of the 28 days ending `at`. Unit: count; better: higher; empty window: 0.
       * @example 9
       */
      engagedMembers: number;
    };
    ErasedCountsView: {
      /**
       * @description Activities whose text, tags or reaction label were erased
       * @example 42
       */
      activityTexts: number;
      /** @example 3 */
      profileVersions: number;
      /** @example 5 */
      profileTopics: number;
      /** @example 1 */
      profiles: number;
      /** @example 10 */
      inferredInterests: number;
      /** @example 4 */
      expertiseEvidence: number;
      /** @example 1 */
      animatorScores: number;
      /**
       * @description Terms of their contributions indexed for emerging topics
       * @example 120
       */
      activityTerms: number;
    };
    ErasureReport: {
      /** @example u17 */
      member: string;
      /** @description What was erased; the member row and the activity rows stay (pseudonymous) so every indicator keeps its value */
      erased: components['schemas']['ErasedCountsView'];
    };
    EvidenceView: {
      /**
       * @description Accepted answers in threads on the topic
       * @example 3
       */
      acceptedAnswers: number;
      /**
       * @description Replies in other people's threads on the topic
       * @example 9
       */
      replies: number;
      /**
       * @description Reactions by others to those replies
       * @example 12
       */
      reactionsReceived: number;
      /**
       * @description Distinct authors of those threads (people helped)
       * @example 6
       */
      peopleHelped: number;
      /**
       * @description Observed score: 3 × acceptedAnswers + replies + 0.5 × reactionsReceived + 2 × peopleHelped
       * @example 36
       */
      score: number;
    };
    ExpertPage: {
      /**
       * @description Cursor of the next page; null on the last page
       * @example eyJhZnRlciI6IjQyIn0
       */
      nextCursor: string | null;
      /**
       * @description The topic as asked (trimmed); members are matched on its SPEC §3.6 normalised key
       * @example kubernetes
       */
      topic: string;
      /**
       * @description Oldest computation time of the people index among the networks read (null: a network was never indexed)
       * @example 2026-11-23T10:05:00.000Z
       */
      computedAt: string | null;
      items: components['schemas']['ExpertView'][];
    };
    ExpertView: {
      /** @example 1 */
      rank: number;
      /** @example u17 */
      member: string;
      /** @example Ana Ruiz */
      displayName: string | null;
      /** @example R&D */
      department: string | null;
      /**
       * @description observed: the member has observed evidence (observed score > 0) and is ranked among those by observed score; declared: the member only declares the topic and comes after every observed one, by declared level (a declared level never raises a rank)
       * @example observed
       * @enum {string}
       */
      rankedBy: 'observed' | 'declared';
      /**
       * @description The observed score the member is ranked by (= observed.score; 0 for a member who only declares the topic)
       * @example 22
       */
      score: number;
      /**
       * @description Declared level 1–5 on the topic (the higher of expertise and competence), null if not declared
       * @example 4
       */
      declaredLevel: number | null;
      /**
       * @example expertise
       * @enum {string|null}
       */
      declaredAs: 'expertise' | 'competence' | null;
      observed: components['schemas']['EvidenceView'];
      /**
       * @description Observed score ≥ 5 without a declaration: a hidden expert
       * @example false
       */
      hiddenExpert: boolean;
    };
    GroupFields: {
      /** @example Cloud */
      name: string;
      /**
       * @example public
       * @enum {string}
       */
      visibility: 'public' | 'private' | 'confidential';
      /** @example 2024-01-10T08:00:00Z */
      createdAt?: string | null;
      /**
       * @description Member externalIds of the group's leaders (the full list: members left out stop being declared leaders)
       * @example [
       *       "u17"
       *     ]
       */
      leaders?: string[];
    };
    GroupHealthView: {
      /** @example g-cloud */
      group: string;
      /** @example Cloud */
      name: string | null;
      /**
       * @example public
       * @enum {string|null}
       */
      visibility: 'public' | 'private' | 'confidential' | null;
      /**
       * @description The worst status of its dimensions
       * @example act
       * @enum {string}
       */
      status: 'good' | 'watch' | 'act';
      dimensions: components['schemas']['DimensionView'][];
    };
    GroupPage: {
      /**
       * @description Cursor of the next page; null on the last page
       * @example eyJhZnRlciI6IjQyIn0
       */
      nextCursor: string | null;
      items: components['schemas']['GroupView'][];
    };
    GroupRecord: {
      /** @example Cloud */
      name: string;
      /**
       * @example public
       * @enum {string}
       */
      visibility: 'public' | 'private' | 'confidential';
      /** @example 2024-01-10T08:00:00Z */
      createdAt?: string | null;
      /**
       * @description Member externalIds of the group's leaders (the full list: members left out stop being declared leaders)
       * @example [
       *       "u17"
       *     ]
       */
      leaders?: string[];
      /** @enum {string} */
      type: 'group';
      /** @example g-cloud */
      externalId: string;
    };
    GroupView: {
      /** @example g-cloud */
      externalId: string;
      /**
       * @description null for placeholders and, for keys not allowed to see them, confidential groups
       * @example Cloud
       */
      name: string | null;
      /**
       * @description null while the group is a placeholder (treated as confidential)
       * @enum {string|null}
       */
      visibility: 'public' | 'private' | 'confidential' | null;
      /** @example 2024-01-10T08:00:00.000Z */
      createdAt: string | null;
      /**
       * @description Effective leaders (group record or membership role); hidden for confidential groups
       * @example [
       *       "u17"
       *     ]
       */
      leaders: string[];
      /** @example false */
      placeholder: boolean;
    };
    GroupWriteResult: {
      /**
       * @example inserted
       * @enum {string}
       */
      outcome: 'inserted' | 'updated' | 'duplicate';
      group: components['schemas']['GroupView'];
    };
    HealthPolicyView: {
      /** @example rse-france */
      network: string;
      /**
       * @description When the policy was last PUT; null: never (every threshold is the default)
       * @example 2026-03-28T09:00:00.000Z
       */
      updatedAt: string | null;
      /**
       * @description answer-unanswered and cover-expertise fire from this many questions. A whole number in [1, 1000000]; default 3.
       * @example 3
       */
      unansweredMin: number;
      /**
       * @description realign-group fires when alignmentRate fell by at least this much (absolute). A number in [0.0001, 1]; default 0.15.
       * @example 0.15
       */
      alignmentDrop: number;
      /**
       * @description realign-group and declining-activity need this many contributions. A whole number in [1, 1000000]; default 20.
       * @example 20
       */
      minContributions: number;
      /**
       * @description reduce-dependency needs this many contributors. A whole number in [1, 1000000]; default 5.
       * @example 5
       */
      minContributors: number;
      /**
       * @description reduce-dependency fires when busFactor is at most this. A whole number in [1, 1000000]; default 1.
       * @example 1
       */
      busFactorMax: number;
      /**
       * @description open-silo fires when a department’s eiIndex is at most this. A number in [-1, 1]; default -0.5.
       * @example -0.5
       */
      siloEi: number;
      /**
       * @description open-silo needs this many interactions. A whole number in [1, 1000000]; default 20.
       * @example 20
       */
      minInteractions: number;
      /**
       * @description declining-activity fires when growth is at most this. A number in [-1, 0]; default -0.3.
       * @example -0.3
       */
      declineMax: number;
      dimensions: components['schemas']['DimensionPolicyView'];
    };
    HealthScorecardView: {
      /** @example rse-france */
      network: string;
      /**
       * @description The last day of the window (network time zone)
       * @example 2026-03-28
       */
      at: string;
      /** @example Europe/Paris */
      timezone: string;
      /**
       * @description Local midnight starting the 28 days ending `at`
       * @example 2026-02-28T23:00:00.000Z
       */
      from: string;
      /**
       * @description The local midnight after `at` (exclusive)
       * @example 2026-03-28T23:00:00.000Z
       */
      to: string;
      /**
       * @description Start of the previous window [previousFrom, from), of the same length (as §3.1 growth)
       * @example 2026-01-31T23:00:00.000Z
       */
      previousFrom: string;
      /**
       * @description The worst status of the network's own dimensions
       * @example watch
       * @enum {string}
       */
      status: 'good' | 'watch' | 'act';
      /** @description The eight dimensions for the whole network, in SPEC order */
      dimensions: components['schemas']['DimensionView'][];
      /** @description Each group the key may see, worst status first, then by externalId */
      groups: components['schemas']['GroupHealthView'][];
      /** @description Each rule that fires: high priority first, then the largest problem first, then by id */
      adjustments: components['schemas']['AdjustmentView'][];
      /**
       * @description false while an objective in force is being re-matched (alignment figures not final yet)
       * @example true
       */
      alignmentFinal: boolean;
    };
    InferredInterestView: {
      /**
       * @description The most frequent written form of the term in the member's contributions
       * @example kubernetes
       */
      term: string;
      /**
       * @description TF-IDF: Σ over the member's contributions holding the term of (2 in a tag, 1 in the text only) × ln(N / df), N = contributions of the network, df = those holding the term
       * @example 4.1589
       */
      weight: number;
      /**
       * @description Up to 5 supporting activity externalIds, most recent first
       * @example [
       *       "a17",
       *       "a52"
       *     ]
       */
      activities: string[];
    };
    InferredTermView: {
      /** @example kubernetes */
      term: string;
      /**
       * @description TF-IDF weight, summed over the networks read
       * @example 4.1589
       */
      weight: number;
    };
    IngestedActivityView: {
      /** @example a1 */
      externalId: string;
      /** @enum {string} */
      kind: 'post' | 'question' | 'reply' | 'reaction' | 'share' | 'accept';
      /**
       * @description null for confidential content the key may not see
       * @example u18
       */
      author: string | null;
      /** @example g-cloud */
      group: string | null;
      /** @example null */
      parent: string | null;
      /**
       * @description externalId of the thread root; null while the chain to it is incomplete
       * @example a1
       */
      root: string | null;
      /** @example 2026-03-02T09:15:00.000Z */
      occurredAt: string;
      /** @example Quel quota VPN ? */
      text: string | null;
      /**
       * @example [
       *       "vpn"
       *     ]
       */
      tags: string[] | null;
      /** @example null */
      reaction: string | null;
    };
    IngestionReport: {
      /**
       * @description Records in the body (blank NDJSON lines are not records)
       * @example 4
       */
      received: number;
      /**
       * @description New records (including ones only known as placeholders or tombstones before)
       * @example 2
       */
      inserted: number;
      /**
       * @description Records whose key existed with different fields
       * @example 1
       */
      updated: number;
      /**
       * @description Records identical to what is stored
       * @example 0
       */
      duplicates: number;
      /** @description Bad records with their line and reason; the others were stored */
      rejected: components['schemas']['RejectedRecord'][];
    };
    InterestCellView: {
      /** @example cybersécurité */
      topic: string;
      /**
       * @description Members of the unit with this topic (≥ K_ANONYMITY, or the cell is suppressed)
       * @example 7
       */
      members: number;
    };
    InterestMapView: {
      /** @enum {string} */
      by: 'department' | 'site';
      /**
       * @description K_ANONYMITY: cells and units built on fewer members are suppressed
       * @example 5
       */
      k: number;
      units: components['schemas']['InterestUnitView'][];
      /**
       * @description Units left out because they have fewer than k members
       * @example 1
       */
      suppressedUnits: number;
      /**
       * @description Topic cells left out because fewer than k members hold them (including those of suppressed units)
       * @example 12
       */
      suppressedCells: number;
    };
    InterestProfilePage: {
      /**
       * @description Cursor of the next page; null on the last page
       * @example eyJhZnRlciI6IjQyIn0
       */
      nextCursor: string | null;
      items: components['schemas']['InterestProfileView'][];
    };
    InterestProfileView: {
      /** @example u17 */
      member: string;
      /** @example Ana Ruiz */
      displayName: string | null;
      /** @example R&D */
      department: string | null;
      /** @example Lyon */
      site: string | null;
      /** @example Cloud architect */
      jobTitle: string | null;
      expertise: components['schemas']['LeveledTopicDto'][];
      competences: components['schemas']['LeveledTopicDto'][];
      interests: components['schemas']['InterestTopicDto'][];
      /** @description Top 10 inferred interest centres (people index) */
      inferredInterests: components['schemas']['InferredTermView'][];
    };
    InterestTopicDto: {
      /** @example cybersécurité */
      topic: string;
    };
    InterestUnitView: {
      /**
       * @description null: members with no department (or site)
       * @example R&D
       */
      unit: string | null;
      /** @example 42 */
      members: number;
      /** @description Most shared first */
      topics: components['schemas']['InterestCellView'][];
    };
    KeywordDto: {
      /**
       * @description A word or a phrase (FR or EN). Matched after SPEC §3.6 normalisation: it must keep at least one token, and no two terms of an objective may normalise to the same tokens
       * @example mot de passe
       */
      term: string;
      /**
       * @description Importance of the keyword, > 0 (used by weightedMatches)
       * @example 2
       */
      weight: number;
    };
    KeywordView: {
      /** @example cybersécurité */
      term: string;
      /** @example 2 */
      weight: number;
    };
    LeveledTopicDto: {
      /**
       * @description As the member writes it; compared with other topics after SPEC §3.6 normalisation
       * @example Kubernetes
       */
      topic: string;
      /** @example 4 */
      level: number;
    };
    LiveActivityEvent: {
      /** @example a-1042 */
      externalId: string;
      /**
       * @description Only contributions are sent
       * @example question
       * @enum {string}
       */
      kind: 'post' | 'question' | 'reply' | 'share';
      /**
       * @description externalId of the activity's group; null when it has none, and null when the group (or, for an activity without a group inside a thread, the thread root's group) is confidential and the key may not see it (SPEC §4: admin keys and keys limited to this network see it)
       * @example g-cloud
       */
      group: string | null;
      /**
       * @description occurredAt of the activity (UTC)
       * @example 2026-03-30T11:59:58.000Z
       */
      occurredAt: string;
    };
    LiveCountersEvent: {
      /**
       * @description When the counters were computed (UTC)
       * @example 2026-03-30T12:00:00.250Z
       */
      at: string;
      /** @description The network's local day holding `at` (its IANA time zone), deleted activities excluded */
      today: components['schemas']['LiveTodayCounts'];
      /** @description The hour before `at` */
      lastHour: components['schemas']['LiveLastHourCounts'];
    };
    LiveLastHourCounts: {
      /**
       * @description Activities of any kind that occurred in [at − 1 h, at)
       * @example 38
       */
      activities: number;
      /**
       * @description Contributions (post, question, reply, share) in [at − 1 h, at)
       * @example 14
       */
      contributions: number;
      /**
       * @description Distinct members who authored any activity in [at − 1 h, at)
       * @example 21
       */
      activeMembers: number;
    };
    LiveTodayCounts: {
      /**
       * @description Activities of any kind (reactions and accepts included) that occurred on the network's local day (as `totals` of the activity indicator, SPEC §3.1, for that day)
       * @example 412
       */
      activities: number;
      /**
       * @description Contributions (post, question, reply, share) of the local day
       * @example 168
       */
      contributions: number;
      /**
       * @description Questions asked on the local day
       * @example 23
       */
      questions: number;
      /**
       * @description Distinct members who authored any activity on the local day (SPEC §2 "active")
       * @example 97
       */
      activeMembers: number;
      /**
       * @description `unansweredQuestions` of the responsiveness indicator (SPEC §3.3) over the 28 local days ending with today (from local midnight 27 days before today's to the next local midnight), at the time of the event: questions of those days with no first response, older than 48 h. A question of today itself is never older than 48 h, so a count of today's questions only would always be 0; this is the open backlog the scorecard's `unanswered` dimension judges (SPEC §3.10) for today, and equals GET …/indicators/responsiveness with that from and to
       * @example 5
       */
      unansweredQuestions: number;
    };
    MemberExport: {
      /** @description The member record: externalId, displayName, email, department, site, jobTitle, joinedAt, placeholder, erasedAt, createdAt, updatedAt */
      member: {
        [key: string]: unknown;
      };
      /** @description Networks the member was ingested through (only the key's networks for a key limited to networks, as every part below but the member record, profile and profile history) */
      networks: {
        [key: string]: unknown;
      }[];
      /** @description Group memberships and leaderships; `groupName` is null on `confidential` rows unless the key may see the group */
      memberships: {
        [key: string]: unknown;
      }[];
      /** @description Every activity they authored in the networks the key reads, in every group, deleted ones too; `confidential` marks a confidential activity (in a confidential or not yet known group, or sent without a group in such a group's thread), whose text, tags and reaction are null unless the key may see the group (admin keys and keys limited to its network); `parent` stays */
      activities: {
        [key: string]: unknown;
      }[];
      /** @description Declared triptych: facet, topic, level */
      profile: {
        [key: string]: unknown;
      }[];
      /** @description Every declared version */
      profileHistory: {
        [key: string]: unknown;
      }[];
      /** @description Inferred interest centres per network */
      inferredInterests: {
        [key: string]: unknown;
      }[];
      /** @description Observed expertise evidence per network and topic */
      expertiseEvidence: {
        [key: string]: unknown;
      }[];
      /** @description Animator candidate scores per network */
      animatorScores: {
        [key: string]: unknown;
      }[];
      /** @description Audit log entries about them, by any key: profile.update, profile.read, profile.history.read, member.export, member.erase on their externalId (not other objects that share that name); `details` is null for a key limited to networks */
      auditEntries: {
        [key: string]: unknown;
      }[];
    };
    MemberFields: {
      /** @example Ana Ruiz */
      displayName: string;
      /** @example ana.ruiz@example.com */
      email?: string | null;
      /** @example R&D */
      department?: string | null;
      /** @example Lyon */
      site?: string | null;
      /** @example Network engineer */
      jobTitle?: string | null;
      /**
       * @description When the collaborator joined; counts from ingestion when absent
       * @example 2025-09-01T09:00:00+02:00
       */
      joinedAt?: string | null;
    };
    MemberPage: {
      /**
       * @description Cursor of the next page; null on the last page
       * @example eyJhZnRlciI6IjQyIn0
       */
      nextCursor: string | null;
      items: components['schemas']['MemberView'][];
    };
    MemberRecord: {
      /** @example Ana Ruiz */
      displayName: string;
      /** @example ana.ruiz@example.com */
      email?: string | null;
      /** @example R&D */
      department?: string | null;
      /** @example Lyon */
      site?: string | null;
      /** @example Network engineer */
      jobTitle?: string | null;
      /**
       * @description When the collaborator joined; counts from ingestion when absent
       * @example 2025-09-01T09:00:00+02:00
       */
      joinedAt?: string | null;
      /** @enum {string} */
      type: 'member';
      /** @example u17 */
      externalId: string;
    };
    MemberView: {
      /** @example u17 */
      externalId: string;
      /**
       * @description null while the member is a placeholder
       * @example Ana Ruiz
       */
      displayName: string | null;
      /** @example ana.ruiz@example.com */
      email: string | null;
      /** @example R&D */
      department: string | null;
      /** @example Lyon */
      site: string | null;
      /** @example Network engineer */
      jobTitle: string | null;
      /** @example 2025-09-01T07:00:00.000Z */
      joinedAt: string | null;
      /**
       * @description true until a member record completes it
       * @example false
       */
      placeholder: boolean;
    };
    MemberWriteResult: {
      /**
       * @example inserted
       * @enum {string}
       */
      outcome: 'inserted' | 'updated' | 'duplicate';
      member: components['schemas']['MemberView'];
    };
    MembershipPage: {
      /**
       * @description Cursor of the next page; null on the last page
       * @example eyJhZnRlciI6IjQyIn0
       */
      nextCursor: string | null;
      items: components['schemas']['MembershipView'][];
    };
    MembershipRecord: {
      /** @enum {string} */
      type: 'membership';
      /**
       * @description Group externalId
       * @example g-cloud
       */
      group: string;
      /**
       * @description Member externalId
       * @example u18
       */
      member: string;
      /**
       * @default member
       * @enum {string}
       */
      role?: 'member' | 'leader';
      /** @example 2026-01-05T09:00:00Z */
      joinedAt?: string | null;
      /** @example null */
      leftAt?: string | null;
    };
    MembershipView: {
      /** @example g-cloud */
      group: string;
      /** @example u18 */
      member: string;
      /**
       * @description leader when the membership record or the group's leaders list says so
       * @enum {string}
       */
      role: 'member' | 'leader';
      /** @example 2026-01-05T09:00:00.000Z */
      joinedAt: string | null;
      /** @example null */
      leftAt: string | null;
    };
    MetricList: {
      items: components['schemas']['MetricView'][];
    };
    MetricView: {
      /** @example responseRate */
      name: string;
      /** @enum {string} */
      endpoint: 'activity' | 'engagement' | 'responsiveness' | 'concentration' | 'diffusion' | 'alignment' | 'adoption' | 'experts' | 'animator-candidates';
      /** @enum {string} */
      unit: 'count' | 'rate' | 'ratio' | 'seconds' | 'index' | 'timestamp';
      /** @enum {string} */
      better: 'higher' | 'lower' | 'neutral';
      /**
       * @description What an empty window (or a zero denominator) returns
       * @enum {integer|null}
       */
      empty: 0 | null;
      /** @example respondedRoots / roots */
      formula: string;
      /**
       * @description A weighted score's weights (the people scores), by the name of the term each multiplies: what the service computes the score with
       * @example {
       *       "peopleHelped": 0.3,
       *       "departmentsReached": 0.15,
       *       "groupsReached": 0.15,
       *       "acceptedAnswers": 0.15,
       *       "centrality": 0.15,
       *       "speed": 0.1
       *     }
       */
      weights?: {
        [key: string]: number;
      };
    };
    NetworkPage: {
      /**
       * @description Cursor of the next page; null on the last page
       * @example eyJhZnRlciI6IjQyIn0
       */
      nextCursor: string | null;
      items: components['schemas']['NetworkView'][];
    };
    NetworkView: {
      /** @example rse-france */
      key: string;
      /** @example RSE France */
      name: string;
      /** @example Europe/Paris */
      timezone: string;
      /** @example 2026-11-23T10:00:00.000Z */
      createdAt: string;
      /**
       * @description Whether the terms of every contribution are indexed for emerging topics. False after an upgrade for a network that already had activities, until the background terms-index job has indexed them: meanwhile emerging topics answer the same figures, extracting terms at each request (slower).
       * @example true
       */
      termsIndexed: boolean;
    };
    ObjectivePage: {
      /**
       * @description Cursor of the next page; null on the last page
       * @example eyJhZnRlciI6IjQyIn0
       */
      nextCursor: string | null;
      items: components['schemas']['ObjectiveView'][];
    };
    ObjectiveView: {
      /** @example cyber */
      key: string;
      /** @example Cybersecurity */
      name: string;
      /** @example true */
      active: boolean;
      /**
       * @description null: every network. A key limited to networks sees only those of its networks here
       * @example [
       *       "rse-france"
       *     ]
       */
      networks: string[] | null;
      keywords: components['schemas']['KeywordView'][];
      /** @example 2026-11-23T10:00:00.000Z */
      createdAt: string;
      /** @example 2026-11-23T10:00:00.000Z */
      updatedAt: string;
      /** @description Progress of the re-matching of existing activities after the last change of keywords or networks */
      rematch: components['schemas']['RematchView'];
    };
    ObservedExpertiseView: {
      /**
       * @description Accepted answers in threads on the topic
       * @example 3
       */
      acceptedAnswers: number;
      /**
       * @description Replies in other people's threads on the topic
       * @example 9
       */
      replies: number;
      /**
       * @description Reactions by others to those replies
       * @example 12
       */
      reactionsReceived: number;
      /**
       * @description Distinct authors of those threads (people helped)
       * @example 6
       */
      peopleHelped: number;
      /**
       * @description Observed score: 3 × acceptedAnswers + replies + 0.5 × reactionsReceived + 2 × peopleHelped
       * @example 36
       */
      score: number;
      /**
       * @description The topic as most often written (as a root tag, or as declared)
       * @example Kubernetes
       */
      topic: string;
      /**
       * @description Its SPEC §3.6 key: a root tag, or a declared topic found in the root
       * @example kubernetes
       */
      topicKey: string;
    };
    PeopleIndexRunView: {
      /** @example 2026-11-23T10:05:00.000Z */
      computedAt: string;
      /** @example 5230 */
      durationMs: number;
      /**
       * @description Contributions of the corpus (confidential groups left out)
       * @example 120000
       */
      contributions: number;
      /**
       * @description Threads with at least one topic
       * @example 20000
       */
      threads: number;
      /** @example 900 */
      membersWithInterests: number;
      /** @example 340 */
      animatorCandidates: number;
    };
    Problem: {
      /**
       * @description URI identifying the problem type
       * @example https://cno-analytics.dev/problems/validation
       */
      type: string;
      /** @example Invalid request */
      title: string;
      /** @example 400 */
      status: number;
      /** @example The request has 1 invalid field */
      detail: string;
      /**
       * @description The request path
       * @example /v1/networks
       */
      instance?: string;
      /**
       * @description Correlates the response with the service logs
       * @example b3c5e7d2-5a2c-4c4e-9d1e-7a1f3e2b9c10
       */
      requestId?: string;
      /** @description Field errors, for validation problems */
      errors?: components['schemas']['ProblemFieldError'][];
    };
    ProblemFieldError: {
      /**
       * @description JSON path of the offending field
       * @example timezone
       */
      path: string;
      /** @example timezone must be an IANA time zone such as Europe/Paris */
      message: string;
    };
    ProfileGapsView: {
      /**
       * @description Declared expertise or competences (as declared) with no observed evidence
       * @example [
       *       "Terraform"
       *     ]
       */
      declaredNotObserved: string[];
      /**
       * @description Topics (as most often written) with an observed score ≥ 5 not declared as expertise or competence: a hidden expert
       * @example [
       *       "VPN"
       *     ]
       */
      observedNotDeclared: string[];
    };
    ProfileHistoryPage: {
      /**
       * @description Cursor of the next page; null on the last page
       * @example eyJhZnRlciI6IjQyIn0
       */
      nextCursor: string | null;
      /** @description Newest first */
      items: components['schemas']['ProfileVersionView'][];
    };
    ProfileVersionView: {
      /** @example 2 */
      version: number;
      /** @example 2026-11-23T10:00:00.000Z */
      changedAt: string;
      expertise: components['schemas']['LeveledTopicDto'][];
      competences: components['schemas']['LeveledTopicDto'][];
      interests: components['schemas']['InterestTopicDto'][];
    };
    ProfileView: {
      /** @example u17 */
      member: string;
      /** @example Ana Ruiz */
      displayName: string | null;
      /** @example R&D */
      department: string | null;
      /** @example Lyon */
      site: string | null;
      declared: components['schemas']['DeclaredProfileView'];
      /** @description Top 10 terms of the member's own contributions */
      inferredInterests: components['schemas']['InferredInterestView'][];
      /** @description By score, highest first */
      observedExpertise: components['schemas']['ObservedExpertiseView'][];
      gaps: components['schemas']['ProfileGapsView'];
      /**
       * @description When the people index behind inferred interests and observed expertise was computed (null: never)
       * @example 2026-11-23T10:05:00.000Z
       */
      computedAt: string | null;
    };
    PutHealthPolicyDto: {
      /**
       * @description answer-unanswered and cover-expertise fire from this many questions. A whole number in [1, 1000000]; default 3.
       * @example 3
       */
      unansweredMin?: number;
      /**
       * @description realign-group fires when alignmentRate fell by at least this much (absolute). A number in [0.0001, 1]; default 0.15.
       * @example 0.15
       */
      alignmentDrop?: number;
      /**
       * @description realign-group and declining-activity need this many contributions. A whole number in [1, 1000000]; default 20.
       * @example 20
       */
      minContributions?: number;
      /**
       * @description reduce-dependency needs this many contributors. A whole number in [1, 1000000]; default 5.
       * @example 5
       */
      minContributors?: number;
      /**
       * @description reduce-dependency fires when busFactor is at most this. A whole number in [1, 1000000]; default 1.
       * @example 1
       */
      busFactorMax?: number;
      /**
       * @description open-silo fires when a department’s eiIndex is at most this. A number in [-1, 1]; default -0.5.
       * @example -0.5
       */
      siloEi?: number;
      /**
       * @description open-silo needs this many interactions. A whole number in [1, 1000000]; default 20.
       * @example 20
       */
      minInteractions?: number;
      /**
       * @description declining-activity fires when growth is at most this. A number in [-1, 0]; default -0.3.
       * @example -0.3
       */
      declineMax?: number;
      /** @description Watch and act thresholds per scorecard dimension */
      dimensions?: components['schemas']['DimensionPolicyDto'];
    };
    PutObjectiveDto: {
      /** @example Cybersecurity */
      name: string;
      /**
       * @example [
       *       {
       *         "term": "cybersécurité",
       *         "weight": 2
       *       },
       *       {
       *         "term": "mot de passe",
       *         "weight": 1
       *       }
       *     ]
       */
      keywords: components['schemas']['KeywordDto'][];
      /**
       * @description Network keys the objective applies to; absent or null: every network
       * @example [
       *       "rse-france"
       *     ]
       */
      networks?: string[] | null;
      /**
       * @description Inactive objectives are kept (and matched) but not counted nor listed
       * @default true
       */
      active?: boolean;
    };
    PutProfileDto: {
      /** @description What the member is an expert in, level 1–5. Absent: none */
      expertise?: components['schemas']['LeveledTopicDto'][];
      /** @description Competences, level 1–5 */
      competences?: components['schemas']['LeveledTopicDto'][];
      /** @description Professional interests */
      interests?: components['schemas']['InterestTopicDto'][];
    };
    RejectedRecord: {
      /**
       * @description 1-based: the NDJSON line, or the position in the JSON array
       * @example 3
       */
      line: number;
      /** @example a3 */
      externalId?: string;
      /** @example occurredAt must be an ISO 8601 date-time with an offset, e.g. 2026-03-02T10:15:00+01:00 */
      error: string;
    };
    RematchView: {
      /**
       * @description pending: waiting to start; running; done: every existing activity is matched; failed: see the logs (a restart retries it)
       * @example running
       * @enum {string}
       */
      state: 'pending' | 'running' | 'done' | 'failed';
      /**
       * @description Activities re-matched so far
       * @example 1200
       */
      done: number;
      /**
       * @description Live contributions to re-match (counted when the job starts)
       * @example 5000
       */
      total: number;
      /** @example 2026-11-23T10:00:00.000Z */
      startedAt: string | null;
      /** @example null */
      finishedAt: string | null;
    };
    ResponsivenessView: {
      /**
       * @description Window start (inclusive), UTC
       * @example 2026-03-01T00:00:00.000Z
       */
      from: string;
      /**
       * @description Window end (exclusive), UTC
       * @example 2026-03-29T00:00:00.000Z
       */
      to: string;
      /**
       * @description posts and questions created in the window (scope by the root's group and author department). Unit: count; better: neutral; empty window: 0.
       * @example 19
       */
      roots: number;
      /**
       * @description roots with a first response: the earliest reply anywhere in the thread by another member, at any time. Unit: count; better: higher; empty window: 0.
       * @example 15
       */
      respondedRoots: number;
      /**
       * @description respondedRoots / roots. Unit: rate; better: higher; empty window: null.
       * @example 0.7895
       */
      responseRate: number | null;
      /**
       * @description percentile_cont(0.5) of (first response occurredAt − root occurredAt) over responded roots. Unit: seconds; better: lower; empty window: null.
       * @example 2520
       */
      medianTimeToFirstResponse: number | null;
      /**
       * @description percentile_cont(0.9) of the time to first response over responded roots. Unit: seconds; better: lower; empty window: null.
       * @example 30600
       */
      p90TimeToFirstResponse: number | null;
      /**
       * @description mean time to first response over responded roots. Unit: seconds; better: lower; empty window: null.
       * @example 8123.5
       */
      meanTimeToFirstResponse: number | null;
      /**
       * @description question roots in the window. Unit: count; better: neutral; empty window: 0.
       * @example 7
       */
      questions: number;
      /**
       * @description questions with an accepted reply (the reply named by the latest accept of the thread). Unit: count; better: higher; empty window: 0.
       * @example 4
       */
      resolvedQuestions: number;
      /**
       * @description resolvedQuestions / questions. Unit: rate; better: higher; empty window: null.
       * @example 0.5714
       */
      resolvedRate: number | null;
      /**
       * @description percentile_cont(0.5) of (accepted reply occurredAt − question occurredAt) over resolved questions. Unit: seconds; better: lower; empty window: null.
       * @example 5400
       */
      medianTimeToResolution: number | null;
      /**
       * @description questions with no first response and older than 48 h at min(to, now). Unit: count; better: lower; empty window: 0.
       * @example 1
       */
      unansweredQuestions: number;
      /**
       * @description first responses written by a leader of the root's group / respondedRoots. Unit: rate; better: neutral; empty window: null.
       * @example 0.3333
       */
      leaderFirstResponseShare: number | null;
    };
    SuggestionView: {
      /**
       * @description The member's externalId
       * @example u42
       */
      member: string;
      /** @example Member of Cloud; animator candidate #2 of the network: helped 14 people, 5 accepted answers */
      reason: string;
    };
    ThresholdsDto: {
      /**
       * @description Where `watch` starts; absent: the default
       * @example 0.1
       */
      watch?: number;
      /**
       * @description Where `act` starts; absent: the default
       * @example 0.05
       */
      act?: number;
    };
    ThresholdsView: {
      /** @example 0.1 */
      watch: number;
      /** @example 0.05 */
      act: number;
    };
    UnansweredQuestionPage: {
      /**
       * @description Cursor of the next page; null on the last page
       * @example eyJhZnRlciI6IjQyIn0
       */
      nextCursor: string | null;
      items: components['schemas']['UnansweredQuestionView'][];
    };
    UnansweredQuestionView: {
      /** @example a17 */
      externalId: string;
      /**
       * @description null for a question of a confidential group when the key may not see its members
       * @example u18
       */
      author: string | null;
      /** @example g-cloud */
      group: string | null;
      /** @example 2026-03-02T09:15:00.000Z */
      occurredAt: string;
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  ApiKeysController_list: {
    parameters: {
      query?: {
        /** @description Page size */
        limit?: number;
        /** @description Opaque cursor from the previous page's `nextCursor` */
        cursor?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiKeyPage'];
        };
      };
      /** @description Invalid input: problem+json with `errors: [{path, message}]` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The API key's role or network scope does not allow this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Rate limit reached; retry after the `Retry-After` header */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  ApiKeysController_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateApiKeyDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CreatedApiKeyView'];
        };
      };
      /** @description Invalid input: problem+json with `errors: [{path, message}]` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The API key's role or network scope does not allow this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Request body over the configured limit, or a JSON array over 10 000 records */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Unsupported Content-Type */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Rate limit reached; retry after the `Retry-After` header */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  ApiKeysController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiKeyView'];
        };
      };
      /** @description Invalid input: problem+json with `errors: [{path, message}]` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The API key's role or network scope does not allow this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Unknown resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Rate limit reached; retry after the `Retry-After` header */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  ApiKeysController_revoke: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Revoked (or already revoked) */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Invalid input: problem+json with `errors: [{path, message}]` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The API key's role or network scope does not allow this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Unknown resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Rate limit reached; retry after the `Retry-After` header */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  AuditController_list: {
    parameters: {
      query?: {
        /** @description Exact action: api-key.create, api-key.revoke, objective.create|replace|delete, profile.update|read, profile.history.read, hr.interest-profiles.read, hr.interest-map.read, experts.read, expertise-coverage.read, animator-candidates.read, live.read, member.erase, member.export */
        action?: string;
        /** @description API key id that acted (bootstrap-admin for ADMIN_API_KEY) */
        actor?: string;
        /** @description What the action was about (member externalId, key id, objective key) */
        target?: string;
        /** @description Entries at or after (ISO 8601 with offset) */
        from?: string;
        /** @description Entries before */
        to?: string;
        /** @description Page size */
        limit?: number;
        /** @description Opaque cursor from the previous page's `nextCursor` */
        cursor?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AuditPage'];
        };
      };
      /** @description Invalid input: problem+json with `errors: [{path, message}]` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The API key's role or network scope does not allow this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Rate limit reached; retry after the `Retry-After` header */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  HealthController_live: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': unknown;
        };
      };
    };
  };
  HealthController_ready: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The Health Check is successful */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /**
             * @example ok
             * @enum {string}
             */
            status?: 'ok' | 'degraded';
            /**
             * @example {
             *       "database": {
             *         "status": "up",
             *         "responseTime": 12
             *       }
             *     }
             */
            info?: {
              [key: string]: {
                /** @enum {string} */
                status: 'up' | 'degraded' | 'down';
                /** @description Time the health indicator took to respond, in ms */
                responseTime?: number;
              } & {
                [key: string]: unknown;
              };
            } | null;
            /** @example {} */
            error?: {
              [key: string]: {
                /** @enum {string} */
                status: 'up' | 'degraded' | 'down';
                /** @description Time the health indicator took to respond, in ms */
                responseTime?: number;
              } & {
                [key: string]: unknown;
              };
            } | null;
            /**
             * @example {
             *       "database": {
             *         "status": "up",
             *         "responseTime": 12
             *       }
             *     }
             */
            details?: {
              [key: string]: {
                /** @enum {string} */
                status: 'up' | 'degraded' | 'down';
                /** @description Time the health indicator took to respond, in ms */
                responseTime?: number;
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /**
       * @description Not ready: problem+json with the failing checks in `checks`
       *
       *     The Health Check is not successful
       */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /**
             * @example error
             * @enum {string}
             */
            status?: 'error' | 'shutting_down';
            /**
             * @example {
             *       "database": {
             *         "status": "up",
             *         "responseTime": 12
             *       }
             *     }
             */
            info?: {
              [key: string]: {
                /** @enum {string} */
                status: 'up' | 'degraded' | 'down';
                /** @description Time the health indicator took to respond, in ms */
                responseTime?: number;
              } & {
                [key: string]: unknown;
              };
            } | null;
            /**
             * @example {
             *       "redis": {
             *         "status": "down",
             *         "message": "Could not connect",
             *         "responseTime": 3005
             *       }
             *     }
             */
            error?: {
              [key: string]: {
                /** @enum {string} */
                status: 'up' | 'degraded' | 'down';
                /** @description Time the health indicator took to respond, in ms */
                responseTime?: number;
              } & {
                [key: string]: unknown;
              };
            } | null;
            /**
             * @example {
             *       "database": {
             *         "status": "up",
             *         "responseTime": 12
             *       },
             *       "redis": {
             *         "status": "down",
             *         "message": "Could not connect",
             *         "responseTime": 3005
             *       }
             *     }
             */
            details?: {
              [key: string]: {
                /** @enum {string} */
                status: 'up' | 'degraded' | 'down';
                /** @description Time the health indicator took to respond, in ms */
                responseTime?: number;
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
  };
  NetworksController_list: {
    parameters: {
      query?: {
        /** @description Page size */
        limit?: number;
        /** @description Opaque cursor from the previous page's `nextCursor` */
        cursor?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['NetworkPage'];
        };
      };
      /** @description Invalid input: problem+json with `errors: [{path, message}]` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The API key's role or network scope does not allow this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Rate limit reached; retry after the `Retry-After` header */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  NetworksController_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateNetworkDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['NetworkView'];
        };
      };
      /** @description Invalid input: problem+json with `errors: [{path, message}]` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The API key's role or network scope does not allow this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Conflicts with the current state */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Request body over the configured limit, or a JSON array over 10 000 records */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Unsupported Content-Type */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Rate limit reached; retry after the `Retry-After` header */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  NetworksController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        key: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['NetworkView'];
        };
      };
      /** @description Invalid input: problem+json with `errors: [{path, message}]` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The API key's role or network scope does not allow this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Unknown resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Rate limit reached; retry after the `Retry-After` header */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  EventsController_ingest: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        key: string;
      };
      cookie?: never;
    };
    /** @description A JSON array of records, or one record per line (NDJSON) */
    requestBody: {
      content: {
        /**
         * @example [
         *       {
         *         "type": "member",
         *         "externalId": "u17",
         *         "displayName": "Ana Ruiz",
         *         "department": "R&D",
         *         "site": "Lyon"
         *       },
         *       {
         *         "type": "group",
         *         "externalId": "g-cloud",
         *         "name": "Cloud",
         *         "visibility": "public",
         *         "leaders": [
         *           "u17"
         *         ]
         *       },
         *       {
         *         "type": "membership",
         *         "group": "g-cloud",
         *         "member": "u18",
         *         "role": "member",
         *         "joinedAt": "2026-01-05T09:00:00Z"
         *       },
         *       {
         *         "type": "activity",
         *         "externalId": "a1",
         *         "kind": "question",
         *         "author": "u18",
         *         "group": "g-cloud",
         *         "occurredAt": "2026-03-02T10:15:00+01:00",
         *         "text": "Quel quota VPN ?",
         *         "tags": [
         *           "vpn"
         *         ]
         *       }
         *     ]
         */
        'application/json': (
          | components['schemas']['MemberRecord']
          | components['schemas']['GroupRecord']
          | components['schemas']['MembershipRecord']
          | components['schemas']['ActivityRecord']
          | components['schemas']['ActivityDeletionRecord']
        )[];
        /**
         * @example {"type":"member","externalId":"u17","displayName":"Ana Ruiz","department":"R&D","site":"Lyon"}
         *     {"type":"group","externalId":"g-cloud","name":"Cloud","visibility":"public","leaders":["u17"]}
         *     {"type":"membership","group":"g-cloud","member":"u18","role":"member","joinedAt":"2026-01-05T09:00:00Z"}
         *     {"type":"activity","externalId":"a1","kind":"question","author":"u18","group":"g-cloud","occurredAt":"2026-03-02T10:15:00+01:00","text":"Quel quota VPN ?","tags":["vpn"]}
         */
        'application/x-ndjson': string;
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['IngestionReport'];
        };
      };
      /** @description Invalid input: problem+json with `errors: [{path, message}]` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The API key's role or network scope does not allow this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Unknown resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Request body over the configured limit, or a JSON array over 10 000 records */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Unsupported Content-Type */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Rate limit reached; retry after the `Retry-After` header */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  MembersController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        externalId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MemberView'];
        };
      };
      /** @description Invalid input: problem+json with `errors: [{path, message}]` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The API key's role or network scope does not allow this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Unknown resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Rate limit reached; retry after the `Retry-After` header */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  MembersController_put: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        externalId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['MemberFields'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MemberWriteResult'];
        };
      };
      /** @description Invalid input: problem+json with `errors: [{path, message}]` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The API key's role or network scope does not allow this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Request body over the configured limit, or a JSON array over 10 000 records */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Unsupported Content-Type */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Rate limit reached; retry after the `Retry-After` header */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  PrivacyController_erase: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The member's org-wide externalId */
        externalId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErasureReport'];
        };
      };
      /** @description Invalid input: problem+json with `errors: [{path, message}]` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The API key's role or network scope does not allow this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Unknown resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Rate limit reached; retry after the `Retry-After` header */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  NetworkRecordsController_group: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        key: string;
        externalId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['GroupView'];
        };
      };
      /** @description Invalid input: problem+json with `errors: [{path, message}]` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The API key's role or network scope does not allow this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Unknown resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Rate limit reached; retry after the `Retry-After` header */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  NetworkRecordsController_putGroup: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        key: string;
        externalId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['GroupFields'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['GroupWriteResult'];
        };
      };
      /** @description Invalid input: problem+json with `errors: [{path, message}]` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The API key's role or network scope does not allow this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Unknown resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Request body over the configured limit, or a JSON array over 10 000 records */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Unsupported Content-Type */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Rate limit reached; retry after the `Retry-After` header */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  NetworkRecordsController_activities: {
    parameters: {
      query?: {
        /** @description Page size */
        limit?: number;
        /** @description Opaque cursor from the previous page's `nextCursor` */
        cursor?: string;
        kind?: 'post' | 'question' | 'reply' | 'reaction' | 'share' | 'accept';
        /** @description Only this group */
        group?: string;
      };
      header?: never;
      path: {
        key: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ActivityPage'];
        };
      };
      /** @description Invalid input: problem+json with `errors: [{path, message}]` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The API key's role or network scope does not allow this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Unknown resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Rate limit reached; retry after the `Retry-After` header */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  NetworkRecordsController_postActivity: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        key: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ActivityFields'] | components['schemas']['ActivityDeletionFields'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ActivityWriteResult'];
        };
      };
      /** @description Invalid input: problem+json with `errors: [{path, message}]` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The API key's role or network scope does not allow this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Unknown resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Request body over the configured limit, or a JSON array over 10 000 records */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Unsupported Content-Type */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Rate limit reached; retry after the `Retry-After` header */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  NetworkRecordsController_activity: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        key: string;
        externalId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['IngestedActivityView'];
        };
      };
      /** @description Invalid input: problem+json with `errors: [{path, message}]` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The API key's role or network scope does not allow this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Unknown resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Rate limit reached; retry after the `Retry-After` header */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  NetworkRecordsController_deleteActivity: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        key: string;
        externalId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ActivityWriteResult'];
        };
      };
      /** @description Invalid input: problem+json with `errors: [{path, message}]` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The API key's role or network scope does not allow this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Unknown resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Rate limit reached; retry after the `Retry-After` header */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  NetworkRecordsController_members: {
    parameters: {
      query?: {
        /** @description Page size */
        limit?: number;
        /** @description Opaque cursor from the previous page's `nextCursor` */
        cursor?: string;
      };
      header?: never;
      path: {
        key: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MemberPage'];
        };
      };
      /** @description Invalid input: problem+json with `errors: [{path, message}]` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The API key's role or network scope does not allow this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Unknown resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Rate limit reached; retry after the `Retry-After` header */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  NetworkRecordsController_groups: {
    parameters: {
      query?: {
        /** @description Page size */
        limit?: number;
        /** @description Opaque cursor from the previous page's `nextCursor` */
        cursor?: string;
      };
      header?: never;
      path: {
        key: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['GroupPage'];
        };
      };
      /** @description Invalid input: problem+json with `errors: [{path, message}]` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The API key's role or network scope does not allow this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Unknown resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Rate limit reached; retry after the `Retry-After` header */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  NetworkRecordsController_memberships: {
    parameters: {
      query?: {
        /** @description Page size */
        limit?: number;
        /** @description Opaque cursor from the previous page's `nextCursor` */
        cursor?: string;
        /** @description Only this group */
        group?: string;
      };
      header?: never;
      path: {
        key: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MembershipPage'];
        };
      };
      /** @description Invalid input: problem+json with `errors: [{path, message}]` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The API key's role or network scope does not allow this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Unknown resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Rate limit reached; retry after the `Retry-After` header */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  IndicatorsController_activity: {
    parameters: {
      query?: {
        /** @description Window start, inclusive (ISO 8601 with offset), between 1900-01-01T00:00:00Z and 2200-01-01T00:00:00Z (else a 400). Default: `to` − 28 days */
        from?: string;
        /** @description Window end, exclusive (ISO 8601 with offset), between 1900-01-01T00:00:00Z and 2200-01-01T00:00:00Z (else a 400). Default: now */
        to?: string;
        /** @description Restrict to this group (externalId); an unknown group is a 400 */
        group?: string;
        /** @description Keep activities whose author is in this department (for responsiveness: the roots whose author is in it) */
        department?: string;
        /** @description Series buckets, in the network time zone; weeks start on Monday. At most 1000 buckets per series (a day series covers about 2.7 years, week 19, month 83): a longer series is a 400 naming the granularities that fit */
        granularity?: 'day' | 'week' | 'month';
      };
      header?: never;
      path: {
        key: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ActivityIndicatorView'];
        };
      };
      /** @description Invalid input: problem+json with `errors: [{path, message}]` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The API key's role or network scope does not allow this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Unknown resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Rate limit reached; retry after the `Retry-After` header */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  IndicatorsController_engagement: {
    parameters: {
      query?: {
        /** @description The day (network time zone), between 1900-01-01 and 2199-12-31 (else a 400). Default: today */
        at?: string;
        group?: string;
        department?: string;
      };
      header?: never;
      path: {
        key: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EngagementView'];
        };
      };
      /** @description Invalid input: problem+json with `errors: [{path, message}]` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The API key's role or network scope does not allow this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Unknown resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Rate limit reached; retry after the `Retry-After` header */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  IndicatorsController_responsiveness: {
    parameters: {
      query?: {
        /** @description Window start, inclusive (ISO 8601 with offset), between 1900-01-01T00:00:00Z and 2200-01-01T00:00:00Z (else a 400). Default: `to` − 28 days */
        from?: string;
        /** @description Window end, exclusive (ISO 8601 with offset), between 1900-01-01T00:00:00Z and 2200-01-01T00:00:00Z (else a 400). Default: now */
        to?: string;
        /** @description Restrict to this group (externalId); an unknown group is a 400 */
        group?: string;
        /** @description Keep activities whose author is in this department (for responsiveness: the roots whose author is in it) */
        department?: string;
      };
      header?: never;
      path: {
        key: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ResponsivenessView'];
        };
      };
      /** @description Invalid input: problem+json with `errors: [{path, message}]` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The API key's role or network scope does not allow this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Unknown resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Rate limit reached; retry after the `Retry-After` header */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  IndicatorsController_unanswered: {
    parameters: {
      query?: {
        /** @description Window start, inclusive (ISO 8601 with offset), between 1900-01-01T00:00:00Z and 2200-01-01T00:00:00Z (else a 400). Default: `to` − 28 days */
        from?: string;
        /** @description Window end, exclusive (ISO 8601 with offset), between 1900-01-01T00:00:00Z and 2200-01-01T00:00:00Z (else a 400). Default: now */
        to?: string;
        /** @description Restrict to this group (externalId); an unknown group is a 400 */
        group?: string;
        /** @description Keep activities whose author is in this department (for responsiveness: the roots whose author is in it) */
        department?: string;
        /** @description Page size */
        limit?: number;
        /** @description Opaque cursor from the previous page's `nextCursor` */
        cursor?: string;
      };
      header?: never;
      path: {
        key: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UnansweredQuestionPage'];
        };
      };
      /** @description Invalid input: problem+json with `errors: [{path, message}]` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The API key's role or network scope does not allow this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Unknown resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Rate limit reached; retry after the `Retry-After` header */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  IndicatorsController_concentration: {
    parameters: {
      query?: {
        /** @description Window start, inclusive (ISO 8601 with offset), between 1900-01-01T00:00:00Z and 2200-01-01T00:00:00Z (else a 400). Default: `to` − 28 days */
        from?: string;
        /** @description Window end, exclusive (ISO 8601 with offset), between 1900-01-01T00:00:00Z and 2200-01-01T00:00:00Z (else a 400). Default: now */
        to?: string;
        /** @description Restrict to this group (externalId); an unknown group is a 400 */
        group?: string;
        /** @description Keep activities whose author is in this department (for responsiveness: the roots whose author is in it) */
        department?: string;
      };
      header?: never;
      path: {
        key: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ConcentrationView'];
        };
      };
      /** @description Invalid input: problem+json with `errors: [{path, message}]` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The API key's role or network scope does not allow this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Unknown resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Rate limit reached; retry after the `Retry-After` header */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  IndicatorsController_alignment: {
    parameters: {
      query?: {
        /** @description Window start, inclusive (ISO 8601 with offset), between 1900-01-01T00:00:00Z and 2200-01-01T00:00:00Z (else a 400). Default: `to` − 28 days */
        from?: string;
        /** @description Window end, exclusive (ISO 8601 with offset), between 1900-01-01T00:00:00Z and 2200-01-01T00:00:00Z (else a 400). Default: now */
        to?: string;
        /** @description Restrict to this group (externalId); an unknown group is a 400 */
        group?: string;
        /** @description Keep activities whose author is in this department (for responsiveness: the roots whose author is in it) */
        department?: string;
        /** @description Series buckets, in the network time zone; weeks start on Monday. At most 1000 buckets per series (a day series covers about 2.7 years, week 19, month 83): a longer series is a 400 naming the granularities that fit */
        granularity?: 'day' | 'week' | 'month';
      };
      header?: never;
      path: {
        key: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AlignmentView'];
        };
      };
      /** @description Invalid input: problem+json with `errors: [{path, message}]` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The API key's role or network scope does not allow this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Unknown resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Rate limit reached; retry after the `Retry-After` header */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  IndicatorsController_alignmentDrift: {
    parameters: {
      query?: {
        /** @description Window start, inclusive (ISO 8601 with offset), between 1900-01-01T00:00:00Z and 2200-01-01T00:00:00Z (else a 400). Default: `to` − 28 days */
        from?: string;
        /** @description Window end, exclusive (ISO 8601 with offset), between 1900-01-01T00:00:00Z and 2200-01-01T00:00:00Z (else a 400). Default: now */
        to?: string;
        /** @description Keep activities whose author is in this department (for responsiveness: the roots whose author is in it) */
        department?: string;
        /** @description Page size */
        limit?: number;
        /** @description Opaque cursor from the previous page's `nextCursor` */
        cursor?: string;
      };
      header?: never;
      path: {
        key: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AlignmentDriftPage'];
        };
      };
      /** @description Invalid input: problem+json with `errors: [{path, message}]` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The API key's role or network scope does not allow this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Unknown resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Rate limit reached; retry after the `Retry-After` header */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  IndicatorsController_adoption: {
    parameters: {
      query?: {
        /** @description Window start, inclusive (ISO 8601 with offset), between 1900-01-01T00:00:00Z and 2200-01-01T00:00:00Z (else a 400). Default: `to` − 28 days */
        from?: string;
        /** @description Window end, exclusive (ISO 8601 with offset), between 1900-01-01T00:00:00Z and 2200-01-01T00:00:00Z (else a 400). Default: now */
        to?: string;
        /** @description Restrict to this group (externalId); an unknown group is a 400 */
        group?: string;
        /** @description Keep activities whose author is in this department (for responsiveness: the roots whose author is in it) */
        department?: string;
        /** @description Series buckets, in the network time zone; weeks start on Monday. At most 1000 buckets per series (a day series covers about 2.7 years, week 19, month 83): a longer series is a 400 naming the granularities that fit */
        granularity?: 'day' | 'week' | 'month';
        /** @description Key of an active objective that applies to the network (else a 404); without it, every such objective with its totals */
        objective?: string;
      };
      header?: never;
      path: {
        key: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AdoptionView'];
        };
      };
      /** @description Invalid input: problem+json with `errors: [{path, message}]` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The API key's role or network scope does not allow this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Unknown resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Rate limit reached; retry after the `Retry-After` header */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  IndicatorsController_compareGroups: {
    parameters: {
      query?: {
        /** @description Window start, inclusive (ISO 8601 with offset), between 1900-01-01T00:00:00Z and 2200-01-01T00:00:00Z (else a 400). Default: `to` − 28 days */
        from?: string;
        /** @description Window end, exclusive (ISO 8601 with offset), between 1900-01-01T00:00:00Z and 2200-01-01T00:00:00Z (else a 400). Default: now */
        to?: string;
        /** @description Keep activities whose author is in this department (for responsiveness: the roots whose author is in it) */
        department?: string;
        /** @description Field to sort and rank by (leader fields apply to leader rows) */
        sort?:
          | 'posts'
          | 'questions'
          | 'replies'
          | 'reactions'
          | 'shares'
          | 'accepts'
          | 'contributions'
          | 'activeMembers'
          | 'contributors'
          | 'members'
          | 'participationRate'
          | 'contributionsPerMember'
          | 'growth'
          | 'responseRate'
          | 'medianTimeToFirstResponse'
          | 'alignmentRate'
          | 'groupsLed'
          | 'ownContributions'
          | 'firstResponses';
        /** @description Nulls come last in both orders */
        order?: 'asc' | 'desc';
        /** @description Page size */
        limit?: number;
        /** @description Opaque cursor from the previous page's `nextCursor` */
        cursor?: string;
      };
      header?: never;
      path: {
        key: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ComparisonPageView'];
        };
      };
      /** @description Invalid input: problem+json with `errors: [{path, message}]` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The API key's role or network scope does not allow this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Unknown resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Rate limit reached; retry after the `Retry-After` header */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  IndicatorsController_compareLeaders: {
    parameters: {
      query?: {
        /** @description Window start, inclusive (ISO 8601 with offset), between 1900-01-01T00:00:00Z and 2200-01-01T00:00:00Z (else a 400). Default: `to` − 28 days */
        from?: string;
        /** @description Window end, exclusive (ISO 8601 with offset), between 1900-01-01T00:00:00Z and 2200-01-01T00:00:00Z (else a 400). Default: now */
        to?: string;
        /** @description Keep activities whose author is in this department (for responsiveness: the roots whose author is in it) */
        department?: string;
        /** @description Field to sort and rank by (leader fields apply to leader rows) */
        sort?:
          | 'posts'
          | 'questions'
          | 'replies'
          | 'reactions'
          | 'shares'
          | 'accepts'
          | 'contributions'
          | 'activeMembers'
          | 'contributors'
          | 'members'
          | 'participationRate'
          | 'contributionsPerMember'
          | 'growth'
          | 'responseRate'
          | 'medianTimeToFirstResponse'
          | 'alignmentRate'
          | 'groupsLed'
          | 'ownContributions'
          | 'firstResponses';
        /** @description Nulls come last in both orders */
        order?: 'asc' | 'desc';
        /** @description Page size */
        limit?: number;
        /** @description Opaque cursor from the previous page's `nextCursor` */
        cursor?: string;
      };
      header?: never;
      path: {
        key: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ComparisonPageView'];
        };
      };
      /** @description Invalid input: problem+json with `errors: [{path, message}]` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The API key's role or network scope does not allow this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Unknown resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Rate limit reached; retry after the `Retry-After` header */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  IndicatorsController_compareDepartments: {
    parameters: {
      query?: {
        /** @description Window start, inclusive (ISO 8601 with offset), between 1900-01-01T00:00:00Z and 2200-01-01T00:00:00Z (else a 400). Default: `to` − 28 days */
        from?: string;
        /** @description Window end, exclusive (ISO 8601 with offset), between 1900-01-01T00:00:00Z and 2200-01-01T00:00:00Z (else a 400). Default: now */
        to?: string;
        /** @description Keep activities whose author is in this department (for responsiveness: the roots whose author is in it) */
        department?: string;
        /** @description Field to sort and rank by (leader fields apply to leader rows) */
        sort?:
          | 'posts'
          | 'questions'
          | 'replies'
          | 'reactions'
          | 'shares'
          | 'accepts'
          | 'contributions'
          | 'activeMembers'
          | 'contributors'
          | 'members'
          | 'participationRate'
          | 'contributionsPerMember'
          | 'growth'
          | 'responseRate'
          | 'medianTimeToFirstResponse'
          | 'alignmentRate'
          | 'groupsLed'
          | 'ownContributions'
          | 'firstResponses';
        /** @description Nulls come last in both orders */
        order?: 'asc' | 'desc';
        /** @description Page size */
        limit?: number;
        /** @description Opaque cursor from the previous page's `nextCursor` */
        cursor?: string;
      };
      header?: never;
      path: {
        key: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ComparisonPageView'];
        };
      };
      /** @description Invalid input: problem+json with `errors: [{path, message}]` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The API key's role or network scope does not allow this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Unknown resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Rate limit reached; retry after the `Retry-After` header */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  IndicatorsController_diffusion: {
    parameters: {
      query?: {
        /** @description Window start, inclusive (ISO 8601 with offset), between 1900-01-01T00:00:00Z and 2200-01-01T00:00:00Z (else a 400). Default: `to` − 28 days */
        from?: string;
        /** @description Window end, exclusive (ISO 8601 with offset), between 1900-01-01T00:00:00Z and 2200-01-01T00:00:00Z (else a 400). Default: now */
        to?: string;
        /** @description Restrict to this group (externalId); an unknown group is a 400 */
        group?: string;
        /** @description Keep activities whose author is in this department (for responsiveness: the roots whose author is in it) */
        department?: string;
      };
      header?: never;
      path: {
        key: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DiffusionView'];
        };
      };
      /** @description Invalid input: problem+json with `errors: [{path, message}]` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The API key's role or network scope does not allow this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Unknown resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Rate limit reached; retry after the `Retry-After` header */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  NetworkComparisonsController_compareNetworks: {
    parameters: {
      query?: {
        /** @description Window start, inclusive (ISO 8601 with offset), between 1900-01-01T00:00:00Z and 2200-01-01T00:00:00Z (else a 400). Default: `to` − 28 days */
        from?: string;
        /** @description Window end, exclusive (ISO 8601 with offset), between 1900-01-01T00:00:00Z and 2200-01-01T00:00:00Z (else a 400). Default: now */
        to?: string;
        /** @description Keep activities whose author is in this department (for responsiveness: the roots whose author is in it) */
        department?: string;
        /** @description Field to sort and rank by (leader fields apply to leader rows) */
        sort?:
          | 'posts'
          | 'questions'
          | 'replies'
          | 'reactions'
          | 'shares'
          | 'accepts'
          | 'contributions'
          | 'activeMembers'
          | 'contributors'
          | 'members'
          | 'participationRate'
          | 'contributionsPerMember'
          | 'growth'
          | 'responseRate'
          | 'medianTimeToFirstResponse'
          | 'alignmentRate'
          | 'groupsLed'
          | 'ownContributions'
          | 'firstResponses';
        /** @description Nulls come last in both orders */
        order?: 'asc' | 'desc';
        /** @description Page size */
        limit?: number;
        /** @description Opaque cursor from the previous page's `nextCursor` */
        cursor?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ComparisonPageView'];
        };
      };
      /** @description Invalid input: problem+json with `errors: [{path, message}]` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The API key's role or network scope does not allow this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Rate limit reached; retry after the `Retry-After` header */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  MetricsController_list: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MetricList'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The API key's role or network scope does not allow this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Rate limit reached; retry after the `Retry-After` header */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  ObjectivesController_list: {
    parameters: {
      query?: {
        /** @description Page size */
        limit?: number;
        /** @description Opaque cursor from the previous page's `nextCursor` */
        cursor?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ObjectivePage'];
        };
      };
      /** @description Invalid input: problem+json with `errors: [{path, message}]` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The API key's role or network scope does not allow this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Rate limit reached; retry after the `Retry-After` header */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  ObjectivesController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Objective key: 1–200 characters of A–Z, a–z, 0–9, ".", "_" and "-" */
        key: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ObjectiveView'];
        };
      };
      /** @description Invalid input: problem+json with `errors: [{path, message}]` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The API key's role or network scope does not allow this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Unknown resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Rate limit reached; retry after the `Retry-After` header */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  ObjectivesController_put: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Objective key: 1–200 characters of A–Z, a–z, 0–9, ".", "_" and "-" */
        key: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['PutObjectiveDto'];
      };
    };
    responses: {
      /** @description Replaced */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ObjectiveView'];
        };
      };
      /** @description Created */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ObjectiveView'];
        };
      };
      /** @description Invalid input: problem+json with `errors: [{path, message}]` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The API key's role or network scope does not allow this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Unknown resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Request body over the configured limit, or a JSON array over 10 000 records */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Unsupported Content-Type */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Rate limit reached; retry after the `Retry-After` header. This operation starts heavy work: besides the write bucket (RATE_LIMIT_WRITES) it counts in a separate, smaller per-key bucket, RATE_LIMIT_EXPENSIVE per RATE_LIMIT_WINDOW_SECONDS (default 6 per 60 s) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  ObjectivesController_delete: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Objective key: 1–200 characters of A–Z, a–z, 0–9, ".", "_" and "-" */
        key: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Deleted */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Invalid input: problem+json with `errors: [{path, message}]` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The API key's role or network scope does not allow this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Unknown resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Rate limit reached; retry after the `Retry-After` header */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  TopicsController_emerging: {
    parameters: {
      query?: {
        /** @description Last day of the window (network time zone), between 1900-01-01 and 2199-12-31 (else a 400). Default: today */
        at?: string;
        /** @description Window length: <n>d, 1 ≤ n ≤ 90. The baseline is the 4 windows of the same length before it */
        window?: string;
        /** @description Minimum support: activities of the window holding the term */
        minMentions?: number;
        /** @description Minimum support: distinct authors of those activities */
        minAuthors?: number;
        /** @description Minimum burst score (mentions − baseline) / √(baseline + 1) */
        minScore?: number;
        /** @description Page size */
        limit?: number;
        /** @description Opaque cursor from the previous page's `nextCursor` */
        cursor?: string;
      };
      header?: never;
      path: {
        key: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EmergingTopicsPage'];
        };
      };
      /** @description Invalid input: problem+json with `errors: [{path, message}]` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The API key's role or network scope does not allow this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Unknown resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Rate limit reached; retry after the `Retry-After` header */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  ProfileController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The member's org-wide externalId */
        externalId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProfileView'];
        };
      };
      /** @description Invalid input: problem+json with `errors: [{path, message}]` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The API key's role or network scope does not allow this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Unknown resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Rate limit reached; retry after the `Retry-After` header */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  ProfileController_put: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The member's org-wide externalId */
        externalId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['PutProfileDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DeclaredProfileView'];
        };
      };
      /** @description Invalid input: problem+json with `errors: [{path, message}]` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The API key's role or network scope does not allow this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Unknown resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Request body over the configured limit, or a JSON array over 10 000 records */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Unsupported Content-Type */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Rate limit reached; retry after the `Retry-After` header */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  ProfileController_history: {
    parameters: {
      query?: {
        /** @description Page size */
        limit?: number;
        /** @description Opaque cursor from the previous page's `nextCursor` */
        cursor?: string;
      };
      header?: never;
      path: {
        /** @description The member's org-wide externalId */
        externalId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProfileHistoryPage'];
        };
      };
      /** @description Invalid input: problem+json with `errors: [{path, message}]` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The API key's role or network scope does not allow this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Unknown resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Rate limit reached; retry after the `Retry-After` header */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  ExpertsController_list: {
    parameters: {
      query: {
        /** @description A topic, compared after SPEC §3.6 normalisation (accents, case, light plural) */
        topic: string;
        /** @description Page size */
        limit?: number;
        /** @description Opaque cursor from the previous page's `nextCursor` */
        cursor?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ExpertPage'];
        };
      };
      /** @description Invalid input: problem+json with `errors: [{path, message}]` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The API key's role or network scope does not allow this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Rate limit reached; retry after the `Retry-After` header */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  NetworkPeopleController_coverage: {
    parameters: {
      query?: {
        /** @description Questions created from (inclusive), between 1900-01-01T00:00:00Z and 2200-01-01T00:00:00Z (else a 400). Default: `to` − 365 days */
        from?: string;
        /** @description Questions created before (exclusive), between 1900-01-01T00:00:00Z and 2200-01-01T00:00:00Z (else a 400). Default: now */
        to?: string;
        /** @description Page size */
        limit?: number;
        /** @description Opaque cursor from the previous page's `nextCursor` */
        cursor?: string;
      };
      header?: never;
      path: {
        key: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CoveragePage'];
        };
      };
      /** @description Invalid input: problem+json with `errors: [{path, message}]` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The API key's role or network scope does not allow this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Unknown resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Rate limit reached; retry after the `Retry-After` header */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  NetworkPeopleController_animators: {
    parameters: {
      query?: {
        /** @description Only members who replied in this group (externalId) */
        group?: string;
        /** @description Only members of this department */
        department?: string;
        /** @description Replies from (inclusive), between 1900-01-01T00:00:00Z and 2200-01-01T00:00:00Z (else a 400). Default: `to` − 365 days */
        from?: string;
        /** @description Replies before (exclusive), between 1900-01-01T00:00:00Z and 2200-01-01T00:00:00Z (else a 400). Default: now */
        to?: string;
        /** @description Page size */
        limit?: number;
        /** @description Opaque cursor from the previous page's `nextCursor` */
        cursor?: string;
      };
      header?: never;
      path: {
        key: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AnimatorCandidatePage'];
        };
      };
      /** @description Invalid input: problem+json with `errors: [{path, message}]` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The API key's role or network scope does not allow this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Unknown resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Rate limit reached; retry after the `Retry-After` header */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  NetworkPeopleController_refresh: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        key: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PeopleIndexRunView'];
        };
      };
      /** @description Invalid input: problem+json with `errors: [{path, message}]` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The API key's role or network scope does not allow this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Unknown resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Rate limit reached; retry after the `Retry-After` header. This operation starts heavy work: besides the write bucket (RATE_LIMIT_WRITES) it counts in a separate, smaller per-key bucket, RATE_LIMIT_EXPENSIVE per RATE_LIMIT_WINDOW_SECONDS (default 6 per 60 s) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  HrController_profiles: {
    parameters: {
      query?: {
        /** @description csv streams every profile as RFC 4180 CSV (UTF-8), ignoring limit and cursor; `Accept: text/csv` does the same */
        format?: 'json' | 'csv';
        /** @description Page size */
        limit?: number;
        /** @description Opaque cursor from the previous page's `nextCursor` */
        cursor?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['InterestProfilePage'];
          'text/csv': components['schemas']['InterestProfilePage'];
        };
      };
      /** @description Invalid input: problem+json with `errors: [{path, message}]` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The API key's role or network scope does not allow this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Rate limit reached; retry after the `Retry-After` header */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  HrController_interestMap: {
    parameters: {
      query: {
        by: 'department' | 'site';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['InterestMapView'];
        };
      };
      /** @description Invalid input: problem+json with `errors: [{path, message}]` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The API key's role or network scope does not allow this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Rate limit reached; retry after the `Retry-After` header */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  PrivacyController_export: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The member's org-wide externalId */
        externalId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MemberExport'];
        };
      };
      /** @description Invalid input: problem+json with `errors: [{path, message}]` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The API key's role or network scope does not allow this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Unknown resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Rate limit reached; retry after the `Retry-After` header */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  LiveController_stream: {
    parameters: {
      query?: never;
      header?: {
        /** @description The id of the last event received, to resume after it (sent by EventSource on reconnection) */
        'Last-Event-ID'?: string;
      };
      path: {
        key: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The event stream (open until the client leaves or the service stops) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example retry: 2000
           *
           *     id: 1
           *     event: counters
           *     data: {"at":"2026-03-30T12:00:00.250Z","today":{"activities":412,"contributions":168,"questions":23,"activeMembers":97,"unansweredQuestions":5},"lastHour":{"activities":38,"contributions":14,"activeMembers":21}}
           *
           *     id: 2
           *     event: counters
           *     data: {"at":"2026-03-30T12:00:03.410Z","today":{"activities":414,"contributions":170,"questions":24,"activeMembers":98,"unansweredQuestions":5},"lastHour":{"activities":40,"contributions":16,"activeMembers":22}}
           *
           *     id: 3
           *     event: activity
           *     data: {"externalId":"a-1042","kind":"question","group":"g-cloud","occurredAt":"2026-03-30T12:00:02.000Z"}
           *
           *     id: 4
           *     event: activity
           *     data: {"externalId":"a-1043","kind":"reply","group":null,"occurredAt":"2026-03-30T12:00:02.500Z"}
           *
           *     : heartbeat
           */
          'text/event-stream': string;
        };
      };
      /** @description Invalid input: problem+json with `errors: [{path, message}]` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The API key's role or network scope does not allow this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Unknown resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Rate limit reached; retry after the `Retry-After` header */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  HealthScorecardController_scorecard: {
    parameters: {
      query?: {
        /** @description The last day of the window (network time zone), between 1900-01-01 and 2199-12-31 (else a 400). Default: today */
        at?: string;
      };
      header?: never;
      path: {
        key: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['HealthScorecardView'];
        };
      };
      /** @description Invalid input: problem+json with `errors: [{path, message}]` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The API key's role or network scope does not allow this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Unknown resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Rate limit reached; retry after the `Retry-After` header */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  HealthScorecardController_policy: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        key: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['HealthPolicyView'];
        };
      };
      /** @description Invalid input: problem+json with `errors: [{path, message}]` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The API key's role or network scope does not allow this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Unknown resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Rate limit reached; retry after the `Retry-After` header */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  HealthScorecardController_putPolicy: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        key: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['PutHealthPolicyDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['HealthPolicyView'];
        };
      };
      /** @description Invalid input: problem+json with `errors: [{path, message}]` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The API key's role or network scope does not allow this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Unknown resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Request body over the configured limit, or a JSON array over 10 000 records */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Unsupported Content-Type */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Rate limit reached; retry after the `Retry-After` header */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
}
