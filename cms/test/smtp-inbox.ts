// A real SMTP server on loopback for the tests of reporters' e-mails (smtp-server), which parses
// what it receives (mailparser).
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** Every message the loopback SMTP server accepted, parsed, in order of arrival. */
export class Inbox {
  readonly mails: ParsedMail[] = [];
  private waiting: Array<() => void> = [];
  private server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    // A mailbox that does not exist, as a real server would answer it.
    onRcptTo: (address, _session, done) => {
      done(
        address.address === 'nobody@example.com'
          ? Object.assign(new Error('No such mailbox here'), { responseCode: 550 })
          : undefined,
      );
    },
    onData: (stream, _session, done) => {
      simpleParser(stream).then(
        (mail) => {
          this.mails.push(mail);
          for (const wake of this.waiting.splice(0)) wake();
          done();
        },
        (error: Error) => done(error),
      );
    },
  });

  async listen(): Promise<number> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return (this.server.server.address() as AddressInfo).port;
  }

  /** The n-th mail received (0-based), once it has arrived. */
  async mail(n: number): Promise<ParsedMail> {
    while (this.mails.length <= n) await new Promise<void>((resolve) => this.waiting.push(resolve));
    return this.mails[n]!;
  }

  close() {
    return new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
