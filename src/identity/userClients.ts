/**
 * With a shared token cache, one msal client per user: msal's DistributedCachePlugin saves the
 * client's whole in-memory cache under the partition of the first account it holds, so a client
 * serving several users would write one user's tokens into another's record (and two users'
 * turns interleave between load and save). A client per user loads and saves only that user's
 * partition. The clients are kept for users seen recently, so a busy user does not rebuild one
 * per turn; the least recently used one is dropped beyond MAX_USERS (its tokens stay in storage).
 */
import {
  DistributedCachePlugin,
  type ConfidentialClientApplication,
  type ICacheClient,
  type IPartitionManager,
} from '@azure/msal-node';
import type { Logger } from '../log';
import { createConfidentialClient } from './msalClient';
import type { GraphIdentityOptions } from './types';

const MAX_USERS = 500;

/** Partition = the user's Entra object id; msal's homeAccountId for Entra is "<oid>.<tenant id>". */
export function userPartition(oid: string): IPartitionManager {
  return {
    getKey: async () => oid,
    extractKey: async (account) => account.homeAccountId.split('.')[0] || oid,
  };
}

export interface UserClients {
  forUser(oid: string): ConfidentialClientApplication;
  forget(oid: string): void;
}

export function createUserClients(
  options: GraphIdentityOptions,
  cache: ICacheClient,
  logger: Logger,
): UserClients {
  const clients = new Map<string, ConfidentialClientApplication>();
  return {
    forUser(oid) {
      let client = clients.get(oid);
      if (client) {
        clients.delete(oid); // re-inserted below: Map order is the recency order
      } else {
        const cachePlugin = new DistributedCachePlugin(cache, userPartition(oid));
        client = createConfidentialClient({ ...options, cachePlugin }, logger);
      }
      clients.set(oid, client);
      if (clients.size > MAX_USERS) clients.delete(clients.keys().next().value!);
      return client;
    },
    forget: (oid) => void clients.delete(oid),
  };
}
