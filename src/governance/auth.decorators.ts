import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { ApiKeyRole } from './api-key.entity';
import type { Principal } from './principal';

export const ROLES_KEY = 'cno:roles';
export const PUBLIC_KEY = 'cno:public';
export const NETWORK_PARAM_KEY = 'cno:network-param';

/** Roles allowed on a route besides `admin`, which is allowed everywhere. */
export const Roles = (...roles: ApiKeyRole[]) => SetMetadata(ROLES_KEY, roles);

/** A route that needs no API key (health, docs). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** The route parameter holding a network key, checked against the key's network scope. */
export const NetworkParam = (name = 'key') => SetMetadata(NETWORK_PARAM_KEY, name);

/** The caller, as resolved by the auth guard. */
export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  return ctx.switchToHttp().getRequest<{ principal: Principal }>().principal;
});
