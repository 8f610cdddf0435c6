import { Controller, Delete, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '../common/http/api-problems.decorator';
import { ExternalIdPipe } from '../common/validation/external-id.pipe';
import { CurrentPrincipal, Roles } from '../governance/auth.decorators';
import type { Principal } from '../governance/principal';
import { ErasureReport, MemberExport } from './dto/privacy.dto';
import { PrivacyService } from './privacy.service';

const MEMBER_PARAM = { name: 'externalId', example: 'u17', description: "The member's org-wide externalId" };

@ApiTags('privacy')
@ApiBearerAuth()
@ApiProblems(429)
@Controller('v1/members/:externalId')
export class PrivacyController {
  constructor(private readonly privacy: PrivacyService) {}

  @Delete()
  @Roles()
  @ApiOperation({
    summary: "Erase a member's personal data (GDPR; admin only; audited)",
    description:
      'Erases name, email, site, job title, the declared profile and its history, the texts and tags of their activities, inferred interests, expertise evidence and animator scores. The member and activity rows stay pseudonymous (externalId, department, kinds, times, groups, links, keyword matches), so every indicator keeps exactly its value. Later records cannot restore the erased fields. Idempotent: erasing again answers the same shape with zero counts.',
  })
  @ApiParam(MEMBER_PARAM)
  @ApiOkResponse({ type: ErasureReport })
  @ApiProblems(401, 403, 404)
  erase(@CurrentPrincipal() principal: Principal, @Param('externalId', ExternalIdPipe) externalId: string): Promise<ErasureReport> {
    return this.privacy.erase(principal, externalId);
  }

  @Get('export')
  @Roles('hr')
  @ApiOperation({
    summary: 'Everything held about a member (GDPR subject access; admin and hr; audited)',
    description:
      "A key limited to networks may export only members ingested through one of them (404 otherwise) and gets only those networks' parts: networks, memberships, activities, inferred interests, expertise evidence and animator scores. The member record, the declared profile and its history are organisation-wide and shown whole, as the profile route shows them to that key. Confidential content (a confidential group's name; the text, tags and reaction label of a confidential activity, including a reply, reaction or accept sent without a group in a confidential group's thread) is null unless the key is admin or limited to that group's network. `auditEntries` holds only the entries about the member (profile.update, profile.read, profile.history.read, member.export, member.erase), made by any key, without `details` for a key limited to networks.",
  })
  @ApiParam(MEMBER_PARAM)
  @ApiOkResponse({ type: MemberExport })
  @ApiProblems(401, 403, 404)
  export(@CurrentPrincipal() principal: Principal, @Param('externalId', ExternalIdPipe) externalId: string): Promise<MemberExport> {
    return this.privacy.export(principal, externalId);
  }
}
