// A local SMTP sink for tests: accepts every message on loopback (no auth, no TLS),
// parses it with mailparser, keeps it in memory and serves the list as JSON on a small
// HTTP port (GET /messages, DELETE /messages). Started by e2e/support/start-stack.ts
// (SMTP_URL points at it) and by integration tests (startSmtpSink).
//   npx tsx scripts/smtp-sink.ts [smtpPort] [httpPort]
import http from 'node:http';
import { pathToFileURL } from 'node:url';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface SinkMessage {
  from: string;
  to: string[];
  subject: string;
  text: string;
  /** The HTML part, if the sender added one (Konsil does not). */
  html: string | null;
  receivedAt: string;
}

export interface SmtpSink {
  smtpPort: number;
  httpPort: number;
  smtpUrl: string;
  messages: () => SinkMessage[];
  clear: () => void;
  stop: () => Promise<void>;
}

export async function startSmtpSink(options: { smtpPort: number; httpPort: number }): Promise<SmtpSink> {
  const received: SinkMessage[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push({
            from: mail.from?.text ?? '',
            to: session.envelope.rcptTo.map((r) => r.address),
            subject: mail.subject ?? '',
            text: mail.text ?? '',
            html: typeof mail.html === 'string' ? mail.html : null,
            receivedAt: new Date().toISOString(),
          });
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve, reject) => {
    smtp.once('error', reject);
    smtp.listen(options.smtpPort, '127.0.0.1', () => resolve());
  });
  const web = http.createServer((request, response) => {
    if (request.url === '/messages' && request.method === 'GET') {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(received));
    } else if (request.url === '/messages' && request.method === 'DELETE') {
      received.length = 0;
      response.writeHead(204).end();
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve, reject) => {
    web.once('error', reject);
    web.listen(options.httpPort, '127.0.0.1', () => resolve());
  });
  return {
    smtpPort: options.smtpPort,
    httpPort: options.httpPort,
    smtpUrl: `smtp://127.0.0.1:${options.smtpPort}`,
    messages: () => [...received],
    clear: () => {
      received.length = 0;
    },
    stop: async () => {
      await new Promise<void>((resolve) => web.close(() => resolve()));
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
    },
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const smtpPort = Number(process.argv[2] ?? 2525);
  const httpPort = Number(process.argv[3] ?? 2526);
  startSmtpSink({ smtpPort, httpPort })
    .then((sink) => {
      console.log(`SMTP sink: ${sink.smtpUrl}, messages at http://127.0.0.1:${httpPort}/messages`);
      const stop = () => void sink.stop().then(() => process.exit(0));
      process.once('SIGTERM', stop);
      process.once('SIGINT', stop);
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
