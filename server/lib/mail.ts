/**
 * Outgoing mail behind one interface. Development writes each mail to DATA_DIR/mail as a .eml file
 * and logs where; production sends through SMTP; tests keep them in memory.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nodemailer from 'nodemailer';

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

export interface MailTransport {
  send(mail: Mail): Promise<void>;
}

export class MemoryMailTransport implements MailTransport {
  readonly sent: Mail[] = [];
  async send(mail: Mail) {
    this.sent.push(mail);
  }
}

export class FileMailTransport implements MailTransport {
  constructor(
    private readonly dir: string,
    private readonly from: string,
    private readonly log: (msg: string) => void,
  ) {}
  async send(mail: Mail) {
    mkdirSync(this.dir, { recursive: true });
    const file = join(
      this.dir,
      `${new Date().toISOString().replace(/[:.]/g, '-')}-${mail.to.replace(/[^a-z0-9@._-]/gi, '_')}.eml`,
    );
    const encodedSubject = `=?UTF-8?B?${Buffer.from(mail.subject).toString('base64')}?=`;
    writeFileSync(
      file,
      `From: ${this.from}\r\nTo: ${mail.to}\r\nSubject: ${encodedSubject}\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n${mail.text}\r\n`,
    );
    this.log(`mail to ${mail.to} written to ${file}`);
  }
}

export class SmtpMailTransport implements MailTransport {
  private readonly transporter;
  constructor(
    url: string,
    private readonly from: string,
  ) {
    this.transporter = nodemailer.createTransport(url);
  }
  async send(mail: Mail) {
    await this.transporter.sendMail({ from: this.from, to: mail.to, subject: mail.subject, text: mail.text });
  }
}

/** The transport the configuration asks for: SMTP when SMTP_URL is set, otherwise files under DATA_DIR/mail. */
export function mailTransportFor(
  config: { SMTP_URL?: string; MAIL_FROM: string; DATA_DIR: string },
  log: (msg: string) => void,
): MailTransport {
  return config.SMTP_URL
    ? new SmtpMailTransport(config.SMTP_URL, config.MAIL_FROM)
    : new FileMailTransport(join(config.DATA_DIR, 'mail'), config.MAIL_FROM, log);
}
