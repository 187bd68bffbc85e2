// Configuration of the Orthanc that tests use as "the hospital PACS": Debian's
// orthanc 1.10 with the orthanc-dicomweb plugin, HTTP only, DICOM port off.
// Orthanc 1.10 has no bind-address option and listens on every interface:
// RemoteAccessAllowed=false makes it answer 401 to anything but loopback, and
// authentication is on with a user generated per run.

export interface OrthancConfigInput {
  port: number;
  storageDir: string;
  username: string;
  password: string;
  dicomWebPlugin: string;
}

export function orthancConfig(input: OrthancConfigInput): Record<string, unknown> {
  return {
    Name: 'konsil-test-pacs',
    StorageDirectory: input.storageDir,
    IndexDirectory: input.storageDir,
    // Files are kept byte for byte as uploaded, so tests can compare hashes.
    StorageCompression: false,
    HttpPort: input.port,
    RemoteAccessAllowed: false,
    AuthenticationEnabled: true,
    RegisteredUsers: { [input.username]: input.password },
    DicomServerEnabled: false,
    Plugins: [input.dicomWebPlugin],
    DicomWeb: { Enable: true, Root: '/dicom-web/', EnableWado: true, WadoRoot: '/wado', Ssl: false },
    // Unlimited search results: Konsil pages QIDO answers itself.
    LimitFindResults: 0,
    LimitFindInstances: 0,
    HttpThreadsCount: 8,
    ConcurrentJobs: 1,
    SaveJobs: false,
    RestApiWriteToFileSystemEnabled: false,
    ExecuteLuaEnabled: false,
  };
}
