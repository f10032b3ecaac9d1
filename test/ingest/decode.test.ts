import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { decode } from "../../src/ingest/decode.js";
import { MarsadError } from "../../src/errors.js";

const ARTICLE = "أعلنت السلطات المحلية إغلاق الطريق الساحلي بسبب الأمطار الغزيرة التي هطلت على المنطقة.";

describe("decode", () => {
  it("reads UTF-8", () => {
    expect(decode(Buffer.from(ARTICLE, "utf8"))).toEqual({ text: ARTICLE, encoding: "utf-8" });
  });

  it("reads UTF-8 with a BOM and drops the BOM", () => {
    const buf = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(ARTICLE, "utf8")]);
    expect(decode(buf)).toEqual({ text: ARTICLE, encoding: "utf-8" });
  });

  it("reads UTF-16 LE and BE with a BOM", () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(ARTICLE, "utf16le")]);
    expect(decode(le)).toEqual({ text: ARTICLE, encoding: "utf-16le" });
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(ARTICLE, "utf-16be")]);
    expect(decode(be)).toEqual({ text: ARTICLE, encoding: "utf-16be" });
  });

  it("recognises UTF-16 LE without a BOM", () => {
    expect(decode(Buffer.from(ARTICLE, "utf16le"))).toEqual({ text: ARTICLE, encoding: "utf-16le" });
  });

  it("tells windows-1256 from ISO-8859-6 by byte statistics", () => {
    expect(decode(iconv.encode(ARTICLE, "windows-1256"))).toEqual({ text: ARTICLE, encoding: "windows-1256" });
    // ISO-8859-6 has no hamza-on-alef forms beyond the basic ones; this sentence uses only letters it has.
    const plain = "قالت الحكومة ان الوضع مستقر في المدينة وان الطرق مفتوحة امام المسافرين";
    expect(decode(iconv.encode(plain, "iso-8859-6"))).toEqual({ text: plain, encoding: "iso-8859-6" });
  });

  it("follows a charset declared in a meta tag when the bytes are not UTF-8", () => {
    const html = `<html><head><meta charset="windows-1256"></head><body><p>${ARTICLE}</p></body></html>`;
    expect(decode(iconv.encode(html, "windows-1256")).encoding).toBe("windows-1256");
  });

  it("prefers valid UTF-8 over a wrong declaration", () => {
    const html = `<html><head><meta charset="windows-1256"></head><body><p>${ARTICLE}</p></body></html>`;
    expect(decode(Buffer.from(html, "utf8"))).toEqual({ text: html, encoding: "utf-8" });
  });

  it("obeys an encoding named by the caller", () => {
    expect(decode(iconv.encode(ARTICLE, "windows-1256"), "cp1256").text).toBe(ARTICLE);
  });

  it("refuses an unknown encoding name with the way out", () => {
    expect(() => decode(Buffer.from("x"), "klingon-8")).toThrow(/unknown encoding "klingon-8"; use utf-8/);
  });

  it.each([
    [[0x25, 0x50, 0x44, 0x46, 0x2d, 0x31], /PDF/],
    [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a], /PNG/],
    [[0x1f, 0x8b, 0x08, 0x00], /gzip/],
    [[0x41, 0x00, 0x00, 0x00, 0x42, 0x00, 0x00, 0x00, 0x43, 0x00], /NUL bytes/],
  ])("refuses binary data %#", (bytes, message) => {
    expect(() => decode(Buffer.from(bytes))).toThrow(MarsadError);
    expect(() => decode(Buffer.from(bytes))).toThrow(message);
  });
});
