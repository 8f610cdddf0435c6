import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { Forbidden, Unauthorized } from '../common/errors/domain-errors';
import type { ApiKeyRole } from './api-key.entity';
import { ApiKeysService } from './api-keys.service';
import { NETWORK_PARAM_KEY, PUBLIC_KEY, ROLES_KEY } from './auth.decorators';
import { canAccessNetwork, Principal } from './principal';

/**
 * Global guard: every route needs a bearer API key unless marked @Public().
 * 401 for a missing, unknown or revoked key; 403 for a role the route does not allow or a
 * network outside the key's scope. Keys are looked up on every request (no cache), so a
 * revocation takes effect at once on every instance.
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(ApiKeysService) private readonly apiKeys: ApiKeysService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const req = context.switchToHttp().getRequest<Request & { principal?: Principal }>();
    const res = context.switchToHttp().getResponse<Response>();

    const header = req.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
    if (!match) {
      res.setHeader('WWW-Authenticate', 'Bearer');
      throw new Unauthorized('Send an API key as "Authorization: Bearer <api-key>"');
    }
    const principal = await this.apiKeys.authenticate(match[1]);
    if (!principal) {
      res.setHeader('WWW-Authenticate', 'Bearer error="invalid_token"');
      throw new Unauthorized('The API key is unknown or revoked');
    }
    req.principal = principal;

    const roles = this.reflector.getAllAndOverride<ApiKeyRole[]>(ROLES_KEY, targets) ?? [];
    if (principal.role !== 'admin' && !roles.includes(principal.role)) {
      throw new Forbidden(`This route is not open to the "${principal.role}" role`);
    }
    const networkParam = this.reflector.getAllAndOverride<string>(NETWORK_PARAM_KEY, targets);
    const networkKey = networkParam ? req.params[networkParam] : undefined;
    if (typeof networkKey === 'string' && !canAccessNetwork(principal, networkKey)) {
      throw new Forbidden(`This API key is not allowed on network "${networkKey}"`);
    }
    return true;
  }
}
