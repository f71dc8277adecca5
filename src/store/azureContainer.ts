/**
 * The Blob container client, from a connection string (Azurite, or an account key) or from the
 * account URL with DefaultAzureCredential (production: the App Service managed identity, so no
 * key sits in the settings; learn.microsoft.com/azure/storage/blobs/storage-quickstart-blobs-nodejs).
 * Retries are few and short: a storage call sits inside a Teams turn, which must answer in seconds.
 */
import { DefaultAzureCredential } from '@azure/identity';
import {
  BlobServiceClient,
  type ContainerClient,
  type StoragePipelineOptions,
} from '@azure/storage-blob';

export interface AzureContainerOptions {
  connectionString?: string;
  accountUrl?: string;
  container: string;
}

const PIPELINE: StoragePipelineOptions = {
  retryOptions: {
    maxTries: 3,
    tryTimeoutInMs: 10_000,
    retryDelayInMs: 200,
    maxRetryDelayInMs: 2_000,
  },
};

export function azureContainerClient(options: AzureContainerOptions): ContainerClient {
  const service = options.connectionString
    ? BlobServiceClient.fromConnectionString(options.connectionString, PIPELINE)
    : new BlobServiceClient(
        requiredUrl(options.accountUrl),
        new DefaultAzureCredential(),
        PIPELINE,
      );
  return service.getContainerClient(options.container);
}

function requiredUrl(url: string | undefined): string {
  if (!url) throw new Error('Azure Storage needs a connection string or an account URL.');
  return url;
}
