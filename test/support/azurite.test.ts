/** The Azurite harness itself: it starts, answers the Blob API, and stops without leaving a process. */
import { BlobServiceClient } from '@azure/storage-blob';
import { startAzurite } from './azurite';

it('when Azurite is started, then a container can be created and listed, and stop ends it', async () => {
  const azurite = await startAzurite();
  try {
    const service = BlobServiceClient.fromConnectionString(azurite.connectionString);
    await service.getContainerClient('probe').create();
    const names: string[] = [];
    for await (const c of service.listContainers()) names.push(c.name);
    expect(names).toContain('probe');
  } finally {
    await azurite.stop();
  }
  await expect(fetch(azurite.blobEndpoint)).rejects.toThrow();
});
