import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, MoreThan, Repository } from 'typeorm';
import { Conflict, Forbidden, NotFound } from '../common/errors/domain-errors';
import { decodeCursor, int4After, PageQuery, toPage } from '../common/pagination/pagination';
import { canAccessNetwork, Principal } from '../governance/principal';
import { CreateNetworkDto, NetworkPage, NetworkView } from './dto/network.dto';
import { Network } from './network.entity';

@Injectable()
export class NetworksService {
  constructor(@InjectRepository(Network) private readonly networks: Repository<Network>) {}

  async create(principal: Principal, dto: CreateNetworkDto): Promise<NetworkView> {
    if (!canAccessNetwork(principal, dto.key)) throw new Forbidden(`This API key is not allowed on network "${dto.key}"`);
    const result = await this.networks
      .createQueryBuilder()
      .insert()
      .values({ key: dto.key, name: dto.name, timezone: dto.timezone ?? 'UTC' })
      .orIgnore()
      .returning('*')
      .execute();
    if (result.raw.length === 0) throw new Conflict(`Network "${dto.key}" already exists`);
    return toView(await this.networks.findOneByOrFail({ key: dto.key }));
  }

  async list(principal: Principal, page: PageQuery): Promise<NetworkPage> {
    const after = decodeCursor(page.cursor);
    const where = {
      // network ids are int4: a cursor beyond that range simply has nothing after it
      ...(after !== undefined ? { id: MoreThan(int4After(after)) } : {}),
      ...(principal.role !== 'admin' && principal.networks !== null ? { key: In(principal.networks) } : {}),
    };
    const rows = await this.networks.find({ where, order: { id: 'ASC' }, take: page.limit + 1 });
    return toPage(rows, page.limit, (n) => n.id, toView);
  }

  async get(key: string): Promise<NetworkView> {
    return toView(await this.require(key));
  }

  /** The network with this key, or a 404. */
  async require(key: string): Promise<Network> {
    const network = await this.networks.findOneBy({ key });
    if (!network) throw new NotFound(`No network with key "${key}"`);
    return network;
  }
}

function toView(n: Network): NetworkView {
  return { key: n.key, name: n.name, timezone: n.timezone, createdAt: n.createdAt.toISOString(), termsIndexed: n.termsIndexed };
}
