import { Module } from '@nestjs/common';
import { PrivacyController } from './privacy.controller';
import { PrivacyService } from './privacy.service';

/** GDPR: erasure and subject access export (SPEC §4). */
@Module({ controllers: [PrivacyController], providers: [PrivacyService] })
export class PrivacyModule {}
