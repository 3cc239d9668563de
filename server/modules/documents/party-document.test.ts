import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { attachmentHeader, renderPartyDocument, vietnameseDateLine } from './party-document.ts';

async function documentXml(buf: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(buf);
  return zip.file('word/document.xml')!.async('string');
}

describe('party document (Hướng dẫn 36-HD/VPTW layout)', () => {
  it('writes the date line as party documents do', () => {
    expect(vietnameseDateLine('Lạc Dương', '2019-09-30')).toBe('Lạc Dương, ngày 30 tháng 9 năm 2019');
    expect(vietnameseDateLine('Đà Lạt', '2026-02-05')).toBe('Đà Lạt, ngày 05 tháng 02 năm 2026');
  });

  it('renders a Word file with the header, title, body from the data and the signature block in Vietnamese', async () => {
    const buf = await renderPartyDocument({
      superior: 'Đảng bộ xã Lạc Dương',
      issuer: 'Chi bộ Thôn Bon Đưng',
      number: 'Số 05-NQ/CB',
      place: 'Lạc Dương',
      date: '2026-11-20',
      kind: 'Nghị quyết',
      subject: 'Đề nghị kết nạp đảng viên',
      grounds: ['Căn cứ Điều lệ Đảng Cộng sản Việt Nam;'],
      sections: [{ heading: '1.', paragraphs: ['Đề nghị kết nạp quần chúng Liêng Hót Ha Ngọc vào Đảng.'] }],
      recipients: ['Đảng ủy xã (để báo cáo)', 'Lưu chi bộ'],
      signature: { onBehalfOf: 'T/M Chi bộ', title: 'Bí thư', name: 'Nguyễn Văn An' },
    });
    expect(buf.subarray(0, 2).toString()).toBe('PK');
    const xml = await documentXml(buf);
    for (const text of ['ĐẢNG BỘ XÃ LẠC DƯƠNG', 'CHI BỘ THÔN BON ĐƯNG', 'ĐẢNG CỘNG SẢN VIỆT NAM', 'Lạc Dương, ngày 20 tháng 11 năm 2026', 'NGHỊ QUYẾT', 'Liêng Hót Ha Ngọc', 'Nơi nhận:', 'T/M CHI BỘ', 'BÍ THƯ', 'Nguyễn Văn An', 'Times New Roman']) {
      expect(xml).toContain(text);
    }
  });

  it('names the download with an ASCII fallback and the UTF-8 name', () => {
    expect(attachmentHeader('Quyết định kết nạp.docx')).toBe(
      `attachment; filename="Quyet dinh ket nap.docx"; filename*=UTF-8''Quy%E1%BA%BFt%20%C4%91%E1%BB%8Bnh%20k%E1%BA%BFt%20n%E1%BA%A1p.docx`,
    );
  });
});
