import { createHash } from 'node:crypto';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/factories.ts';
import { ENGINES } from '../../test/test-db.ts';
import { committeeName, safeFileName, sniffMime } from './admission.documents.ts';
import { buildKit, call, walkTo, type Kit } from './admission.fixtures.ts';

// Scans of a case (security.md "Files": PDF, JPEG or PNG by their magic bytes, at most 10 MB) and the Word documents
// generated from the case (domain.md "How a party document looks").

function multipart(fileName: string, contentType: string, content: Buffer) {
  const boundary = `----dv${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${contentType}\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, content, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from('1 0 obj << /Type /Catalog >> endobj\n%%EOF\n')]);
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(32, 7)]);

describe('file checks', () => {
  it('knows a file by its magic bytes, not its name', () => {
    expect(sniffMime(PDF)).toBe('application/pdf');
    expect(sniffMime(PNG)).toBe('image/png');
    expect(sniffMime(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]))).toBe('image/jpeg');
    expect(sniffMime(Buffer.from('PK\u0003\u0004 not a pdf'))).toBeNull();
    expect(sniffMime(Buffer.from('%PD'))).toBeNull();
  });
  it('keeps a safe file name with the real extension', () => {
    expect(safeFileName('C:\\scans\\Đơn xin vào Đảng.exe', 'application/pdf')).toBe('Đơn xin vào Đảng.pdf');
    expect(safeFileName('../../etc/passwd', 'image/png')).toBe('passwd.png');
  });
  it('names the committee that signs', () => {
    expect(committeeName('commune_committee', 'Đảng bộ xã Lạc Dương')).toBe('Đảng ủy xã Lạc Dương');
    expect(committeeName('district_committee', 'Đảng bộ huyện Lạc Dương')).toBe('Huyện ủy Lạc Dương');
    expect(committeeName('provincial_committee', 'Đảng bộ tỉnh Lâm Đồng')).toBe('Tỉnh ủy Lâm Đồng');
  });
});

describe.each(ENGINES)('admission documents on %s', (engine) => {
  let t: TestApp;
  let kit: Kit;

  beforeAll(async () => {
    t = await buildTestApp(engine);
    kit = await buildKit(t, engine);
  });
  afterAll(() => t.close());

  async function upload(url: string, fileName: string, type: string, content: Buffer, cookie = kit.secretaryA.cookie) {
    const m = multipart(fileName, type, content);
    return t.app.inject({ method: 'POST', url: `${url}/documents?step=application&kind=application`, headers: { cookie, ...m.headers }, payload: m.payload });
  }
  const documentCount = async () => Number((await t.db.selectFrom('admission_documents').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  it('stores a PDF scan with its hash and gives back the same bytes', async () => {
    const { url } = await walkTo(t, kit, 'application');
    const res = await upload(url, 'Đơn xin vào Đảng.pdf', 'application/octet-stream', PDF);
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ mime: 'application/pdf', size: PDF.length, sha256: createHash('sha256').update(PDF).digest('hex'), fileName: 'Đơn xin vào Đảng.pdf' });
    const png = await upload(url, 'anh.png', 'image/png', PNG);
    expect(png.statusCode).toBe(201);
    const detail = (await call(t, kit.secretaryA.cookie, 'GET', url)).body;
    expect(detail.documents.map((d: { mime: string }) => d.mime)).toEqual(['application/pdf', 'image/png']);
    const down = await t.app.inject({ method: 'GET', url: `${url}/documents/${body.id}`, headers: { cookie: kit.committee.cookie } });
    expect(down.statusCode).toBe(200);
    expect(down.headers['content-type']).toBe('application/pdf');
    expect(String(down.headers['content-disposition'])).toContain("filename*=UTF-8''");
    expect(down.rawPayload.equals(PDF)).toBe(true);
    // Another cell's secretary gets nothing.
    const foreign = await t.app.inject({ method: 'GET', url: `${url}/documents/${body.id}`, headers: { cookie: kit.secretaryB.cookie } });
    expect(foreign.statusCode).toBe(404);
  });

  it('refuses a file whose bytes are not PDF, JPEG or PNG, whatever its name and type say', async () => {
    const { url } = await walkTo(t, kit, 'application');
    const before = await documentCount();
    const res = await upload(url, 'scan.pdf', 'application/pdf', Buffer.from('<html><script>alert(1)</script></html>'));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual([{ path: 'file', code: 'file_type_not_allowed', params: { allowed: 'PDF, JPEG, PNG' } }]);
    expect(await documentCount()).toBe(before);
  });

  it('refuses a file over 10 MB', async () => {
    const { url } = await walkTo(t, kit, 'application');
    const before = await documentCount();
    const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(10 * 1024 * 1024, 0x20)]);
    const res = await upload(url, 'big.pdf', 'application/pdf', big);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0]).toMatchObject({ path: 'file', code: 'file_too_large' });
    expect(await documentCount()).toBe(before);
  });

  it('generates the cell resolution with the vote from the data, and nothing before the data exists', async () => {
    const { url, detail } = await walkTo(t, kit, 'grassroots_resolution');
    const early = await t.app.inject({ method: 'GET', url: `${url}/word/admission-decision`, headers: { cookie: kit.secretaryA.cookie } });
    expect(early.statusCode).toBe(404);
    const res = await t.app.inject({ method: 'GET', url: `${url}/word/cell-resolution`, headers: { cookie: kit.secretaryA.cookie } });
    expect(res.statusCode).toBe(200);
    const xml = await (await JSZip.loadAsync(res.rawPayload)).file('word/document.xml')!.async('string');
    for (const text of [
      detail.person.fullName,
      'CHI BỘ GIÁO VIÊN',
      'ĐẢNG BỘ TRƯỜNG THPT LANG BIANG',
      'ĐẢNG CỘNG SẢN VIỆT NAM',
      'Lạc Dương, ngày 05 tháng 5 năm 2026',
      'NGHỊ QUYẾT',
      'Đề nghị kết nạp đảng viên',
      'Số 05-NQ/CB',
      '5/6 đồng chí',
      'Ban Thường vụ Đảng ủy xã Lạc Dương',
      'Nguyễn Văn An',
    ]) {
      expect(xml).toContain(text);
    }
  });
});
